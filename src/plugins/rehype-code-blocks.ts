import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toText } from 'hast-util-to-text';
import { common, createLowlight } from 'lowlight';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import graphql from 'highlight.js/lib/languages/graphql';
import http from 'highlight.js/lib/languages/http';
import nginx from 'highlight.js/lib/languages/nginx';
import powershell from 'highlight.js/lib/languages/powershell';
import { SKIP, walk } from '../lib/tree-walk.ts';

/** Names people write after the fence, mapped to the name the label shows. */
const labels: Record<string, string> = {
  sh: 'Shell',
  bash: 'Bash',
  shell: 'Shell',
  console: 'Console',
  zsh: 'Shell',
  powershell: 'PowerShell',
  ps1: 'PowerShell',
  sql: 'SQL',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  python: 'Python',
  py: 'Python',
  ini: 'INI',
  toml: 'TOML',
  xml: 'XML',
  html: 'HTML',
  diff: 'Diff',
  nginx: 'nginx',
  dockerfile: 'Dockerfile',
  go: 'Go',
  text: 'Text',
  plaintext: 'Text',
  txt: 'Text',
  csv: 'CSV',
  http: 'HTTP',
  log: 'Log',
};

// The common languages plus those IT runbooks are full of.
const lowlight = createLowlight({ ...common, dockerfile, graphql, http, nginx, powershell });
/** Fences named as plain text: labelled, never coloured. */
const plainText = new Set(['text', 'plaintext', 'txt', 'log', 'csv', 'console']);

/**
 * Highlights one `<code>` of a `<pre>` at build time, as classes (`hljs-keyword`…) the
 * stylesheet colours, so the strict CSP (no inline styles) holds and the result is cached
 * with the render. Only fences that name a known language are highlighted: guessing would
 * colour prose and logs wrongly. The same output as rehype-highlight with `detect: false`,
 * without a walk of its own over the whole tree.
 */
export function highlightCode(code: Element): void {
  const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
  if (classes.includes('no-highlight') || classes.includes('nohighlight')) return;
  const language = classes.find((c) => c.startsWith('lang-') || c.startsWith('language-'))?.replace(/^lang(?:uage)?-/, '');
  if (!language || plainText.has(language)) return;
  code.properties.className = classes.includes('hljs') ? classes : ['hljs', ...classes];
  if (!lowlight.registered(language)) return;
  const result = lowlight.highlight(language, toText(code, { whitespace: 'pre' }));
  if (result.children.length > 0) code.children = result.children as Element['children'];
}

/**
 * Code blocks keep long commands on one line (so they copy intact) and scroll sideways; a tab
 * stop and a label let keyboard users scroll them too (WCAG 2.1.1). Each block gets a header
 * with its language and a copy button, which the page's script reveals (without script there
 * is nothing to press).
 */
export default function rehypeCodeBlocks() {
  return (tree: Root) => {
    walk<Root['children'][number]>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'pre') return;
      node.properties.tabIndex = 0;
      node.properties.role = 'region'; // a name on a scrollable <pre> needs a role to be heard
      for (const child of node.children) if (child.type === 'element' && child.tagName === 'code') highlightCode(child);
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
