import type { APIRoute } from 'astro';
import { getCatalogue } from '../../site/catalogue.ts';

/**
 * `dist/api/tickets.json`: each ticket key and the documents that reference it, so a ticket
 * system can show "knowledge articles for this ticket".
 */
export const GET: APIRoute = async () => {
  const { ticketsOf, ticketUrl, byId } = await getCatalogue();
  // A Map, not an object: a ticket may be called "constructor" or "__proto__".
  const tickets = new Map<string, { url: string | null; documents: { id: string; title: string; url: string }[] }>();
  for (const [id, keys] of ticketsOf) {
    const doc = byId.get(id)!;
    for (const key of keys) {
      if (!tickets.has(key)) tickets.set(key, { url: ticketUrl(key) ?? null, documents: [] });
      tickets.get(key)!.documents.push({ id, title: doc.title, url: doc.url });
    }
  }
  const sorted = Object.fromEntries([...tickets].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
  return new Response(JSON.stringify({ tickets: sorted }, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
