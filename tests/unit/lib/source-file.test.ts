import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../../src/lib/source-file.ts';

const read = (content: string | Uint8Array) => readSourceFile('content/runbooks/x.mdx', typeof content === 'string' ? new TextEncoder().encode(content) : content);

describe('reading a content file', () => {
  it('splits front matter and body and knows where the body starts', () => {
    expect(read('---\nid: RB-0001\ntitle: T\n---\n\n## Body\n')).toEqual({
      file: 'content/runbooks/x.mdx',
      frontMatter: 'id: RB-0001\ntitle: T',
      frontMatterLine: 2,
      body: '\n## Body\n',
      bodyLine: 5,
    });
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    const file = read('\uFEFF---\r\nid: RB-0001\r\n---\r\nBody\r\n');
    expect(file).toMatchObject({ frontMatter: 'id: RB-0001', body: 'Body\n', bodyLine: 4 });
  });

  it('explains empty, binary, non-UTF-8, headless and unclosed files', () => {
    const messages = [
      read(''),
      read(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])),
      read(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a])),
      read('# Just a heading\n'),
      read('---\nid: RB-0001\n'),
    ].map((r) => ('message' in r ? `${r.line}:${r.column} ${r.message}` : 'parsed'));
    expect(messages).toMatchInlineSnapshot(`
      [
        "1:1 the file is empty; start it with front matter between --- lines, copied from a document of the same kind",
        "1:1 this looks like a binary file, not MDX text; content folders hold only .mdx documents",
        "1:1 the file is not valid UTF-8; save it as UTF-8 in your editor",
        "1:1 the file must begin with front matter: a line \`---\`, the YAML fields, and another \`---\`",
        "1:1 the front matter is never closed; add a line \`---\` after the last field",
      ]
    `);
  });

  it('refuses files too large to be a hand-written document', () => {
    const huge = read(`---\nid: RB-0001\n---\n${'x'.repeat(1_100_000)}`);
    expect('message' in huge && huge.message).toMatch(/documents are limited to 1000 KB/);
  });
});
