import type { Element, Root as HastRoot } from 'hast';
import { toMdast, type State } from 'hast-util-to-mdast';
import { htmlTagNames } from 'html-tag-names';
import type { Blockquote, Html, Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { allowedHtml } from '../../components/content/index.ts';
import { calloutType } from './generator-syntax.ts';

/** Plain Markdown in: CommonMark and GFM, where `{` and `<` are just characters. */
const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
/** Markdown to HTML with its raw HTML parsed in place, so open and close tags in separate blocks pair up. */
const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
/** MDX out, written so that braces and angle brackets stay text and links are never `<url>` (MDX refuses those). */
const mdx = unified().use(remarkGfm).use(remarkMdx).use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', resourceLink: true }).freeze();

const knownTags = new Set(htmlTagNames);
const tagsIn = (html: string) => [...html.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());

/** What the converter did, for the import report. */
export interface Conversion {
  tree: Root;
  rewritten: Record<string, number>;
}

/**
 * Markdown (with raw HTML and GitHub alerts) to an MDX tree the site accepts: HTML elements the
 * site allows stay as JSX, HTML tables become Markdown tables, every other element becomes its
 * closest Markdown (through rehype-remark's handlers) and never literal markup; placeholders
 * that only look like tags (`<pod-name>`, `<Ctrl>`) stay text; alerts become `<Callout>`.
 */
export function markdownToMdxTree(source: string): Conversion {
  const rewritten: Record<string, number> = {};
  const count = (what: string, n = 1) => (rewritten[what] = (rewritten[what] ?? 0) + n);
  const tree = markdown.parse(source) as Root;
  let html = 0;
  visit(tree, 'html', (node: Html, index, parent) => {
    if (/^<!--/.test(node.value.trim())) return;
    const tags = tagsIn(node.value);
    if (tags.length === 0 || tags.some((t) => !knownTags.has(t))) {
      // Not HTML but a placeholder written like a tag: its text is what the author meant.
      const text: Text = { type: 'text', value: node.value };
      parent!.children[index!] = (parent!.type === 'root' || parent!.type === 'blockquote' || parent!.type === 'listItem' ? { type: 'paragraph', children: [text] } : text) as never;
      return SKIP;
    }
    html++;
    return undefined;
  });
  if (html) count('HTML element', html);
  splitAlerts(tree);
  visit(tree, 'blockquote', (node: Blockquote) => {
    if (markAlert(node)) count('Callout');
  });
  return { tree: htmlToMdxTree(toHtml.runSync(tree) as HastRoot), rewritten };
}

/**
 * An HTML tree (a Markdown page's, or an exported wiki page's) to MDX: allowed elements as
 * JSX, `aside[data-callout]` as `<Callout>`, everything else its closest Markdown.
 */
export function htmlToMdxTree(hast: HastRoot): Root {
  // Comments are not for readers, and `<!--` is not MDX.
  const out = toMdast(hast, { handlers: handlers(), nodeHandlers: { comment: () => undefined } }) as Root;
  tidyTableCells(out);
  visit(out, 'html', (node: Html, index, parent) => {
    parent!.children.splice(index!, 1, { type: 'text', value: node.value } as never);
  });
  // A `<br/>` or empty element alone between blocks leaves an empty paragraph: nothing to show.
  visit(out, 'paragraph', (node, index, parent) => {
    if (node.children.every((c) => c.type === 'break' || (c.type === 'text' && !c.value.trim()))) {
      parent!.children.splice(index!, 1);
      return [SKIP, index!];
    }
    return undefined;
  });
  return out;
}

export function stringifyMdx(tree: Root): string {
  return String(mdx.stringify(tree)).trim();
}

const alertMarker = /^\[![A-Za-z]+(?:\|[^\]\n]*)?\]/;
const startsAlert = (node: RootContent) => node.type === 'paragraph' && node.children[0]?.type === 'text' && alertMarker.test(node.children[0].value);

/** One quote holding several alerts (`> [!WARNING] …` `>` `> [!NOTE] …`) becomes one quote per alert. */
function splitAlerts(tree: Root) {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as RootContent[];
    for (let i = children.length - 1; i >= 0; i--) {
      const quote = children[i]!;
      if (quote.type !== 'blockquote') continue;
      const starts = quote.children.map((c, k) => (k > 0 && startsAlert(c) ? k : -1)).filter((k) => k > 0);
      if (!starts.length) continue;
      const parts = [0, ...starts].map((from, k, all) => ({ type: 'blockquote', children: quote.children.slice(from, all[k + 1]) }) as Blockquote);
      children.splice(i, 1, ...parts);
    }
  });
}

