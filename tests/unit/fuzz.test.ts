import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';

/**
 * Fuzz: hundreds of malformed variants of real documents go through the same loader as
 * `npm run check` and the build. Every one must end in a clear message with a place, never
 * an exception or a silently dropped file. Seeded, so a failure reproduces.
 */
let seed = 20261125;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const sources = ['incidents/2025-001-invoices-late.mdx', 'runbooks/restart-billing.mdx', 'retrospectives/billing-revamp.mdx', 'projects/billing-revamp.mdx'].map((f) => ({
  collection: f.split('/')[0]!,
  text: readFileSync(join('tests/fixtures/valid-kb', f), 'utf8'),
}));

const fragments = ['{', '}', '<', '</Callout>', '<Steps>', '---', ': :', '- [', '"', "'", '\t', '&', '*', '!!binary', '&anchor', '*anchor', '<script>', '{/*', 'javascript:', '\u0000', '\uFEFF', '\r\n', '\\', '`', '```', '[x](', '<Event time=', 'id: INC-2025-001', 'severity: SEV9', 'created: 2025-02-30', '%', '@', '|'];

const mutations: ((text: string) => string)[] = [
  (t) => { const i = Math.floor(random() * t.length); return t.slice(0, i) + pick(fragments) + t.slice(i); },
  (t) => { const i = Math.floor(random() * t.length); return t.slice(0, i) + t.slice(i + 1 + Math.floor(random() * 20)); },
  (t) => { const lines = t.split('\n'); lines.splice(Math.floor(random() * lines.length), 1); return lines.join('\n'); },
  (t) => { const lines = t.split('\n'); const i = Math.floor(random() * lines.length); lines.splice(i, 0, lines[Math.floor(random() * lines.length)]!); return lines.join('\n'); },
  (t) => t.replace(/\n/g, '\r\n'),
  (t) => `\uFEFF${t}`,
  (t) => t.slice(0, Math.floor(random() * t.length)),
  (t) => t.replace('---\n', `---\nnested: ${'['.repeat(200)}${']'.repeat(200)}\n`),
  (t) => t.replace('---\n', '---\nbase: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n'),
  (t) => t.replace(/^(\w+):/m, '$1:\n$1:'),
];

const dir = mkdtempSync(join(tmpdir(), 'cairn-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('malformed documents', () => {
  it('always end in clear messages with a place, never an exception', () => {
    const written: string[] = [];
    for (let i = 0; i < 400; i++) {
      const source = pick(sources);
      let text = source.text;
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) text = pick(mutations)(text);
      mkdirSync(join(dir, 'content', source.collection), { recursive: true });
      const file = `content/${source.collection}/case-${i}.mdx`;
      writeFileSync(join(dir, file), text);
      written.push(file);
    }
    writeFileSync(join(dir, 'content', 'runbooks', 'binary.mdx'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x8f]));

    const kb = loadKnowledgeBase({ root: dir, contentDir: 'content', today: '2026-11-25' });
    expect(kb.checked).toBe(written.length + 1);
    for (const p of kb.problems) {
      expect(p.line, p.message).toBeGreaterThanOrEqual(1);
      expect(p.column, p.message).toBeGreaterThanOrEqual(1);
      expect(p.message).toMatch(/^\S.{10,}/);
      expect(p.message).not.toMatch(/\bat \S+\.(ts|js):\d+|ZodError|\[object Object\]|undefined/);
    }
    // No file vanishes: each one is either loaded or named in a problem.
    const named = new Set(kb.problems.map((p) => p.file));
    const loaded = new Set(kb.documents.map((d) => d.file));
    const silent = written.filter((f) => !named.has(f) && !loaded.has(f));
    expect(silent).toEqual([]);
    expect(named.has('content/runbooks/binary.mdx')).toBe(true);
  });
});
