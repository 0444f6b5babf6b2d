import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { problem, type Problem } from './problems.ts';
import type { SourceFile } from './source-file.ts';

export type FieldPath = readonly PropertyKey[];

export interface Position {
  line: number;
  column: number;
}

/** Front matter as plain data, plus a way back from a field path to its place in the file. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** Where the value at `path` is written; the nearest enclosing field when it is missing. */
  locate(path: FieldPath): Position;
  /** Where the key at `path` is written (for unknown keys). */
  locateKey(path: FieldPath): Position;
}

/**
 * Parses front matter with a YAML parser that keeps positions. YAML 1.2 core schema: dates
 * stay strings (the schemas check them), no custom tags, duplicate keys are errors.
 */
export function parseFrontMatter(source: SourceFile): FrontMatter | Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.frontMatter, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + source.frontMatterLine - 1, column: col };
  };

  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, column } = at(e.pos[0]);
    return problem(source.file, line, column, `front matter is not valid YAML: ${yamlMessage(e.code, e.message)}`);
  });
  if (problems.length > 0) return problems;

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return [problem(source.file, source.frontMatterLine, 1, `front matter could not be read: ${(error as Error).message}; avoid YAML aliases that expand into huge values`)];
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [problem(source.file, source.frontMatterLine, 1, 'front matter must be a set of `key: value` fields (it is empty or not a mapping)')];
  }

  const rootOffset = doc.contents?.range?.[0] ?? 0;
  const walk = (path: FieldPath) => walkYaml(doc.contents ?? undefined, path);
  const startOf = (n: Node | undefined) => at(n?.range?.[0] ?? rootOffset);

  return {
    data: data as Record<string, unknown>,
    locate(path) {
      const { node, pair, parent } = walk(path);
      if (node) return startOf(node);
      return startOf((pair?.key as Node | undefined) ?? parent);
    },
    locateKey(path) {
      const { pair, node, parent } = walk(path);
      return startOf((pair?.key as Node | undefined) ?? node ?? parent);
    },
  };
}

/** The first line of the parser's message, with a hint for the mistakes people make. */
function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const hints: Record<string, string> = {
    DUPLICATE_KEY: 'each field may appear only once; remove or merge the repeated one',
    BAD_INDENT: 'check the indentation: nested fields need consistent spaces, never tabs',
    TAB_AS_INDENT: 'indent with spaces, not tabs',
    MULTILINE_IMPLICIT_KEY: 'a value containing ": " must be quoted',
    BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " must be quoted',
    TAG_RESOLVE_FAILED: 'custom YAML tags are not allowed in front matter',
  };
  return hints[code] ? `${first} (${hints[code]})` : first;
}

/** The node at `path` in a parsed YAML (or JSON) document, the pair that holds it, and its parent; as far as the path exists. */
export function walkYaml(root: Node | undefined, path: FieldPath): { node?: Node | undefined; pair?: Pair | undefined; parent?: Node | undefined } {
  let node: Node | undefined = root;
  let pair: Pair | undefined;
  let parent: Node | undefined;
  for (const segment of path) {
    parent = node;
    pair = undefined;
    if (isMap(node)) {
      pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      node = (pair?.value as Node | null) ?? undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
    } else {
      node = undefined;
    }
    if (!node && !pair) return { parent };
  }
  return { node, pair, parent };
}
