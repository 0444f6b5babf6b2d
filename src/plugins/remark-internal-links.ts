import type { Link, Root } from 'mdast';
import { walk } from '../lib/tree-walk.ts';
import type { VFile } from 'vfile';

/** A link to a page of this site as written in a body, to be checked once every page is known. */
export interface InternalLink {
  /** As written: `/runbooks/vpn/`, `/runbooks/vpn/#verify`, `#verify`. */
  url: string;
  line: number;
  column: number;
}

/** Links and link definitions that point into the site: a path from its root, or an anchor on this page. */
export function internalLinks(tree: Root): InternalLink[] {
  const found: InternalLink[] = [];
  walk<Root['children'][number] | Link>(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const url = node.url;
    if (!/^(?:\/(?!\/)|#)/.test(url)) return;
    found.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return found;
}

/** Records internal links in `file.data.internalLinks`; the loader checks them against every page. */
export default function remarkInternalLinks() {
  return (tree: Root, file: VFile) => {
    file.data.internalLinks = internalLinks(tree);
  };
}

declare module 'vfile' {
  interface DataMap {
    internalLinks: InternalLink[];
  }
}
