import { h } from 'hastscript';
import { formatDate } from '../../lib/dates.ts';
import type { ContentComponent } from './types.ts';

/** `<Decision title="…" status="accepted" date="…">`: a decision with its context, kept where it was made. */
export const Decision: ContentComponent = {
  name: 'Decision',
  description: 'a recorded decision with status and date',
  attributes: { title: { required: true }, status: { values: ['proposed', 'accepted', 'rejected', 'superseded'] }, date: {} },
  render(props, children) {
    const status = String(props.status ?? 'accepted');
    const date = props.date ? String(props.date) : undefined;
    return h('section', { className: ['decision', `decision-${status}`] }, [
      h('p', { className: ['decision-head'] }, [
        h('span', { className: ['badge', `badge-${status}`] }, status),
        ' ',
        h('strong', String(props.title)),
        ...(date ? [' ', h('time', { dateTime: date }, formatDate(date))] : []),
      ]),
      ...children,
    ]);
  },
};

/** `<KeyFigure label="Time to resolve" value="2 h 14 min" note="…" />`: one number that matters. */
export const KeyFigure: ContentComponent = {
  name: 'KeyFigure',
  description: 'a key figure: value, label and an optional note',
  attributes: { label: { required: true }, value: { required: true }, note: {} },
  render(props) {
    // Spaces between the parts keep them apart as words for search and for screen readers.
    return h('div', { className: ['key-figure'] }, [
      h('span', { className: ['key-figure-value'] }, String(props.value)),
      ' ',
      h('span', { className: ['key-figure-label'] }, String(props.label)),
      ...(props.note ? [' ', h('span', { className: ['key-figure-note'] }, String(props.note))] : []),
    ]);
  },
};
