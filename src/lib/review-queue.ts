import type { CollectionDocument, CollectionName } from '../collections/index.ts';
import { actionItemStatus } from '../schemas/shared.ts';
import { daysBetween } from './dates.ts';
import type { DraftDocument, PlaceholderIn } from './knowledge-model.ts';
import { runbookVerificationDue } from './metrics.ts';

/** What needs a person: a review, a runbook verification, an action item, a draft, text left to write. */
export type ReviewKind = 'review' | 'verification' | 'action-item' | 'placeholder' | 'draft' | 'to-fill';

/** One thing on a team's review queue. */
export interface ReviewItem {
  kind: ReviewKind;
  /** What is due, in a few words: "Review the document", "Action item: Add an alert". */
  what: string;
  id: string;
  collection: CollectionName;
  title: string;
  /** The document's page, relative to the site root; absent for drafts, which have none. */
  url: string | undefined;
  /** Where to edit the file, when the repository is configured. */
  edit: string | undefined;
  /** The file, relative to the project root. */
  file: string;
  /** The day it fell due (for a draft: the day it was started), YYYY-MM-DD. */
  since: string | undefined;
  /** Whole days past due; 0 for what has no due date (drafts, placeholders). */
  daysOverdue: number;
  /** The tracker key of an action item. */
  ticket?: string | undefined;
}

/** One owning team's queue, with where the team is reached. */
export interface TeamQueue {
  team: string;
  /** The team's name, or its slug when the team has no page in this build. */
  name: string;
  channel: string | undefined;
  githubTeam: string | undefined;
  /** The team's page, when it has one in this build. */
  url: string | undefined;
  items: ReviewItem[];
}

export interface ReviewQueue {
  /** The day it was computed for (`CAIRN_TODAY` pins it). */
  generated: string;
  total: number;
  teams: TeamQueue[];
}

/** A published document as the queue reads it. */
export type ReviewDocument = CollectionDocument & {
  id: string;
  file: string;
  url: string;
};

export interface ReviewInput {
  today: string;
  /** The documents of this build: the audience wall is whatever decided this list. */
  documents: readonly ReviewDocument[];
  /** Drafts, for their owners: only `npm run review` and `notify` pass them, never the built site. */
  drafts?: readonly DraftDocument[];
  /** `TODO`s left in documents that are not drafts (check errors, so never in a built site). */
  placeholders?: readonly PlaceholderIn[];
  /** The edit link of a file, when the repository is known. */
  editLink: (file: string, title: string) => string | undefined;
}

/** The team name used for what names no owner yet (a draft with `owner` still empty). */
export const unowned = 'unowned';

const open = new Set<string>([actionItemStatus.enum.open, actionItemStatus.enum['in-progress']]);

/**
 * Everything that needs a person, per owning team, most overdue first: documents past
 * `review_by`, runbooks past `last_verified` + `review_every_days`, open action items past
 * due, `TODO`s left in documents, drafts, and imported documents with facts to fill.
 * Deprecated procedures are retired, so they are neither reviewed nor verified.
 */
export function reviewQueue({ today, documents, drafts = [], placeholders = [], editLink }: ReviewInput): ReviewQueue {
  const items: (ReviewItem & { owner: string })[] = [];
  const overdue = (due: string) => Math.max(0, daysBetween(due, today));
  for (const doc of documents) {
    const data = doc.data;
    if (!('owner' in data) || doc.collection === 'services') continue;
    const title = 'title' in data ? data.title : data.id;
    const base = { id: doc.id, collection: doc.collection, title, url: doc.url, edit: editLink(doc.file, title), file: doc.file };
    if ('status' in data && data.status === 'deprecated') continue;
    if ('review_by' in data && data.review_by && data.review_by < today) {
      items.push({ ...base, owner: data.owner, kind: 'review', what: 'Review the document', since: data.review_by, daysOverdue: overdue(data.review_by) });
    }
    if (doc.collection === 'runbooks') {
      const due = runbookVerificationDue(doc.data);
      if (due < today) items.push({ ...base, owner: data.owner, kind: 'verification', what: 'Verify the runbook end to end', since: due, daysOverdue: overdue(due) });
    }
    for (const action of 'action_items' in data ? data.action_items : []) {
      if (!open.has(action.status) || action.due >= today) continue;
      items.push({ ...base, owner: action.owner, kind: 'action-item', what: `Action item: ${action.title}`, since: action.due, daysOverdue: overdue(action.due), ticket: action.ticket });
    }
    for (const fields of importedFactsToFill(data)) items.push({ ...base, owner: data.owner, kind: 'to-fill', what: `Fill in ${fields}`, since: undefined, daysOverdue: 0 });
  }
  const byFile = Map.groupBy(placeholders, (p) => p.file);
  for (const [file, found] of byFile) {
    const first = found[0]!;
    items.push({
      id: first.id,
      collection: first.collection,
      title: first.title,
      url: undefined,
      edit: editLink(file, first.title),
      file,
      owner: first.owner ?? unowned,
      kind: 'placeholder',
      what: `Write the ${found.length === 1 ? 'TODO placeholder' : `${found.length} TODO placeholders`} (line ${found.map((p) => p.line).join(', ')})`,
      since: undefined,
      daysOverdue: 0,
    });
  }
  for (const draft of drafts) {
    const left = [draft.toFill.length ? `fill in ${draft.toFill.join(', ')}` : '', draft.placeholders ? `${draft.placeholders} TODO${draft.placeholders === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join('; ');
    items.push({
      id: draft.id,
      collection: draft.collection,
      title: draft.title,
      url: undefined,
      edit: editLink(draft.file, draft.title),
      file: draft.file,
      owner: draft.owner ?? unowned,
      kind: 'draft',
      what: `Finish the draft${left ? `: ${left}` : ' and publish it'}`,
      since: draft.created,
      daysOverdue: 0,
    });
  }

  const teamsById = new Map(documents.flatMap((d) => (d.collection === 'teams' ? [[d.id, d] as const] : [])));
  const teams = [...Map.groupBy(items, (i) => i.owner)].map(([team, list]): TeamQueue => {
    const page = teamsById.get(team);
    const info = page?.data;
    return { team, name: info?.name ?? team, channel: info?.channel, githubTeam: info?.github_team, url: page?.url, items: list.sort(mostOverdueFirst).map(({ owner: _, ...item }) => item) };
  });
  teams.sort((a, b) => (b.items[0]?.daysOverdue ?? 0) - (a.items[0]?.daysOverdue ?? 0) || a.name.localeCompare(b.name));
  return { generated: today, total: items.length, teams };
}

/** Most days overdue first; then what fell due (or started) earliest; then by ID. */
function mostOverdueFirst(a: ReviewItem, b: ReviewItem): number {
  return b.daysOverdue - a.daysOverdue || (a.since ?? '9999').localeCompare(b.since ?? '9999') || a.id.localeCompare(b.id) || a.what.localeCompare(b.what);
}

/** The facts an import could not know (`to_fill`), as one item naming them all, e.g. `severity, detected`. */
function importedFactsToFill(data: CollectionDocument['data']): string[] {
  const toFill = 'to_fill' in data ? data.to_fill : [];
  return toFill.length > 0 ? [toFill.join(', ')] : [];
}

/** Only the given team's queue (`--team`); an empty queue when the team owns nothing due. */
export function queueOf(queue: ReviewQueue, team: string): ReviewQueue {
  const teams = queue.teams.filter((t) => t.team === team);
  return { ...queue, teams, total: teams.reduce((n, t) => n + t.items.length, 0) };
}
