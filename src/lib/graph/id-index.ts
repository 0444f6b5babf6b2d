import { collections, type CollectionName } from '../../schemas/index.ts';
import { idPatterns } from '../../schemas/shared.ts';
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
    const pool = [...index.values()].filter((t) => !expected || t.collection === expected).map((t) => t.id);
    const near = closest(id, pool, 3);
    return `unknown ${noun} ${id}; ${near.length ? `did you mean ${near.join(', ')}?` : `no ${noun} has that ID`}`;
  }
  if (expected && target.collection !== expected) {
    return `${id} is ${article(collections[target.collection].singular)}, not ${article(noun)}; list it under the right field or use ${article(noun)} ID`;
  }
  return undefined;
}

function article(noun: string): string {
  const lower = noun.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** The collection an ID's form belongs to; teams and services (plain slugs) have none. */
export function collectionOfId(id: string): CollectionName | undefined {
  for (const collection of ['incidents', 'runbooks', 'playbooks', 'retrospectives', 'guides', 'projects'] as const) {
    if (idPatterns[collection].test(id)) return collection;
  }
  return undefined;
}
