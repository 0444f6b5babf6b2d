import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { cairnLoader } from './loaders/cairn-loader.ts';
import { collectionNames, collections as descriptors, type CollectionName } from './collections/index.ts';

// Wiring only: each collection's schema lives in its descriptor (src/collections/), shared with the scripts.
// Typed per name, so each collection's entries carry its own data type.
export const collections = Object.fromEntries(collectionNames.map((c) => [c, defineCollection({ loader: cairnLoader(c), schema: descriptors[c].schema })])) as {
  [C in CollectionName]: { loader: Loader; schema: (typeof descriptors)[C]['schema'] };
};
