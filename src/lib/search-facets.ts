import { collections, type CollectionDocument, type CollectionName, type DocumentData } from '../collections/index.ts';
import { documentOwner } from './documents.ts';

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
export function searchFacets<C extends CollectionName>(doc: CollectionDocument<C>, names: ReadonlyMap<string, string>, updated: string | undefined): SearchFacets {
  const { label, singular, facets } = collections[doc.collection];
  const data = doc.data;
  const d: DocumentData[CollectionName] = data;
  const name = (id: string) => names.get(id) ?? id;
  // When the thing it records happened (detection, a project's start), else when it was last written.
  const date = (facets?.date ? facets.date(data) : (('updated' in d ? d.updated : undefined) ?? ('created' in d ? d.created : undefined))) ?? updated ?? '';
  const services = facets?.services?.(data) ?? ('services' in d ? d.services : []);
  const owner = documentOwner(doc);
  const status = 'status' in d ? d.status : undefined;
  const severity = 'severity' in d ? d.severity : undefined;
  const filters: Record<string, string[]> = {
    collection: [label],
    team: owner ? [name(owner)] : [],
    service: services.map(name),
    tag: 'tags' in d ? d.tags : [],
    severity: severity ? [severity] : [],
    status: status ? [status] : [],
    year: date ? [date.slice(0, 4)] : [],
  };
  for (const key of Object.keys(filters)) if (filters[key]!.length === 0) delete filters[key];
  const meta: Record<string, string> = { id: data.id, collection: singular };
  if (status) meta.status = status;
  if (severity) meta.severity = severity;
  if (date) meta.date = date;
  return { filters, meta, date };
}
