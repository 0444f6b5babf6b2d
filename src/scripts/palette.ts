import { createQuickJump, type QuickJumpEntry } from '../lib/quick-jump.ts';
import { excerptNode, loadPagefind } from './pagefind.ts';

/**
 * The quick-jump palette (Ctrl-K, Cmd-K or `/`): instant fuzzy matches on ID, title and
 * alias from a small manifest, then full-text results from Pagefind. A combobox with a
 * listbox of real links, so every result also opens in a new tab.
 */
const dialog = document.querySelector<HTMLDialogElement>('#quick-jump')!;
const input = dialog.querySelector<HTMLInputElement>('input')!;
const list = dialog.querySelector<HTMLUListElement>('[role="listbox"]')!;
const status = dialog.querySelector<HTMLElement>('[role="status"]')!;
let search: ((q: string, limit?: number) => QuickJumpEntry[]) | undefined;
let active = -1;
let generation = 0;
let optionCount = 0;

async function quickJump() {
  if (!search) {
    const response = await fetch('/api/quickjump.json');
    search = createQuickJump((await response.json()) as QuickJumpEntry[]);
  }
  return search;
}

function option(href: string, id: string, title: string, detail: string, excerpt?: string): HTMLLIElement {
  const li = document.createElement('li');
  li.setAttribute('role', 'option');
  li.id = `qj-option-${++optionCount}`;
  const a = document.createElement('a');
  a.href = href;
  a.tabIndex = -1;
  const badge = document.createElement('span');
  badge.className = 'badge badge-id';
  badge.textContent = id;
  const name = document.createElement('span');
  name.className = 'qj-title';
  name.textContent = title;
  const kind = document.createElement('span');
  kind.className = 'muted qj-kind';
  kind.textContent = detail;
  a.append(badge, name, kind);
  if (excerpt) {
    const p = document.createElement('span');
    p.className = 'qj-excerpt';
    p.append(excerptNode(excerpt));
    a.append(p);
  }
  li.append(a);
  return li;
}

function heading(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.setAttribute('role', 'presentation');
  li.className = 'qj-group';
  li.textContent = text;
  return li;
}

function options(): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[role="option"]')];
}

function setActive(index: number) {
  const all = options();
  all.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
  active = all.length === 0 ? -1 : Math.max(0, Math.min(index, all.length - 1));
  const current = all[active];
  if (current) {
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

async function update() {
  const query = input.value;
  const run = ++generation;
  const quick = (await quickJump())(query, 6);
  if (run !== generation) return;
  list.replaceChildren();
  if (quick.length) list.append(heading('Go to'), ...quick.map((e) => option(e.url, e.id, e.title, e.status ? `${e.kind} · ${e.status}` : e.kind)));
  setActive(0);
  input.setAttribute('aria-expanded', String(list.children.length > 0));
  status.textContent = query ? `${quick.length} quick ${quick.length === 1 ? 'match' : 'matches'}` : '';
  if (query.trim().length < 2) return;

  const pagefind = await loadPagefind();
  if (run !== generation) return;
  if (!pagefind) {
    status.textContent += '. Full-text search needs a built site.';
    return;
  }
  // Our own debounce, tied to this palette's generations: full text only for the query that stays.
  await new Promise((done) => setTimeout(done, 120));
  if (run !== generation) return;
  const found = await pagefind.search(query);
  if (!found || run !== generation) return;
  const shown = new Set(quick.map((e) => e.url));
  const data = (await Promise.all(found.results.slice(0, 8).map((r) => r.data()))).filter((d) => !shown.has(d.url));
  if (run !== generation) return;
  if (data.length) {
    list.append(heading('Full text'), ...data.map((d) => option(d.url, d.meta.id ?? '', d.meta.title ?? d.url, d.meta.collection ?? '', d.excerpt)));
  }
  list.append(heading(''), option(`/search/?q=${encodeURIComponent(query)}`, '↵', `All results for “${query}”`, `${found.results.length} pages`));
  if (active < 0) setActive(0);
  input.setAttribute('aria-expanded', 'true');
  status.textContent = `${quick.length} quick ${quick.length === 1 ? 'match' : 'matches'}, ${found.results.length} full-text ${found.results.length === 1 ? 'result' : 'results'}`;
}

input.addEventListener('input', () => void update());
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
  } else if (event.key === 'Escape') {
    // A search field would only clear itself on the first Escape; close at once instead.
    event.preventDefault();
    dialog.close();
  } else if (event.key === 'Enter') {
    const link = options()[active]?.querySelector('a');
    if (link) {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) window.open(link.href, '_blank');
      else window.location.assign(link.href);
    }
  }
});
dialog.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close(); // a click on the backdrop
});

/** Shows results for what is in the box; the page's small loader has already opened it. */
export function showResults() {
  void update();
}
