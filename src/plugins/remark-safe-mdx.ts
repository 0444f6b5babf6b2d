import type { Root, Nodes } from 'mdast';
import type { Program } from 'estree';
import type { VFile } from 'vfile';
import { SKIP, walk } from '../lib/tree-walk.ts';

/** Something in a body that could run code or load something it should not, and where. */
export interface Finding {
  node: Nodes;
  message: string;
}

const safeSchemes = /^(?:https?|mailto|tel):/i;

/** True for URLs a reader's browser may follow: web, mail and phone links, and relative ones. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme, so compare without them.
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return !scheme || safeSchemes.test(compact);
}

/** Whether an MDX expression's program is a plain literal (`{3}`, `{"text"}`, `{true}`). */
export function isLiteralProgram(program: Program | undefined): boolean {
  const [statement, ...rest] = program?.body ?? [];
  return rest.length === 0 && statement?.type === 'ExpressionStatement' && statement.expression.type === 'Literal' && !('regex' in statement.expression);
}

/**
 * Finds everything in a parsed MDX body that could run code at build time or in the browser:
 * ESM, expressions other than comments, spread or computed attributes, event-handler
 * attributes and script-capable URLs. Comments (`{/* … *\/}`) are dropped from the tree.
 */
export function findUnsafeMdx(tree: Root): Finding[] {
  const findings: Finding[] = [];
  walk<Nodes>(tree, (node, index, parent) => {
    switch (node.type) {
      case 'mdxjsEsm':
        findings.push({ node, message: 'import and export are not allowed in content: the site supplies every component, so remove this line' });
        return SKIP;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = node.data?.estree as Program | undefined;
        if (program && program.body.length === 0) {
          parent.children.splice(index, 1); // a comment: nothing to render
          return index;
        }
        findings.push({ node, message: 'JavaScript expressions `{…}` are not allowed in content; to show a brace write `\\{`' });
        return SKIP;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (!isSafeUrl(node.url)) findings.push({ node, message: `the link ${JSON.stringify(node.url.slice(0, 40))} uses a scheme that can run code; use an https: link` });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            findings.push({ node, message: `spread attributes \`{…}\` are not allowed on <${node.name}>; write each attribute as name="value"` });
          } else if (/^on/i.test(attribute.name)) {
            findings.push({ node, message: `event-handler attribute ${attribute.name} is not allowed on <${node.name}>: content cannot run scripts` });
          } else if (typeof attribute.value === 'string' && /^(?:href|src|action|formaction|xlink:href)$/i.test(attribute.name) && !isSafeUrl(attribute.value)) {
            findings.push({ node, message: `${attribute.name} on <${node.name}> uses a scheme that can run code; use an https: link` });
          } else if (attribute.value && typeof attribute.value === 'object' && !isLiteralProgram(attribute.value.data?.estree as Program | undefined)) {
            findings.push({ node, message: `attribute ${attribute.name} on <${node.name}> must be a plain value such as ${attribute.name}="text", not a JavaScript expression` });
          }
        }
        return;
      default:
        return;
    }
  });
  return findings;
}

/** Reports every unsafe construct as a fatal message on the file, so the document is refused. */
export default function remarkSafeMdx() {
  return (tree: Root, file: VFile) => {
    for (const { node, message } of findUnsafeMdx(tree)) {
      const m = file.message(message, { place: node.position, ruleId: 'unsafe-mdx', source: 'cairn' });
      m.fatal = true;
    }
  };
}
