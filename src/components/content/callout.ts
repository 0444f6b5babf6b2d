import { h } from 'hastscript';
import type { ContentComponent } from './types.ts';

const labels = { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' } as const;

/** `<Callout type="warning" title="…">`: an aside that stands out from the prose. */
export const Callout: ContentComponent = {
  name: 'Callout',
  description: 'an aside: note, tip, warning or danger',
  attributes: { type: { values: Object.keys(labels) }, title: {} },
  render(props, children) {
    const type = (props.type as keyof typeof labels | undefined) ?? 'note';
    const title = props.title ? String(props.title) : labels[type];
    return h('aside', { className: ['callout', `callout-${type}`], role: type === 'danger' || type === 'warning' ? 'alert' : 'note' }, [
      h('p', { className: ['callout-title'] }, [h('span', { className: ['callout-kind'] }, `${labels[type]}:`), ` ${title === labels[type] ? '' : title}`]),
      ...children,
    ]);
  },
};
