import type { Nodes, Root } from 'mdast';

/**
 * How much one document body may ask of the renderer, so that no document, however it is
 * written, can make a build slow, exhaust its memory or overflow the parser's stack. Each
 * limit is far above what real documents use, measured over 8,800 real runbooks,
 * postmortems and handbook pages (`../shared/corpora`), and each was chosen by timing the
 * worst body that stays within it.
 */
export const bodyLimits = {
  /**
   * UTF-8 bytes of one body. Real runbooks reach 14 KB, postmortem guides 23 KB, the largest
   * handbook page 86 KB (a year of newsletters). The parser slows down sharply on long
   * paragraphs full of markup: 128 KB of them render in about 1.5 s, 256 KB in 24 s.
   */
  bytes: 128 * 1024,
  /**
   * Data rows of one table. The longest real table has 52 rows; a 2,000-row table already
   * takes half a second to render and is more than anyone reads on a page.
   */
  tableRows: 2_000,
  /**
   * Lists, quotes, components and emphasis inside one another. Real documents go 8 deep at
   * most. The parser recurses once per level (its stack overflows at a few thousand) and
   * its time grows with the square of the depth: 5,000 nested list items take 20 s.
   */
  nesting: 32,
  /**
   * `*`, `_` and `[` in one paragraph (the lines between two blank lines; a table row on
   * its own). Real paragraphs have at most 80, code blocks included. The parser's time to
   * match emphasis grows with about the cube of their number when they nest: 8,000 of them
   * in 23 KB take 21 s.
   */
  marksPerParagraph: 300,
  /**
   * Parsed elements (paragraphs, list items, table cells, links, words between them). The
   * largest real document has 2,307; a 2,000-row table of three columns has about 14,000.
   */
  nodes: 50_000,
} as const;

/** A limit a body goes past, at the line and column of the body where it does. */
export interface LimitProblem {
  line: number;
  column: number;
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const readable = 'so pages stay readable and builds fast';

/** The message for a body too deep for the parser's stack, when the checks before parsing missed it. */
export const tooDeepToRender = `the body is nested too deeply to render; keep lists, quotes, components and emphasis within ${bodyLimits.nesting} levels of one another`;

/**
 * Checks on the source text, before it is parsed: one linear pass per limit, so that a body
 * the parser would spend minutes on, or overflow its stack with, is refused in milliseconds.
 * They count generously (a code block is counted as if it were prose) so that no way of
 * writing a body slips past them; real documents stay far below every limit anyway.
 */
export function sourceLimitProblems(body: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > bodyLimits.bytes) {
    const kb = (n: number) => `${count(Math.ceil(n / 1024))} KB`;
    problems.push({ line: 1, column: 1, message: `the body is ${kb(bytes)}; the limit is ${kb(bodyLimits.bytes)} per document ${readable}; split it into several documents and link them by ID` });
  }
  // Linear, so they run whatever the size, to name every limit the body goes past at once.
  const lines = body.split(/\r\n|\r|\n/);
  problems.push(...containerDepthProblems(lines), ...tableProblems(lines), ...markProblems(lines), ...componentDepthProblems(lines));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

const isBlank = (line: string) => /^[ \t]*$/.test(line);
const columnAfter = (column: number, char: string) => (char === '\t' ? column + 4 - (column % 4) : column + 1);
const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The first line where lists and quotes nest deeper than the limit. Each `>` and list marker
 * at the start of a line opens a level; a list item written on an earlier line contains
 * this one while this one is indented at least to its text. Lazy continuation lines never
 * close a level here, so the count is never below the parser's.
 */
function containerDepthProblems(lines: readonly string[]): LimitProblem[] {
  const open: number[] = []; // the text column of each list item that may still contain the next line
  let afterBlank = true;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    let i = 0;
    let column = 0;
    let markers = 0;
    let firstItem = -1;
    const items: number[] = [];
    for (;;) {
      while (line[i] === ' ' || line[i] === '\t') column = columnAfter(column, line[i++]!);
      if (markers > bodyLimits.nesting) break;
      const rest = line.slice(i, i + 12);
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(rest);
      if (line[i] === '>') {
        markers++;
        i++;
        column++;
      } else if (ordered || (/^[-*+](?=[ \t]|$)/.test(rest) && !thematicBreak.test(line.slice(i)))) {
        const width = ordered ? ordered[0].length : 1;
        if (firstItem < 0) firstItem = column;
        markers++;
        items.push(column + width + 1);
        i += width;
        column += width;
      } else break;
    }
    if (firstItem >= 0 || afterBlank) {
      const at = firstItem >= 0 ? firstItem : column;
      while (open.length > 0 && open[open.length - 1]! > at) open.pop();
    }
    const depth = open.length + markers;
    if (depth > bodyLimits.nesting) {
      return [
        {
          line: n + 1,
          column: 1,
          message: `lists and quotes are nested more than ${bodyLimits.nesting} levels deep here (each > or list marker at the start of a line opens one); the limit is ${bodyLimits.nesting} ${readable}; flatten the structure, e.g. with headings or shorter lists`,
        },
      ];
    }
    open.push(...items);
    afterBlank = false;
  }
  return [];
}

