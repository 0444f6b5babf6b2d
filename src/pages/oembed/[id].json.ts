import type { APIRoute, GetStaticPaths } from 'astro';
import { escapeHtml } from '../../lib/escape.ts';
import { getCatalogue } from '../../site/catalogue.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { all } = await getCatalogue();
  return all.map((doc) => ({ params: { id: doc.id }, props: { id: doc.id } }));
};

/** oEmbed 1.0, type `rich`: an iframe of the document's embed card. */
export const GET: APIRoute = async ({ props, site }) => {
  const { byId } = await getCatalogue();
  const doc = byId.get(props.id as string)!;
  const embed = new URL(`/embed/${encodeURIComponent(doc.id)}/`, site).href;
  const width = 480;
  const height = 240;
  const title = `${doc.id} ${doc.title}`;
  const body = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Cairn',
    provider_url: new URL('/', site).href,
    width,
    height,
    html: `<iframe src="${escapeHtml(embed)}" width="${width}" height="${height}" title="${escapeHtml(title)}" style="border:0" loading="lazy"></iframe>`,
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json+oembed' } });
};

