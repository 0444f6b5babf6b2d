import type { Loader, LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadOptionsFromEnv } from '../lib/config.ts';
import { loadKnowledgeBaseFast } from '../pipeline/knowledge-base.ts';
import { loadSiteConfig } from '../lib/site-config.ts';
import { memoryRenderCache, type RenderCache } from '../pipeline/render-cache.ts';
import { ContentError, formatProblem, hasErrors } from '../lib/problems.ts';
import { providedSession, sessionOf, type BuildSession } from '../pipeline/session.ts';
import type { CollectionName } from '../collections/index.ts';

/**
 * The dev server's own session: loaded once per change for all eight collections (not once
 * per collection), and again whenever a file under the content folder or the site
 * configuration changes.
 */
const live = {
  generation: 0,
  loaded: undefined as { generation: number; session: Promise<BuildSession> } | undefined,
  /** Renders of earlier loads, so a save re-renders only what it changed. */
  cache: undefined as { trackers: string; renders: RenderCache } | undefined,
  refreshers: new Map<CollectionName, () => Promise<void>>(),
  /** The generation whose problems were last printed. */
  reported: -1,
  timer: undefined as NodeJS.Timeout | undefined,
};

/** One reload for a burst of saves (editors write, rename and touch in quick succession). */
function scheduleReload(logger: LoaderContext['logger']): void {
  clearTimeout(live.timer);
  live.timer = setTimeout(async () => {
    live.generation++;
    const started = performance.now();
    for (const refresh of live.refreshers.values()) await refresh();
    logger.info(`documents reloaded in ${Math.round(performance.now() - started)} ms`);
  }, 30);
}

function session(): Promise<BuildSession> {
  const provided = providedSession();
  if (provided) return Promise.resolve(provided);
  if (live.loaded?.generation !== live.generation) {
    const options = loadOptionsFromEnv();
    const trackers = JSON.stringify(loadSiteConfig(options.root).config.trackers);
    if (live.cache?.trackers !== trackers) live.cache = { trackers, renders: memoryRenderCache(trackers) };
    const cache = live.cache.renders;
    live.loaded = { generation: live.generation, session: loadKnowledgeBaseFast(options, { cache, workers: 1 }).then((kb) => sessionOf(options, kb)) };
  }
  return live.loaded.session;
}

/** Puts this collection's documents in Astro's store, replacing what changed and removing what went. */
async function fill(collection: CollectionName, { store, logger }: Pick<LoaderContext, 'store' | 'logger'>, dev: boolean): Promise<void> {
  const { kb, graph } = await session();
  if (hasErrors(kb.problems) && !dev) throw new ContentError(kb.problems);
  // While editing, a document with problems keeps its last good page and the problems are
  // printed once per change; the rest of the site stays up to date.
  // A build printed them before Astro started; printed here again they would show twice.
  if (dev && live.reported !== live.generation) {
    live.reported = live.generation;
    for (const p of kb.problems) (p.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(p));
  }
  const broken = new Set(kb.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const present = new Set<string>();
  for (const doc of kb.documents) {
    if (doc.collection !== collection) continue;
    present.add(doc.id);
    // Validated by the shared schemas already: Astro's parseData would run zod a second time.
    // In a build the body goes to the build's body store, read back by its page: Astro's
    // store (serialised whole) keeps only data, and the session drops its copy.
    const bodies = dev ? undefined : providedSession()?.bodies;
    bodies?.put(doc.id, doc.html);
    store.set({
      id: doc.id,
      data: doc.data as unknown as Record<string, unknown>,
      filePath: doc.file,
      // A hash of what the page shows, not the text itself: the digest is stored too.
      digest: createHash('sha256')
        .update(`${doc.file}\0${JSON.stringify(doc.data)}\0${doc.html}\0${JSON.stringify(graph.from(doc.id))}\0${doc.tickets.join(' ')}`)
        .digest('base64url'),
      rendered: { html: bodies ? '' : doc.html, metadata: { headings: doc.headings, edges: graph.from(doc.id), tickets: doc.tickets } },
    });
    if (!dev) doc.html = '';
  }
  for (const id of store.keys()) {
    const entry = store.get(id);
    if (present.has(id)) continue;
    if (dev && entry?.filePath && broken.has(entry.filePath)) {
      // The last good page stays, headed by what is wrong now, so the author sees it on save.
      const problems = kb.problems.filter((p) => p.file === entry.filePath).map(formatProblem);
      const metadata = { ...entry.rendered?.metadata, problems };
      store.set({ ...entry, digest: `${String(entry.digest)}\0${problems.join('\n')}`, rendered: { html: entry.rendered?.html ?? '', metadata } });
      continue;
    }
    store.delete(id);
  }
}

/**
 * A content-collection loader over Cairn's own pipeline. In `npm run build` the knowledge
 * base was loaded, checked and rendered before Astro started (see src/pipeline/session.ts);
 * under `npm run dev` it is loaded here and follows every save.
 */
export function cairnLoader(collection: CollectionName): Loader {
  return {
    name: `cairn-${collection}`,
    async load(context) {
      const dev = context.watcher !== undefined && providedSession() === undefined;
      await fill(collection, context, dev);
      if (!dev) return;
      live.refreshers.set(collection, () => fill(collection, context, true));
      const { root, contentDir } = loadOptionsFromEnv();
      const watched = [resolve(root, contentDir), resolve(root, 'cairn.config.json')];
      context.watcher!.add(watched);
      const changed = (path: string) => {
        if (watched.some((w) => path === w || path.startsWith(`${w}/`))) scheduleReload(context.logger);
      };
      for (const event of ['add', 'change', 'unlink'] as const) context.watcher!.on(event, changed);
    },
  };
}
