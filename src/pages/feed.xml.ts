import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { collections } from '../schemas/index.ts';
import { escapeHtml } from '../lib/escape.ts';
import { getCatalogue } from '../site/catalogue.ts';

const toDate = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);
// The feed library marks titles and summaries as HTML; ours are plain text, so escape them.
const text = escapeHtml;

/** `dist/feed.xml`: Atom, one entry per document, newest change first, for automation. */
export const GET: APIRoute = async ({ site }) => {
  const { all, byId, today } = await getCatalogue();
  const home = new URL('/', site).href;
  const newest = all.find((d) => d.updated)?.updated;
  const feed = new Feed({
    id: home,
    title: 'Cairn: new and changed documents',
    description: 'Runbooks, postmortems, playbooks, retrospectives and guides as they are written and revised.',
    link: home,
    language: 'en-GB',
    feedLinks: { atom: new URL('/feed.xml', site).href },
    author: { name: 'Cairn' },
    copyright: 'Internal knowledge base',
    generator: false,
    ...(newest ? { updated: toDate(newest) } : {}),
  });
  for (const doc of all) {
    const date = toDate(doc.updated ?? doc.created ?? today);
    feed.addItem({
      id: new URL(`/go/${encodeURIComponent(doc.id)}/`, site).href,
      title: text(`${doc.id} ${doc.title}`),
      link: new URL(doc.url, site).href,
      date,
      ...(doc.created ? { published: toDate(doc.created) } : {}),
      description: text(doc.summary),
      author: [{ name: byId.get(doc.owner)?.title ?? doc.owner }],
      category: [{ term: doc.collection, name: collections[doc.collection].singular }, ...doc.tags.map((t) => ({ term: t, name: t }))],
    });
  }
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
