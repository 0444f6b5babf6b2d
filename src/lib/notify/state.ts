import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What `notify --send` remembers between runs: the file the scheduled workflow caches. */
export interface NotifyState {
  /** The day of the last run that sent, for `--since last-run`. */
  lastRun: string | undefined;
  /** Per target (`slack:<team>`, `teams:<team>`), the keys of what was sent, with the day. */
  sent: Record<string, Record<string, string>>;
}

/** The state in a file; a missing file is a first run. A broken one is an error, never silently reset (that would send everything again). */
export function readState(path: string): NotifyState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { lastRun: undefined, sent: {} };
  }
  try {
    const parsed = JSON.parse(text) as Partial<NotifyState>;
    return { lastRun: typeof parsed.lastRun === 'string' ? parsed.lastRun : undefined, sent: parsed.sent && typeof parsed.sent === 'object' ? parsed.sent : {} };
  } catch {
    throw new Error(`${path} is not valid JSON; fix it, or delete it to start afresh (everything due will then be sent once more)`);
  }
}

/**
 * Writes the state whole (write, then rename, so a cancelled run never leaves half a file),
 * forgetting keys not seen for `keepDays`: an item that left the queue long ago.
 */
export function writeState(path: string, state: NotifyState, today: string, keepDays = 90): void {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - keepDays * 86_400_000).toISOString().slice(0, 10);
  const sent = Object.fromEntries(Object.entries(state.sent).map(([target, keys]) => [target, Object.fromEntries(Object.entries(keys).filter(([, day]) => day >= cutoff))]));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ lastRun: state.lastRun, sent }, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
}
