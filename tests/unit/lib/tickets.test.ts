import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/site-config.ts';
import { maxKeyRun, ticketPatternProblem } from '../../../src/lib/ticket-pattern.ts';
import { ticketLinker, trackerSchema, type Tracker } from '../../../src/lib/tickets.ts';

const { config, problems } = loadSiteConfig(process.cwd());
const trackers = config.trackers;
const linker = ticketLinker(trackers);
const tracker = (pattern: string): Tracker => ({ name: 'T', pattern, url: 'https://t.example/{key}' });

describe('ticket keys', () => {
  it('reads the sample configuration', () => {
    expect(problems).toEqual([]);
    expect(trackers.map((t) => t.name)).toEqual(['Jira', 'ServiceNow', 'GitHub']);
  });

  it('finds keys of every tracker, and not document IDs or look-alikes', () => {
    expect(linker.find('See OPS-2231 and SD-40871, INC0012345 and kestrel-freight/cairn#12; not INC-2025-014, RB-0012, XOPS-1 or OPS-12a. OPS-2231 again.')).toEqual([
      'OPS-2231',
      'SD-40871',
      'INC0012345',
      'kestrel-freight/cairn#12',
    ]);
  });

  it('builds the URL of each key from its tracker template', () => {
    expect(linker.url('OPS-2231')).toBe('https://kestrel.atlassian.net/browse/OPS-2231');
    expect(linker.url('INC0012345')).toBe('https://kestrel.service-now.com/nav_to.do?uri=incident.do%3Fsysparm_query%3Dnumber%3DINC0012345');
    expect(linker.url('kestrel-freight/cairn#12')).toBe('https://github.com/kestrel-freight/cairn/issues/12');
    expect(linker.url('NOPE-1')).toBeUndefined();
  });

  it('looks for a key only in a run of text of bounded length', () => {
    expect(linker.find(`(OPS-1)${'x'.repeat(maxKeyRun - 7)} (OPS-2)${'x'.repeat(maxKeyRun)}`)).toEqual(['OPS-1']);
    expect(linker.url(`kestrel-freight/${'a'.repeat(maxKeyRun)}#1`)).toBeUndefined();
  });

  it('keeps the pattern the body pipeline recompiles with the g flag alone', () => {
    const again = new RegExp(linker.pattern!.source, 'g');
    expect('OPS-1 and kestrel-freight/cairn#2'.match(again)).toEqual(['OPS-1', 'kestrel-freight/cairn#2']);
    expect(linker.pattern!.flags).toBe('g');
  });
});

