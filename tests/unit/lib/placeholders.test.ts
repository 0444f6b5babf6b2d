import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../../src/lib/placeholders.ts';
import { splitFrontMatter, type SourceFile } from '../../../src/lib/source-file.ts';

const source = (text: string) => splitFrontMatter('x.mdx', text) as SourceFile;

describe('TODO placeholders', () => {
  it('are found in front matter and prose at their line and column, not in code', () => {
    const text = [
      '---',
      'id: RB-0001',
      'summary: "TODO: say what it is"',
      '---',
      '',
      'Intro. TODO',
      '',
      'Run `grep TODO` first.',
      '',
      '```sh',
      'grep -r TODO .',
      '```',
      '',
      'Still TODO here; TODOs and ATODO are not.',
    ].join('\n');
    expect(findPlaceholders(source(text))).toEqual([
      { line: 3, column: 11 },
      { line: 6, column: 8 },
      { line: 14, column: 7 },
    ]);
  });
});
