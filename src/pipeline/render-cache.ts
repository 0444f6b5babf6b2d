import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visibleTo, type Audience } from '../lib/audience.ts';
import { noBodyTerms, type BodyTerms } from '../lib/graph/similarity.ts';
import { noWordCounts, type WordCounts } from '../lib/word-counts.ts';
import type { DocumentRender, RenderDeps, RenderSettings } from './render-document.ts';
import { openLineStore, writeAtomically, type LineStore } from './line-store.ts';
import type { IdTarget } from '../lib/graph/id-index.ts';
import type { RenderedBody } from './render-body.ts';

/**
 * Renders kept on disk between builds, keyed by everything that can change a document's
 * output: its body and front matter, the trackers, the audience and the pipeline's own code.
 * What a render looked up (IDs and their titles, URLs, visibility; the day) is stored with
 * it and checked on every read, so a cached render is used only when a fresh one would be
 * byte-identical. Each audience has its own entries: renders that show anything of a
 * restricted document are kept only among the restricted audience's, which only restricted
 * builds and the check (which reads everything anyway) ever open. A document this audience
 * may not read is still checked on every build, so its entry keeps what checking needs (no
 * problems, its mentions, links and heading anchors) and none of its words.
 */
export interface RenderCache {
  /** A valid cached render, or undefined. */
  get(key: string, settings: RenderSettings): DocumentRender | undefined;
  /** Keeps a successful render: whole if this audience may read it, as a verdict otherwise. */
  put(key: string, render: DocumentRender, ownVisibility: Audience): void;
  /** Removes entries of this audience that no render of this build asked for. */
  prune(): void;
  /** The key of a render, from its file's `sourceDigest`, under these settings' trackers. */
  keyOf(digest: string): string;
  /** Whether it keeps renders' words: when not, the renders it is given need none (see `DiskCacheOptions`). */
  readonly words: boolean;
  /** Front matter that passed its schema, so a later run need not parse and validate it again. */
  frontMatter?: FrontMatterCache;
  /** Files the secret scan found clean, so a later run need not scan them again. */
  secretFree?: SecretFreeCache;
}

/**
 * What a file's render and scans are a function of: its collection (which picks the schema
 * that turns the YAML into the data components read), its front matter and its body. One
 * hash per file serves the render key and the secret scan's verdict.
 */
export function sourceDigest(collection: string, frontMatter: string, body: string): string {
  return createHash('sha256').update(collection).update('\0').update(frontMatter).update('\0').update(body).digest('hex');
}

/**
 * Files without secrets, by `sourceDigest`. Only clean verdicts are kept: a finding holds
 * the secret itself, and a file with one is scanned on every run.
 */
export interface SecretFreeCache {
  has(digest: string): boolean;
  add(digest: string): void;
}

/** Validated front matter by collection and YAML text; the fingerprint covers the schemas. */
export interface FrontMatterCache {
  /** Whether `get` would find it, without copying it out. */
  has(collection: string, yaml: string): boolean;
  get(collection: string, yaml: string): Record<string, unknown> | undefined;
  put(collection: string, yaml: string, data: unknown): void;
}

/** Bumped by hand only if the cache format changes; code changes are caught by the fingerprint. */
const formatVersion = 4;

/**
 * A hash of the code that can shape a render (every module of the pipeline, plugins, content
 * components, schemas and libraries; wider than strictly needed, so a forgotten import can
 * never serve a stale render) and of the installed libraries' versions.
 */
export function pipelineFingerprint(): string {
  const src = fileURLToPath(new URL('../', import.meta.url));
  const hash = createHash('sha256').update(String(formatVersion));
  for (const dir of ['lib', 'plugins', 'components/content', 'schemas', 'collections', 'pipeline']) {
    const files = readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const file of files) hash.update(`${dir}/${file}`).update(readFileSync(join(src, dir, file)));
  }
  try {
    hash.update(readFileSync(join(src, '..', 'package-lock.json')));
  } catch {
    // No lockfile (a copied project): library upgrades are then not noticed; `--no-cache` helps.
  }
  return hash.digest('hex').slice(0, 16);
}

