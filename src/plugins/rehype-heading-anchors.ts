import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** A heading of a document body, for the table of contents (Astro's MarkdownHeading shape). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * Lists the h2–h4 headings that have ids (set by rehype-slug) and gives each one a
 * self-link, so a reader can copy the address of a section.
 */
export function collectHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = headingRank(node);
    const id = node.properties.id;
    if (!depth || depth < 2 || depth > 4 || typeof id !== 'string') return;
    const text = toString(node).trim();
    headings.push({ depth, slug: id, text });
    node.children.push({
      type: 'element',
      tagName: 'a',
      properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section: ${text}`, dataPagefindIgnore: '' },
      children: [{ type: 'text', value: '#' }],
    });
  });
  return headings;
}

export default function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    file.data.headings = collectHeadings(tree);
  };
}

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
  }
}
