import type { Extension } from 'micromark-util-types';
import type { Processor } from 'unified';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/** Which costly parts of GFM a body could use at all. */
export interface GfmParts {
  /** Email literals (`ops@example.com`): the tokenizer tries one at every word, half the parser's time. */
  emailLiterals: boolean;
  /** Literal links found after parsing (`www.`, `https://`, emails, also from escapes and entities): a walk over all text. */
  literalLinks: boolean;
  /** Tables: the tokenizer tries one at every line. */
  tables: boolean;
}

/**
 * The parts a body needs, judged from its source: an email literal needs an `@`, any
 * literal link an `@`, `www.` or `://` (or an escape or character reference that could
 * make one), a table a `|` in its delimiter row. Leaving out what cannot match changes
 * nothing in the output; the render test compares both ways on real corpora.
 */
export function gfmPartsFor(body: string): GfmParts {
  return { emailLiterals: body.includes('@'), literalLinks: /[@&\\]|www\.|:\/\//i.test(body), tables: body.includes('|') };
}

const all: GfmParts = { emailLiterals: true, literalLinks: true, tables: true };

/** The tokenizer's URL and `www.` literal constructs without the email one (they cost next to nothing). */
function urlLiteralsOnly(): Extension {
  const text = gfmAutolinkLiteral().text!;
  const byCode = (code: number, name: string) => [text[code]].flat().find((c) => c?.name === name);
  const constructs = { 72: 'protocolAutolink', 104: 'protocolAutolink', 87: 'wwwAutolink', 119: 'wwwAutolink' };
  return {
    text: Object.fromEntries(
      Object.entries(constructs).map(([code, name]) => {
        const construct = byCode(Number(code), name);
        if (!construct) throw new Error(`micromark-extension-gfm-autolink-literal has no ${name} at ${code}: update remark-gfm-parts`);
        return [code, construct];
      }),
    ),
  };
}

/**
 * GitHub Flavored Markdown as remark-gfm adds it (same extensions, same order), minus the
 * parts `parts` says a body cannot use. Parsing is most of a render's time, and email
 * literals and tables are most of parsing's.
 */
export default function remarkGfmParts(this: Processor, parts: GfmParts = all) {
  const data = this.data();
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  micromark.push(parts.emailLiterals ? gfmAutolinkLiteral() : urlLiteralsOnly(), gfmFootnote(), gfmStrikethrough(), ...(parts.tables ? [gfmTable()] : []), gfmTaskListItem());
  fromMarkdown.push([
    ...(parts.literalLinks ? [gfmAutolinkLiteralFromMarkdown()] : []),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    ...(parts.tables ? [gfmTableFromMarkdown()] : []),
    gfmTaskListItemFromMarkdown(),
  ]);
}
