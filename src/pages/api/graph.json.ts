import type { APIRoute } from 'astro';
import { getCatalogue } from '../../site/catalogue.ts';

/** `dist/api/graph.json`: every edge of the content graph, declared first, IDs at both ends. */
export const GET: APIRoute = async () => {
  const { graph } = await getCatalogue();
  const edges = [...graph.edges].sort((a, b) => Number(a.inferred) - Number(b.inferred) || a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind) || a.to.localeCompare(b.to));
  const body = { edges: edges.map(({ from, to, kind, inferred, reason }) => ({ from, to, kind, inferred, reason: reason ?? null })) };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
