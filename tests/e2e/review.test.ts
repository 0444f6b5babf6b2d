import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';

// The review fixture on a pinned day, whose overdue items are worked out by hand in
// tests/unit/lib/review-queue.test.ts. Built once, for the internal audience.
const env = { ...process.env, CAIRN_CONTENT_DIR: 'tests/fixtures/review-kb', CAIRN_TODAY: '2026-03-01', CAIRN_OUT_DIR: '.cairn-build/review-site' };
const files = new Map<string, string>();

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the review fixture failed:\n${build.stdout}\n${build.stderr}`);
  for (const entry of readdirSync(env.CAIRN_OUT_DIR, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    let bytes = readFileSync(join(entry.parentPath, entry.name));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    files.set(relative(env.CAIRN_OUT_DIR, join(entry.parentPath, entry.name)), bytes.toString('utf8'));
  }
});

describe('the review queue of a build', () => {
  it('lists on /review/ exactly the overdue items, per team with its channel, linking to the page and its edit page', () => {
    const page = parse(files.get('review/index.html')!);
    const teams = page.querySelectorAll('.review-team').map((section) => ({
      team: section.querySelector('h2')!.text.trim(),
      reach: section.querySelector('.review-team-head p')!.text.replace(/\s+/g, ' ').trim(),
      items: section
        .querySelectorAll('.review-list li')
        .map(
          (li) =>
            `${li.querySelector('.badge-id')!.text} ${li.querySelector('.review-when .badge')!.text} → ${li.querySelector('a.doc-title')!.getAttribute('href')} | ${li.querySelector('.review-when a')!.getAttribute('href')}`,
        ),
    }));
    expect(teams).toEqual([
      {
        team: 'Operations',
        reach: '2 items · #ops · @fixture/ops · 1 draft in progress',
        items: [
          'RB-0001 93 days overdue, due 28 Nov 2025 → /runbooks/restart-billing/ | https://github.com/kestrel-freight/knowledge-base/edit/main/tests/fixtures/review-kb/runbooks/restart-billing.mdx',
          'PB-0001 28 days overdue, due 1 Feb 2026 → /playbooks/month-end/ | https://github.com/kestrel-freight/knowledge-base/edit/main/tests/fixtures/review-kb/playbooks/month-end.mdx',
        ],
      },
      {
        team: 'Service desk',
        reach: '1 item · #service-desk · @fixture/service-desk · 1 draft in progress',
        items: [
          'INC-2026-001 14 days overdue, due 15 Feb 2026 → /incidents/2026-001-printer-queue/ | https://github.com/kestrel-freight/knowledge-base/edit/main/tests/fixtures/review-kb/incidents/2026-001-printer-queue.mdx',
        ],
      },
    ]);
    expect(parse(files.get('index.html')!).querySelector('a[href="/review/"]')).not.toBeNull();
  });

  it('gives the same list in api/review.json and from npm run review, without what the audience may not read', () => {
    const json = JSON.parse(files.get('api/review.json')!) as { total: number; teams: { team: string; items: { id: string; kind: string; daysOverdue: number }[] }[] };
    const listed = json.teams.flatMap((t) => t.items.map((i) => `${t.team} ${i.id} ${i.kind} ${i.daysOverdue}`));
    expect(listed).toEqual(['ops RB-0001 verification 93', 'ops PB-0001 review 28', 'desk INC-2026-001 action-item 14']);
    // The restricted incident's overdue action item stays out of an internal build.
    expect(files.get('api/review.json')).not.toContain('INC-2025-002');
    const cli = spawnSync(process.execPath, ['scripts/review.ts', '--format', 'json'], { env, encoding: 'utf8' });
    const fromCli = JSON.parse(cli.stdout) as typeof json;
    // The command also tells owners about their drafts, which no build contains.
    expect(fromCli.teams.flatMap((t) => t.items.filter((i) => i.kind !== 'draft').map((i) => `${t.team} ${i.id} ${i.kind} ${i.daysOverdue}`))).toEqual(listed);
    expect(fromCli.teams.flatMap((t) => t.items.filter((i) => i.kind === 'draft').map((i) => `${t.team} ${i.id}`))).toEqual(['ops PRJ-harbour-lights', 'desk RB-0002']);
  });

  it('has an Atom feed per team with its overdue items, and per collection', () => {
    const titles = (file: string) =>
      parse(files.get(file)!)
        .querySelectorAll('entry > title')
        .map((t) => t.text.replace(/^<!\[CDATA\[|\]\]>$/g, ''));
    // The team's overdue item first, then the documents it owns (its own team page among them).
    expect(titles('feeds/teams/desk.xml')).toEqual([
      'Due: Action item: Pin the printer driver version (INC-2026-001 Printer queue stuck at head office)',
      'INC-2026-001 Printer queue stuck at head office',
      'desk Service desk',
    ]);
    expect(titles('feeds/runbooks.xml')).toEqual(['RB-0001 Restart the billing workers', 'RB-0003 Restart the fax gateway']);
  });

  it('shows knowledge health in api/insights.json: reviews on time, days overdue per team, stale drafts counted', () => {
    const { knowledgeHealth } = JSON.parse(files.get('api/insights.json')!) as { knowledgeHealth: Record<string, unknown> };
    expect(knowledgeHealth).toMatchObject({ withReviewDate: 3, reviewedOnTime: 1, drafts: 2, draftsOlderThan30Days: 2 });
    expect(parse(files.get('insights/index.html')!).querySelector('#health')!.parentNode!.text).toContain('drafts older than 30 days (of 2)');
  });

  it('publishes no draft anywhere: no page, record, link, feed entry, search index or sitemap line', () => {
    const drafts = ['RB-0002', 'Rotate the quartermaster partner certificates', 'rotate-partner-certificates', 'PRJ-harbour-lights', 'Harbour lights lantern migration', 'harbour-lights'];
    const leaks = [...files].flatMap(([file, text]) => drafts.filter((d) => text.includes(d)).map((d) => `${file}: ${d}`));
    expect(leaks).toEqual([]);
    expect(files.has('runbooks/restart-billing/index.html')).toBe(true);
  });
});
