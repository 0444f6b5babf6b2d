import { h } from 'hastscript';
import type { ContentComponent } from './types.ts';

/** `<Steps>` around an ordered list: numbered procedure steps, each one easy to find again. */
export const Steps: ContentComponent = {
  name: 'Steps',
  description: 'numbered procedure steps (wrap an ordered list)',
  attributes: {},
  render(_props, children) {
    return h('div', { className: ['steps'] }, children);
  },
};

/** `<Checklist>` around a bullet list: items to tick off, also when printed. */
export const Checklist: ContentComponent = {
  name: 'Checklist',
  description: 'a checklist (wrap a bullet list)',
  attributes: {},
  render(_props, children) {
    return h('div', { className: ['checklist'] }, children);
  },
};
