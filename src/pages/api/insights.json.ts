import type { APIRoute } from 'astro';
import { computeInsights } from '../../lib/insights.ts';
import { getCatalogue } from '../../site/catalogue.ts';

/** `dist/api/insights.json`: the insights page's figures, from this build's documents only. */
export const GET: APIRoute = async () => {
  const { graphDocs, today } = await getCatalogue();
  return new Response(JSON.stringify(computeInsights([...graphDocs.values()], today), null, 1), { headers: { 'Content-Type': 'application/json' } });
};
