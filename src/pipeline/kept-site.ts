import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { writeAtomically } from './line-store.ts';
import { isRunning } from './output.ts';

/**
 * The site a build replaced, kept for the next build of the same audience to take unchanged
 * document pages and records from, instead of rendering and writing them again: after one
 * edit at 10,000 documents, Astro restoring 9,700 pages and this process writing 48,000
 * records cost 10–15 s, and moving them costs well under one.
 *
 * Each entry (a page's folder, a record's folder or file, by its path in the site) carries
 * the key it was made from: a page's cache key (src/site/catalogue.ts), a record's content
 * hash. An entry is taken only when the new build asks for the same path with the same key,
 * and only what is asked for moves: nothing the new build did not make reaches its site.
 *
 * The site is only kept when it is provably the one the last build published: the folder's
 * inode, recorded when it went live, must be the one that was swapped out. The site's code
 * (templates, styles, dependencies) is part of every key, since a page key covers content only.
 */
export interface KeptSite {
  /** Whether `path` can be taken for `key`. */
  has(path: string, key: string): boolean;
  /** Moves `path` into `site` when kept with `key`; false when the caller must make it. */
  take(path: string, key: string, site: string): boolean;
}

interface Manifest {
  /** The folder the entries are in, by inode: a folder put there by anything else is not this one. */
  ino: number;
  /** The site's code digest when it was built (see `siteCodeDigest`). */
  code: string;
  entries: Record<string, string>;
}

interface Live extends Manifest {
  outDir: string;
}

/** Where one audience keeps its previous site: `kept/` and `kept.json`, and `live.json` for the published one. */
export function keptSiteDir(cacheRoot: string, audience: string): string {
  return join(cacheRoot, `site-${audience}`);
}

/**
 * The kept site, if there is one for this code. It is given up as it is opened: a build that
 * fails after taking some entries leaves no manifest promising them.
 */
export function openKeptSite(dir: string, code: string): KeptSite | undefined {
  const kept = join(dir, 'kept');
  const manifest = readJson<Manifest>(join(dir, 'kept.json'));
  rmSync(join(dir, 'kept.json'), { force: true });
  if (!manifest || manifest.code !== code || inode(kept) !== manifest.ino) return undefined;
  const entries = new Map(Object.entries(manifest.entries));
  const taken = new Set<string>();
  const listed = (path: string, key: string) => !taken.has(path) && entries.get(path) === key;
  return {
    has: (path, key) => listed(path, key) && existsSync(join(kept, path)),
    take(path, key, site) {
      if (!listed(path, key)) return false;
      taken.add(path);
      const to = join(site, path);
      try {
        renameSync(join(kept, path), to);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // The parent folder is not made yet (the first record of its kind), or the entry went missing.
        if (!existsSync(join(kept, path))) return false;
        mkdirSync(dirname(to), { recursive: true });
        renameSync(join(kept, path), to);
        return true;
      }
    },
  };
}

/**
 * After a swap: the site just replaced (`previous`) becomes the kept site if it is the one the
 * last build published to `outDir`, and the new site's entries are recorded for the next
 * build. Returns the folders to delete (the kept site this build started from, or `previous`
 * when it cannot be kept); the caller deletes them in the background.
 */
export function keepPrevious(dir: string, outDir: string, previous: string, code: string, entries: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  const kept = join(dir, 'kept');
  // Trash whose deletion was cut short (the machine stopped, say) goes too.
  const toDelete = readdirSync(dir)
    .filter((name) => name.startsWith('trash-') && !isRunning(Number(name.split('-')[1])))
    .map((name) => join(dir, name));
  rmSync(join(dir, 'kept.json'), { force: true });
  if (existsSync(kept)) {
    const trash = join(dir, `trash-${process.pid}-${Date.now().toString(36)}`);
    renameSync(kept, trash);
    toDelete.push(trash);
  }
  const live = readJson<Live>(join(dir, 'live.json'));
  rmSync(join(dir, 'live.json'), { force: true });
  if (existsSync(previous)) {
    let moved = false;
    if (live && live.outDir === outDir && inode(previous) === live.ino) {
      try {
        renameSync(previous, kept);
        moved = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error; // another filesystem: not kept
      }
    }
    if (moved) writeAtomically(join(dir, 'kept.json'), JSON.stringify({ ino: inode(kept) ?? -1, code: live!.code, entries: live!.entries } satisfies Manifest));
    else toDelete.push(previous);
  }
  writeAtomically(join(dir, 'live.json'), JSON.stringify({ outDir, ino: inode(outDir) ?? -1, code, entries } satisfies Live));
  return toDelete;
}

/**
 * A digest of everything besides content that shapes a page: the site's source, public files,
 * Astro's configuration and the locked dependencies. Any change to them and nothing is reused.
 */
export function siteCodeDigest(root: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    hash.update(relative(root, path)).update('\0');
    if (existsSync(path)) hash.update(readFileSync(path)).update('\0');
  };
  for (const folder of ['src', 'public']) for (const file of filesUnder(join(root, folder))) add(file);
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json']) add(join(root, file));
  return hash.digest('hex');
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
