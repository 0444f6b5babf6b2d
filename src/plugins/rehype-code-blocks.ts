import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Code blocks keep long commands on one line (so they copy intact) and scroll sideways;
 * a tab stop and a label let keyboard users scroll them too (WCAG 2.1.1).
 */
export default function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return;
      node.properties.tabIndex = 0;
      const code = node.children.find((c) => c.type === 'element' && c.tagName === 'code');
      const language = code?.type === 'element' ? (code.properties.className as string[] | undefined)?.find((c) => c.startsWith('language-'))?.slice(9) : undefined;
      node.properties.ariaLabel = language ? `${language} code` : 'code';
    });
  };
}