const renderKey = (trackersKey: string, digest: string) => createHash('sha256').update(trackersKey).update('\0').update(digest).digest('hex');

/**
 * Renders kept in memory for as long as the process runs: the dev server re-renders only
 * the documents a save changed (and those whose links it changed).
 */
export function memoryRenderCache(trackersKey: string): RenderCache {
  const entries = new Map<string, DocumentRender>();
  const used = new Set<string>();
  let secretFree = new Set<string>();
  const secretFreeNow = new Set<string>();
  return {
    keyOf: (digest) => renderKey(trackersKey, digest),
    words: true,
    get(key, settings) {
      used.add(key);
      const entry = entries.get(key);
      return entry && depsHold(entry.deps, settings) ? entry : undefined;
    },
    put(key, render) {
      used.add(key);
      if (render.rendered.problems.length === 0) entries.set(key, render);
    },
    secretFree: {
      has(digest) {
        if (!secretFree.has(digest)) return false;
        secretFreeNow.add(digest);
        return true;
      },
      add: (digest) => void secretFreeNow.add(digest),
    },
    prune() {
      for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
      used.clear();
      secretFree = new Set(secretFreeNow);
      secretFreeNow.clear();
    },
  };
}

export interface DiskCacheOptions {
  /**
   * False when the caller reads neither a document's HTML nor its text nor their terms (the
   * check, which works out no similarity): cached renders then come back with all three empty,
   * and their words are neither read nor written.
   */
  words?: boolean;
}

/**
 * The render cache under `dir`, in three files and one file of words per render: the
 * renders' metadata (what checking needs), validated front matter and clean
 * secret-scan verdicts are each one file of lines (see line-store.ts), so a warm check opens
 * four files, not ten thousand.
 */
export function openRenderCache(dir: string, audience: Audience, trackersKey: string, { words = true }: DiskCacheOptions = {}): RenderCache {
  const fingerprint = pipelineFingerprint();
  const home = join(dir, fingerprint, audience);
  // Entries of an older pipeline can never be valid again.
  try {
    for (const name of readdirSync(dir)) if (name !== fingerprint) rmSync(join(dir, name), { recursive: true, force: true });
  } catch {
    // no cache yet
  }
  /** Shard folders known to exist, so each is made once per run, not once per entry. */
  const madeShards = new Set<string>();
  const wordsPath = (key: string) => join(home, key.slice(0, 2), `${key}.words`);
  const stores = new Map<string, LineStore>();
  const store = (name: string) => {
    let opened = stores.get(name);
    if (!opened) stores.set(name, (opened = openLineStore(join(home, name))));
    return opened;
  };
  const validatedKey = (collection: string, yaml: string) => createHash('sha256').update(collection).update('\0').update(yaml).digest('hex');
  const frontMatter: FrontMatterCache = {
    has: (collection, yaml) => store('front-matter').has(validatedKey(collection, yaml)),
    get(collection, yaml) {
      const line = store('front-matter').get(validatedKey(collection, yaml));
      // Parsed from its line on each call: two files with the same front matter never share one object.
      return line === undefined ? undefined : (JSON.parse(line) as Record<string, unknown>);
    },
    put(collection, yaml, data) {
      // Like renders: a restricted document's fields are kept only among the restricted audience's entries.
      if (audience !== 'restricted' && (data as { visibility?: string }).visibility === 'restricted') return;
      store('front-matter').set(validatedKey(collection, yaml), JSON.stringify(data));
    },
  };
  return {
    keyOf: (digest) => renderKey(trackersKey, digest),
    words,
    get(key, settings) {
      const line = store('renders').get(key);
      if (line === undefined) return undefined;
      const { rendered, deps } = JSON.parse(line) as EntryMeta;
      if (!depsHold(deps, settings)) return undefined;
      let kept = { words: noWordCounts, terms: noBodyTerms, html: '' };
      if (words) {
        try {
          kept = decodeWords(readFileSync(wordsPath(key)));
        } catch {
          return undefined; // its words are gone: rendered afresh
        }
      }
      return { rendered: { ...rendered, ...kept }, deps };
    },
    put(key, render, ownVisibility) {
      if (render.rendered.problems.length > 0) return;
      if (audience !== 'restricted' && render.deps.ids.some(([, t]) => t?.visibility === 'restricted' && t.visible)) return;
      const kept = visibleTo(audience, ownVisibility) ? render : withoutWords(render);
      const { html, words: counted, terms, ...rest } = kept.rendered;
      // A caller that reads no words writes none either: ten thousand files of them cost the
      // cold check seconds, for the benefit of restricted builds only (which then render afresh).
      if (words) {
        const shard = key.slice(0, 2);
        if (!madeShards.has(shard)) {
          mkdirSync(join(home, shard), { recursive: true });
          madeShards.add(shard);
        }
        writeAtomically(wordsPath(key), `${JSON.stringify(counted)}\n${JSON.stringify(terms)}\n${html}`);
      } else if (store('renders').has(key)) {
        // Re-rendered because what it looked up changed: the words an earlier build kept are stale now.
        rmSync(wordsPath(key), { force: true });
      }
      store('renders').set(key, JSON.stringify({ rendered: rest, deps: kept.deps } satisfies EntryMeta));
    },
    frontMatter,
    secretFree: {
      has: (digest) => store('secret-free').get(digest) !== undefined,
      add: (digest) => store('secret-free').set(digest, ''),
    },
    prune() {
      // Only this run's entries are kept: edited and deleted files drop out.
      mkdirSync(home, { recursive: true });
      for (const name of ['front-matter', 'secret-free']) store(name).save();
      if (!store('renders').save().dropped) return;
      const kept = new Set(store('renders').keys());
      for (const shard of readdirSync(home)) {
        if (shard.length !== 2) continue; // shards are two hex digits; the line stores sit beside them
        for (const name of readdirSync(join(home, shard))) {
          // Only finished entries: a temporary file belongs to a run writing beside this one.
          if (name.endsWith('.words') && !kept.has(name.slice(0, -'.words'.length))) rmSync(join(home, shard, name), { force: true });
        }
      }
    },
  };
}

