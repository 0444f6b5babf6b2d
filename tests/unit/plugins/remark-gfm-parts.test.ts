import { globSync, readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkGfmParts, { gfmPartsFor } from '../../../src/plugins/remark-gfm-parts.ts';

const full = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const parse = (body: string) => JSON.stringify(full.runSync(full.parse(body)));
const lean = (body: string) => {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfmParts, gfmPartsFor(body));
  return JSON.stringify(processor.runSync(processor.parse(body)));
};

/** Bodies that come close to each part without using it, or use it in an unusual way. */
const edges = [
  'Plain prose with no links at all.',
  'Mail ops@kestrel.example or see https://status.kestrel.example/vpn and www.kestrel.example.',
  'Escaped: www\\.kestrel.example and ops\\@kestrel.example, HTTPS://KESTREL.EXAMPLE and WWW.KESTREL.EXAMPLE.',
  'From entities: ops&#64;kestrel.example and www&#46;kestrel.example.',
  'A bare www and a ratio 3:2 and a path //share/ops.',
  '| Step | Owner |\n| --- | --- |\n| Restart | service-desk |',
  'a | b\n--- | ---\n1 | 2',
  'No table: a | b on one line, and `x | y` in code.',
  '`ops@kestrel.example` in code, and <abbr title="x@y.z">email</abbr> in a tag.',
  '- [ ] task with ~~strike~~ and a footnote[^1]\n\n[^1]: The note.',
];

describe('GFM parts', () => {
  it('leaves out only what a body cannot use', () => {
    expect(gfmPartsFor('Plain prose.')).toEqual({ emailLiterals: false, literalLinks: false, tables: false });
    expect(gfmPartsFor('See https://x.example')).toEqual({ emailLiterals: false, literalLinks: true, tables: false });
    expect(gfmPartsFor('ops@x.example | a')).toEqual({ emailLiterals: true, literalLinks: true, tables: true });
  });

  it('parses every body to the same tree as remark-gfm', () => {
    const bodies = [...edges, ...globSync('{content,tests/fixtures}/**/*.mdx').map((file) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))];
    expect(bodies.length).toBeGreaterThan(100);
    const differing = bodies.filter((body) => {
      try {
        return parse(body) !== lean(body);
      } catch (error) {
        // A body both refuse (broken MDX in fixtures) must be refused the same way.
        return !(() => {
          try {
            lean(body);
            return false;
          } catch (e) {
            return (e as Error).message === (error as Error).message;
          }
        })();
      }
    });
    expect(differing).toEqual([]);
  });
});
