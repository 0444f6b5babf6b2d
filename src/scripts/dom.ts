/**
 * An element with a class and text. Result rows are built from document titles and IDs, which
 * arrive in pull requests: they are only ever set as text, never parsed as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link with text. */
export function link(href: string, text: string, className = ''): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = href;
  return a;
}
