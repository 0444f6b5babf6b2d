// npm run notify -- --since <YYYY-MM-DD|last-run> [--send] [--team <t>] [--out <dir>] [--state <file>]
// Per team: what changed and what fell due since then, as a Markdown digest, Slack and Microsoft
// Teams webhook payloads and a GitHub issue body, written under --out and printed. Only --send
// sends: webhook URLs and the GitHub token come from the environment, never from the repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { documentUrl } from '../src/lib/documents.ts';
import { loadKnowledgeBase } from '../src/pipeline/load-in-thread.ts';
import { digests, isEmpty, keysOf, notifyDocument, unsent } from '../src/lib/notify/digest.ts';
import { syncIssues } from '../src/lib/notify/github-issues.ts';
import { digestMarkdown, issueBody, slackPayload, teamsPayload } from '../src/lib/notify/messages.ts';
import { postJson, SendError } from '../src/lib/notify/send.ts';
import { readState, writeState } from '../src/lib/notify/state.ts';
import { queueOf, reviewQueue } from '../src/lib/review-queue.ts';
import { contributionLinks, linkBase, loadSiteConfig } from '../src/lib/site-config.ts';

const { values } = parseArgs({
  options: {
    since: { type: 'string' },
    send: { type: 'boolean', default: false },
    team: { type: 'string' },
    out: { type: 'string', default: join('.cairn-build', 'notify') },
    state: { type: 'string', default: process.env.CAIRN_NOTIFY_STATE ?? join('.cairn-notify', 'state.json') },
  },
});

/** `CAIRN_SLACK_WEBHOOK_SERVICE_DESK` for team service-desk, else `CAIRN_SLACK_WEBHOOK` for every team. */
const webhookOf = (kind: 'SLACK' | 'TEAMS', team: string) => process.env[`CAIRN_${kind}_WEBHOOK_${team.toUpperCase().replace(/-/g, '_')}`] || process.env[`CAIRN_${kind}_WEBHOOK`] || undefined;

async function main(): Promise<number> {
  const options = loadOptionsFromEnv();
  const state = readState(values.state!);
  const since = values.since === 'last-run' ? state.lastRun : values.since;
  if (!since || !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
    console.error(
      values.since === 'last-run'
        ? `no earlier run is recorded in ${values.state}; give a day, e.g. --since ${options.today}`
        : 'usage: npm run notify -- --since <YYYY-MM-DD|last-run> [--send] [--team <team>]',
    );
    return 2;
  }
  const kb = loadKnowledgeBase(options);
  const config = loadSiteConfig(options.root).config;
  const site = linkBase(config);
  // Chat messages and issues are read away from the site, where a site path leads nowhere.
  if (!site)
    console.error(
      'Warning: no site address is set, so links in these messages are site paths (/runbooks/…) that lead nowhere in a chat or an issue. Set "site_url" in cairn.config.json, or CAIRN_SITE_URL.',
    );
  const docs = kb.documents.map((d) => ({ ...d, url: documentUrl(d.collection, d.slug) }));
  const full = reviewQueue({ today: options.today, documents: docs, drafts: kb.drafts, placeholders: kb.placeholders, editLink: (file, title) => contributionLinks(config, file, title)?.edit });
  const queue = values.team ? queueOf(full, values.team) : full;
  const notifyDocs = kb.documents.map(notifyDocument);
  const teamDigests = digests(queue, values.team ? notifyDocs.filter((d) => d.owner === values.team) : notifyDocs, since);

  for (const digest of teamDigests) {
    const dir = join(values.out!, digest.team);
    mkdirSync(dir, { recursive: true });
    const markdown = digestMarkdown(digest, site);
    writeFileSync(join(dir, 'digest.md'), markdown);
    writeFileSync(join(dir, 'slack.json'), `${JSON.stringify(slackPayload(digest, site), null, 1)}\n`);
    writeFileSync(join(dir, 'teams.json'), `${JSON.stringify(teamsPayload(digest, site), null, 1)}\n`);
    const teamQueue = queue.teams.find((t) => t.team === digest.team);
    if (teamQueue) writeFileSync(join(dir, 'issue.md'), issueBody(teamQueue, options.today, site));
    if (!values.send) console.log(markdown);
  }
  console.error(`${teamDigests.length} team digest(s) since ${since} written to ${values.out}/<team>/ (digest.md, slack.json, teams.json, issue.md)`);
  if (!values.send) return kb.problems.some((p) => p.severity === 'error') ? 1 : 0;

  let failed = 0;
  for (const digest of teamDigests) {
    for (const [kind, payload] of [
      ['slack', slackPayload],
      ['teams', teamsPayload],
    ] as const) {
      const url = webhookOf(kind === 'slack' ? 'SLACK' : 'TEAMS', digest.team);
      if (!url) continue;
      const target = `${kind}:${digest.team}`;
      const seen = (state.sent[target] ??= {});
      const fresh = unsent(digest, (key) => key in seen);
      // Still on the queue: remembered as seen today, so it is not forgotten and sent again later.
      for (const key of keysOf(digest)) if (key in seen) seen[key] = options.today;
      if (isEmpty(fresh)) continue;
      try {
        await postJson(url, payload(fresh, site));
        for (const key of keysOf(fresh)) seen[key] = options.today;
        console.error(`${target}: sent ${keysOf(fresh).length} item(s)`);
      } catch (error) {
        if (!(error instanceof SendError)) throw error;
        failed++;
        console.error(`${target}: not sent, will be tried on the next run: ${error.message}`);
      }
      writeState(values.state!, state, options.today); // after every message, so a later failure never re-sends this one
    }
  }
  const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository } = process.env;
  if (token && repository) {
    const teams = [...new Set([...kb.documents.filter((d) => d.collection === 'teams').map((d) => d.id), ...full.teams.map((t) => t.team)])];
    try {
      const done = await syncIssues({ api: process.env.GITHUB_API_URL ?? 'https://api.github.com', repository, token }, queue.teams, values.team ? [values.team] : teams, options.today, site);
      for (const line of done) console.error(line);
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      failed++;
      console.error(`GitHub issues not updated: ${error.message}`);
    }
  }
  state.lastRun = options.today;
  writeState(values.state!, state, options.today);
  return failed ? 1 : 0;
}

process.exitCode = await main();
