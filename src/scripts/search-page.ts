import { createNameLookup, createQuickMatcher, type QuickJumpEntry, type QuickJumpMatch } from '../lib/quick-jump.ts';
import { excerptNode, loadPagefind, searchNeedsBuild, type PagefindResultData } from './pagefind.ts';
import { suggestWords } from './did-you-mean.ts';
import { el, link } from './dom.ts';

/**
 * The search page. Query, filters and sort live in the URL, so a search can be shared and
 * the back button steps through searches. Facet counts show before anything is typed.
 */
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const sort = form.querySelector<HTMLSelectElement>('#search-sort')!;
const facets = document.querySelector<HTMLElement>('#facets')!;
const facetsPanel = document.querySelector<HTMLDetailsElement>('#facets-panel')!;
const filterCount = document.querySelector<HTMLElement>('#filter-count')!;
const statusLine = document.querySelector<HTMLElement>('#search-status')!;
const suggest = document.querySelector<HTMLElement>('#search-suggest')!;
const results = document.querySelector<HTMLOListElement>('#results')!;
const more = document.querySelector<HTMLButtonElement>('#more-results')!;
const facetOrder = ['collection', 'severity', 'status', 'team', 'service', 'year', 'tag'];
const pageSize = 15;
/** Groups longer than this show their most common values, the rest behind "more". */
const facetPreview = 8;
/** At most this many documents whose ID, title or alias matches go first. */
const pinnedLimit = 3;
/** With this many results or fewer, a query with an unknown word gets a "did you mean". */
const fewResults = 3;

// On a phone the filters fold away behind one line, so the first result is on the first screen.
const narrow = matchMedia('(max-width: 760px)');
const foldFilters = () => (facetsPanel.open = !narrow.matches);
foldFilters();
narrow.addEventListener('change', foldFilters);

interface NameIndex {
  /** Exact and containing matches of ID, title and alias: cheap, for every query. */
  named: (q: string, limit?: number) => QuickJumpMatch[];
  /** The palette's fuzzy matcher, built only when full text finds nothing. */
  fuzzy: () => (q: string, limit?: number) => QuickJumpMatch[];
}
let names: Promise<NameIndex | undefined> | undefined;
/** The palette's manifest of IDs, titles and aliases, fetched on the first query (alongside the full-text search). */
function nameIndex() {
  names ??= fetch('/api/quickjump.json')
    .then((r) => r.json() as Promise<QuickJumpEntry[]>)
    .then((entries) => {
      let fuzzy: ((q: string, limit?: number) => QuickJumpMatch[]) | undefined;
      return { named: createNameLookup(entries), fuzzy: () => (fuzzy ??= createQuickMatcher(entries)) };
    })
    .catch(() => undefined);
  return names;
}

interface State {
  q: string;
  sort: string;
  filters: Record<string, string[]>;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const key of facetOrder) {
    const values = params.getAll(key);
    if (values.length) filters[key] = values;
  }
  return { q: params.get('q') ?? '', sort: params.get('sort') ?? '', filters };
}

function writeState(state: State, push: boolean) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort) params.set('sort', state.sort);
  for (const [key, values] of Object.entries(state.filters)) for (const v of values) params.append(key, v);
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function currentState(): State {
  const filters: Record<string, string[]> = {};
  for (const box of facets.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    (filters[box.name] ??= []).push(box.value);
  }
  return { q: input.value.trim(), sort: sort.value, filters };
}

