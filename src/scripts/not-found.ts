import { createQuickMatcher, type QuickJumpEntry } from '../lib/quick-jump.ts';
import { closest } from '../lib/suggest.ts';
import { el, link } from './dom.ts';

/**
 * The 404 page: reads the address as an ID, an old or mistyped page name, and offers the
 * documents it may mean. A permanent link in the wrong case (`/go/inc-2026-011/`) goes on
 * to its document at once.
 */
/** A malformed escape (`%E0%A4%A`) is read as written rather than stopping the page's script. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
const segments = decoded(location.pathname).split('/').filter(Boolean);
const last = segments.at(-1) ?? '';
const input = document.querySelector<HTMLInputElement>('#not-found-q')!;
input.value = last.replace(/[-_]+/g, ' ').replace(/\.(html?|md)$/i, '');

void (async () => {
  if (!last) return;
  let entries: QuickJumpEntry[];
  try {
    entries = (await (await fetch('/api/quickjump.json')).json()) as QuickJumpEntry[];
  } catch {
    return;
  }
  const byId = new Map(entries.map((e) => [e.id.toLowerCase(), e]));
  const exact = byId.get(last.toLowerCase());
  if (segments[0] === 'go' && exact) {
    location.replace(exact.url + location.hash);
    return;
  }
  // A page name: the closest page names; an ID or words: the palette's matches.
  const bySlug = new Map(entries.map((e) => [e.url.split('/').filter(Boolean).at(-1)!, e]));
  const fromSlug = closest(last, [...bySlug.keys()], 3).map((slug) => bySlug.get(slug)!);
  const matcher = createQuickMatcher(entries);
  const fromNames = matcher(last.replace(/[-_]+/g, ' '), 3).map((m) => m.entry);
  const fromId = matcher(last, 2).map((m) => m.entry);
  const maybe = [...new Set([...(exact ? [exact] : []), ...fromSlug, ...fromId, ...fromNames])].slice(0, 5);
  if (maybe.length === 0) return;
  const list = document.querySelector<HTMLUListElement>('#maybe-list')!;
  list.replaceChildren(
    ...maybe.map((e) => {
      const li = el('li');
      li.append(el('span', 'badge badge-id', e.id), ' ', link(e.url, e.title), el('span', 'muted', ` · ${e.kind}`));
      return li;
    }),
  );
  document.querySelector<HTMLElement>('#maybe')!.hidden = false;
})();
