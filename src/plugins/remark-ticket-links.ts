import type { Link, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import type { TicketLinker } from '../lib/tickets.ts';
import { sourceMayMatch } from '../lib/source-may-match.ts';

/**
 * Turns ticket keys in prose (`OPS-1234`, `INC0012345`, `org/repo#12`) into links to their
 * tracker and records them, so each document lists its tickets and tickets.json maps keys
 * back to documents. Keys in code and existing links stay as written.
 */
export default function remarkTicketLinks() {
  return (tree: Root, file: VFile) => {
    const linker = file.data.tickets;
    if (!linker?.pattern) return;
    if (!sourceMayMatch(String(file.value), linker.pattern)) {
      file.data.ticketKeys = [];
      return;
    }
    const keys = new Set<string>();
    findAndReplace(
      tree,
      [
        new RegExp(linker.pattern.source, 'g'),
        (key: string) => {
          const url = linker.url(key);
          if (!url) return false;
          keys.add(key);
          const link: Link = { type: 'link', url, children: [{ type: 'text', value: key }], data: { hProperties: { className: ['ticket-link'] } } };
          return link;
        },
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'definition'] },
    );
    file.data.ticketKeys = [...keys];
  };
}

declare module 'vfile' {
  interface DataMap {
    tickets: TicketLinker;
    ticketKeys: string[];
  }
}
