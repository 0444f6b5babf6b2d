import { collections } from '../../collections/index.ts';
import { formatDate } from '../dates.ts';
import { itemWhen, markdownItem, markdownText } from '../review-format.ts';
import type { ReviewItem, TeamQueue } from '../review-queue.ts';
import type { Change, TeamDigest } from './digest.ts';

/** Lines a chat message carries at most; the rest is one link to /review/. */
export const maxChatLines = 30;

// Chat tools need absolute links: without CAIRN_SITE_URL a page is named, not linked.
const absolute = (site: string, path: string | undefined) => (site && path ? `${site}${path}` : undefined);
const heading = (d: TeamDigest) => `Cairn: ${d.name}, ${formatDate(d.today)}`;
const changeWhat = (c: Change) => `${c.kind === 'new' ? 'New' : 'Changed'} ${collections[c.doc.collection].singular.toLowerCase()}`;

/** A team's digest in Markdown: what changed, what fell due, what is still due. */
export function digestMarkdown(d: TeamDigest, site = ''): string {
  const parts = [`# ${markdownText(heading(d))}`, '', `Since ${formatDate(d.since)}.${d.channel ? ` Channel ${markdownText(d.channel)}.` : ''}`];
  if (d.changes.length) {
    parts.push(
      '',
      '## New and changed',
      '',
      ...d.changes.map((c) => {
        const lessons = c.lessons.length ? ` (lessons: ${c.lessons.map(markdownText).join('; ')})` : '';
        return `- ${changeWhat(c)}: [${c.doc.id} ${markdownText(c.doc.title)}](${site}${c.doc.url})${lessons}`;
      }),
    );
  }
  if (d.fellDue.length) parts.push('', `## Fell due since ${formatDate(d.since)}`, '', ...d.fellDue.map((i) => markdownItem(i, site)));
  if (d.stillDue.length) parts.push('', '## Still to do', '', ...d.stillDue.map((i) => markdownItem(i, site)));
  if (!d.changes.length && !d.fellDue.length && !d.stillDue.length) parts.push('', 'Nothing new and nothing due.');
  return `${parts.join('\n')}\n`;
}

/** Slack's mrkdwn: `&`, `<` and `>` are the only characters to escape. */
const slackText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackLink = (url: string | undefined, text: string) => (url ? `<${url}|${slackText(text)}>` : slackText(text));

function chatLines(d: TeamDigest, site: string, link: (url: string | undefined, text: string) => string, escape: (s: string) => string): string[] {
  const item = (i: ReviewItem) => `${escape(i.what)}: ${link(absolute(site, i.url) ?? i.edit, `${i.id} ${i.title}`)} (${escape(itemWhen(i))})`;
  const lines = [
    ...d.changes.map(
      (c) => `${changeWhat(c)}: ${link(absolute(site, c.doc.url), `${c.doc.id} ${c.doc.title}`)}${c.lessons.length ? ` (${c.lessons.length} lesson${c.lessons.length === 1 ? '' : 's'})` : ''}`,
    ),
    ...[...d.fellDue, ...d.stillDue].map(item),
  ];
  if (lines.length <= maxChatLines) return lines;
  return [...lines.slice(0, maxChatLines - 1), `…and ${lines.length - maxChatLines + 1} more: ${link(absolute(site, '/review/'), 'the review queue')}`];
}

/** A Slack incoming-webhook payload: `text` for notifications, blocks for the message. */
export function slackPayload(d: TeamDigest, site = ''): { text: string; blocks: unknown[] } {
  const lines = chatLines(d, site, slackLink, slackText);
  // A section's text is limited to 3,000 characters: lines are packed into as few sections as fit.
  const sections: string[] = [];
  for (const line of lines.map((l) => `• ${l}`.slice(0, 2900))) {
    const last = sections[sections.length - 1];
    if (last !== undefined && last.length + line.length + 1 <= 2900) sections[sections.length - 1] = `${last}\n${line}`;
    else sections.push(line);
  }
  return {
    text: slackText(`${heading(d)}: ${lines.length} thing${lines.length === 1 ? '' : 's'} to know`),
    blocks: [{ type: 'header', text: { type: 'plain_text', text: heading(d).slice(0, 150) } }, ...sections.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }))],
  };
}

const teamsText = (s: string) => s.replace(/([\\[\]()*_`~])/g, '\\$1');

/** A Microsoft Teams incoming-webhook (Workflows) payload: one Adaptive Card. */
export function teamsPayload(d: TeamDigest, site = ''): { type: 'message'; attachments: { contentType: string; contentUrl: null; content: Record<string, unknown> }[] } {
  const lines = chatLines(d, site, (url, text) => (url ? `[${teamsText(text)}](${url})` : teamsText(text)), teamsText);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: heading(d), weight: 'Bolder', size: 'Medium', wrap: true },
            ...lines.map((text) => ({ type: 'TextBlock', text: `- ${text}`, wrap: true, spacing: 'Small' })),
          ],
        },
      },
    ],
  };
}

/** The hidden line that finds a team's issue again. */
export const issueMarker = (team: string) => `<!-- cairn-review-queue team=${team} -->`;

export function issueTitle(team: Pick<TeamQueue, 'name'>): string {
  return `Review queue: ${team.name}`;
}

/** The body of a team's GitHub issue: its whole queue as of today, for its GitHub team. */
export function issueBody(team: TeamQueue, today: string, site = ''): string {
  return [
    issueMarker(team.team),
    `${team.githubTeam ? `${team.githubTeam}: these` : 'These'} ${team.items.length} item${team.items.length === 1 ? ' needs' : 's need'} a person (as of ${formatDate(today)}, most overdue first).`,
    '',
    ...team.items.map((i) => markdownItem(i, site)),
    '',
    '_Kept up to date by `npm run notify` from the knowledge base; it closes itself when nothing is left._',
    '',
  ].join('\n');
}
