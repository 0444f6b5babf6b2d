import { ActionItems } from './action-items.ts';
import { Callout } from './callout.ts';
import { Decision, KeyFigure } from './decision.ts';
import { Checklist, Steps } from './steps.ts';
import { Event, Timeline } from './timeline.ts';
import type { ContentComponent } from './types.ts';

/** Every component a document body may use, by the name written in MDX. */
export const contentComponents: ReadonlyMap<string, ContentComponent> = new Map(
  [Callout, Steps, Checklist, Timeline, Event, Decision, KeyFigure, ActionItems].map((c) => [c.name, c]),
);

/**
 * Plain HTML elements a body may use, with the attributes each may carry. Everything else
 * (script, style, iframe, forms, event handlers) is refused.
 */
export const allowedHtml: ReadonlyMap<string, readonly string[]> = new Map([
  ['kbd', []],
  ['br', []],
  ['sup', []],
  ['sub', []],
  ['abbr', ['title']],
  ['mark', []],
  ['details', ['open']],
  ['summary', []],
]);

export type { ContentComponent, RenderContext, PropValue } from './types.ts';
