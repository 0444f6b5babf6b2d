import type { DocumentSummary } from './documents.ts';

/** `dist/api/manifest.json` as PRODUCT.md fixes it: tools read these keys, so they do not change. */
export function toManifest(docs: readonly DocumentSummary[]) {
  return {
    documents: docs.map((d) => ({
      id: d.id,
      collection: d.collection,
      title: d.title,
      summary: d.summary,
      url: d.url,
      owner: d.owner,
      tags: d.tags,
      status: d.status ?? null,
      updated: d.updated ?? null,
      visibility: d.visibility,
      aliases: d.aliases,
    })),
  };
}
