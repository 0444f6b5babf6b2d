import type { Heading, Html, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { CollectionName } from '../schemas/index.ts';
import { scaffold, slugify, type ScaffoldContext } from './scaffold.ts';
import { isProblem, splitFrontMatter } from './source-file.ts';

/** Plain Markdown in: CommonMark and GFM, where `{` and `<` are just characters. */
const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
/** MDX out: the same tree, written so that braces and angle brackets stay text. */
const mdx = unified().use(remarkGfm).use(remarkMdx).use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' }).freeze();

/** Inline formatting tags whose text stays when the tag goes. */
const keptHtml = /^<\/?(kbd|sup|sub|mark|b|i|em|strong|u|s|small|span|font)(\s[^>]*)?\/?>$/i;

export interface ImportedDocument {
  id: string;
  fileName: string;
  /** The new MDX file. */
  text: string;
  /** What a person should look at: metadata that had nowhere to go, HTML kept as text. */
  notes: string[];
}

/**
 * Turns one Markdown file (a wiki export, a folder of runbooks) into a Cairn document of
 * `collection` that passes the check: front matter from the scaffold, with the title, summary,
 * tags, date and aliases the source has; the body re-written as MDX so no character is read as
 * code. Every word of the source stays: raw HTML the site does not allow is kept as literal
 * text, and HTML comments become MDX comments.
 */
export function importMarkdown(source: string, name: string, collection: CollectionName, context: ScaffoldContext): ImportedDocument {
  const notes: string[] = [];
  let meta: Record<string, unknown> = {};
  let body = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (body.startsWith('---\n')) {
    const split = splitFrontMatter(name, body);
    if (!isProblem(split)) {
      try {
        const parsed = parseYaml(split.frontMatter);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
        body = split.body;
      } catch {
        notes.push('its front matter is not valid YAML, so it was kept in the body as text');
      }
    }
  }

  const tree = markdown.parse(body) as Root;
  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  const first = tree.children.find((n) => n.type !== 'html');
  // A leading h1 is the title: it becomes the title when there is none, and goes either way.
  if (first?.type === 'heading' && first.depth === 1 && (!title || toString(first).trim() === title)) {
    title ||= toString(first).trim();
    tree.children.splice(tree.children.indexOf(first), 1);
  }
  if (!title) {
    const fromName = name.replace(/\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim() || 'Imported document';
    title = fromName.charAt(0).toUpperCase() + fromName.slice(1);
  }
  demoteHeadings(tree);
  keepHtmlAsText(tree, notes);

  const firstParagraph = tree.children.find((n): n is Paragraph => n.type === 'paragraph');
  const summary = pickString(meta, ['summary', 'description', 'excerpt']) ?? (firstParagraph ? clip(toString(firstParagraph), 300) : '');
  const created = pickDate(meta, ['created', 'date', 'published']) ?? context.today;
  const updated = pickDate(meta, ['updated', 'modified', 'lastmod', 'last_modified']);
  const tags = Array.isArray(meta.tags) ? meta.tags.filter((t): t is string => typeof t === 'string').map(slugify).filter(Boolean) : [];
  const aliases = Array.isArray(meta.aliases) ? meta.aliases.filter((a): a is string => typeof a === 'string' && a.length >= 2) : [];
  const used = new Set(['title', 'summary', 'description', 'excerpt', 'created', 'date', 'published', 'updated', 'modified', 'lastmod', 'last_modified', 'tags', 'aliases']);
  const left = Object.keys(meta).filter((k) => !used.has(k));
  if (left.length) notes.push(`front-matter fields with no place in a ${collection} document were left out: ${left.join(', ')}`);

  const doc = scaffold(collection, title, context);
  let frontMatter = doc.text.slice(4, doc.text.indexOf('\n---\n', 4));
  const set = (key: string, value: string) => {
    frontMatter = frontMatter.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`);
  };
  if (summary.length >= 10) set('summary', JSON.stringify(summary));
  else notes.push('no summary found; write one (it is a TODO now)');
  set('created', created);
  if (tags.length) set('tags', `[${[...new Set(tags)].join(', ')}]`);
  const extra = [...(updated && updated >= created ? [`updated: ${updated}`] : []), ...(aliases.length ? [`aliases: ${JSON.stringify(aliases)}`] : [])];
  const written = String(mdx.stringify(tree)).trim();
  return { id: doc.id, fileName: doc.fileName, text: `---\n${[frontMatter, ...extra].join('\n')}\n---\n\n${written}\n`, notes };
}

/** The page shows the title as h1, so body headings start at h2. */
function demoteHeadings(tree: Root) {
  const headings: Heading[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'heading') headings.push(n);
      if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  if (headings.some((h) => h.depth === 1)) for (const h of headings) h.depth = Math.min(6, h.depth + 1) as Heading['depth'];
}

/**
 * Raw HTML: comments become MDX comments; formatting tags the site knows are dropped (their
 * text stays; `<br>` becomes a line break); anything else is kept as visible, literal text.
 */
function keepHtmlAsText(tree: Root, notes: string[]) {
  let literal = 0;
  const blocks = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
  const visit = (parent: { type: string; children: RootContent[] }) => {
    const block = blocks.has(parent.type);
    parent.children = parent.children.map((n): RootContent => {
      if ('children' in n) visit(n as unknown as { type: string; children: RootContent[] });
      if (n.type !== 'html') return n;
      const html = (n as Html).value.trim();
      const comment = /^<!--([\s\S]*)-->$/.exec(html);
      if (comment) {
        const value = `/* ${comment[1]!.replace(/\*\//g, '* /').trim()} */`;
        return { type: block ? 'mdxFlowExpression' : 'mdxTextExpression', value } as unknown as RootContent;
      }
      if (/^<br\s*\/?>$/i.test(html)) return { type: 'break' } as RootContent;
      if (keptHtml.test(html)) return { type: 'text', value: '' } as RootContent;
      literal++;
      const text = { type: 'text', value: html } as const;
      return (block ? { type: 'paragraph', children: [text] } : text) as RootContent;
    });
  };
  visit(tree);
  if (literal) notes.push(literal === 1 ? 'a piece of raw HTML is kept as visible text; rewrite it as Markdown' : `${literal} pieces of raw HTML are kept as visible text; rewrite them as Markdown`);
}

function pickString(meta: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) if (typeof meta[k] === 'string' && (meta[k] as string).trim().length >= 10) return clip((meta[k] as string).trim(), 400);
  return undefined;
}

function pickDate(meta: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = meta[k];
    const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined;
    if (s && /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s.slice(0, 10)))) return s.slice(0, 10);
  }
  return undefined;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
