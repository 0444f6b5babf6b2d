import type { Node, Parent } from 'unist';

/** Returned by a visitor: leave this node's children out of the walk. */
export const SKIP = 'skip';

/** What a visitor returns: nothing (go on), SKIP, or the index in the parent to go on from. */
export type WalkStep = void | typeof SKIP | number;

/**
 * Calls `visitor` for every node below `tree` (not `tree` itself), parents before children,
 * in document order. A visitor may replace `parent.children[index]` (and return SKIP, since
 * the original node's children are walked otherwise) or remove nodes and return the index
 * to continue from. unist-util-visit does the same but gives every node its own named
 * function for stack traces: that bookkeeping was about a sixth of a render's time.
 */
export function walk<T extends Node>(tree: Parent, visitor: (node: T, index: number, parent: Parent) => WalkStep): void {
  const children = tree.children;
  for (let index = 0; index < children.length;) {
    const node = children[index]!;
    const step = visitor(node as T, index, tree);
    if (typeof step === 'number') {
      index = step;
      continue;
    }
    if (step !== SKIP && 'children' in node) walk(node as Parent, visitor);
    index++;
  }
}
