import { LineCounter, parseDocument, type Node } from 'yaml';
import { walkYaml, type FieldPath, type FrontMatter, type Position } from './front-matter.ts';
import { problem, type Problem } from './problems.ts';

/**
 * Parses a JSON configuration file into its data and a way back from a field path to the
 * line and column where the value is written, so a problem with it names its place as a
 * problem with front matter does. JSON.parse decides what is valid JSON; the positions come
 * from the `yaml` parser, which reads JSON as the YAML 1.2 it is and keeps node ranges.
 */
export function parseJsonFile(file: string, raw: string): FrontMatter | Problem[] {
  const text = raw.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { offset, message } = jsonSyntaxError((error as Error).message, text);
    const { line, column } = offset === undefined ? at(doc.errors[0]?.pos[0] ?? 0) : at(offset);
    return [problem(file, line, column, `not valid JSON: ${message}`)];
  }
  // JSON.parse keeps the last of repeated keys without a word; say so, as for front matter.
  const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  if (duplicates.length > 0) {
    return duplicates.map((e) => {
      const { line, column } = at(e.pos[0]);
      const key = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(e.pos[0]))?.[0] ?? 'this key';
      return problem(file, line, column, `${key} appears twice in the same object, and only the last would count; keep one of them`);
    });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [problem(file, 1, 1, 'must be a JSON object: { "field": value, … }')];
  }

  const walk = (path: FieldPath) => walkYaml(doc.errors.length === 0 ? (doc.contents ?? undefined) : undefined, path);
  const startOf = (n: Node | undefined) => at(n?.range?.[0] ?? 0);
  return {
    data: data as Record<string, unknown>,
    locate(path) {
      const { node, pair, parent } = walk(path);
      return startOf(node ?? (pair?.key as Node | undefined) ?? parent);
    },
    locateKey(path) {
      const { node, pair, parent } = walk(path);
      return startOf((pair?.key as Node | undefined) ?? node ?? parent);
    },
  };
}

const syntaxHint = 'fix the syntax: keys and text in "double quotes", a comma between items and none after the last';

/** Where JSON.parse stopped and why, without the copy of the text V8 puts in some messages. */
function jsonSyntaxError(message: string, text: string): { offset: number | undefined; message: string } {
  const position = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  if (position) return { offset: Number(position[1]), message: `${lowerFirst(message.slice(0, position.index))}; ${syntaxHint}` };
  if (/^Unexpected end of JSON input/.test(message)) return { offset: text.trimEnd().length, message: 'the file ends too early; close every { and [ that is still open' };
  const token = /^Unexpected token '(.+?)', .* is not valid JSON$/s.exec(message);
  if (token) return { offset: undefined, message: `unexpected ${JSON.stringify(token[1])}; ${syntaxHint} (true, false and null unquoted, in lower case)` };
  return { offset: undefined, message: `${lowerFirst(message.split('\n')[0]!)}; ${syntaxHint}` };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
