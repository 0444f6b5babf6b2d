/**
 * Pagefind, loaded on first use only. The index exists only in a built site; under
 * `npm run dev` the import fails and callers show a notice instead of an error.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind | undefined> | undefined;

export function loadPagefind(): Promise<Pagefind | undefined> {
  const url = '/pagefind/pagefind.js';
  loading ??= import(/* @vite-ignore */ url)
    .then(async (pagefind: Pagefind) => {
      await pagefind.options({ excerptLength: 22 });
      await pagefind.init();
      return pagefind;
    })
    .catch(() => undefined);
  return loading;
}

/** Pagefind excerpts are escaped text with <mark> around hits: keep exactly that, nothing else. */
export function excerptNode(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild;
  for (const node of parsed?.childNodes ?? []) {
    if (node.nodeType === Node.TEXT_NODE) fragment.append(node.textContent ?? '');
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else fragment.append(node.textContent ?? '');
  }
  return fragment;
}

export const searchNeedsBuild = 'Full-text search works on a built site: run `npm run build && npm run preview`. The dev server has no search index.';
