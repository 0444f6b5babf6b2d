import { Feed } from 'feed';
import type { DocumentSummary } from '../lib/documents.ts';
import { escapeHtml } from '../lib/escape.ts';
import { itemWhen } from '../lib/review-format.ts';
import type { ReviewItem } from '../lib/review-queue.ts';
import { collections } from '../collections/index.ts';
import type { Catalogue } from './catalogue.ts';

const toDate = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);
// The feed library marks titles and summaries as HTML; ours are plain text, so escape them.
const text = escapeHtml;

export interface FeedSpec {
  /** The feed's own path, e.g. `/feeds/teams/service-desk.xml`. */
  path: string;
  title: string;
  description: string;
  /** Newest change first; the feed carries the first `feedDocuments`. */
  docs: readonly DocumentSummary[];
  /** Review items to carry as entries (a team's feed): what fell due, on the day it fell due. */
  due?: readonly ReviewItem[];
}

/**
 * Documents per feed: the newest changes. Readers poll a feed for what is new; every document
 * of a large knowledge base in each poll would be megabytes (7 MB at 10,000 documents), and
 * the whole list is `/api/manifest.json`.
 */
export const feedDocuments = 50;

/**
 * An Atom feed of documents of this build, newest change first, and of overdue items: the
 * catalogue is already cut to the build's audience, so a feed cannot carry anything above it.
 */
export function atomFeed({ byId, today }: Catalogue, site: URL | string, spec: FeedSpec): string {
  const home = new URL('/', site).href;
  const docs = spec.docs.slice(0, feedDocuments);
  const dates = [...docs.map((d) => d.updated), ...(spec.due ?? []).map((i) => i.since)].filter((d): d is string => d !== undefined).sort();
  const newest = dates[dates.length - 1];
  const feed = new Feed({
    id: new URL(spec.path, site).href,
    title: text(spec.title),
    description: text(spec.description),
    link: home,
    language: 'en-GB',
    feedLinks: { atom: new URL(spec.path, site).href },
    author: { name: 'Cairn' },
    copyright: 'Internal knowledge base',
    generator: false,
    // Never left to the library, which would stamp the build's clock and make builds differ.
    updated: toDate(newest ?? today),
  });
  for (const item of spec.due ?? []) {
    feed.addItem({
      // Stable per item and due date: a reader shows it once, and again only if it falls due anew.
      id: new URL(`/review/#${encodeURIComponent(`${item.kind}:${item.id}:${item.since ?? ''}:${item.what}`)}`, site).href,
      title: text(`Due: ${item.what} (${item.id} ${item.title})`),
      link: new URL(item.url ?? '/review/', site).href,
      date: toDate(item.since ?? today),
      description: text(`${itemWhen(item)}. ${item.edit ? `Edit: ${item.edit}` : ''}`.trim()),
      category: [{ term: `review-${item.kind}`, name: 'Review queue' }],
    });
  }
  for (const doc of docs) {
    feed.addItem({
      id: new URL(`/go/${encodeURIComponent(doc.id)}/`, site).href,
      title: text(`${doc.id} ${doc.title}`),
      link: new URL(doc.url, site).href,
      date: toDate(doc.updated ?? doc.created ?? today),
      ...(doc.created ? { published: toDate(doc.created) } : {}),
      description: text(doc.summary),
      author: [{ name: byId.get(doc.owner)?.title ?? doc.owner }],
      category: [{ term: doc.collection, name: collections[doc.collection].singular }, ...doc.tags.map((t) => ({ term: t, name: t }))],
    });
  }
  return feed.atom1();
}

/** Every team that owns a document or has something due, with its name: one feed each. */
export function feedTeams({ all, review, names }: Catalogue): { team: string; name: string }[] {
  const ids = new Set([...all.filter((d) => d.collection === 'teams').map((d) => d.id), ...all.map((d) => d.owner).filter(Boolean), ...review.teams.map((t) => t.team)]);
  return [...ids].sort().map((team) => ({ team, name: names.get(team) ?? team }));
}

export const atomHeaders = { 'Content-Type': 'application/atom+xml; charset=utf-8' };
