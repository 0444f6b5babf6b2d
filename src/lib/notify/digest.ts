import { collections } from '../../collections/index.ts';
import { documentTitle, documentUrl, type DocumentSummary } from '../documents.ts';
import type { LoadedDocument } from '../knowledge-model.ts';
import type { ReviewItem, ReviewQueue } from '../review-queue.ts';

/** A document written or revised in the window, or a lesson it added. */
export interface Change {
  kind: 'new' | 'changed';
  doc: Pick<DocumentSummary, 'id' | 'collection' | 'title' | 'url' | 'owner'> & { created: string | undefined; updated: string | undefined };
  /** Lessons the document records (retrospectives, postmortems): new with it. */
  lessons: string[];
}

/** What one team is told: what changed, what fell due in the window, what is still overdue. */
export interface TeamDigest {
  team: string;
  name: string;
  channel: string | undefined;
  githubTeam: string | undefined;
  since: string;
  today: string;
  changes: Change[];
  /** Items that fell due after `since`. */
  fellDue: ReviewItem[];
  /** Items already overdue at `since`, and what has no due date (drafts, TODOs). */
  stillDue: ReviewItem[];
}

/** A document as `notify` reads it. */
export type NotifyDocument = Change['doc'] & { lessons: string[] };

/** What `notify` reads of a loaded document. */
export function notifyDocument(d: LoadedDocument): NotifyDocument {
  return {
    id: d.id,
    collection: d.collection,
    title: documentTitle(d.data),
    url: documentUrl(d.collection, d.slug),
    owner: 'owner' in d.data ? d.data.owner : '',
    created: 'created' in d.data ? d.data.created : undefined,
    updated: 'updated' in d.data ? d.data.updated : undefined,
    lessons: 'lessons' in d.data ? d.data.lessons.map((l) => l.title) : [],
  };
}

/** A stable key per thing told, so the same thing is never sent twice. */
export function itemKey(item: ReviewItem): string {
  return `due:${item.kind}:${item.id}:${item.since ?? ''}:${item.what}`;
}

export function changeKey(change: Change): string {
  return `doc:${change.doc.id}:${change.kind === 'new' ? change.doc.created : change.doc.updated}`;
}

/**
 * Per team, what happened since a day: documents created or revised after it (new incidents,
 * postmortems, lessons), items that fell due after it, and what was already due. A team
 * appears when it has anything to be told; teams come in the queue's order (most overdue first).
 */
export function digests(queue: ReviewQueue, documents: readonly NotifyDocument[], since: string): TeamDigest[] {
  const changes = new Map<string, Change[]>();
  for (const { lessons, ...doc } of documents) {
    if (!doc.owner || collections[doc.collection].directory) continue;
    const kind = doc.created && doc.created > since ? 'new' : doc.updated && doc.updated > since ? 'changed' : undefined;
    if (!kind) continue;
    const list = changes.get(doc.owner) ?? [];
    list.push({ kind, doc, lessons: kind === 'new' ? lessons : [] });
    changes.set(doc.owner, list);
  }
  const teams = new Map(queue.teams.map((t) => [t.team, t]));
  const order = [...queue.teams.map((t) => t.team), ...[...changes.keys()].filter((t) => !teams.has(t)).sort()];
  return order.map((team) => {
    const q = teams.get(team);
    const items = q?.items ?? [];
    return {
      team,
      name: q?.name ?? team,
      channel: q?.channel,
      githubTeam: q?.githubTeam,
      since,
      today: queue.generated,
      changes: (changes.get(team) ?? []).sort((a, b) => (b.doc.updated ?? b.doc.created ?? '').localeCompare(a.doc.updated ?? a.doc.created ?? '')),
      fellDue: items.filter((i) => i.since !== undefined && i.since > since && i.kind !== 'draft'),
      stillDue: items.filter((i) => !(i.since !== undefined && i.since > since && i.kind !== 'draft')),
    };
  });
}

/** The digest with only what has not been sent yet: what a chat message carries. */
export function unsent(digest: TeamDigest, sent: (key: string) => boolean): TeamDigest {
  return {
    ...digest,
    changes: digest.changes.filter((c) => !sent(changeKey(c))),
    fellDue: digest.fellDue.filter((i) => !sent(itemKey(i))),
    stillDue: digest.stillDue.filter((i) => !sent(itemKey(i))),
  };
}

/** Every key a digest carries. */
export function keysOf(digest: TeamDigest): string[] {
  return [...digest.changes.map(changeKey), ...digest.fellDue.map(itemKey), ...digest.stillDue.map(itemKey)];
}

export function isEmpty(digest: TeamDigest): boolean {
  return digest.changes.length + digest.fellDue.length + digest.stillDue.length === 0;
}
