import type { APIRoute } from 'astro';
import { toManifest } from '../../lib/manifest.ts';
import { getCatalogue } from '../../site/catalogue.ts';

export const GET: APIRoute = async () => {
  const { all } = await getCatalogue();
  return new Response(JSON.stringify(toManifest(all), null, 1), { headers: { 'Content-Type': 'application/json' } });
};
