import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A build's private workspace beside the output folder: Astro writes the new site and keeps
 * its cache there, so two builds (two audiences) never share a file, and the final swap is
 * a rename within one filesystem.
 */
export interface Staging {
  dir: string;
  /** Where the new site is written. */
  site: string;
  /** Astro's cache for this build only (its content store holds every document it built). */
  astroCache: string;
}

const prefix = (outDir: string) => `.${basename(outDir)}.cairn-`;

/** Creates this build's workspace, first removing workspaces of builds that are no longer running. */
export function createStaging(outDir: string): Staging {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  removeStaleStaging(outDir);
  const dir = join(parent, `${prefix(outDir)}${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir);
  return { dir, site: join(dir, 'site'), astroCache: join(dir, 'astro-cache') };
}

/** Workspaces left by builds that were killed: their process is gone. */
export function removeStaleStaging(outDir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dirname(outDir))) {
    if (!name.startsWith(prefix(outDir))) continue;
    const pid = Number(name.slice(prefix(outDir).length).split('-')[0]);
    if (pid === process.pid || (Number.isInteger(pid) && isRunning(pid))) continue;
    rmSync(join(dirname(outDir), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
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
 * Puts the staged site in place of the output folder. The old site is moved into the
 * workspace first and moved back if the new one cannot take its place, so readers always
 * find a complete site: the old one or the new one.
 */
export function swapIn(staging: Staging, outDir: string): void {
  const previous = join(staging.dir, 'previous');
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, previous);
  try {
    renameSync(staging.site, outDir);
  } catch (error) {
    if (hadSite) renameSync(previous, outDir);
    throw error;
  }
}

export function removeStaging(staging: Staging): void {
  rmSync(staging.dir, { recursive: true, force: true });
}
