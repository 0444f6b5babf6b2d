import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import { SKIP, visit } from 'unist-util-visit';

/** Names people write after the fence, mapped to the name the label shows. */
const labels: Record<string, string> = { sh: 'Shell', bash: 'Bash', shell: 'Shell', console: 'Console', zsh: 'Shell', powershell: 'PowerShell', ps1: 'PowerShell', sql: 'SQL', yaml: 'YAML', yml: 'YAML', json: 'JSON', js: 'JavaScript', javascript: 'JavaScript', ts: 'TypeScript', typescript: 'TypeScript', python: 'Python', py: 'Python', ini: 'INI', toml: 'TOML', xml: 'XML', html: 'HTML', diff: 'Diff', nginx: 'nginx', dockerfile: 'Dockerfile', go: 'Go', text: 'Text', plaintext: 'Text', txt: 'Text', csv: 'CSV', http: 'HTTP', log: 'Log' };

/**
 * Highlighting at build time, as classes (`hljs-keyword`…) the stylesheet colours, so the
 * strict CSP (no inline styles) holds and the result is cached with the render. Only
 * fences that name a language are highlighted: guessing would colour prose and logs wrongly.
 */
export const rehypeHighlightCode = [rehypeHighlight, { languages: common, detect: false, plainText: ['text', 'plaintext', 'txt', 'log', 'csv', 'console'] }] as const;

/**
 * Code blocks keep long commands on one line (so they copy intact) and scroll sideways; a tab
 * stop and a label let keyboard users scroll them too (WCAG 2.1.1). Each block gets a header
 * with its language and a copy button, which the page's script reveals (without script there
 * is nothing to press).
 */
export default function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      node.properties.tabIndex = 0;
      node.properties.role = 'region'; // a name on a scrollable <pre> needs a role to be heard
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const language = (code?.properties.className as string[] | undefined)?.find((c) => c.startsWith('language-'))?.slice(9);
      const label = language ? (labels[language.toLowerCase()] ?? language) : undefined;
      node.properties.ariaLabel = label ? `${label} code` : 'code';
      const head = h('div', { className: ['code-head'], dataPagefindIgnore: '' }, [
        label ? h('span', { className: ['code-language'] }, label) : h('span'),
        h('button', { type: 'button', className: ['copy-code'], hidden: true }, 'Copy'),
      ]);
      parent.children[index] = h('div', { className: ['code-block'] }, [head, node]);
      return SKIP;
    });
  };
}