function renderFacets(all: Record<string, Record<string, number>>, counts: Record<string, Record<string, number>>, state: State) {
  // The lists are drawn afresh with new counts: keep the reader's place (the box in focus, the groups opened).
  const focused =
    facets.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement ? { name: document.activeElement.name, value: document.activeElement.value } : undefined;
  const opened = new Set([...facets.querySelectorAll<HTMLDetailsElement>('details.facet-more[open]')].map((d) => d.dataset.group));
  facets.replaceChildren();
  for (const key of facetOrder) {
    const values = Object.keys(all[key] ?? {});
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = key.charAt(0).toUpperCase() + key.slice(1);
    fieldset.append(legend);
    // Years newest first, severities in order, everything else by how common it is.
    values.sort((a, b) => (key === 'year' ? b.localeCompare(a) : key === 'severity' ? a.localeCompare(b) : all[key]![b]! - all[key]![a]! || a.localeCompare(b)));
    const more = document.createElement('details');
    more.className = 'facet-more';
    more.dataset.group = key;
    more.open = opened.has(key);
    const moreSummary = document.createElement('summary');
    moreSummary.textContent = `${values.filter((v, i) => i >= facetPreview && !state.filters[key]?.includes(v)).length} more`;
    more.append(moreSummary);
    values.forEach((value, index) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.checked = state.filters[key]?.includes(value) ?? false;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(counts[key]?.[value] ?? 0);
      label.append(box, ` ${value} `, count);
      // A chosen value stays in sight even when it is not among the most common.
      if (index < facetPreview || box.checked) fieldset.append(label);
      else more.append(label);
    });
    if (more.childElementCount > 1) fieldset.append(more);
    facets.append(fieldset);
  }
  if (focused) [...facets.querySelectorAll<HTMLInputElement>('input')].find((box) => box.name === focused.name && box.value === focused.value)?.focus();
}

