import { h } from 'hastscript';
import { formatDate } from '../../lib/dates.ts';
import type { ContentComponent } from './types.ts';

interface ActionItemData {
  title: string;
  owner: string;
  due: string;
  status: string;
  ticket?: string;
}

/** `<ActionItems />`: the document's `action_items` front matter as a table, overdue ones marked. */
export const ActionItems: ContentComponent = {
  name: 'ActionItems',
  description: "the document's action_items as a table",
  attributes: {},
  render(_props, _children, { frontMatter, today, ticketUrl }) {
    const items = (frontMatter.action_items as ActionItemData[] | undefined) ?? [];
    if (items.length === 0) return h('p', { className: ['action-items-empty'] }, 'No action items recorded.');
    return h('div', { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: 'Action items' }, [
      h('table', { className: ['action-items', 'stack-on-phone'] }, [
        h('thead', [h('tr', ['Action', 'Owner', 'Due', 'Status', 'Ticket'].map((c) => h('th', { scope: 'col' }, c)))]),
        h(
          'tbody',
          items.map((item) => {
            const overdue = (item.status === 'open' || item.status === 'in-progress') && item.due < today;
            return h('tr', { className: overdue ? ['overdue'] : [] }, [
              h('th', { scope: 'row' }, item.title),
              h('td', { dataLabel: 'Owner' }, item.owner),
              h('td', { dataLabel: 'Due' }, [h('time', { dateTime: item.due }, formatDate(item.due)), ...(overdue ? [' ', h('span', { className: ['badge', 'badge-overdue'] }, 'overdue')] : [])]),
              h('td', { dataLabel: 'Status' }, [h('span', { className: ['badge', `badge-${item.status}`] }, item.status.replace('-', ' '))]),
              h('td', { dataLabel: 'Ticket' }, item.ticket ? ticketCell(item.ticket, ticketUrl?.(item.ticket)) : '—'),
            ]);
          }),
        ),
      ]),
    ]);
  },
};

function ticketCell(key: string, url: string | undefined) {
  return url ? h('a', { href: url, className: ['ticket-link'] }, key) : key;
}
