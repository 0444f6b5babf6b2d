import { excerptNode, loadPagefind, searchNeedsBuild, type PagefindResultData } from './pagefind.ts';
import { suggestWords } from './did-you-mean.ts';

/**
 * The search page. Query, filters and sort live in the URL, so a search can be shared and
 * the back button steps through searches. Facet counts show before anything is typed.
 */
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const sort = form.querySelector<HTMLSelectElement>('#search-sort')!;
const facets = document.querySelector<HTMLElement>('#facets')!;
const statusLine = document.querySelector<HTMLElement>('#search-status')!;
const suggest = document.querySelector<HTMLElement>('#search-suggest')!;
const results = document.querySelector<HTMLOListElement>('#results')!;
const more = document.querySelector<HTMLButtonElement>('#more-results')!;
const facetOrder = ['collection', 'severity', 'status', 'team', 'service', 'year', 'tag'];
const pageSize = 15;

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
  facets.replaceChildren();
  for (const key of facetOrder) {
    const values = Object.keys(all[key] ?? {});
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = key.charAt(0).toUpperCase() + key.slice(1);
    fieldset.append(legend);
    // Years newest first, severities in order, everything else by how common it is.
    values.sort((a, b) => (key === 'year' ? b.localeCompare(a) : key === 'severity' ? a.localeCompare(b) : (all[key]![b]! - all[key]![a]!) || a.localeCompare(b)));
    for (const value of values) {
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
      fieldset.append(label);
    }
    facets.append(fieldset);
  }
}

function renderResult(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const head = document.createElement('div');
  head.className = 'result-head';
  if (d.meta.id) {
    const id = document.createElement('span');
    id.className = 'badge badge-id';
    id.textContent = d.meta.id;
    head.append(id);
  }
  const link = document.createElement('a');
  link.href = d.url;
  link.className = 'result-title';
  link.textContent = d.meta.title ?? d.url;
  head.append(link);
  for (const key of ['collection', 'severity', 'status'] as const) {
    if (!d.meta[key]) continue;
    const badge = document.createElement('span');
    badge.className = `badge badge-${d.meta[key]}`;
    badge.textContent = d.meta[key]!;
    head.append(badge);
  }
  if (d.meta.date) {
    const time = document.createElement('time');
    time.className = 'muted';
    time.dateTime = d.meta.date;
    time.textContent = d.meta.date;
    head.append(time);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.append(excerptNode(d.excerpt));
  li.append(head, excerpt);
  const sections = d.sub_results.filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, 3);
  if (sections.length) {
    const ul = document.createElement('ul');
    ul.className = 'result-sections';
    for (const s of sections) {
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = s.url;
      a.textContent = s.title;
      const p = document.createElement('span');
      p.className = 'muted';
      p.append(' — ', excerptNode(s.excerpt));
      item.append(a, p);
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
  // Only a state from the URL rewrites the box: while typing, the reader's text stays as typed.
  if (input.value.trim() !== state.q) input.value = state.q;
  sort.value = state.sort;
  const sortBy = state.sort === 'newest' ? { date: 'desc' as const } : state.sort === 'oldest' ? { date: 'asc' as const } : undefined;
  const found = await pagefind.search(state.q || null, { filters: state.filters, ...(sortBy ? { sort: sortBy } : {}) });
  const all = (allFilters ??= await pagefind.filters());
  if (run !== generation || !found) return;
  // A group with a choice made counts as if it had none, so its other values still show what they would add.
  const counts = Object.fromEntries(Object.keys(all).map((key) => [key, state.filters[key] ? found.totalFilters[key] : found.filters[key]]));
  renderFacets(all, state.q || Object.keys(state.filters).length ? (counts as Record<string, Record<string, number>>) : all, state);
  results.replaceChildren();
  suggest.hidden = true;
  const total = found.results.length;
  const filtered = Object.keys(state.filters).length > 0;
  if (!state.q && !filtered) {
    statusLine.textContent = `${total} documents. Type to search, or pick filters.`;
    more.hidden = true;
    return;
  }
  statusLine.textContent = `${total} ${total === 1 ? 'result' : 'results'}${state.q ? ` for “${state.q}”` : ''}${filtered ? ' with the chosen filters' : ''}`;
  let shown = 0;
  const showMore = async () => {
    const page = await Promise.all(found.results.slice(shown, shown + pageSize).map((r) => r.data()));
    if (run !== generation) return;
    results.append(...page.map(renderResult));
    shown += page.length;
    more.hidden = shown >= total;
  };
  more.onclick = () => void showMore();
  await showMore();
  // Pagefind has no typo tolerance: whenever a word is unknown to the knowledge base, offer the nearest.
  if (state.q) {
    const words = await suggestWords(state.q);
    if (run !== generation || !words) return;
    const params = new URLSearchParams({ q: words });
    suggest.replaceChildren('Did you mean ');
    const a = document.createElement('a');
    a.href = `/search/?${params}`;
    a.textContent = words;
    suggest.append(a, '?');
    suggest.hidden = false;
  }
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
