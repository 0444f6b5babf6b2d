import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import { formatTimestamp } from '../../lib/dates.ts';
import type { ContentComponent } from './types.ts';

/** `<Timeline>` holding `<Event>` entries, in the order they happened. */
export const Timeline: ContentComponent = {
  name: 'Timeline',
  description: 'a sequence of <Event time="…"> entries',
  attributes: {},
  render(_props, children) {
    // Events written on consecutive lines arrive wrapped in a paragraph; unwrap them.
    const events = children.flatMap((c): ElementContent[] =>
      c.type !== 'element' ? [] : c.tagName === 'p' ? c.children.filter((e) => e.type === 'element') : [c],
    );
    return h('ol', { className: ['timeline'] }, events);
  },
};

/** `<Event time="2025-03-27T09:14:00Z">`: one entry of a timeline. */
export const Event: ContentComponent = {
  name: 'Event',
  description: 'one entry of a <Timeline>; time is ISO 8601 or a short label',
  attributes: { time: { required: true } },
  render(props, children) {
    const time = String(props.time);
    const iso = /^\d{4}-\d{2}-\d{2}T/.test(time);
    const label = iso ? formatTimestamp(time) : time;
    return h('li', { className: ['timeline-event'] }, [
      iso ? h('time', { dateTime: time }, label) : h('span', { className: ['timeline-time'] }, label),
      ' ',
      h('div', { className: ['timeline-body'] }, children),
    ]);
  },
};
