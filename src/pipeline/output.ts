import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A build's private folders. Astro writes the new site and keeps its cache in a workspace
 * inside the project (Astro puts its server chunks next to the output only when that is
 * inside the project, and in a shared `.astro/` otherwise), so two builds never share a
 * file. The finished site then moves into a workspace beside the output folder, so the swap
 * is a rename within one filesystem, wherever the output lives.
 */
export interface Staging {
  /** Inside the project: Astro's output and cache. */
  work: string;
  /** Beside the output folder: the site ready to swap in, and the previous site after it. */
  beside: string;
  /** Where Astro writes the new site. */
  site: string;
  /** Astro's cache for this build only (its content store holds every document it built). */
  astroCache: string;
}

const tag = () => `cairn-${process.pid}-${Date.now().toString(36)}`;
const besidePrefix = (outDir: string) => `.${basename(outDir)}.cairn-`;

/** Creates this build's folders, first removing those of builds that are no longer running. */
export function createStaging(root: string, outDir: string): Staging {
  const builds = join(root, '.cairn-build');
  mkdirSync(builds, { recursive: true });
  mkdirSync(dirname(outDir), { recursive: true });
  removeStale(builds, 'cairn-');
  removeStale(dirname(outDir), besidePrefix(outDir));
  const id = tag();
  const work = join(builds, id);
  const beside = join(dirname(outDir), `.${basename(outDir)}.${id}`);
  mkdirSync(work);
  mkdirSync(beside);
  return { work, beside, site: join(work, 'site'), astroCache: join(work, 'astro-cache') };
}

/** Folders named `<prefix><pid>-…` whose build process is gone (killed, or the machine restarted). */
function removeStale(parent: string, prefix: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true, maxRetries: 3 });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts the built site in place of the output folder. It first moves beside the output (a
 * copy when that is another filesystem); then the old site is moved aside and the new one
 * into its place, and the old one moved back if that fails, so readers always find a
 * complete site: the old one or the new one.
 */
export function swapIn(staging: Staging, outDir: string): void {
  const ready = join(staging.beside, 'site');
  try {
    renameSync(staging.site, ready);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(staging.site, ready, { recursive: true });
  }
  const previous = join(staging.beside, 'previous');
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, previous);
  try {
    renameSync(ready, outDir);
  } catch (error) {
    if (hadSite) renameSync(previous, outDir);
    throw error;
  }
}

/**
 * Removes a build's folders. After a swap they hold the previous site: tens of thousands of
 * files at scale (45 s of a 117 s rebuild at 10,000 documents went to deleting them), so a
 * finished build hands them to a detached process and returns. A stopped or failed build
 * removes them itself. A deletion cut short is finished by the next build (removeStale).
 */
export function removeStaging(staging: Staging, { inBackground = false } = {}): void {
  if (inBackground && deleteDetached([staging.work, staging.beside])) return;
  rmSync(staging.work, { recursive: true, force: true, maxRetries: 3 });
  rmSync(staging.beside, { recursive: true, force: true, maxRetries: 3 });
}

/** Deletes folders from a process that outlives this one; false if it could not start. */
function deleteDetached(paths: string[]): boolean {
  try {
    const script = 'for (const path of process.argv.slice(1)) require("node:fs").rmSync(path, { recursive: true, force: true, maxRetries: 3 });';
    const child = spawn(process.execPath, ['-e', script, ...paths], { detached: true, stdio: 'ignore' });
    child.on('error', () => {}); // the next build removes what is left
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}

/**
 * Astro's cache for this build. Public and internal builds keep one per audience between
 * runs (it holds the pages Astro may reuse), taken under a lock so two builds of the same
 * audience never share it; the second falls back to a cache of its own. Restricted builds
 * never keep one: no restricted page stays behind in a cache.
 */
export function astroCacheFor(cacheRoot: string, audience: string, staging: Staging, keep: boolean): { dir: string; release: () => void } {
  const none = { dir: staging.astroCache, release: () => {} };
  if (!keep || audience === 'restricted') return none;
  const dir = join(cacheRoot, `astro-${audience}`);
  const lock = `${dir}.lock`;
  mkdirSync(dirname(dir), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return { dir, release: () => rmSync(lock, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return none;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) return none;
      rmSync(lock, { force: true }); // left by a build that was killed
    }
  }
  return none;
}
