import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { problem, type Problem } from './problems.ts';

/** One tracker: which keys are its tickets and where a ticket lives. */
export const trackerSchema = z.strictObject({
  name: z.string().min(1),
  /** A regular expression for the whole key, e.g. `(?:OPS|SD)-\d+`. */
  pattern: z.string().min(2),
  /** The ticket's URL: `{key}` is the whole key, `{name}` a named group of the pattern. */
  url: z.string().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL template such as https://jira.example/browse/{key}' }),
});
export type Tracker = z.output<typeof trackerSchema>;
const configSchema = z.looseObject({ trackers: z.array(trackerSchema).default([]) });

/** Ticket keys matched in text, with the trackers compiled into one pattern. */
export interface TicketLinker {
  /** Every ticket key in a text, each once, in order. */
  find(text: string): string[];
  /** The tracker URL of a key, or undefined when no tracker knows it. */
  url(key: string): string | undefined;
  /** A global pattern matching any key, bounded by word edges. */
  pattern: RegExp | undefined;
}

export function ticketLinker(trackers: readonly Tracker[]): TicketLinker {
  const compiled = trackers.map((t) => ({ tracker: t, whole: new RegExp(`^(?:${t.pattern})$`) }));
  const pattern = trackers.length ? new RegExp(`(?<![\\w/-])(?:${trackers.map((t) => `(?:${t.pattern.replace(/\(\?<\w+>/g, '(')})`).join('|')})(?![\\w-])`, 'g') : undefined;
  const url = (key: string) => {
    for (const { tracker, whole } of compiled) {
      const m = whole.exec(key);
      if (!m) continue;
      return tracker.url.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(name === 'key' ? key : (m.groups?.[name] ?? '')).replace(/%2F/g, '/'));
    }
    return undefined;
  };
  const find = (text: string) => (pattern ? [...new Set([...text.matchAll(pattern)].map((m) => m[0]))] : []);
  return { find, url, pattern };
}

/**
 * Reads `cairn.config.json` at the project root (absent: no trackers). A broken file is a
 * problem with its place, like any content problem.
 */
export function loadTrackers(root: string, file = 'cairn.config.json'): { trackers: Tracker[]; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return { trackers: [], problems: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { trackers: [], problems: [problem(file, 1, 1, `not valid JSON (${(error as Error).message}); fix the syntax`)] };
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    return { trackers: [], problems: parsed.error.issues.map((i) => problem(file, 1, 1, `${i.path.join('.')}: ${i.message}`)) };
  }
  const problems: Problem[] = [];
  parsed.data.trackers.forEach((t, i) => {
    try {
      new RegExp(t.pattern);
    } catch (error) {
      problems.push(problem(file, 1, 1, `trackers[${i}].pattern: not a valid regular expression (${(error as Error).message})`));
    }
  });
  return { trackers: problems.length ? [] : parsed.data.trackers, problems };
}
