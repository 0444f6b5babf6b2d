import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { walk } from '../lib/tree-walk.ts';

/** A heading of a document body, for the table of contents (Astro's MarkdownHeading shape). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * Gives every heading without one an id (GitHub's slugs, as rehype-slug does), lists the
 * h2–h4 headings, and gives each of those a self-link, so a reader can copy the address of
 * a section. One walk does all three.
 */
export function collectHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  const slugs = new GithubSlugger();
  walk<Element | RootContent>(tree, (node) => {
    if (node.type !== 'element') return;
    const depth = headingRank(node);
    if (!depth) return;
    const written = toString(node);
    node.properties.id ||= slugs.slug(written);
    const id = node.properties.id;
    if (depth < 2 || depth > 4 || typeof id !== 'string') return;
    const text = written.trim();
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
