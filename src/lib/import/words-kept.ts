import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isProblem, splitFrontMatter } from '../source-file.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The words a reader of the source sees: its Markdown as text, without front matter, tags,
 * comments or link addresses (which are not read), and without generator markers.
 */
export function sourceWords(source: string): string[] {
  let body = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/^---\s*\n/.test(body)) {
    const split = splitFrontMatter('source', body);
    if (!isProblem(split)) body = split.body;
  }
  // Each piece of text on its own, so that words of adjacent blocks do not run together.
  const pieces: string[] = [];
  visit(markdown.parse(body) as Root, (node) => {
    if ('value' in node && typeof node.value === 'string') pieces.push(node.value);
    else if (node.type === 'image' && node.alt) pieces.push(node.alt);
  });
  const text = pieces
    .join(' ')
    .replace(/<!--[\s\S]*?-->|<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/\{\{[<%][^}]*[>%]\}\}|\{#[\w:.-]+\}|\[\[_TOC_\]\]|\[![A-Za-z]+\]|^!!!\s+\w+/gm, ' ');
  return wordsOf(text);
}

/** The share of the source's distinct words that the page shows (1 when the source has none). */
export function wordsKept(source: string, page: string): number {
  const want = new Set(sourceWords(source));
  if (want.size === 0) return 1;
  const seen = new Set(wordsOf(page));
  let kept = 0;
  for (const w of want) if (seen.has(w)) kept++;
  return kept / want.size;
}