function renderResult(d: PagefindResultData): HTMLLIElement {
  const head = el('div', 'result-head');
  if (d.meta.id) head.append(el('span', 'badge badge-id', d.meta.id));
  head.append(link(d.url, d.meta.title ?? d.url, 'result-title'));
  for (const key of ['collection', 'severity', 'status'] as const) if (d.meta[key]) head.append(el('span', `badge badge-${d.meta[key]}`, d.meta[key]));
  if (d.meta.date) {
    const time = el('time', 'muted', d.meta.date);
    time.dateTime = d.meta.date;
    head.append(time);
  }
  const excerpt = el('p', 'result-excerpt');
  excerpt.append(excerptNode(d.excerpt));
  const li = el('li');
  li.append(head, excerpt);
  const sections = d.sub_results.filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, 3);
  if (sections.length) {
    const ul = el('ul', 'result-sections');
    for (const s of sections) {
      const context = el('span', 'muted');
      context.append(' — ', excerptNode(s.excerpt));
      const item = el('li');
      item.append(link(s.url, s.title), context);
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

let generation = 0;
let allFilters: Record<string, Record<string, number>> | undefined;

async function run(state: State) {
  const pagefind = await loadPagefind();
  if (!pagefind) {
    statusLine.textContent = searchNeedsBuild;
    return;
  }
  const run = ++generation;
  const chosen = Object.values(state.filters).reduce((n, v) => n + v.length, 0);
  filterCount.textContent = chosen ? `(${chosen})` : '';
  // Only a state from the URL rewrites the box: while typing, the reader's text stays as typed.
  if (input.value.trim() !== state.q) input.value = state.q;
  sort.value = state.sort;
  const sortBy = state.sort === 'newest' ? { date: 'desc' as const } : state.sort === 'oldest' ? { date: 'asc' as const } : undefined;
  // The names index downloads while Pagefind searches; ranking by name applies to plain queries only.
  const byName = state.q && !filtered(state) && !state.sort ? nameIndex() : undefined;
  // Loading the filter index first makes the first search's counts right, however the page was opened.
  const all = (allFilters ??= await pagefind.filters());
  let found = await pagefind.search(state.q || null, { filters: state.filters, ...(sortBy ? { sort: sortBy } : {}) });
  if (run !== generation || !found) return;
  // A query that finds nothing or next to nothing may hold a typo: offer the closest known words,
  // and when nothing at all matched, search them at once and say so.
  const suggestion = state.q && found.results.length <= fewResults ? await suggestWords(state.q) : undefined;
  let corrected: string | undefined;
  if (found.results.length === 0 && suggestion) {
    const retry = await pagefind.search(suggestion, { filters: state.filters, ...(sortBy ? { sort: sortBy } : {}) });
    if (retry && retry.results.length > 0) ((found = retry), (corrected = suggestion));
  }
  // The document whose ID, title or alias the query names goes first, as in the palette.
  const index = await byName;
  if (run !== generation) return;
  const pinned = index?.named(state.q, pinnedLimit) ?? [];
  // When full text finds nothing at all, the closest names are better than an empty page.
  const close =
    found.results.length === 0 && index
      ? index
          .fuzzy()(state.q, 8)
          .filter((m) => !pinned.some((p) => p.entry.id === m.entry.id))
      : [];
  // A group with a choice made counts as if it had none, so its other values still show what they would add.
  const counts = Object.fromEntries(Object.keys(all).map((key) => [key, state.filters[key] ? found.totalFilters[key] : found.filters[key]]));
  renderFacets(all, state.q || Object.keys(state.filters).length ? (counts as Record<string, Record<string, number>>) : all, state);
  suggest.hidden = true;
  const pinnedUrls = new Set(pinned.map((m) => m.entry.url));
  const total = found.results.length;
  const isFiltered = filtered(state);
  if (!state.q && !isFiltered) {
    results.replaceChildren();
    statusLine.textContent = `${total} documents. Type to search, or pick filters.`;
    more.hidden = true;
    return;
  }
  const withFilters = isFiltered ? ' with the chosen filters' : '';
  if (corrected) statusLine.textContent = `Nothing matches “${state.q}”${withFilters}. Showing ${total} ${total === 1 ? 'result' : 'results'} for “${corrected}”.`;
  else if (total === 0 && close.length === 0 && pinned.length === 0)
    statusLine.textContent = `Nothing matches “${state.q}”${withFilters}. Try fewer or other words${isFiltered ? ', or clear some filters' : ''}.`;
  else if (total === 0) statusLine.textContent = `No page contains every word of “${state.q}”${withFilters}. Closest names:`;
  else statusLine.textContent = `${total} ${total === 1 ? 'result' : 'results'}${state.q ? ` for “${state.q}”` : ''}${withFilters}`;
  const named = [...pinned.map((m) => renderMatch(m, 'named')), ...close.map((m) => renderMatch(m, 'close'))];
  let shown = 0;
  const showMore = async () => {
    const page = (await Promise.all(found.results.slice(shown, shown + pageSize).map((r) => r.data()))).filter((d) => !pinnedUrls.has(d.url));
    if (run !== generation) return;
    // The first page replaces the old results in one step: the list never flashes empty in between.
    if (shown === 0) results.replaceChildren(...named, ...page.map(renderResult));
    else results.append(...page.map(renderResult));
    shown += pageSize;
    more.hidden = shown >= total;
  };
  more.onclick = () => void showMore();
  await showMore();
  if (run !== generation) return; // a newer search has the page now
  // Pagefind has no typo tolerance: whenever a word is unknown to the knowledge base, offer the nearest.
  if (suggestion && !corrected) {
    const params = new URLSearchParams({ q: suggestion });
    suggest.replaceChildren('Did you mean ');
    const a = document.createElement('a');
    a.href = `/search/?${params}`;
    a.textContent = suggestion;
    suggest.append(a, '?');
    suggest.hidden = false;
  }
}

function filtered(state: State): boolean {
  return Object.keys(state.filters).length > 0;
}

/** A result from the palette's index: the document whose ID, title or alias was named, and which of them matched. */
function renderMatch(m: QuickJumpMatch, how: 'named' | 'close'): HTMLLIElement {
  const head = el('div', 'result-head');
  head.append(el('span', 'badge badge-id', m.entry.id), link(m.entry.url, m.entry.title, 'result-title'), el('span', 'badge', m.entry.kind));
  if (m.entry.status) head.append(el('span', `badge badge-${m.entry.status}`, m.entry.status));
  const field = m.matched === m.entry.id ? 'ID' : m.matched === m.entry.title ? 'title' : 'other name';
  const why =
    how === 'close' ? `Its ${field} is close to what you typed${field === 'other name' ? `: “${m.matched}”` : ''}` : field === 'other name' ? `Also known as “${m.matched}”` : `Its ${field} matches`;
  const li = el('li', 'result-named');
  li.append(head, el('p', 'result-excerpt muted', why));
  return li;
}

let typingTimer: number | undefined;
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => {
    const state = currentState();
    writeState(state, false);
    void run(state);
  }, 200);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer); // the submitted search replaces the one typing was about to run
  const state = currentState();
  writeState(state, true);
  void run(state);
});
sort.addEventListener('change', () => form.requestSubmit());
facets.addEventListener('change', () => form.requestSubmit());
window.addEventListener('popstate', () => void run(readState()));
void run(readState());
