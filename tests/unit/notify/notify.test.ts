import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentUrl } from '../../../src/lib/documents.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { digests, notifyDocument, type TeamDigest } from '../../../src/lib/notify/digest.ts';
import { syncIssues } from '../../../src/lib/notify/github-issues.ts';
import { maxChatLines, slackPayload, teamsPayload } from '../../../src/lib/notify/messages.ts';
import { postJson, SendError } from '../../../src/lib/notify/send.ts';
import { reviewQueue } from '../../../src/lib/review-queue.ts';
import { slackWebhookPayload, teamsWebhookPayload } from './webhook-formats.ts';
import { tempDir } from '../../temp-dir.ts';

const today = '2026-03-01';
const kb = loadKnowledgeBase({ root: process.cwd(), contentDir: 'tests/fixtures/review-kb', today });
const queue = reviewQueue({
  today,
  documents: kb.documents.map((d) => ({ ...d, url: documentUrl(d.collection, d.slug) })),
  drafts: kb.drafts,
  editLink: (file) => `https://git.example/edit/${file}`,
});
const docs = kb.documents.map(notifyDocument);
const summary = (d: TeamDigest) => ({ team: d.team, changes: d.changes.map((c) => `${c.kind} ${c.doc.id}`), fellDue: d.fellDue.map((i) => i.id), stillDue: d.stillDue.map((i) => i.id) });

describe('notify digests', () => {
  it('tell each team what is new, what fell due since the day given, and what is still due', () => {
    expect(digests(queue, docs, '2026-01-15').map(summary)).toEqual([
      { team: 'ops', changes: [], fellDue: ['PB-0001'], stillDue: ['RB-0001', 'PRJ-harbour-lights'] },
      { team: 'desk', changes: ['new INC-2026-001'], fellDue: ['INC-2026-001'], stillDue: ['RB-0002'] },
    ]);
  });

  it('make payloads valid in Slack and Teams webhook formats, however long the list', () => {
    const [ops] = digests(queue, docs, '2026-01-15');
    const long = { ...ops!, stillDue: Array.from({ length: 200 }, (_, n) => ({ ...ops!.stillDue[0]!, id: `RB-${String(n).padStart(4, '0')}` })) };
    for (const digest of [ops!, long]) {
      expect(slackWebhookPayload.safeParse(slackPayload(digest, 'https://kb.example')).error).toBeUndefined();
      expect(teamsWebhookPayload.safeParse(teamsPayload(digest, 'https://kb.example')).error).toBeUndefined();
    }
    const lines = slackPayload(long, 'https://kb.example')
      .blocks.slice(1)
      .flatMap((b) => (b as { text: { text: string } }).text.text.split('\n'));
    expect(lines).toHaveLength(maxChatLines);
    expect(lines.at(-1)).toBe('• …and 172 more: <https://kb.example/review/|the review queue>');
  });
});

