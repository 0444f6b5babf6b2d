import { formatDate } from './dates.ts';
import type { ReviewItem, ReviewQueue, TeamQueue } from './review-queue.ts';

/** "93 days overdue, due 28 Nov 2025" / "draft since 5 Jan 2026". */
export function itemWhen(item: ReviewItem): string {
  if (item.kind === 'draft') return item.since ? `draft since ${formatDate(item.since)}` : 'draft';
  if (!item.since) return 'to do';
  const days = `${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'} overdue`;
  return `${days}, due ${formatDate(item.since)}`;
}

/** The team line: name, channel and GitHub team where known. */
function teamLine(team: TeamQueue): string {
  return [team.name, team.channel, team.githubTeam].filter(Boolean).join(' · ');
}

/** Plain text for a terminal: one block per team, one line per item. */
export function reviewText(queue: ReviewQueue, site = ''): string {
  if (queue.total === 0) return `Nothing needs a person on ${queue.generated}.`;
  return queue.teams
    .map((team) => [`${teamLine(team)} (${team.items.length})`, ...team.items.map((i) => `  ${i.id}  ${i.what}  [${itemWhen(i)}]\n      ${i.url ? site + i.url : i.file}`)].join('\n'))
    .join('\n\n');
}

/** Escapes what Markdown would read as formatting in text from documents. */
export function markdownText(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
}

/** Markdown: a heading per team, a list item per thing due, with links to the page and the edit page. */
export function reviewMarkdown(queue: ReviewQueue, site = '', heading = '##'): string {
  if (queue.total === 0) return `Nothing needs a person on ${queue.generated}.\n`;
  return queue.teams.map((team) => `${heading} ${markdownText(teamLine(team))}\n\n${team.items.map((i) => markdownItem(i, site)).join('\n')}\n`).join('\n');
}

/** One item as a Markdown list line. */
export function markdownItem(item: ReviewItem, site = ''): string {
  const name = `${item.id} ${markdownText(item.title)}`;
  const doc = item.url ? `[${name}](${site}${item.url})` : `${name} (\`${item.file}\`)`;
  const edit = item.edit ? ` · [edit](${item.edit})` : '';
  const ticket = item.ticket ? ` · ${markdownText(item.ticket)}` : '';
  return `- **${markdownText(item.what)}**: ${doc} · ${itemWhen(item)}${ticket}${edit}`;
}
