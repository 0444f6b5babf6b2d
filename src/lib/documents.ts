import { collections, type CollectionDocument, type CollectionName, type DocumentData } from '../collections/index.ts';

/** What lists, cards, search and the manifest need to know of a document. */
export interface DocumentSummary {
  id: string;
  collection: CollectionName;
  title: string;
  summary: string;
  /** Page URL relative to the site root, e.g. `/incidents/2025-014-payment-gateway-tls-expiry/`. */
  url: string;
  owner: string;
  tags: string[];
  status: string | undefined;
  created: string | undefined;
  /** Front-matter `updated`, else the last commit touching the file, else `created`. */
  updated: string | undefined;
  visibility: 'public' | 'internal' | 'restricted';
  aliases: string[];
}

type AnyData = DocumentData[CollectionName];

/** Teams and services are named, documents are titled: one title for all. */
export function documentTitle(data: AnyData): string {
  return 'title' in data ? data.title : data.name;
}

export function documentUrl(collection: CollectionName, slug: string): string {
  return `/${collection}/${encodeURIComponent(slug)}/`;
}

/** The team that keeps a document true: its `owner`, unless its collection says otherwise (teams own themselves). */
export function documentOwner<C extends CollectionName>({ collection, data }: CollectionDocument<C>): string {
  const own = collections[collection].owner;
  if (own) return own(data);
  const d: AnyData = data;
  return 'owner' in d ? d.owner : '';
}

export function summarise(doc: CollectionDocument, slug: string, lastCommit: string | undefined): DocumentSummary {
  const { collection, data } = doc;
  const created = 'created' in data ? data.created : undefined;
  return {
    id: data.id,
    collection,
    title: documentTitle(data),
    summary: data.summary,
    url: documentUrl(collection, slug),
    owner: documentOwner(doc),
    tags: 'tags' in data ? data.tags : [],
    status: 'status' in data ? data.status : undefined,
    created,
    updated: ('updated' in data ? data.updated : undefined) ?? lastCommit ?? created,
    visibility: data.visibility,
    aliases: data.aliases,
  };
}

export function collectionLabel(collection: CollectionName): string {
  return collections[collection].label;
}

/** Newest first by a date field; documents without it go last. */
export function byDateDesc<T>(date: (item: T) => string | undefined) {
  return (a: T, b: T) => (date(b) ?? '').localeCompare(date(a) ?? '');
}
