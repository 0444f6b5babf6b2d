import { collectionNames, collections, isCollectionName, type CollectionName } from '../../collections/index.ts';

/** What a declared reference means, in the product's words. */
export type EdgeKind =
  | 'affected-project'
  | 'on-service'
  | 'used-runbook'
  | 'involved-team'
  | 'owned-by'
  | 'retrospective-of'
  | 'changes-service'
  | 'project-team'
  | 'runbook-for-service'
  | 'calls-runbook'
  | 'teaches-playbook'
  | 'action-owner'
  | 'mentions'
  | 'possibly-affected'
  | 'similar';

/**
 * Every front-matter field that holds a reference by ID, from the collections' descriptors:
 * which collection it must point to and what the edge means.
 */
export interface ReferenceField {
  collection: CollectionName;
  /** Field path; `*` stands for every item of a list. */
  path: readonly string[];
  target: CollectionName;
  kind: EdgeKind;
}

export const referenceFields: readonly ReferenceField[] = collectionNames.flatMap((collection) =>
  collections[collection].references.map(({ path, target, kind }) => {
    if (!isCollectionName(target)) throw new Error(`${collection}: a reference field (${path.join('.')}) points to ${target}, which is not a collection`);
    return { collection, path, target, kind };
  }),
);

/** A reference as written: the ID, and the exact field path it sits at (for messages). */
export interface WrittenReference {
  to: string;
  path: (string | number)[];
  field: ReferenceField;
}

/** Every reference a document's front matter declares, with its concrete path. */
export function declaredReferences(collection: CollectionName, data: Record<string, unknown>): WrittenReference[] {
  const found: WrittenReference[] = [];
  for (const field of referenceFields) {
    if (field.collection !== collection) continue;
    const walk = (value: unknown, rest: readonly string[], path: (string | number)[]) => {
      if (rest.length === 0) {
        if (typeof value === 'string') found.push({ to: value, path, field });
        else if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && found.push({ to: v, path: [...path, i], field }));
        return;
      }
      const [head, ...tail] = rest;
      if (head === '*') {
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, tail, [...path, i]));
      } else if (value && typeof value === 'object') {
        walk((value as Record<string, unknown>)[head!], tail, [...path, head!]);
      }
    };
    walk(data, field.path, []);
  }
  return found;
}
