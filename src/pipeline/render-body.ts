import type { Element, Properties } from 'hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { State } from 'mdast-util-to-hast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { allowedHtml, contentComponents, type RenderContext } from '../components/content/index.ts';
import rehypeHeadingAnchors, { type Heading } from '../plugins/rehype-heading-anchors.ts';
import rehypeCodeBlocks from '../plugins/rehype-code-blocks.ts';
import remarkContentComponents from '../plugins/remark-content-components.ts';
import remarkIdLinks from '../plugins/remark-id-links.ts';
import remarkTicketLinks from '../plugins/remark-ticket-links.ts';
import remarkInternalLinks, { type InternalLink } from '../plugins/remark-internal-links.ts';
import remarkSafeMdx from '../plugins/remark-safe-mdx.ts';
import remarkGfmParts, { gfmPartsFor, type GfmParts } from '../plugins/remark-gfm-parts.ts';
import { toString as hastToString } from 'hast-util-to-string';
import { sourceLimitProblems, tooDeepToRender, treeLimitProblems } from '../lib/body-limits.ts';
import type { IdIndex } from '../lib/graph/id-index.ts';
import type { TicketLinker } from '../lib/tickets.ts';
import { bodyTerms, noBodyTerms, type BodyTerms } from '../lib/graph/similarity.ts';
import { wordCounts } from '../lib/vocabulary.ts';
import { noWordCounts, type WordCounts } from '../lib/word-counts.ts';

export interface RenderedBody {
  html: string;
  headings: Heading[];
  /** IDs of other documents written in the body. */
  mentions: string[];
  /** Ticket keys written in the body. */
  tickets: string[];
  /** The body's words, counted, for the search's "did you mean". */
  words: WordCounts;
  /** The body's content words, for similarity. */
  terms: BodyTerms;
  /** Links to site paths and anchors, checked by the loader once every page is known. */
  links: InternalLink[];
  /** Problems with positions relative to the body (line 1 is the body's first line). */
  problems: { line: number; column: number; message: string }[];
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Renders a JSX node with the site's component of that name, or as an allowed HTML element. */
function renderJsx(state: State, node: JsxElement): Element | undefined {
  if (!node.name) return undefined;
  const children = state.all(node);
  const props = node.data?.cairnProps ?? {};
  const component = contentComponents.get(node.name);
  if (component) return component.render(props, children, node.data!.cairnContext!);
  const attributes = allowedHtml.get(node.name);
  if (!attributes) return undefined; // already reported as a problem
  const properties: Properties = {};
  for (const name of attributes) if (name in props) properties[name] = props[name];
  return { type: 'element', tagName: node.name, properties, children };
}

const nothing = () => undefined;

/**
 * MDX syntax parsed by unified, never compiled or evaluated: JSX becomes the site's
 * components (functions to hast), anything that could run code is refused. One frozen
 * processor per set of GFM parts serves every document of a build that needs that set.
 * Without words, code blocks are left as they are: highlighting only dresses the HTML.
 */
function createProcessor(gfm: GfmParts, words: boolean) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfmParts, gfm)
    .use(remarkSafeMdx)
    .use(remarkContentComponents, { components: contentComponents, allowedHtml })
    .use(remarkIdLinks)
    .use(remarkTicketLinks)
    .use(remarkInternalLinks)
    .use(remarkRehype, {
      handlers: { mdxJsxFlowElement: renderJsx, mdxJsxTextElement: renderJsx, mdxjsEsm: nothing, mdxFlowExpression: nothing, mdxTextExpression: nothing },
    })
    .use(rehypeHeadingAnchors);
  return (words ? processor.use(rehypeCodeBlocks) : processor).use(rehypeStringify).freeze();
}

const processors = new Map<string, ReturnType<typeof createProcessor>>();

