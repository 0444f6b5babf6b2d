import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../site/catalogue.ts';
import { astroRendersRecords, documentRecord } from '../../../site/records.ts';

// `npm run build` writes these files itself (src/pipeline/write-records.ts); the route serves `npm run dev`.
export const getStaticPaths: GetStaticPaths = async () => {
  if (!astroRendersRecords(import.meta.env.PROD)) return [];
  return (await getCatalogue()).all.map((doc) => ({ params: { id: doc.id }, props: { id: doc.id } }));
};

export const GET: APIRoute = async ({ props, site }) => new Response(documentRecord(await getCatalogue(), props.id as string, site!), { headers: { 'Content-Type': 'application/json' } });
