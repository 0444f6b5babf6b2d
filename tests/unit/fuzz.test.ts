import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../../src/lib/problems.ts';

/**
 * Fuzz: hundreds of variants of valid documents, their bodies, front matter and file names
 * mangled, go through the same loader as `npm run check` and the build. Each variant lives in
 * a copy of a valid knowledge base with its own ID, so whatever it references exists and a
 * variant the mangling left valid really loads: a renderer that fails on everything fails
 * here. Seeded, so a failure reproduces; change the seed to explore.
 */
const seed = 20261125;
const cases = 400;

function prng(state: number): () => number {
  // mulberry32: small, fast and well spread, which an LCG's low bits are not.
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = prng(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const at = (text: string) => Math.floor(random() * (text.length + 1));

const fixture = 'tests/fixtures/valid-kb';
const sources = [
  'incidents/2025-001-invoices-late.mdx',
  'runbooks/restart-billing.mdx',
  'retrospectives/billing-revamp.mdx',
  'projects/billing-revamp.mdx',
  'playbooks/month-end.mdx',
  'guides/first-week.mdx',
  'services/billing.mdx',
  'teams/ops.mdx',
].map((file) => ({
  collection: file.split('/')[0]!,
  text: readFileSync(join(fixture, file), 'utf8'),
}));

/** A fresh ID of the collection's form, so variants never collide with each other or the fixture. */
const freshId = (collection: string, i: number): string =>
  ({
    incidents: `INC-2099-${String(i).padStart(3, '0')}`,
    runbooks: `RB-${5000 + i}`,
    retrospectives: `RETRO-${5000 + i}`,
    projects: `PRJ-fuzz-${i}`,
    playbooks: `PB-${5000 + i}`,
    guides: `MG-${5000 + i}`,
    services: `fuzz-service-${i}`,
    teams: `fuzz-team-${i}`,
  })[collection]!;

const hostile = [
  '{',
  '}',
  '<',
  '</Callout>',
  '<Steps>',
  '---',
  ': :',
  '- [',
  '"',
  "'",
  '\t',
  '&',
  '*',
  '!!binary',
  '&anchor',
  '*anchor',
  '<script>',
  '{/*',
  'javascript:',
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\r',
  '\\',
  '`',
  '```',
  '[x](',
  '<Event time=',
  'id: INC-2025-001',
  'severity: SEV9',
  'created: 2025-02-30',
  '%',
  '@',
  '|',
  '\u202E',
  '\uD800',
];
const prose = [
  'Restart the workers.',
  '**Bold** and _emphasis_ and ~~gone~~.',
  '`code <pod-name>`',
  'See RB-0001 and PRJ-billing-revamp.',
  'Tracked in OPS-42.',
  '[the docs](https://example.org/docs)',
  'Café, naïve, 日本語, 🙂.',
  '\u200Bzero width',
];
const blocks = [
  '- one\n- two\n  - nested',
  '1. first\n2. second',
  '> quoted\n> more',
  '| host | role |\n| - | - |\n| web-1 | app |',
  '```sh\nkubectl logs <pod-name> | grep "*"\n```',
  '<Callout type="note">\n\nA note.\n\n</Callout>',
  '<KeyFigure label="Time" value="2 h" />',
  '## A heading\n\nText.',
  '---',
  `${'>'.repeat(200)} deep quote`,
  `${'- '.repeat(200)}deep list`,
  `${'<Callout>\n\n'.repeat(60)}deep${'\n\n</Callout>'.repeat(60)}`,
  `${'*a '.repeat(400)}x${' a*'.repeat(400)}`,
  `| a |\n| - |\n${'| r |\n'.repeat(2_100)}`,
];
const values = [
  '',
  '~',
  '[]',
  '{}',
  '2025-02-30',
  'SEV9',
  '"quoted"',
  'yes',
  '0x1F',
  '-1',
  '1e999',
  '&a x',
  '*a',
  '!!binary AAAA',
  '>-\n  folded text',
  '[ops, ops]',
  'RB-9999',
  'PRJ-nope',
  '"#ops"',
  '"line\\nbreak"',
  `"${'x'.repeat(5_000)}"`,
];

type Parts = { frontMatter: string; body: string };
const lines = (text: string) => text.split('\n');
const spliceLine = (text: string, edit: (lines: string[], i: number) => void) => {
  const all = lines(text);
  edit(all, Math.floor(random() * all.length));
  return all.join('\n');
};

/** Edits of the body; most keep it valid, as authors' edits do, some break it on purpose. */
const bodyEdits: ((body: string) => string)[] = [
  (b) => {
    const i = at(b);
    return b.slice(0, i) + pick(hostile) + b.slice(i);
  },
  (b) => {
    const i = at(b);
    return b.slice(0, i) + b.slice(i + 1 + Math.floor(random() * 20));
  },
  (b) => spliceLine(b, (all, i) => all.splice(i, 1)),
  (b) => spliceLine(b, (all, i) => all.splice(i, 0, all[Math.floor(random() * all.length)]!)),
  (b) => spliceLine(b, (all, i) => all.splice(i, 0, '', pick(prose), '')),
  (b) => spliceLine(b, (all, i) => all.splice(i, 0, '', pick(blocks), '')),
  (b) => `${b}\n\n${pick(blocks)}\n`,
  (b) => `${b}\n${pick(prose)}\n`,
];

/** Edits of the front matter: wrong values, duplicate and unknown keys, YAML tricks. */
const frontMatterEdits: ((yaml: string) => string)[] = [
  (y) => {
    const i = at(y);
    return y.slice(0, i) + pick(hostile) + y.slice(i);
  },
  (y) => spliceLine(y, (all, i) => all.splice(i, 1)),
  (y) => spliceLine(y, (all, i) => all.splice(i, 0, all[i]!)),
  (y) =>
    spliceLine(y, (all, i) => {
      all[i] = all[i]!.replace(/:\s.*$/, `: ${pick(values)}`);
    }),
  (y) => `${y}\nsumary: A typo of a known key`,
  (y) => `nested: ${'['.repeat(200)}${']'.repeat(200)}\n${y}`,
  (y) => `base: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n${y}`,
];

/** Edits of the whole file: line endings, encoding marks, a file cut short. */
const fileEdits: ((text: string) => string)[] = [(t) => t.replace(/\n/g, '\r\n'), (t) => `\uFEFF${t}`, (t) => t.slice(0, at(t))];

/** File names a reader's host could choke on (see fileNameProblem). */
const oddNames = [
  (i: number) => `Case ${i} é%.mdx`,
  (i: number) => `case-${i}'quote.mdx`,
  (i: number) => `CASE-${i}.mdx`,
  (i: number) => `sub folder/case-${i}.mdx`,
  (i: number) => `case-${i}.MDX`,
  (i: number) => `ünï-${i}.mdx`,
];

function split(text: string): Parts {
  const end = text.indexOf('\n---\n', 4);
  return { frontMatter: text.slice(4, end), body: text.slice(end + 5) };
}

function variant(i: number): { name: string; collection: string; text: string } {
  const source = pick(sources);
  const parts = split(source.text.replace(/^id: .*$/m, `id: ${freshId(source.collection, i)}`));
  const kind = random();
  if (kind < 0.6) for (let n = 1 + Math.floor(random() * 3); n > 0; n--) parts.body = pick(bodyEdits)(parts.body);
  else if (kind < 0.85) parts.frontMatter = pick(frontMatterEdits)(parts.frontMatter);
  let text = `---\n${parts.frontMatter}\n---\n${parts.body}`;
  if (random() < 0.1) text = pick(fileEdits)(text);
  const name = random() < 0.1 ? pick(oddNames)(i) : `case-${i}.mdx`;
  return { name, collection: source.collection, text };
}

const root = mkdtempSync(join(tmpdir(), 'cairn-fuzz-'));
cpSync(fixture, join(root, 'content'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));
const load = (): KnowledgeBase => loadKnowledgeBase({ root, contentDir: 'content', today: '2026-11-25' });

describe('malformed documents', () => {
  it('start from a knowledge base that loads without problems and renders every body', () => {
    const kb = load();
    expect(kb.problems.map(formatProblem)).toEqual([]);
    expect(kb.documents.length).toBeGreaterThanOrEqual(sources.length);
    for (const doc of kb.documents) expect(doc.html, doc.file).toMatch(/<\w/);
  });

  it('always end in clear messages at a place in the file, and leave many documents loading', () => {
    const written = new Map<string, string>();
    for (let i = 0; i < cases; i++) {
      const { name, collection, text } = variant(i);
      const file = `content/${collection}/${name}`;
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
      written.set(file, text);
    }
    writeFileSync(join(root, 'content/runbooks/binary.mdx'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x8f]));

    let kb: KnowledgeBase | undefined;
    expect(() => (kb = load())).not.toThrow();
    kb = kb!;
    expect(kb.checked).toBe(written.size + sources.length + 2); // the fixture has one document not among the sources, plus binary.mdx

    for (const p of kb.problems) {
      const where = formatProblem(p);
      expect(p.message, where).not.toMatch(/this is a bug in Cairn|\bat \S+\.(ts|js):\d+|ZodError|\[object Object\]|undefined|NaN/);
      expect(p.message, where).toMatch(/^\S.{10,}/s);
      expect(existsSync(join(root, p.file)), where).toBe(true);
      const text = written.get(p.file) ?? (p.file.endsWith('binary.mdx') ? '' : readFileSync(join(root, p.file), 'utf8'));
      const fileLines = text.split(/\r\n|\r|\n/);
      expect(p.line, where).toBeGreaterThanOrEqual(1);
      expect(p.line, where).toBeLessThanOrEqual(Math.max(1, fileLines.length));
      expect(p.column, where).toBeGreaterThanOrEqual(1);
      expect(p.column, where).toBeLessThanOrEqual((fileLines[p.line - 1]?.length ?? 0) + 1);
    }

    // No file vanishes: each one is either loaded or named in a problem.
    const named = new Set(kb.problems.map((p) => p.file));
    const loaded = new Set(kb.documents.map((d) => d.file));
    expect([...written.keys()].filter((f) => !named.has(f) && !loaded.has(f))).toEqual([]);
    expect(named.has('content/runbooks/binary.mdx')).toBe(true);
    for (const doc of kb.documents) expect(doc.html, doc.file).toMatch(/<\w/);

    // Most edits leave a document valid; a renderer or loader that refuses good documents fails here.
    const share = [...written.keys()].filter((f) => loaded.has(f)).length / written.size;
    expect(share).toBeGreaterThanOrEqual(0.4);
  });
});
