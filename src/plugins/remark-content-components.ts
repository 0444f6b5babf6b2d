import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Program, ExpressionStatement, Literal } from 'estree';
import type { VFile } from 'vfile';
import { walk } from '../lib/tree-walk.ts';
import type { ContentComponent, PropValue, RenderContext } from '../components/content/types.ts';
import { didYouMean } from '../lib/suggest.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

declare module 'mdast-util-mdx-jsx' {
  interface MdxJsxFlowElementData {
    cairnProps?: Record<string, PropValue>;
    cairnContext?: RenderContext;
  }
  interface MdxJsxTextElementData {
    cairnProps?: Record<string, PropValue>;
    cairnContext?: RenderContext;
  }
}

const refusedHtml = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'link', 'meta', 'base', 'frame', 'frameset', 'svg', 'math', 'template']);

/** The literal attribute values of a JSX element (`flag` alone means true). */
export function literalProps(node: JsxElement): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const { value } = attribute;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else {
      const statement = (value.data?.estree as Program | undefined)?.body[0] as ExpressionStatement | undefined;
      const literal = statement?.expression as Literal | undefined;
      if (literal && (typeof literal.value === 'string' || typeof literal.value === 'number' || typeof literal.value === 'boolean')) props[attribute.name] = literal.value;
    }
  }
  return props;
}

/** What bodies may use: the site's components by name, and HTML elements with their allowed attributes. */
export interface ContentVocabulary {
  components: ReadonlyMap<string, ContentComponent>;
  allowedHtml: ReadonlyMap<string, readonly string[]>;
}

/** What is wrong with one element's name and attributes, or nothing. */
export function componentProblems(node: JsxElement, { components: contentComponents, allowedHtml }: ContentVocabulary): string[] {
  if (!node.name) return ['fragments `<>…</>` are not supported; remove the empty tags'];
  const props = literalProps(node);
  const component = contentComponents.get(node.name);
  if (component) {
    const problems: string[] = [];
    for (const [name, value] of Object.entries(props)) {
      if (/^on/i.test(name)) continue; // reported by remark-safe-mdx
      const spec = component.attributes[name];
      if (!spec) {
        const known = Object.keys(component.attributes);
        problems.push(`<${node.name}> has no attribute ${name}${didYouMean(name, known) || (known.length ? `; it takes ${known.join(', ')}` : '; it takes none')}`);
      } else if (spec.values && !spec.values.includes(String(value))) {
        problems.push(`<${node.name} ${name}="${String(value)}"> is not allowed; use one of: ${spec.values.join(', ')}`);
      }
    }
    for (const [name, spec] of Object.entries(component.attributes)) {
      if (spec.required && !(name in props)) problems.push(`<${node.name}> needs a ${name}="…" attribute`);
    }
    return problems;
  }
  if (/^[A-Z]/.test(node.name) || node.name.includes('.')) {
    const names = [...contentComponents.keys()];
    return [`unknown component <${node.name}>${didYouMean(node.name, names) || `; available: ${names.join(', ')}`}`];
  }
  const allowedAttributes = allowedHtml.get(node.name);
  if (!allowedAttributes) {
    return [
      refusedHtml.has(node.name.toLowerCase())
        ? `<${node.name}> is not allowed in content: documents cannot embed scripts, styles, frames or forms`
        : `HTML element <${node.name}> is not supported; use Markdown or one of ${[...allowedHtml.keys()].map((t) => `<${t}>`).join(', ')} (write \\< for a literal <)`,
    ];
  }
  return Object.keys(props)
    .filter((name) => !allowedAttributes.includes(name) && !/^on/i.test(name))
    .map((name) => `attribute ${name} is not allowed on <${node.name}>`);
}

/**
 * Checks every component and HTML element against what the site supplies, and records its
 * literal props and the render context on the node for the hast handlers.
 */
export default function remarkContentComponents(vocabulary: ContentVocabulary) {
  return (tree: Root, file: VFile) => {
    const context = file.data.renderContext as RenderContext;
    walk<{ type: string }>(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as JsxElement;
      for (const message of componentProblems(element, vocabulary)) {
        const m = file.message(message, { place: element.position, ruleId: 'content-component', source: 'cairn' });
        m.fatal = true;
      }
      element.data = { ...element.data, cairnProps: literalProps(element), cairnContext: context };
    });
  };
}

declare module 'vfile' {
  interface DataMap {
    renderContext: RenderContext;
  }
}
