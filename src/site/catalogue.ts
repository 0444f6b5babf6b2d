import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { loadOptionsFromEnv } from '../lib/config.ts';
import { byDateDesc, summarise, type DocumentSummary } from '../lib/documents.ts';
import { lastCommitDates } from '../lib/git-dates.ts';
import { ticketLinker } from '../lib/tickets.ts';
import { contributionLinks, loadSiteConfig, type SiteConfig } from '../lib/site-config.ts';
import { reviewQueue, type ReviewQueue } from '../lib/review-queue.ts';
import { collectionDocument, collectionNames, collections, type CollectionName } from '../collections/index.ts';
import { providedSession } from '../pipeline/session.ts';
import type { GraphDocument, GraphEdge } from '../lib/graph/edges.ts';
import { noBodyTerms } from '../lib/graph/similarity.ts';
import { indexGraph, type ContentGraph } from '../lib/graph/graph.ts';

export type AnyEntry = { [C in CollectionName]: CollectionEntry<C> }[CollectionName];

export interface Catalogue {
  /** Every document, newest update first. */
  all: DocumentSummary[];
  byId: Map<string, DocumentSummary>;
  entries: Map<string, AnyEntry>;
  /** Summaries per collection. */
  byCollection: Map<CollectionName, DocumentSummary[]>;
  /** The content graph, computed once by the loader. */
  graph: ContentGraph;
  /** Documents as the graph views need them (data only). */
  graphDocs: Map<string, GraphDocument>;
  /** Ticket keys each document references. */
  ticketsOf: Map<string, string[]>;
  /** Team and service names by ID, for filters and cards. */
  names: Map<string, string>;
  /** `cairn.config.json`. */
  config: SiteConfig;
  /**
   * What a document's own pages (its page, former names, embed card) are made from, as a hash:
   * Astro's incremental build reuses a page whose key is unchanged. Any front-matter change
   * anywhere changes every key (pages show other documents' titles, statuses and figures); an
   * edit to one body changes the keys of that document and of those whose links it changed.
   */
  pageKey: (id: string) => string;
  /**
   * The key of a listing made of front matter and summaries alone (a tag page, a collection's
   * index), named by `page`: an edit to a body leaves it unchanged, so a rebuild reuses the page.
   */
  listingKey: (page: string) => string;
  /** The site's absolute URL (`CAIRN_SITE_URL` or `site_url` in cairn.config.json; see siteAddress). */
  site: string;
  /** The build's day, YYYY-MM-DD (`CAIRN_TODAY` pins it), read once. */
  today: string;
  /** Tracker URL of a ticket key. */
  ticketUrl: (key: string) => string | undefined;
  /** What needs a person, per team, from this build's documents (never drafts): /review/ and api/review.json. */
  review: ReviewQueue;
  /** The owner and start of each draft this audience may read: only counted (review, insights), never named. */
  drafts: { owner: string | undefined; created: string | undefined }[];
}

let catalogue: Promise<Catalogue> | undefined;
let commitDates: Map<string, string> | undefined;

/**
 * All documents, summarised once per build; every page reads from this, none recomputes it.
 * Under `npm run dev` content changes while the server runs, so it is summarised per request.
 */
export function getCatalogue(): Promise<Catalogue> {
  if (import.meta.env.DEV) return build();
  catalogue ??= build();
  // The build script writes the per-document records from this very catalogue once Astro is done.
  (globalThis as Record<symbol, unknown>)[Symbol.for('cairn.catalogue')] = catalogue;
  return catalogue;
}

async function build(): Promise<Catalogue> {
  const session = providedSession();
  const { root, contentDir, today } = session?.options ?? loadOptionsFromEnv();
  commitDates ??= lastCommitDates(root, contentDir);
  const dates = commitDates;
  const config = session?.config ?? loadSiteConfig(root).config;
  const entries = new Map<string, AnyEntry>();
  const all: DocumentSummary[] = [];
  const edges: GraphEdge[] = [];
  const graphDocs = new Map<string, GraphDocument>();
  const ticketsOf = new Map<string, string[]>();
  // Astro warns about every empty collection it is asked for ("does not exist or is empty"),
  // five lines of noise for a knowledge base of guides alone: a build knows which have documents.
  const present = session && new Set(session.kb.documents.map((d) => d.collection));
  for (const collection of collectionNames) {
    if (present && !present.has(collection)) continue;
    for (const entry of (await getCollection(collection)) as AnyEntry[]) {
      const slug = entry
        .filePath!.split('/')
        .pop()!
        .replace(/\.mdx$/, '');
      entries.set(entry.id, entry);
      edges.push(...((entry.rendered?.metadata?.edges as GraphEdge[] | undefined) ?? []));
      ticketsOf.set(entry.id, (entry.rendered?.metadata?.tickets as string[] | undefined) ?? []);
      graphDocs.set(entry.id, { id: entry.id, ...collectionDocument(collection, entry.data), mentions: [], terms: noBodyTerms });
      all.push(summarise(entry, slug, dates.get(entry.filePath!)));
    }
  }
  all.sort(byDateDesc((d) => d.updated));
  const index = indexGraph(edges);
  const everyone = createHash('sha256')
    .update(JSON.stringify([today, import.meta.env.SITE, config, all, [...entries.values()].map((e) => e.data)]))
    .digest('hex');
  const pageKey = (id: string) => {
    const entry = entries.get(id)!;
    // The entry's digest (src/loaders) covers its body, which in a build waits in the body
    // store, not in the entry: so a reused page is never one with the old body.
    return createHash('sha256')
      .update(everyone)
      .update(id)
      .update(String(entry.digest ?? ''))
      .update(JSON.stringify([entry.rendered?.metadata, index.to(id)]))
      .digest('hex');
  };
  const listingKey = (page: string) => createHash('sha256').update(everyone).update('\0').update(page).digest('hex');
  const byCollection = new Map(collectionNames.map((c) => [c, all.filter((d) => d.collection === c)]));
  const review = reviewQueue({
    today,
    documents: all.map((d) => ({ ...entries.get(d.id)!, url: d.url, file: entries.get(d.id)!.filePath! })),
    editLink: (file, title) => contributionLinks(config, file, title)?.edit,
  });
  return {
    review,
    drafts: (session?.kb.drafts ?? []).map((d) => ({ owner: d.owner, created: d.created })),
    all,
    byId: new Map(all.map((d) => [d.id, d])),
    entries,
    byCollection,
    graph: index,
    graphDocs,
    pageKey,
    listingKey,
    ticketsOf,
    names: new Map(all.filter((d) => collections[d.collection].directory).map((d) => [d.id, d.title])),
    ticketUrl: ticketLinker(config.trackers).url,
    config,
    today,
    site: import.meta.env.SITE,
  };
}
