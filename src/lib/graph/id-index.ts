import { collectionNames, collections, type CollectionName } from '../../collections/index.ts';
import { closest } from '../suggest.ts';
import type { Audience } from '../audience.ts';

/** What a reference needs to know about its target. */
export interface IdTarget {
  id: string;
  collection: CollectionName;
  title: string;
  url: string;
  /** False when the document exists but is above this build's audience, or is a draft. */
  visible: boolean;
  /** A draft: checked, its ID reserved, never published. */
  draft?: boolean;
  /** Who may read it: renders that show a restricted document's title are never cached. */
  visibility: Audience;
}

export type IdIndex = ReadonlyMap<string, IdTarget>;

/** Why a reference cannot be resolved, as a message ending in what to do. */
export function unresolvedReason(id: string, expected: CollectionName | undefined, index: IdIndex): string | undefined {
  const target = index.get(id);
  const noun = expected ? collections[expected].singular.toLowerCase() : 'document';
  if (!target) {
    const near = closest(id, idsOf(index, expected), 3);
    return `unknown ${noun} ${id}; ${near.length ? `did you mean ${near.join(', ')}?` : `no ${noun} has that ID`}`;
  }
  if (expected && target.collection !== expected) {
    return `${id} is ${article(collections[target.collection].singular)}, not ${article(noun)}; list it under the right field or use ${article(noun)} ID`;
  }
  return undefined;
}

/** IDs by collection, per index: built once, not once per unknown ID (a list of 10,000 each time). */
const idLists = new WeakMap<IdIndex, Map<CollectionName | undefined, string[]>>();

function idsOf(index: IdIndex, collection: CollectionName | undefined): string[] {
  let lists = idLists.get(index);
  if (!lists) idLists.set(index, (lists = new Map()));
  let ids = lists.get(collection);
  if (!ids) lists.set(collection, (ids = [...index.values()].filter((t) => !collection || t.collection === collection).map((t) => t.id)));
  return ids;
}

function article(noun: string): string {
  const lower = noun.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** Collections whose IDs stand out in prose (`RB-0042`); teams and services have plain slugs. */
const prefixed = collectionNames.filter((c) => collections[c].id.kind === 'prefixed');

/** The collection an ID's form belongs to; slugs (teams, services) name none. */
export function collectionOfId(id: string): CollectionName | undefined {
  return prefixed.find((c) => collections[c].id.pattern.test(id));
}

/** Document IDs as written in prose, one alternative per prefixed ID form: INC-2025-014, RB-0042, PRJ-billing-migration. */
export function idsInProse(): RegExp {
  return new RegExp(String.raw`\b(?:${prefixed.map((c) => collections[c].id.source).join('|')})\b`, 'g');
}
