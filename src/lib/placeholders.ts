import type { SourceFile } from './source-file.ts';

/** Where a `TODO` placeholder was left in a document. */
export interface Placeholder {
  line: number;
  column: number;
}

const todo = /\bTODO\b/g;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Every `TODO` in a document's front matter and body, as the scaffold and the importer leave
 * them. Code (fenced blocks and `inline code`) is skipped: a runbook may well show a command
 * that greps for TODO.
 */
export function findPlaceholders(source: Pick<SourceFile, 'frontMatter' | 'frontMatterLine' | 'body' | 'bodyLine'>): Placeholder[] {
  const found: Placeholder[] = [];
  // Most documents hold none: one search instead of splitting every line.
  if (!source.frontMatter.includes('TODO') && !source.body.includes('TODO')) return found;
  const scan = (text: string, firstLine: number, code: boolean) => {
    let open: string | undefined;
    text.split('\n').forEach((line, i) => {
      const marker = code ? fence.exec(line)?.[1] : undefined;
      if (marker && (!open || (marker[0] === open[0] && marker.length >= open.length))) {
        open = open ? undefined : marker;
        return;
      }
      if (open) return;
      // Inline code spans blanked out, keeping columns.
      const prose = code ? line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length)) : line;
      for (const match of prose.matchAll(todo)) found.push({ line: firstLine + i, column: match.index + 1 });
    });
  };
  scan(source.frontMatter, source.frontMatterLine, false);
  scan(source.body, source.bodyLine, true);
  return found;
}
