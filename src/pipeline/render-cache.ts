import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visibleTo, type Audience } from '../lib/audience.ts';
import { depsHold, type DocumentRender, type RenderJob, type RenderSettings } from './render-document.ts';

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
  /** The key of one render under these settings' trackers. */
  keyOf(job: RenderJob): string;
  /** Front matter that passed its schema, so a later run need not parse and validate it again. */
  frontMatter?: FrontMatterCache;
}

/** Validated front matter by collection and YAML text; the fingerprint covers the schemas. */
export interface FrontMatterCache {
  /** Whether `get` would find it, without copying it out. */
  has(collection: string, yaml: string): boolean;
  get(collection: string, yaml: string): Record<string, unknown> | undefined;
  put(collection: string, yaml: string, data: unknown): void;
}

/** Bumped by hand only if the cache format changes; code changes are caught by the fingerprint. */
const formatVersion = 1;

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

/** The key of a render: its front matter and body under the build's trackers. */
function keyOf(trackersKey: string, job: RenderJob): string {
  return createHash('sha256').update(trackersKey).update('\0').update(JSON.stringify(job.frontMatter)).update('\0').update(job.body).digest('hex');
}

/**
 * Renders kept in memory for as long as the process runs: the dev server re-renders only
 * the documents a save changed (and those whose links it changed).
 */
export function memoryRenderCache(trackersKey: string): RenderCache {
  const entries = new Map<string, DocumentRender>();
  const used = new Set<string>();
  return {
    keyOf: (job) => keyOf(trackersKey, job),
    get(key, settings) {
      used.add(key);
      const entry = entries.get(key);
      return entry && depsHold(entry.deps, settings) ? entry : undefined;
    },
    put(key, render) {
      used.add(key);
      if (render.rendered.problems.length === 0) entries.set(key, render);
    },
    prune() {
      for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
      used.clear();
    },
  };
}

export function openRenderCache(dir: string, audience: Audience, trackersKey: string): RenderCache {
  const fingerprint = pipelineFingerprint();
  const home = join(dir, fingerprint, audience);
  // Entries of an older pipeline can never be valid again.
  try {
    for (const name of readdirSync(dir)) if (name !== fingerprint) rmSync(join(dir, name), { recursive: true, force: true });
  } catch {
    // no cache yet
  }
  const used = new Set<string>();
  /** Shard folders known to exist, so each is made once per run, not once per entry. */
  const madeShards = new Set<string>();
  const pathOf = (key: string) => join(home, key.slice(0, 2), `${key}.json`);
  // One file for all front matter: ten thousand small reads cost more than one large one.
  const validatedFile = join(home, 'front-matter.json');
  let validated: Map<string, Record<string, unknown>> | undefined;
  const fresh = new Map<string, Record<string, unknown>>();
  const validatedKey = (collection: string, yaml: string) => createHash('sha256').update(collection).update('\0').update(yaml).digest('base64url');
  const loadValidated = () => {
    if (!validated) {
      try {
        validated = new Map(Object.entries(JSON.parse(readFileSync(validatedFile, 'utf8')) as Record<string, Record<string, unknown>>));
      } catch {
        validated = new Map();
      }
    }
    return validated;
  };
  const frontMatter: FrontMatterCache = {
    has: (collection, yaml) => loadValidated().has(validatedKey(collection, yaml)),
    get(collection, yaml) {
      const key = validatedKey(collection, yaml);
      const data = loadValidated().get(key);
      if (data) fresh.set(key, data);
      return data && structuredClone(data);
    },
    put(collection, yaml, data) {
      // Like renders: a restricted document's fields are kept only among the restricted audience's entries.
      if (audience !== 'restricted' && (data as { visibility?: string }).visibility === 'restricted') return;
      fresh.set(validatedKey(collection, yaml), data as Record<string, unknown>);
    },
  };
  return {
    keyOf: (job) => keyOf(trackersKey, job),
    get(key, settings) {
      used.add(key);
      let entry: DocumentRender;
      try {
        entry = JSON.parse(readFileSync(pathOf(key), 'utf8')) as DocumentRender;
      } catch {
        return undefined;
      }
      return depsHold(entry.deps, settings) ? entry : undefined;
    },
    put(key, render, ownVisibility) {
      used.add(key);
      if (render.rendered.problems.length > 0) return;
      if (audience !== 'restricted' && render.deps.ids.some(([, t]) => t?.visibility === 'restricted' && t.visible)) return;
      const kept = visibleTo(audience, ownVisibility) ? render : withoutWords(render);
      const path = pathOf(key);
      const shard = key.slice(0, 2);
      if (!madeShards.has(shard)) {
        mkdirSync(join(home, shard), { recursive: true });
        madeShards.add(shard);
      }
      // Write then rename: a build running beside this one never reads half an entry.
      const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(temporary, JSON.stringify(kept));
      renameSync(temporary, path);
    },
    frontMatter,
    prune() {
      // Only this run's front matter is kept: edited and deleted files drop out.
      const temporary = `${validatedFile}.${process.pid}`;
      mkdirSync(home, { recursive: true });
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(fresh)));
      renameSync(temporary, validatedFile);
      let shards: string[];
      try {
        shards = readdirSync(home);
      } catch {
        return;
      }
      for (const shard of shards) {
        if (shard.length !== 2) continue; // shards are two hex digits; front-matter.json sits beside them
        for (const name of readdirSync(join(home, shard))) {
          if (!used.has(name.slice(0, -'.json'.length))) rmSync(join(home, shard, name), { force: true });
        }
      }
    },
  };
}

/**
 * A render of a document the audience may not read, as a verdict: it rendered cleanly, with
 * these mentions, ticket keys, links and anchors (all needed to check the documents around
 * it), but without its HTML, text or heading words. Such a document is never published in
 * this audience's build, so nothing reads more.
 */
function withoutWords({ rendered, deps }: DocumentRender): DocumentRender {
  return { rendered: { ...rendered, html: '', text: '', headings: rendered.headings.map((h) => ({ ...h, text: '' })) }, deps };
}