describe('tracker patterns', () => {
  it('refuses patterns that can match empty text or a space, with the fix', () => {
    expect(ticketPatternProblem('\\d*')).toMatchInlineSnapshot(
      `"can match empty text, so every position would be a ticket key; make at least one part required, e.g. [A-Z]+-\\d+ rather than [A-Z]*-?\\d*"`,
    );
    expect(['(?=OPS)', 'OPS-?\\d*|x?', '(?:)'].map((p) => ticketPatternProblem(p)?.slice(0, 21))).toEqual(Array(3).fill('can match empty text,'));
    expect(ticketPatternProblem('[^#]+#\\d+')).toMatchInlineSnapshot(
      `"can match a space or line break, but a ticket key is one word; use classes without spaces, e.g. [\\w.-]+ rather than .+ or [^#]+"`,
    );
  });

  it('refuses patterns that can backtrack catastrophically, naming the parts', () => {
    expect(ticketPatternProblem('(a+)+$')).toMatchInlineSnapshot(
      `"the repetition (a+)+ contains the repetition a+, so a long near-miss can take exponential time; repeat once, or begin or end each round with a character nothing else in it matches, e.g. [A-Z]+(?:-[A-Z]+)*-\\d+ rather than ([A-Z]+-?)+\\d+"`,
    );
    expect(ticketPatternProblem('([A-Z]+-?)+\\d')).toMatch(/^the repetition \(\[A-Z\]\+-\?\)\+ contains the repetition \[A-Z\]\+/);
    expect(ticketPatternProblem('(\\d|\\d\\d)+x')).toMatchInlineSnapshot(
      `"the repetition (\\d|\\d\\d)+ has alternatives (\\d|\\d\\d) that can begin with the same character, so a long near-miss can take exponential time; give each alternative a different first character, e.g. (?:A(?:B|C))+ rather than (?:AB|AC)+"`,
    );
    expect(ticketPatternProblem('\\w+\\d+')).toMatchInlineSnapshot(
      `"the repetitions \\w+ and \\d+ follow each other and the second can begin with a character the first matches, so a long near-miss takes polynomial time; make the second begin with a character the first cannot match, e.g. [A-Z]+-\\d+ rather than \\w+\\d+"`,
    );
    expect(ticketPatternProblem('(?:\\w+\\.)*\\w+#\\d+')).toMatch(/^the repetitions \(\?:\\w\+\\\.\)\* and \\w\+ follow each other/);
    expect(ticketPatternProblem('(?:OPS-\\d+)\\d+')).toMatchInlineSnapshot(
      `"its parts \\d+ at character 8 and \\d+ at character 12 can both match text like "000…", so a long near-miss takes polynomial time; let only one part match each character, e.g. [A-Z]+-\\d+ rather than \\w+\\d+"`,
    );
    expect(ticketPatternProblem('(a)\\1')).toMatch(/^uses the backreference \\1/);
    expect(ticketPatternProblem('(?i:ops)-\\d+')).toMatch(/^uses the flag group \(\?i:…\), which Cairn cannot check/);
    expect(ticketPatternProblem('(OPS-')).toMatch(/^not a valid regular expression \(Unterminated group\)/);
  });

  it('accepts the patterns trackers use, including delimited repetition', () => {
    const accepted = [
      '(?:OPS|SD|CHG|SEC)-\\d+',
      'INC\\d{7}',
      '(?<repo>kestrel-freight/[\\w.-]+)#(?<number>\\d+)',
      '[A-Z][A-Z0-9]+-\\d+',
      '[A-Z]{2,10}-\\d+',
      '[A-Z]+(?:-[A-Z]+)*-\\d+',
      '(?:[A-Z]+-)+\\d+',
      '(?:\\d{1,3}\\.){3}\\d{1,3}',
    ];
    expect(accepted.filter((p) => ticketPatternProblem(p))).toEqual([]);
  });

  it('validates a tracker like content: pattern and URL placeholders', () => {
    const issues = trackerSchema.safeParse({ name: 'GitHub', pattern: '(?<repo>[\\w-]+/[\\w.-]+)#(?<n>\\d+)', url: 'https://github.com/{repo}/issues/{number}' }).error?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['url', '{number} is not a named group of the pattern; use one of {key}, {repo}, {n}, or name a group (?<number>…) in the pattern'],
    ]);
  });

  it('leaves out an unsafe tracker even when the configuration was not checked', () => {
    const unsafe = ticketLinker([tracker('(a+)+$'), tracker('\\d*'), tracker('[A-Z]+-\\d+')]);
    expect(unsafe.find('a 12 AB-1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toEqual(['AB-1']);
    expect(ticketLinker([tracker('([A-Z]+-?)+\\d')]).pattern).toBeUndefined();
  });

  it('finds keys in time linear in the text, even for a long near-miss', () => {
    const many = ticketLinker([tracker('[\\w.-]+/[\\w.-]+#\\d+'), tracker('[A-Z]+(?:-[A-Z]+)*-\\d+'), tracker('[\\w-]+-\\d+')]);
    const nearMisses = ['A'.repeat(100_000), '.a'.repeat(50_000), `${'a.'.repeat(60)} `.repeat(800), `${'A-'.repeat(60)} `.repeat(800)];
    const start = performance.now();
    for (const text of nearMisses) expect(many.find(text)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