/** All of an entry but its words (HTML, and the words and terms counted from its text): a line of the meta file. */
interface EntryMeta {
  rendered: Omit<RenderedBody, 'html' | 'words' | 'terms'>;
  deps: RenderDeps;
}

/** An entry's words on disk: its word counts as JSON on one line, its terms as JSON on the next, then the HTML as it is. */
function decodeWords(bytes: Buffer): { words: WordCounts; terms: BodyTerms; html: string } {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (second < 0) throw new Error('not an entry of this format');
  return {
    words: JSON.parse(bytes.toString('utf8', 0, first)) as WordCounts,
    terms: JSON.parse(bytes.toString('utf8', first + 1, second)) as BodyTerms,
    html: bytes.toString('utf8', second + 1),
  };
}

/**
 * A render of a document the audience may not read, as a verdict: it rendered cleanly, with
 * these mentions, ticket keys, links and anchors (all needed to check the documents around
 * it), but without its HTML, word counts, terms or heading words. Such a document is never published in
 * this audience's build, so nothing reads more.
 */
function withoutWords({ rendered, deps }: DocumentRender): DocumentRender {
  return { rendered: { ...rendered, html: '', words: noWordCounts, terms: noBodyTerms, headings: rendered.headings.map((h) => ({ ...h, text: '' })) }, deps };
}

/** Whether a render made under `deps` would come out the same with these settings. */
export function depsHold(deps: RenderDeps, settings: RenderSettings): boolean {
  if (deps.today !== undefined && deps.today !== settings.today) return false;
  for (const [id, was] of deps.ids) if (!sameTarget(was, settings.ids.get(id) ?? null)) return false;
  return true;
}

function sameTarget(a: IdTarget | null, b: IdTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.collection === b.collection && a.title === b.title && a.url === b.url && a.visible === b.visible && a.draft === b.draft && a.visibility === b.visibility;
}
