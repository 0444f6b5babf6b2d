import type { APIRoute } from 'astro';
import { getCatalogue } from '../site/catalogue.ts';
import { atomFeed, atomHeaders } from '../site/feeds.ts';

/** `dist/feed.xml`: Atom, one entry per document, newest change first, for automation. */
export const GET: APIRoute = async ({ site }) => {
  const catalogue = await getCatalogue();
  const spec = {
    path: '/feed.xml',
    title: 'Cairn: new and changed documents',
    description: 'Runbooks, postmortems, playbooks, retrospectives and guides as they are written and revised.',
    docs: catalogue.all,
  };
  return new Response(atomFeed(catalogue, site!, spec), { headers: atomHeaders });
};
