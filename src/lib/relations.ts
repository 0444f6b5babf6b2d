import type { DocumentSummary } from './documents.ts';

/** Documents a team owns, newest first as given, without the team page itself. */
export function documentsOwnedBy(team: string, docs: readonly DocumentSummary[]): DocumentSummary[] {
  return docs.filter((d) => d.owner === team && d.id !== team);
}

interface EntryLike {
  id: string;
  collection: string;
  data: { services?: string[] };
}

/** The incidents, projects and runbooks that name a service in their `services` field. */
export function documentsOnService(service: string, entries: readonly EntryLike[], byId: Map<string, DocumentSummary>) {
  const pick = (collection: string) =>
    entries
      .filter((e) => e.collection === collection && e.data.services?.includes(service))
      .map((e) => byId.get(e.id))
      .filter((d): d is DocumentSummary => d !== undefined);
  return { incidents: pick('incidents'), projects: pick('projects'), runbooks: pick('runbooks') };
}
