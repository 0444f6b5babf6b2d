import { execFileSync } from 'node:child_process';

/**
 * The day each file under `dir` last changed in git, from a single `git log` for the whole
 * folder (one call per build, not one per page). Empty when git or history is missing,
 * e.g. in a source tarball; callers fall back to front-matter dates.
 */
export function lastCommitDates(root: string, dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  let log: string;
  try {
    log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', dir], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates;
  }
  let current = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) current = line.slice(1);
    else if (line && current && !dates.has(line)) dates.set(line, current); // newest commit comes first
  }
  return dates;
}
