import { declaredEdges, type GraphDocument, type GraphEdge } from './edges.ts';
import { possiblyAffectedEdges } from './inferred.ts';
import { similarEdges } from './similarity.ts';
import type { EdgeKind } from './reference-fields.ts';

/** The content graph: every edge, and each document's edges both ways. */
export interface ContentGraph {
  edges: GraphEdge[];
  /** Edges leaving a document. */
  from(id: string, kind?: EdgeKind): GraphEdge[];
  /** Edges arriving at a document. */
  to(id: string, kind?: EdgeKind): GraphEdge[];
}

/** Declared edges first, then inferred ones; one pass over the documents each. */
export function buildGraph(docs: readonly GraphDocument[], today: string): ContentGraph {
  return indexGraph([...declaredEdges(docs), ...possiblyAffectedEdges(docs, today), ...similarEdges(docs)]);
}

export function indexGraph(edges: GraphEdge[]): ContentGraph {
  const out = new Map<string, GraphEdge[]>();
  const into = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    (out.get(edge.from) ?? out.set(edge.from, []).get(edge.from)!).push(edge);
    (into.get(edge.to) ?? into.set(edge.to, []).get(edge.to)!).push(edge);
  }
  const pick = (map: Map<string, GraphEdge[]>, id: string, kind?: EdgeKind) => {
    const list = map.get(id) ?? [];
    return kind ? list.filter((e) => e.kind === kind) : list;
  };
  return { edges, from: (id, kind) => pick(out, id, kind), to: (id, kind) => pick(into, id, kind) };
}