/**
 * `> [!NOTE] text` (GitHub) or `> [!TIP|Title]` (an admonition rewritten by
 * generator-syntax.ts): marks the blockquote to become a Callout and removes the marker.
 */
function markAlert(node: Blockquote): boolean {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return false;
  const text = first.children[0];
  if (text?.type !== 'text') return false;
  const m = /^\[!([A-Za-z]+)(?:\|([^\]\n]*))?\][ \t]*\n?/.exec(text.value);
  if (!m) return false;
  text.value = text.value.slice(m[0].length);
  if (!text.value && first.children.length === 1) node.children.shift();
  node.data = { ...node.data, hName: 'aside', hProperties: { dataCallout: calloutType(m[1]!), ...(m[2] ? { dataTitle: m[2] } : {}) } };
  return true;
}

function embedded(state: State, node: Element): Link | undefined {
  const src = node.properties.src ?? node.properties.data ?? (node.children.find((c) => c.type === 'element' && c.tagName === 'source') as Element | undefined)?.properties.src;
  if (typeof src !== 'string' || !src) return undefined;
  const title =
    typeof node.properties.title === 'string' && node.properties.title ? node.properties.title : `Embedded ${node.tagName === 'video' || node.tagName === 'audio' ? node.tagName : 'content'}: ${src}`;
  const link: Link = { type: 'link', url: src, children: [{ type: 'text', value: title }] };
  state.patch(node, link);
  return link;
}

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

function handlers() {
  const inline =
    (name: string) =>
    (state: State, node: Element): MdxJsxTextElement => {
      const attributes = (allowedHtml.get(name) ?? []).filter((a) => node.properties[a] !== undefined).map((a) => attribute(a, String(node.properties[a])));
      return { type: 'mdxJsxTextElement', name, attributes, children: state.all(node) as PhrasingContent[] };
    };
  return {
    sup: inline('sup'),
    sub: inline('sub'),
    kbd: inline('kbd'),
    mark: inline('mark'),
    abbr: inline('abbr'),
    // Embedded players and frames load from elsewhere, which the site never does: a link instead.
    iframe: embedded,
    video: embedded,
    audio: embedded,
    embed: embedded,
    object: embedded,
    details(state: State, node: Element): MdxJsxFlowElement {
      return {
        type: 'mdxJsxFlowElement',
        name: 'details',
        attributes: node.properties.open ? [{ type: 'mdxJsxAttribute', name: 'open', value: null }] : [],
        children: state.toFlow(state.all(node)) as MdxJsxFlowElement['children'],
      };
    },
    summary(state: State, node: Element): MdxJsxFlowElement {
      return { type: 'mdxJsxFlowElement', name: 'summary', attributes: [], children: [{ type: 'paragraph', children: state.all(node) as PhrasingContent[] }] };
    },
    aside(state: State, node: Element) {
      const type = node.properties.dataCallout;
      const children = state.toFlow(state.all(node));
      if (typeof type !== 'string') return children;
      const title = node.properties.dataTitle;
      return {
        type: 'mdxJsxFlowElement',
        name: 'Callout',
        attributes: [attribute('type', type), ...(typeof title === 'string' && title ? [attribute('title', title)] : [])],
        children,
      } as MdxJsxFlowElement;
    },
  };
}

/**
 * A Markdown table cell holds one line: paragraphs and line breaks inside an HTML cell become
 * `<br />`, lists and other blocks their text, so the row never breaks apart.
 */
function tidyTableCells(tree: Root) {
  const br = (): MdxJsxTextElement => ({ type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] });
  visit(tree, 'tableCell', (cell) => {
    const flat: PhrasingContent[] = [];
    const add = (nodes: RootContent[]) => {
      for (const n of nodes) {
        if (n.type === 'break') flat.push(br());
        else if (n.type === 'paragraph' || n.type === 'heading') {
          if (flat.length) flat.push(br());
          add(n.children);
        } else if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote') add(n.children as RootContent[]);
        else if (n.type === 'code') flat.push({ type: 'inlineCode', value: n.value.replace(/\n/g, ' ') });
        else if ('children' in n && n.type !== 'link' && n.type !== 'emphasis' && n.type !== 'strong' && n.type !== 'delete' && !n.type.startsWith('mdx')) add(n.children as RootContent[]);
        else flat.push(n as PhrasingContent);
      }
    };
    add(cell.children as RootContent[]);
    cell.children = flat;
  });
}
