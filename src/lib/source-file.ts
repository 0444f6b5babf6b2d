import { problem, type Problem } from './problems.ts';

/** A content file split into its front matter and its body, with where each begins. */
export interface SourceFile {
  /** Path relative to the project root. */
  file: string;
  /** Raw YAML between the `---` lines (line endings normalised to \n). */
  frontMatter: string;
  /** 1-based line of the first front-matter line in the file. */
  frontMatterLine: number;
  /** The MDX body after the closing `---`. */
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
}

/** Content files above this size are refused: they are almost certainly not hand-written documents. */
export const maxFileBytes = 1_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and splits one content file. Returns problems instead of throwing, so a run can
 * report every bad file at once; BOM and CRLF are accepted, as editors on Windows write them.
 */
export function readSourceFile(file: string, bytes: Uint8Array): SourceFile | Problem {
  if (bytes.length === 0) return problem(file, 1, 1, 'the file is empty; start it with front matter between --- lines, copied from a document of the same kind');
  if (bytes.length > maxFileBytes) return problem(file, 1, 1, `the file is ${Math.round(bytes.length / 1024)} KB; documents are limited to ${maxFileBytes / 1000} KB, split it or move data out of it`);
  if (bytes.includes(0)) return problem(file, 1, 1, 'this looks like a binary file, not MDX text; content folders hold only .mdx documents');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem(file, 1, 1, 'the file is not valid UTF-8; save it as UTF-8 in your editor');
  }
  return splitFrontMatter(file, text);
}

/** Splits `---\nyaml\n---\nbody`; the opening fence must be the first line. */
export function splitFrontMatter(file: string, text: string): SourceFile | Problem {
  let normalised = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (normalised.includes('\r')) normalised = normalised.replace(/\r\n?/g, '\n');
  // Line by line up to the closing fence only: the body is sliced off whole, not split and joined.
  const lineEnd = (from: number) => {
    const end = normalised.indexOf('\n', from);
    return end === -1 ? normalised.length : end;
  };
  const opening = lineEnd(0);
  if (normalised.slice(0, opening).trimEnd() !== '---') {
    return problem(file, 1, 1, 'the file must begin with front matter: a line `---`, the YAML fields, and another `---`');
  }
  for (let start = opening + 1, line = 2; start <= normalised.length; line++) {
    const end = lineEnd(start);
    if (/^(?:---|\.\.\.)\s*$/.test(normalised.slice(start, end))) {
      return { file, frontMatter: normalised.slice(opening + 1, Math.max(opening + 1, start - 1)), frontMatterLine: 2, body: normalised.slice(end + 1), bodyLine: line + 1 };
    }
    start = end + 1;
  }
  return problem(file, 1, 1, 'the front matter is never closed; add a line `---` after the last field');
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'severity' in value && 'message' in value && 'line' in value;
}
