import type { Element, ElementContent } from 'hast';

/** An attribute value as written: a string, or a literal number or boolean. */
export type PropValue = string | number | boolean;

export interface AttributeSpec {
  required?: boolean;
  /** The only values allowed, when the attribute is a choice. */
  values?: readonly string[];
}

/** What a component may know about the document it is rendered in. */
export interface RenderContext {
  /** The document's validated front matter (ActionItems reads `action_items`). */
  frontMatter: Record<string, unknown>;
  /** The day of the build, YYYY-MM-DD, for "overdue". */
  today: string;
  /** The tracker URL of a ticket key, when a tracker knows it. */
  ticketUrl?: (key: string) => string | undefined;
}

/**
 * A component content authors may use in a body. It is a function from the parsed JSX
 * node's literal attributes and rendered children to HTML (hast): nothing in the
 * document is ever evaluated.
 */
export interface ContentComponent {
  name: string;
  description: string;
  attributes: Record<string, AttributeSpec>;
  render(props: Record<string, PropValue>, children: ElementContent[], context: RenderContext): Element;
}
