import type { KnowledgeBase, LoadOptions } from '../lib/knowledge-model.ts';
import { assemble, prepareKnowledgeBase, renderJob } from './knowledge-base.ts';
import { documentRenderer } from './render-document.ts';
export type { DraftDocument, KnowledgeBase, LoadedDocument, LoadOptions, PlaceholderIn } from '../lib/knowledge-model.ts';

/**
 * The knowledge base loaded, checked and rendered on this thread, without a cache: for
 * scripts and tests that read a small knowledge base once (`loadKnowledgeBaseFast` in
 * knowledge-base.ts is the build's and the check's).
 */
export function loadKnowledgeBase(options: LoadOptions): KnowledgeBase {
  const prepared = prepareKnowledgeBase(options);
  const render = documentRenderer(prepared.settings);
  return assemble(
    prepared,
    prepared.parsed.map((doc) => render(renderJob(doc)).rendered),
  );
}
