import type { APIRoute } from 'astro';
import { escapeHtml } from '../lib/escape.ts';
import { collectionNames } from '../collections/index.ts';
import { getCatalogue } from '../site/catalogue.ts';

/** `dist/sitemap.xml`: the pages of this build (never /go/ or /embed/, never anything above its audience). */
export const GET: APIRoute = async ({ site }) => {
  const { all } = await getCatalogue();
  const pages: { path: string; updated?: string | undefined }[] = [
    { path: '/' },
    ...collectionNames.map((c) => ({ path: `/${c}/` })),
    { path: '/lessons/' },
    { path: '/impact/' },
    { path: '/insights/' },
    { path: '/review/' },
    { path: '/tags/' },
    ...all.map((d) => ({ path: d.url, updated: d.updated })),
  ];
  const urls = pages.map((p) => `<url><loc>${escapeHtml(new URL(p.path, site).href)}</loc>${p.updated ? `<lastmod>${p.updated}</lastmod>` : ''}</url>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
