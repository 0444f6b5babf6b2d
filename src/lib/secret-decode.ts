import { decodeHTMLStrict } from 'entities';
import { isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';

/**
 * The ways a secret can be written so that it no longer looks like itself in the raw text,
 * undone before matching: HTML character references (as MDX decodes them), backslash escapes
 * (YAML double-quoted strings, JSON, JavaScript) and invisible characters. Positions are kept,
 * so a match in the decoded text is reported where its source text begins.
 */
export interface DecodedLine {
  text: string;
  /** For each index of `text`, and for `text.length`, the index in the source line it came from. */
  at: number[];
}

const encoded = /&(?:#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\d]{1,31});|\\(?:x[\dA-Fa-f]{2}|u\{[\dA-Fa-f]{1,6}\}|u[\dA-Fa-f]{4}|U[\dA-Fa-f]{8}|["\\/])|[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Whether a line holds anything `decodeLine` would change (a quick test before decoding). */
export const maybeEncoded = /&#?[A-Za-z\d]+;|\\[xuU"\\/]|[\u00AD\u200B-\u200D\u2060\uFEFF]/;

function decodeOne(token: string): string {
  if (token.startsWith('&')) return decodeHTMLStrict(token);
  if (!token.startsWith('\\')) return ''; // an invisible character
  const c = token[1]!;
  if (c === 'x' || c === 'U') return fromCodePoint(parseInt(token.slice(2), 16), token);
  if (c === 'u') return fromCodePoint(parseInt(token.slice(token[2] === '{' ? 3 : 2), 16), token);
  return c;
}

function fromCodePoint(n: number, token: string): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : token;
}

/** The line with character references, escapes and invisible characters decoded; undefined when nothing changes. */
export function decodeLine(line: string): DecodedLine | undefined {
  if (!maybeEncoded.test(line)) return undefined;
  let text = '';
  const at: number[] = [];
  let from = 0;
  for (const match of line.matchAll(encoded)) {
    for (let i = from; i < match.index; i++) at.push(i);
    text += line.slice(from, match.index);
    const decoded = decodeOne(match[0]);
    for (let i = 0; i < decoded.length; i++) at.push(match.index);
    text += decoded;
    from = match.index + match[0].length;
  }
  for (let i = from; i < line.length; i++) at.push(i);
  text += line.slice(from);
  at.push(line.length);
  return text === line ? undefined : { text, at };
}

/** A string value taken from parsed front matter, with where it is written in the file. */
export interface ScannedString {
  /** The value as YAML reads it: escapes decoded, folded lines joined. */
  value: string;
  /** 1-based line of the start of the value in the file. */
  line: number;
  /** 1-based column of the start of the value. */
  column: number;
  /** The field name it is the value of (the nearest enclosing key), which tells a password from a path. */
  key?: string;
}

/**
 * Every string value in a front matter text, decoded by the YAML parser, with its place in the
 * file (`firstLine` is the file line of the first YAML line). Tolerates broken YAML: whatever
 * the parser recovers is returned.
 */
export function yamlStrings(yaml: string, firstLine = 1): ScannedString[] {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yaml, { lineCounter, uniqueKeys: false, strict: false });
  } catch {
    return [];
  }
  const strings: ScannedString[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const { line, col } = lineCounter.linePos(node.range[0]);
      const found: ScannedString = { value: node.value, line: line + firstLine - 1, column: col };
      const pair = path.findLast(isPair);
      if (pair && isScalar(pair.key)) found.key = String(pair.key.value);
      strings.push(found);
    },
  });
  return strings;
}
