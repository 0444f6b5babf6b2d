import type { CollectionDocument, CollectionName } from '../collections/index.ts';
import type { Heading } from '../plugins/rehype-heading-anchors.ts';
import type { Audience } from './audience.ts';
import type { IdTarget } from './graph/id-index.ts';
import type { BodyTerms } from './graph/similarity.ts';
import type { Placeholder } from './placeholders.ts';
import type { Problem } from './problems.ts';
import type { WordCounts } from './word-counts.ts';

// What loading a knowledge base produces (src/pipeline/knowledge-base.ts): the shapes the
// rest of Cairn reads, kept here so pure helpers need not import the pipeline.

/** One valid document, parsed, validated and rendered; checking `collection` narrows `data`. */
export type LoadedDocument<C extends CollectionName = CollectionName> = CollectionDocument<C> & {
  /** The permanent ID from front matter. */
  id: string;
  /** The file name without extension: the last part of the page URL. */
  slug: string;
  /** Path relative to the project root, forward slashes. */
  file: string;
  html: string;
  headings: Heading[];
  /** IDs of other documents written in the body, in order of first mention. */
  mentions: string[];
  /** Ticket keys the document references: its `tickets`, its action items' and its body's. */
  tickets: string[];
  /** The words of the rendered body, counted, for the search's "did you mean". */
  words: WordCounts;
  /** The body's content words, for similarity. */
  terms: BodyTerms;
};

export interface KnowledgeBase {
  /** The documents this build's audience may read; every document is still checked. */
  documents: LoadedDocument[];
  problems: Problem[];
  /** How many files were checked, whatever their visibility or problems. */
  checked: number;
  /** Every ID and former ID in use, also in files with problems: for choosing a new one. */
  takenIds: Set<string>;
  /** Documents above this build's audience, and drafts: checked, never published. */
  withheld: IdTarget[];
  /** Drafts this build's audience may read, for their owners' review queue; never published. */
  drafts: DraftDocument[];
  /** `TODO`s left in documents that are not drafts (each also an error), for the review queue. */
  placeholders: PlaceholderIn[];
}

/** What the review queue tells an owner about a draft. */
export interface DraftDocument {
  id: string;
  collection: CollectionName;
  title: string;
  file: string;
  /** The owning team, when the draft names one yet. */
  owner: string | undefined;
  created: string | undefined;
  /** Fields still empty or absent. */
  toFill: string[];
  /** How many `TODO`s it still carries. */
  placeholders: number;
}

/** A `TODO` left in a document that is not a draft. */
export interface PlaceholderIn extends Placeholder {
  id: string;
  collection: CollectionName;
  title: string;
  file: string;
  owner: string | undefined;
}

export interface LoadOptions {
  /** Project root; file paths in problems are relative to it. */
  root: string;
  /** The content folder, absolute or relative to root. */
  contentDir: string;
  /** Build day, YYYY-MM-DD. */
  today: string;
  /** Who the build is for; documents above it are checked but left out. Default internal. */
  audience?: Audience;
}
