import type { CollectionDocument } from '../../collections/index.ts';
import { declaredReferences, type EdgeKind } from './reference-fields.ts';
import type { BodyTerms } from './similarity.ts';

/** One edge of the content graph, as `dist/api/graph.json` publishes it (IDs at both ends). */
export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** True for edges Cairn worked out; false for edges a document declares. */
  inferred: boolean;
  /** Why an inferred edge exists, in words a reader understands. */
  reason?: string;
}

/** What the graph needs of a document; the loader's documents fit it. Checking `collection` narrows `data`. */
export type GraphDocument = CollectionDocument & {
  id: string;
  /** IDs written in the body. */
  mentions: readonly string[];
  /** The body's content words, for similarity. */
  terms: BodyTerms;
};

/**
 * Edges the documents declare: reference fields, then IDs written in bodies. Edges to
 * documents outside `docs` (above the build's audience) are left out, so a build never
 * names what it may not show. One edge per (from, to, kind).
 */
export function declaredEdges(docs: readonly GraphDocument[]): GraphEdge[] {
  const present = new Set(docs.map((d) => d.id));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  const add = (from: string, to: string, kind: EdgeKind) => {
    const key = `${from}\u0000${to}\u0000${kind}`;
    if (from === to || !present.has(to) || seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, kind, inferred: false });
  };
  for (const doc of docs) {
    for (const ref of declaredReferences(doc.collection, doc.data)) add(doc.id, ref.to, ref.field.kind);
    for (const id of doc.mentions) add(doc.id, id, 'mentions');
  }
  return edges;
}
