import type { APIRoute, GetStaticPaths } from 'astro';
import { collectionNames, collections, type CollectionName } from '../../collections/index.ts';
import { getCatalogue } from '../../site/catalogue.ts';
import { atomFeed, atomHeaders } from '../../site/feeds.ts';

export const getStaticPaths = (() => collectionNames.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

/** `dist/feeds/<collection>.xml`: new and changed documents of one collection. */
export const GET: APIRoute = async ({ params, site }) => {
  const catalogue = await getCatalogue();
  const collection = params.collection as CollectionName;
  const { label } = collections[collection];
  const spec = { path: `/feeds/${collection}.xml`, title: `Cairn: ${label.toLowerCase()}`, description: `New and changed ${label.toLowerCase()}.`, docs: catalogue.byCollection.get(collection) ?? [] };
  return new Response(atomFeed(catalogue, site!, spec), { headers: atomHeaders });
};
