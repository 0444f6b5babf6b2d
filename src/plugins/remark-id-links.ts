import type { Link, Root, Text } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import type { IdIndex } from '../lib/graph/id-index.ts';
import { collectionOfId, idsInProse, unresolvedReason } from '../lib/graph/id-index.ts';
import { sourceMayMatch } from '../lib/source-may-match.ts';

/** Document IDs as written in prose, from the collections' ID forms: INC-2025-014, RB-0042, PRJ-billing-migration. */
export const bodyIdPattern = idsInProse();

export interface IdMention {
  id: string;
  line: number;
  column: number;
}

/**
 * Turns every document ID in prose into a link to that document and records it as a mention
 * (a backlink for the target). IDs in code, links and headings stay as written. An ID above
 * the build's audience stays plain text, without its title; an unknown ID is reported.
 */
export function linkIds(tree: Root, index: IdIndex): { mentions: string[]; unknown: { id: string; line: number; column: number; reason: string }[] } {
  const mentions = new Set<string>();
  const unknown: { id: string; line: number; column: number; reason: string }[] = [];
  findAndReplace(
    tree,
    [
      bodyIdPattern,
      (written: string, match: { index: number; input: string; stack: unknown[] }) => {
        // `PRJ-sso-rollout-era` is PRJ-sso-rollout followed by "-era": a project slug can run
        // into the next word, so the longest known prefix wins.
        const id = knownPrefix(written, index) ?? written;
        const rest = written.slice(id.length);
        const target = index.get(id);
        if (!target) {
          const node = match.stack[match.stack.length - 1] as Text | undefined;
          const before = match.input.slice(0, match.index);
          const lines = before.split('\n');
          const start = node?.position?.start ?? { line: 1, column: 1 };
          const line = start.line + lines.length - 1;
          const column = lines.length > 1 ? lines[lines.length - 1]!.length + 1 : start.column + before.length;
          unknown.push({ id, line, column, reason: unresolvedReason(id, collectionOfId(id), index)! });
          return false;
        }
        mentions.add(id);
        if (!target.visible) return false;
        const link: Link = { type: 'link', url: target.url, title: target.title, children: [{ type: 'text', value: id }], data: { hProperties: { className: ['id-link'] } } };
        return rest ? [link, { type: 'text', value: rest } satisfies Text] : link;
      },
    ],
    { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'heading', 'definition'] },
  );
  return { mentions: [...mentions], unknown };
}

/** The longest prefix of a written project ID, cut at a hyphen, that is a known ID. */
function knownPrefix(written: string, index: IdIndex): string | undefined {
  if (!written.startsWith('PRJ-')) return index.has(written) ? written : undefined;
  for (let end = written.length; end > 4; end = written.lastIndexOf('-', end - 1)) {
    const candidate = written.slice(0, end);
    if (index.has(candidate)) return candidate;
  }
  return undefined;
}

/** Links IDs using the index in `file.data.idIndex`; unknown IDs are fatal messages. */
export default function remarkIdLinks() {
  return (tree: Root, file: VFile) => {
    const index = file.data.idIndex;
    if (!index) return;
    if (!sourceMayMatch(String(file.value), bodyIdPattern)) {
      file.data.mentions = [];
      return;
    }
    const { mentions, unknown } = linkIds(tree, index);
    file.data.mentions = mentions;
    for (const u of unknown) {
      const m = file.message(u.reason, { place: { line: u.line, column: u.column }, ruleId: 'unknown-id', source: 'cairn' });
      m.fatal = true;
    }
  };
}

declare module 'vfile' {
  interface DataMap {
    idIndex: IdIndex;
    mentions: string[];
  }
}
