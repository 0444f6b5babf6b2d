import * as z from 'zod';
import { groupNames, keyPatternSource, maxKeyRun, ticketPatternProblem } from './ticket-pattern.ts';

/** One tracker: which keys are its tickets and where a ticket lives. */
export const trackerSchema = z
  .strictObject({
    /** The tracker's name as people say it, e.g. Jira. */
    name: z.string().min(1),
    /**
     * A regular expression for the whole key, e.g. `(?:OPS|SD)-\d+`. It must need at least
     * one character, match no spaces and not backtrack catastrophically; `npm run check`
     * says what to change when it does not.
     */
    pattern: z
      .string()
      .min(2, { abort: true })
      .check((ctx) => {
        const problem = ticketPatternProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      }),
    /** The ticket's URL: `{key}` is the whole key, `{name}` a named group of the pattern. */
    url: z.string().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL template such as https://jira.example/browse/{key}' }),
  })
  .check((ctx) => {
    const known = ['key', ...groupNames(ctx.value.pattern)];
    for (const [, name] of ctx.value.url.matchAll(/\{(\w+)\}/g)) {
      if (!known.includes(name!)) {
        ctx.issues.push({
          code: 'custom',
          path: ['url'],
          input: ctx.value.url,
          message: `{${name}} is not a named group of the pattern; use one of ${known.map((k) => `{${k}}`).join(', ')}, or name a group (?<${name}>…) in the pattern`,
        });
      }
    }
  });
export type Tracker = z.output<typeof trackerSchema>;

/** Ticket keys matched in text, with the trackers compiled into one pattern. */
export interface TicketLinker {
  /** Every ticket key in a text, each once, in order. */
  find(text: string): string[];
  /** The tracker URL of a key, or undefined when no tracker knows it. */
  url(key: string): string | undefined;
  /**
   * A global pattern matching any key, bounded by word edges. A key is matched only where
   * the run of non-space text from its first character is at most `maxKeyRun` long, and
   * patterns never match spaces, so each attempt reads a bounded stretch of text.
   */
  pattern: RegExp | undefined;
}

/**
 * Compiles the trackers once into one pattern for finding keys and one per tracker for
 * building URLs. A tracker whose pattern fails the safety check (see ticket-pattern.ts) is
 * left out, so an unchecked configuration still cannot hang a build.
 */
export function ticketLinker(trackers: readonly Tracker[]): TicketLinker {
  const usable = trackers.filter((t) => ticketPatternProblem(t.pattern) === undefined);
  const compiled = usable.map((t) => ({ tracker: t, whole: new RegExp(`^(?:${t.pattern})$`) }));
  const pattern = usable.length ? new RegExp(keyPatternSource(usable.map((t) => t.pattern)), 'g') : undefined;
  const url = (key: string) => {
    if (key.length > maxKeyRun) return undefined;
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