const stripQuotes = (line: string) => line.replace(/^(?:[ \t]*>)*[ \t]*/, '');
const isDelimiterRow = (line: string) => /^[|:\- \t]+$/.test(line) && line.includes('|') && line.includes('-');
const tableMessage = (rows: number) => `table has ${count(rows)} rows; the limit is ${count(bodyLimits.tableRows)} per table ${readable}; split it or link to a CSV attachment`;

/**
 * Tables longer than the limit, at their header line. Every non-blank line after a delimiter
 * row counts as a row, as GFM reads them, so a table is never counted shorter than it is.
 */
function tableProblems(lines: readonly string[]): LimitProblem[] {
  const problems: LimitProblem[] = [];
  for (let n = 1; n < lines.length; n++) {
    const header = stripQuotes(lines[n - 1]!);
    if (!header.includes('|') || !isDelimiterRow(stripQuotes(lines[n]!))) continue;
    let end = n + 1;
    while (end < lines.length && stripQuotes(lines[end]!) !== '') end++;
    const rows = end - n - 1;
    if (rows > bodyLimits.tableRows) problems.push({ line: n, column: 1, message: tableMessage(rows) });
    n = end;
  }
  return problems;
}

/** Cells of a table row: split at pipes not escaped, without the outer pipes. */
function cellCount(line: string): number {
  const cells = line.trim().split(/(?<!\\)\|/);
  return cells.length - (cells[0] === '' ? 1 : 0) - (cells.length > 1 && cells[cells.length - 1] === '' ? 1 : 0);
}

/**
 * Paragraphs with more emphasis and link marks than the limit. A paragraph here is every
 * line between two blank lines, which always holds the parser's paragraph; only the rows of
 * a table that certainly is one (after a blank line, each line starting with `|`, the header
 * as wide as the delimiter row) count one by one, as the parser reads each cell apart.
 */
function markProblems(lines: readonly string[]): LimitProblem[] {
  const tooMany = (marks: number, line: number): LimitProblem[] => [
    {
      line: line + 1,
      column: 1,
      message: `this paragraph has ${count(marks)} emphasis and link marks (*, _ and [); the limit is ${bodyLimits.marksPerParagraph} per paragraph, as nested marks make the parser slow down sharply; split it with blank lines, or write literal text \`in code\` or with \\* \\_ \\[`,
    },
  ];
  const isPipeRow = (line: string | undefined) => line !== undefined && /^ {0,3}\|/.test(line);
  let marks = 0;
  let start = 0;
  let inTable = false;
  for (let n = 0; n <= lines.length; n++) {
    const line = lines[n];
    if (line === undefined || isBlank(line)) {
      if (marks > bodyLimits.marksPerParagraph) return tooMany(marks, start);
      marks = 0;
      start = n + 1;
      inTable = false;
      continue;
    }
    if (inTable && !isPipeRow(line)) {
      // The table ended; whatever follows counts together from here.
      inTable = false;
      start = n;
    }
    const next = lines[n + 1];
    if (n === start && isPipeRow(line) && isPipeRow(next) && isDelimiterRow(next!) && cellCount(line) === cellCount(next!)) inTable = true;
    let own = 0;
    for (let i = 0; i < line.length; i++) if (line[i] === '*' || line[i] === '_' || line[i] === '[') own++;
    if (inTable && own > bodyLimits.marksPerParagraph) return tooMany(own, n);
    if (!inTable) marks += own;
  }
  return [];
}