/** A local stand-in for Slack, Teams and the GitHub API that records every request. */
let server: Server;
let base: string;
const received: { path: string; method: string; body: string }[] = [];
const issues: { number: number; body: string; title: string; state: string }[] = [];
let failSlackOnce = true;
let labelMade = false;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url!, method: req.method!, body });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(value));
      if (req.url === '/slack' && failSlackOnce) {
        failSlackOnce = false;
        return json(429, { error: 'rate_limited' }, { 'Retry-After': '0' });
      }
      if (req.url === '/slack' || req.url === '/teams') return res.writeHead(200).end('ok');
      if (req.method === 'GET' && req.url!.startsWith('/repos/org/kb/issues?'))
        return json(
          200,
          issues.filter((i) => i.state === 'open'),
        );
      if (req.method === 'POST' && req.url === '/repos/org/kb/labels') {
        const status = labelMade ? 422 : 201; // 422: the label exists already
        labelMade = true;
        return json(status, {});
      }
      if (req.method === 'POST' && req.url === '/repos/org/kb/issues') {
        const made = { number: issues.length + 1, state: 'open', ...(JSON.parse(body) as { body: string; title: string }) };
        issues.push(made);
        return json(201, made);
      }
      return json(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

function notify(args: string[], state: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      CAIRN_CONTENT_DIR: 'tests/fixtures/review-kb',
      CAIRN_TODAY: today,
      CAIRN_SITE_URL: 'https://kb.example',
      CAIRN_SLACK_WEBHOOK: `${base}/slack`,
      CAIRN_TEAMS_WEBHOOK_DESK: `${base}/teams`,
      GITHUB_TOKEN: 'test-token',
      GITHUB_REPOSITORY: 'org/kb',
      GITHUB_API_URL: base,
    };
    const child = spawn(process.execPath, ['scripts/notify.ts', ...args, '--state', state, '--out', join(state, '..', 'out')], { env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('npm run notify --send', () => {
  it('sends each team its items once, retrying a rate limit, opens one issue per team, and sends nothing the second time', async () => {
    const state = join(tempDir('cairn-notify-'), 'state.json');
    const first = await notify(['--since', '2026-01-15', '--send'], state);
    expect(first.code, first.stderr).toBe(0);
    const posts = received.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/slack', '/slack', '/slack', '/teams', '/repos/org/kb/labels', '/repos/org/kb/issues', '/repos/org/kb/issues']);
    for (const post of posts.filter((p) => p.path === '/slack')) expect(slackWebhookPayload.safeParse(JSON.parse(post.body)).error).toBeUndefined();
    expect(teamsWebhookPayload.safeParse(JSON.parse(posts[3]!.body)).error).toBeUndefined();
    expect(JSON.parse(posts[5]!.body).labels).toEqual(['cairn-review']);
    expect(posts[3]!.body).toContain('[INC-2026-001 Printer queue stuck at head office](https://kb.example/incidents/2026-001-printer-queue/)');
    expect(issues.map((i) => i.title)).toEqual(['Review queue: Operations', 'Review queue: Service desk']);
    expect(JSON.parse(readFileSync(state, 'utf8')).lastRun).toBe(today);

    received.length = 0;
    const second = await notify(['--since', 'last-run', '--send'], state);
    expect(second.code, second.stderr).toBe(0);
    // Only the look-up of open issues: no message, no new issue, no edit.
    expect(received.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['GET /repos/org/kb/issues']);
  });
});

describe('GitHub issues and retries', () => {
  const noWait = { attempts: 3, firstWaitMs: 0, maxWaitMs: 1000 };

  it('closes a team issue with a comment once nothing is left', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (url, init) => {
      calls.push(`${init?.method} ${String(url).replace('https://api.example', '')}`);
      const body = String(url).includes('/issues?') ? [{ number: 7, body: '<!-- cairn-review-queue team=desk -->\nold list' }] : {};
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const done = await syncIssues({ api: 'https://api.example', repository: 'org/kb', token: 't' }, [], ['desk', 'ops'], today, '', noWait, fake);
    expect(done).toEqual(['desk: closed issue #7']);
    expect(calls).toEqual(['GET /repos/org/kb/issues?labels=cairn-review&state=open&per_page=100', 'POST /repos/org/kb/issues/7/comments', 'PATCH /repos/org/kb/issues/7']);
  });

  it('retries server errors but not a refused webhook, and never shows its secret path', async () => {
    let calls = 0;
    const failing =
      (status: number): typeof fetch =>
      async () => (calls++, new Response('nope', { status }));
    await expect(postJson('https://hooks.example/T000/B000/secret', {}, noWait, failing(503))).rejects.toThrow('https://hooks.example/…: HTTP 503 nope');
    expect(calls).toBe(3);
    calls = 0;
    await expect(postJson('https://hooks.example/T000/B000/secret', {}, noWait, failing(404))).rejects.toThrow(SendError);
    expect(calls).toBe(1);
  });
});
