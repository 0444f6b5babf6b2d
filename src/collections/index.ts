import type * as z from 'zod';
import type { CollectionDescriptor } from './descriptor.ts';
import { registry } from './registry.ts';

export type CollectionName = keyof typeof registry;

/** Validated front matter of each collection, after defaults are applied. */
export type DocumentData = { [C in CollectionName]: z.output<(typeof registry)[C]['schema']> };

/**
 * A collection's name with its data, as a union: checking `collection` narrows `data`.
 * Documents everywhere (loaded, in the graph, in the catalogue) extend this.
 */
export type CollectionDocument<C extends CollectionName = CollectionName> = { [K in C]: { collection: K; data: DocumentData[K] } }[C];

/**
 * Every collection's descriptor. Typed per name, so `collections[c].keyFields(data)` checks
 * when `data` is `DocumentData[C]` for the same `c`.
 */
export const collections: { readonly [C in CollectionName]: CollectionDescriptor<DocumentData[C]> & { schema: (typeof registry)[C]['schema'] } } = registry;

export const collectionNames = Object.keys(collections) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}

export type Incident = DocumentData['incidents'];
export type Runbook = DocumentData['runbooks'];
export type Project = DocumentData['projects'];
export type Retrospective = DocumentData['retrospectives'];
export type Playbook = DocumentData['playbooks'];
export type Guide = DocumentData['guides'];
export type Team = DocumentData['teams'];
export type Service = DocumentData['services'];

/**
 * A collection's name and data held apart, joined as a `CollectionDocument`: the one place the
 * pair is trusted to match, for data already validated by that collection's schema.
 */
export function collectionDocument<C extends CollectionName>(collection: C, data: DocumentData[C]): CollectionDocument<C> {
  return { collection, data } as CollectionDocument<C>;
}