/** The processor for a body: GFM without the parts its source cannot use, which parse slowly. */
function processorFor(body: string, words: boolean) {
  const parts = gfmPartsFor(body);
  const key = `${+parts.emailLiterals}${+parts.literalLinks}${+parts.tables}${+words}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = createProcessor(parts, words)));
  return processor;
}

/** What turns words of prose into links. */
export interface BodyLinks {
  /** Every document ID: IDs in prose become links, unknown IDs are problems. */
  idIndex?: IdIndex;
  /** Ticket keys in prose become tracker links. */
  tickets?: TicketLinker;
  /**
   * False when nobody reads the body's words (the check): its HTML, word counts and terms are then
   * not made, and come back empty. Problems, headings, mentions and links come out the same.
   */
  words?: boolean;
}

/** Renders one body, with IDs and ticket keys linked when `links` says how. */
export function renderBody(body: string, context: RenderContext, links: BodyLinks = {}): RenderedBody {
  const failed = (problems: RenderedBody['problems']): RenderedBody => ({ html: '', headings: [], mentions: [], tickets: [], words: noWordCounts, terms: noBodyTerms, links: [], problems });
  // Limits first: a body past them could take minutes to parse or overflow the parser's stack.
  const overLimits = sourceLimitProblems(body);
  if (overLimits.length > 0) return failed(overLimits);
  const file = new VFile({ value: body, data: { renderContext: context, ...links } });
  const processor = processorFor(body, links.words !== false);
  try {
    const parsed = processor.parse(file);
    const overTreeLimits = treeLimitProblems(parsed);
    if (overTreeLimits.length > 0) return failed(overTreeLimits);
    const tree = processor.runSync(parsed, file);
    const problems = file.messages
      .filter((m) => m.fatal)
      .map((m) => ({ line: m.line ?? 1, column: m.column ?? 1, message: m.reason }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
    if (problems.length > 0) return failed(problems);
    const found = { headings: file.data.headings ?? [], mentions: file.data.mentions ?? [], tickets: file.data.ticketKeys ?? [], links: file.data.internalLinks ?? [], problems: [] };
    if (links.words === false) return { ...found, html: '', words: noWordCounts, terms: noBodyTerms };
    const text = hastToString(tree);
    return { ...found, html: processor.stringify(tree, file), words: wordCounts(text), terms: bodyTerms(text) };
  } catch (error) {
    // MDX syntax errors stop the parser: report the first one, with its place.
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    const syntax = typeof e.reason === 'string'; // parser messages carry a reason; crashes do not
    // The limits above should catch every body this deep; this keeps the message useful if one slips by.
    const tooDeep = error instanceof RangeError && /call stack/i.test(e.message);
    // Some messages (an unclosed component) carry their place only in the text, "(13:1-13:25)",
    // relative to the body: take it from there, and drop it, since the problem names the place.
    const inText = syntax && e.line === undefined ? /\s*\((\d+):(\d+)-\d+:\d+\)/.exec(e.reason!) : null;
    const reason = inText ? e.reason!.replace(inText[0], '') : e.reason;
    const message = syntax ? `MDX syntax: ${mdxHint(reason!)}` : tooDeep ? tooDeepToRender : `Cairn could not render this body (${e.message}); this is a bug in Cairn, please report it with this file`;
    return failed([{ line: e.line ?? Number(inText?.[1] ?? 1), column: e.column ?? Number(inText?.[2] ?? 1), message }]);
  }
}

/** MDX parser messages with the fix authors most often need. */
function mdxHint(reason: string): string {
  if (/before name, expected a character that can start a name|Unexpected character .* before local name/.test(reason)) {
    return `${reason.replace(/\s*\(note:.*\)$/, '')}; a bare < starts a tag in MDX: write \\< for a literal <, and [text](https://…) instead of <https://…>`;
  }
  if (/Could not parse expression|Unexpected end of file in expression/.test(reason)) return `${reason}; a bare { starts an expression in MDX: write \\{ for a literal brace`;
  if (/Expected a closing tag/.test(reason)) return `${reason}; close every component, e.g. </Callout>, and self-close tags without content, e.g. <br />`;
  return reason;
}