const fenceOpen = /^(`{3,}|~{3,})(.*)$/;

/**
 * The first component or HTML element nested deeper than the limit, counting `<Tag …>`
 * against `</Tag>` outside code blocks and inline code, where `<` is literal.
 */
function componentDepthProblems(lines: readonly string[]): LimitProblem[] {
  let depth = 0;
  let fence: { marker: string; quotes: number; indent: number } | undefined;
  let block: string[] = [];
  let blockStart = 0;
  const flush = (): LimitProblem[] => {
    const found = tagDepth(block.join('\n'), depth);
    depth = found.depth;
    block = [];
    if (!found.overAt) return [];
    return [
      {
        line: blockStart + found.overAt.line,
        column: found.overAt.column,
        message: `components and HTML tags are nested more than ${bodyLimits.nesting} levels deep here, counting each <tag> not yet closed by its </tag>; the limit is ${bodyLimits.nesting} ${readable}; close every tag, e.g. <p>…</p>, self-close tags without content, e.g. <br />, and do not nest components further`,
      },
    ];
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const quotes = /^(?:[ \t]*>)*/.exec(line)![0].split('>').length - 1;
    const text = line.replace(/^(?:[ \t]*>)*/, '').replace(/^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*[ \t]*/, '');
    const indent = line.length - line.trimStart().length;
    if (fence) {
      const closes = text.startsWith(fence.marker) && /^(?:`+|~+)[ \t]*$/.test(text);
      // A fence also ends where the container it opened in ends; ending too early only means counting more.
      if (closes || quotes < fence.quotes || (!isBlank(line) && indent < fence.indent)) fence = undefined;
      if (closes || fence) continue;
    }
    const opens = fenceOpen.exec(text);
    if ((opens && !(opens[1]![0] === '`' && opens[2]!.includes('`'))) || isBlank(text)) {
      const problems = flush();
      if (problems.length > 0) return problems;
      if (opens) fence = { marker: opens[1]!, quotes, indent };
      continue;
    }
    if (block.length === 0) blockStart = n;
    block.push(line);
  }
  return flush();
}

/** Tag depth through one block of prose, skipping escapes and inline code; where it first passes the limit. */
function tagDepth(text: string, depth: number): { depth: number; overAt?: { line: number; column: number } } {
  let line = 1;
  let lineStart = 0;
  let nextGt = -1; // where the next > is, found once for many tags
  const unclosed = new Set<number>(); // backtick runs of lengths known to have no closing run further on
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
      lineStart = i + 1;
    } else if (char === '\\') i++;
    else if (char === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const close = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, 'g');
      close.lastIndex = i + run;
      const found = unclosed.has(run) ? null : close.exec(text);
      if (!found) unclosed.add(run);
      if (found) {
        for (let j = i; j < found.index; j++) if (text[j] === '\n') (line++, (lineStart = j + 1));
        i = found.index + run - 1;
      } else i += run - 1;
    } else if (char === '<' && text[i + 1] === '/') depth = Math.max(0, depth - 1);
    else if (char === '<' && /[A-Za-z>]/.test(text[i + 1] ?? '')) {
      if (nextGt !== text.length && nextGt <= i) {
        const found = text.indexOf('>', i + 1);
        nextGt = found === -1 ? text.length : found;
      }
      if (nextGt === text.length || text[nextGt - 1] !== '/') depth++;
      if (depth > bodyLimits.nesting) return { depth, overAt: { line, column: i - lineStart + 1 } };
    }
  }
  return { depth };
}

/**
 * Checks on the parsed tree, before any step that walks it recursively: the parser's own
 * count of table rows, nesting and elements, for whatever the source checks let through.
 */
export function treeLimitProblems(tree: Root): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  let nodes = 0;
  let tooDeep = false;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes === bodyLimits.nodes + 1) {
      problems.push({
        ...at(node),
        message: `the body has more than ${count(bodyLimits.nodes)} elements (paragraphs, list items, table cells, links and the text between them) by here; the limit is ${count(bodyLimits.nodes)} per document ${readable}; split it into several documents`,
      });
    }
    if (node.type === 'table' && node.children.length - 1 > bodyLimits.tableRows) problems.push({ ...at(node), message: tableMessage(node.children.length - 1) });
    const nested = depth + (nestingTypes.has(node.type) ? 1 : 0);
    if (nested > bodyLimits.nesting) {
      if (!tooDeep)
        problems.push({
          ...at(node),
          message: `lists, quotes, components and emphasis are nested more than ${bodyLimits.nesting} levels deep here; the limit is ${bodyLimits.nesting} ${readable}; flatten the structure, e.g. with headings or shorter lists`,
        });
      tooDeep = true;
      continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, nested]);
  }
  return problems;
}

const nestingTypes = new Set<string>(['list', 'blockquote', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);
