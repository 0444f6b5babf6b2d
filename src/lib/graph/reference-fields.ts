import type { CollectionName } from '../../schemas/index.ts';

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
 * Every front-matter field that holds a reference by ID: which collection it must point
 * to and what the edge means. `*` walks each item of a list of objects.
 */
export interface ReferenceField {
  collection: CollectionName;
  /** Field path; `*` stands for every item of a list. */
  path: readonly string[];
  target: CollectionName;
  kind: EdgeKind;
}

const owner = (collection: CollectionName): ReferenceField => ({ collection, path: ['owner'], target: 'teams', kind: 'owned-by' });

export const referenceFields: readonly ReferenceField[] = [
  { collection: 'incidents', path: ['projects'], target: 'projects', kind: 'affected-project' },
  { collection: 'incidents', path: ['services'], target: 'services', kind: 'on-service' },
  { collection: 'incidents', path: ['runbooks'], target: 'runbooks', kind: 'used-runbook' },
  { collection: 'incidents', path: ['teams'], target: 'teams', kind: 'involved-team' },
  { collection: 'incidents', path: ['action_items', '*', 'owner'], target: 'teams', kind: 'action-owner' },
  { collection: 'projects', path: ['services'], target: 'services', kind: 'changes-service' },
  { collection: 'projects', path: ['teams'], target: 'teams', kind: 'project-team' },
  { collection: 'runbooks', path: ['services'], target: 'services', kind: 'runbook-for-service' },
  { collection: 'playbooks', path: ['runbooks'], target: 'runbooks', kind: 'calls-runbook' },
  { collection: 'retrospectives', path: ['project'], target: 'projects', kind: 'retrospective-of' },
  { collection: 'retrospectives', path: ['teams'], target: 'teams', kind: 'involved-team' },
  { collection: 'retrospectives', path: ['action_items', '*', 'owner'], target: 'teams', kind: 'action-owner' },
  { collection: 'guides', path: ['playbooks'], target: 'playbooks', kind: 'teaches-playbook' },
  { collection: 'guides', path: ['runbooks'], target: 'runbooks', kind: 'calls-runbook' },
  { collection: 'services', path: ['owner'], target: 'teams', kind: 'owned-by' },
  ...(['incidents', 'projects', 'runbooks', 'playbooks', 'retrospectives', 'guides'] as const).map(owner),
];

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
