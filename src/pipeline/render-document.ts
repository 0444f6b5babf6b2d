import type { IdIndex, IdTarget } from '../lib/graph/id-index.ts';
import { renderBody, type RenderedBody } from './render-body.ts';
import { ticketLinker, type Tracker } from '../lib/tickets.ts';

/** What every render of one build shares: plain data, so it crosses into worker threads. */
export interface RenderSettings {
  today: string;
  trackers: readonly Tracker[];
  /** Every ID of the knowledge base, as the loader indexed it for this audience. */
  ids: IdIndex;
  /** False when the caller keeps no words (see `BodyLinks.words`). */
  words?: boolean;
}

/** One body to render, with the validated front matter its components may read. */
export interface RenderJob {
  body: string;
  frontMatter: Record<string, unknown>;
}

/**
 * What a render's output depended on beyond its own bytes and the build's settings: the IDs
 * it looked up (and what they resolved to, or null when absent) and the day, when a
 * component read it. A cached render stays valid while these are unchanged.
 */
export interface RenderDeps {
  today?: string;
  ids: [string, IdTarget | null][];
}

export interface DocumentRender {
  rendered: RenderedBody;
  deps: RenderDeps;
}

/** A renderer for one build's settings; the same function runs in the main thread and in workers. */
export function documentRenderer(settings: RenderSettings): (job: RenderJob) => DocumentRender {
  const tickets = ticketLinker(settings.trackers);
  return (job) => {
    const looked = new Map<string, IdTarget | null>();
    const ids = trackedIndex(settings.ids, looked);
    let readToday = false;
    const context = {
      frontMatter: job.frontMatter,
      get today() {
        readToday = true;
        return settings.today;
      },
      ticketUrl: tickets.url,
    };
    const rendered = renderBody(job.body, context, { idIndex: ids, tickets, words: settings.words !== false });
    return { rendered, deps: { ...(readToday ? { today: settings.today } : {}), ids: [...looked] } };
  };
}

/** The index as a render sees it, remembering every ID asked for, found or not. */
function trackedIndex(index: IdIndex, looked: Map<string, IdTarget | null>): IdIndex {
  const note = (id: string) => {
    const target = index.get(id) ?? null;
    looked.set(id, target);
    return target;
  };
  return {
    get: (id: string) => note(id) ?? undefined,
    has: (id: string) => note(id) !== null,
    get size() {
      return index.size;
    },
    // Whole-index reads only build "did you mean" messages, and failed renders are never cached.
    keys: () => index.keys(),
    values: () => index.values(),
    entries: () => index.entries(),
    forEach: (fn, self) => index.forEach(fn, self),
    [Symbol.iterator]: () => index[Symbol.iterator](),
  };
}
