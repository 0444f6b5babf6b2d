import type { Loader } from 'astro/loaders';
import { loadOptionsFromEnv } from '../lib/config.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../lib/knowledge-base.ts';
import { ContentError, formatProblem, hasErrors } from '../lib/problems.ts';
import type { CollectionName } from '../schemas/index.ts';
import { buildGraph, type ContentGraph } from '../lib/graph/graph.ts';

let loaded: { kb: KnowledgeBase; graph: ContentGraph } | undefined;

/** The whole knowledge base and its graph, computed once per build and shared by the eight collections. */
function knowledgeBase(): { kb: KnowledgeBase; graph: ContentGraph } {
  if (!loaded) {
    const options = loadOptionsFromEnv();
    const kb = loadKnowledgeBase(options);
    loaded = { kb, graph: buildGraph(hasErrors(kb.problems) ? [] : kb.documents, options.today) };
  }
  return loaded;
}

/**
 * A content-collection loader over Cairn's own pipeline: front matter validated by the
 * shared schemas, bodies rendered from parsed MDX (never evaluated). Any problem anywhere
 * stops the build here, before a page is written. Each entry carries its outgoing graph
 * edges, so pages rebuild the graph without the documents' text.
 */
export function cairnLoader(collection: CollectionName): Loader {
  return {
    name: `cairn-${collection}`,
    async load({ store, parseData, generateDigest, logger, watcher }) {
      if (watcher) loaded = undefined; // dev server: re-read on each sync
      const { kb, graph } = knowledgeBase();
      if (hasErrors(kb.problems)) throw new ContentError(kb.problems);
      for (const p of kb.problems) logger.warn(formatProblem(p));
      store.clear();
      for (const doc of kb.documents) {
        if (doc.collection !== collection) continue;
        const data = await parseData({ id: doc.id, data: doc.data as Record<string, unknown>, filePath: doc.file });
        store.set({
          id: doc.id,
          data,
          filePath: doc.file,
          digest: generateDigest({ data: doc.data as Record<string, unknown>, html: doc.html }),
          rendered: { html: doc.html, metadata: { headings: doc.headings, edges: graph.from(doc.id), tickets: doc.tickets } },
        });
      }
    },
  };
}
