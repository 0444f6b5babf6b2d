import type { APIRoute } from 'astro';
import type { QuickJumpEntry } from '../../lib/quick-jump.ts';
import { collections } from '../../collections/index.ts';
import { getCatalogue } from '../../site/catalogue.ts';

/** The quick-jump palette's manifest: small, fetched only when the palette opens. */
export const GET: APIRoute = async () => {
  const { all } = await getCatalogue();
  const entries: QuickJumpEntry[] = all.map((d) => ({
    id: d.id,
    title: d.title,
    aliases: d.aliases,
    kind: collections[d.collection].singular,
    url: d.url,
    ...(d.status ? { status: d.status } : {}),
  }));
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json' } });
};
