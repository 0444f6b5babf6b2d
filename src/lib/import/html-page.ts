import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { preparedFromTree, type PreparedDocument } from '../import-markdown.ts';
import { htmlToMdxTree } from './markdown-to-mdx.ts';

const html = unified().use(rehypeParse).freeze();

const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);
function find(tree: HastRoot | Element, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (el: Element) => {
    if (found) return false;
    if (test(el)) found = el;
    return undefined;
  });
  return found;
}

/** Confluence panel kinds and the Callout each becomes. */
const panels: Record<string, string> = { information: 'note', info: 'note', tip: 'tip', note: 'warning', warning: 'danger' };

/**
 * One HTML page (a Confluence space export's `Page-Title_123.html`, or any plain HTML file)
 * read the way its readers saw it: the title from Confluence's title bar (without the space
 * name), else `<title>` or the first h1; the body from `#main-content` (else `<body>`), with
 * the page's navigation, breadcrumbs, metadata and table-of-contents macro left out;
 * information/tip/note/warning panels as Callouts, code blocks with their language; the
 * "Created by … on <date>" and "last modified on <date>" lines as dates.
 */
export function prepareHtmlPage(source: string, rel: string, folderName: string): PreparedDocument {
  const tree = html.parse(source) as HastRoot;
  const rewritten: Record<string, number> = {};
  const count = (what: string) => (rewritten[what] = (rewritten[what] ?? 0) + 1);
  const meta: Record<string, unknown> = {};
  const titleBar = find(tree, (el) => el.properties.id === 'title-text');
  const titleText = titleBar ? hastToString(titleBar).trim() : hastToString(find(tree, (el) => el.tagName === 'title') ?? { type: 'root', children: [] }).trim();
  // Confluence writes "Space name : Page title".
  if (titleText) meta.title = titleText.includes(' : ') ? titleText.slice(titleText.indexOf(' : ') + 3).trim() : titleText;
  const metadata = find(tree, (el) => classes(el).includes('page-metadata'));
  if (metadata) {
    const text = hastToString(metadata).replace(/\s+/g, ' ');
    const created = /created by [^,]*? on ([A-Z][a-z]{2,8} \d{1,2}, \d{4})/i.exec(text);
    const modified = /last (?:modified|updated) (?:by .*? )?on ([A-Z][a-z]{2,8} \d{1,2}, \d{4})/i.exec(text);
    if (created) meta.created = isoDay(created[1]!);
    if (modified) meta.updated = isoDay(modified[1]!);
  }
  const notes: string[] = [];
  if (!meta.created && meta.updated) {
    // The earliest date the export knows of: the page existed then.
    meta.created = meta.updated;
    notes.push('the export gives only when the page was last modified; created is that date');
  }
  const main = find(tree, (el) => el.properties.id === 'main-content') ?? find(tree, (el) => el.tagName === 'body') ?? tree;
  visit(main, 'element', (el: Element, index, parent) => {
    const cls = classes(el);
    if (!parent || index === undefined) return undefined;
    if (cls.includes('toc-macro') || el.properties.id === 'breadcrumbs' || cls.includes('page-metadata') || el.tagName === 'nav') {
      parent.children.splice(index, 1);
      count('navigation or table of contents left out');
      return [SKIP, index];
    }
    const panel = cls.map((c) => /^confluence-information-macro-(information|info|tip|note|warning)$/.exec(c)?.[1]).find(Boolean);
    if (panel) {
      const title = find(el, (c) => classes(c).includes('title'));
      const body = find(el, (c) => classes(c).includes('confluence-information-macro-body')) ?? el;
      parent.children[index] = { type: 'element', tagName: 'aside', properties: { dataCallout: panels[panel]!, ...(title ? { dataTitle: hastToString(title).trim() } : {}) }, children: body.children };
      count('Confluence panel → Callout');
      return SKIP;
    }
    if (el.tagName === 'pre' && typeof el.properties.dataSyntaxhighlighterParams === 'string') {
      const lang = /brush:\s*([\w+-]+)/.exec(el.properties.dataSyntaxhighlighterParams)?.[1];
      el.children = [{ type: 'element', tagName: 'code', properties: lang ? { className: [`language-${lang}`] } : {}, children: el.children as ElementContent[] }];
    }
    return undefined;
  });
  const body: HastRoot = main.type === 'root' ? main : { type: 'root', children: main.children };
  const mdast = htmlToMdxTree(body);
  return preparedFromTree({ tree: mdast, rel, folderName, meta, text: '', ids: new Map(), rewritten, notes });
}

/** `Mar 03, 2020` → 2020-03-03. */
function isoDay(written: string): string | undefined {
  const t = Date.parse(`${written} 12:00 UTC`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}
