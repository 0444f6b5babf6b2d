import type { DocumentData, CollectionName } from '../schemas/index.ts';
import { collections } from '../schemas/index.ts';

/** What Pagefind filters and sorts a document by, and shows beside each result. */
export interface SearchFacets {
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  /** `YYYY-MM-DD`, for "newest first". */
  date: string;
}

/**
 * The facets of one document: collection, team, service, tag, severity, status and year as
 * filters; ID, collection, status, severity and date as result metadata. Team and service
 * names come from `names`, so readers filter by the words they use.
 */
export function searchFacets(collection: CollectionName, data: DocumentData[CollectionName], names: ReadonlyMap<string, string>, updated: string | undefined): SearchFacets {
  const d = data as Record<string, unknown>;
  const name = (id: string) => names.get(id) ?? id;
  const date = eventDate(collection, d) ?? updated ?? '';
  const services = collection === 'services' ? [data.id] : Array.isArray(d.services) ? (d.services as string[]) : [];
  const owner = collection === 'teams' ? data.id : typeof d.owner === 'string' ? d.owner : undefined;
  const filters: Record<string, string[]> = {
    collection: [collections[collection].label],
    team: owner ? [name(owner)] : [],
    service: services.map(name),
    tag: Array.isArray(d.tags) ? (d.tags as string[]) : [],
    severity: typeof d.severity === 'string' ? [d.severity] : [],
    status: typeof d.status === 'string' ? [d.status] : [],
    year: date ? [date.slice(0, 4)] : [],
  };
  for (const key of Object.keys(filters)) if (filters[key]!.length === 0) delete filters[key];
  const meta: Record<string, string> = { id: data.id, collection: collections[collection].singular };
  if (typeof d.status === 'string') meta.status = d.status;
  if (typeof d.severity === 'string') meta.severity = d.severity;
  if (date) meta.date = date;
  return { filters, meta, date };
}

/** When the thing a document records happened: detection, retrospective, project start. */
function eventDate(collection: CollectionName, d: Record<string, unknown>): string | undefined {
  const pick = (key: string) => (typeof d[key] === 'string' ? (d[key] as string).slice(0, 10) : undefined);
  if (collection === 'incidents') return pick('detected');
  if (collection === 'retrospectives') return pick('date');
  if (collection === 'projects') return pick('start');
  return pick('updated') ?? pick('created');
}
