import type { APIRoute } from 'astro';
import { getCatalogue } from '../../site/catalogue.ts';

/** `dist/api/review.json`: the review queue of /review/, from this build's documents only. */
export const GET: APIRoute = async () => {
  const { review } = await getCatalogue();
  return new Response(JSON.stringify(review, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
