import { buildGraph, type ContentGraph } from '../lib/graph/graph.ts';
import type { KnowledgeBase, LoadOptions } from './knowledge-base.ts';
import { hasErrors } from '../lib/problems.ts';
import { loadSiteConfig, type SiteConfig } from '../lib/site-config.ts';
import type { BodyStore } from './body-store.ts';

/**
 * One build's loaded knowledge base: read, checked and rendered once, then handed to the
 * content loader, the pages and the search indexer. `npm run build` runs Astro in its own
 * process and provides the session before Astro starts, so nothing is loaded twice.
 */
export interface BuildSession {
  options: LoadOptions;
  kb: KnowledgeBase;
  graph: ContentGraph;
  /** `cairn.config.json`, read once. */
  config: SiteConfig;
  /** Where this build keeps each document's rendered body for its page (see body-store.ts). */
  bodies?: BodyStore;
}

// Astro evaluates the content config and pages in its own module graph, so a module-level
// variable of this file would be a different instance there: the process-wide slot is shared.
const slot = Symbol.for('cairn.build-session');
type Slot = { [slot]?: BuildSession };

export function provideSession(session: BuildSession): void {
  (globalThis as Slot)[slot] = session;
}

export function providedSession(): BuildSession | undefined {
  return (globalThis as Slot)[slot];
}

/** A session around a loaded knowledge base: its graph (empty when content has errors) and config. */
export function sessionOf(options: LoadOptions, kb: KnowledgeBase): BuildSession {
  return { options, kb, graph: buildGraph(hasErrors(kb.problems) ? [] : kb.documents, options.today), config: loadSiteConfig(options.root).config };
}
