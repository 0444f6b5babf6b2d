import { formerPageSlugs } from '../lib/site-paths.ts';
import type { Catalogue } from './catalogue.ts';

/** One page a document makes at `/<collection>/<slug>/`: its own, or one for a former file name. */
export interface DocumentPage {
  collection: string;
  slug: string;
  id: string;
  /** A former file name's page, which leads on to the document. */
  redirect: boolean;
  /** What the page is made from (see `Catalogue.pageKey`). */
  cacheKey: string;
  /** Its folder in the built site. */
  path: string;
}

/** Every document page of the site, for the page route and for the build that keeps pages between runs. */
export function documentPages({ all, entries, pageKey }: Pick<Catalogue, 'all' | 'entries' | 'pageKey'>): DocumentPage[] {
  return all.flatMap((doc) => {
    const cacheKey = pageKey(doc.id);
    const page = (slug: string, redirect: boolean): DocumentPage => ({ collection: doc.collection, slug, id: doc.id, redirect, cacheKey, path: `${doc.collection}/${slug}` });
    // Former file names keep their old URLs alive; former IDs live under /go/.
    return [page(doc.url.split('/')[2]!, false), ...formerPageSlugs(doc.collection, entries.get(doc.id)!.data.formerly).map((slug) => page(slug, true))];
  });
}
