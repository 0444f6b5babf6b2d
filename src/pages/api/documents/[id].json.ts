import type { APIRoute, GetStaticPaths } from 'astro';
import { keyFields } from '../../../lib/key-fields.ts';
import { getCatalogue } from '../../../site/catalogue.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { all } = await getCatalogue();
  return all.map((doc) => ({ params: { id: doc.id }, props: { id: doc.id } }));
};

/** `dist/api/documents/<ID>.json`: one document's metadata, key fields, tickets and links both ways. */
export const GET: APIRoute = async ({ props, site }) => {
  const { byId, entries, graph, ticketsOf, today } = await getCatalogue();
  const id = props.id as string;
  const doc = byId.get(id)!;
  const edge = (other: string, e: { kind: string; inferred: boolean; reason?: string | undefined }) => ({ id: other, kind: e.kind, inferred: e.inferred, reason: e.reason ?? null });
  const body = {
    ...doc,
    permalink: new URL(`/go/${encodeURIComponent(id)}/`, site).href,
    keyFields: keyFields(doc.collection, entries.get(id)!.data, today, (ref) => byId.get(ref)?.title ?? ref),
    tickets: ticketsOf.get(id) ?? [],
    links: {
      out: graph.from(id).map((e) => edge(e.to, e)),
      in: graph.to(id).map((e) => edge(e.from, e)),
    },
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
