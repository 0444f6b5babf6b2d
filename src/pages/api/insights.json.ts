import type { APIRoute } from 'astro';
import { computeInsights } from '../../lib/insights.ts';
import { knowledgeHealth } from '../../lib/knowledge-health.ts';
import { getCatalogue } from '../../site/catalogue.ts';

/** `dist/api/insights.json`: the insights page's figures, from this build's documents only. */
export const GET: APIRoute = async () => {
  const { graphDocs, today, review, drafts } = await getCatalogue();
  const docs = [...graphDocs.values()];
  const figures = { ...computeInsights(docs, today), knowledgeHealth: knowledgeHealth(docs, { queue: review, draftsCreated: drafts.map((d) => d.created) }, today) };
  return new Response(JSON.stringify(figures, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
