import * as z from 'zod';

/** One tracker: which keys are its tickets and where a ticket lives. */
export const trackerSchema = z.strictObject({
  name: z.string().min(1),
  /** A regular expression for the whole key, e.g. `(?:OPS|SD)-\d+`. */
  pattern: z.string().min(2),
  /** The ticket's URL: `{key}` is the whole key, `{name}` a named group of the pattern. */
  url: z.string().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL template such as https://jira.example/browse/{key}' }),
});
export type Tracker = z.output<typeof trackerSchema>;

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
