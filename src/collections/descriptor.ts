import type * as z from 'zod';
import { formatDate } from '../lib/dates.ts';
import type { EdgeKind } from '../lib/graph/reference-fields.ts';
import type { IdForm } from './id-form.ts';

/** A fact shown beside a title: in embed cards, unfurls and `api/documents/<ID>.json`. */
export interface KeyField {
  label: string;
  value: string;
}

/** One cell of a collection's table: a badge (with its class), a date, or plain text. */
export interface Cell {
  text: string;
  badge?: string | undefined;
  /** A sortable value; for a date, `YYYY-MM-DD`, and the cell becomes a `<time>`. */
  sort?: string | undefined;
}

/** A front-matter field that holds a reference by ID, and what the edge means. */
export interface Reference {
  /** Field path; `*` stands for every item of a list. */
  path: readonly string[];
  /** The collection (by name) the IDs must belong to. */
  target: string;
  kind: EdgeKind;
}

/** What a new document needs that the knowledge base already knows. */
export interface ScaffoldContext {
  /** Every ID in use, for the next free one. */
  ids: ReadonlySet<string>;
  /** A team for `owner` (the writer changes it), a service and a project for required references. */
  team: string;
  /** True when the team was chosen by a person (`npm run import -- --owner`), not a stand-in. */
  ownerGiven?: boolean;
  service: string;
  project: string;
  today: string;
  /** The current instant, ISO 8601, for a new incident's `detected`. */
  now: string;
}

/**
 * A field the writer must decide: `value` is what an import fills in so its document passes
 * the check, `hint` what `npm run new` writes instead, as a comment beside an empty field.
 */
export type Unknown = readonly [key: string, value: string, hint: string];
/** A front-matter line as written (`status: open`), or a field the writer must decide. */
export type ScaffoldField = string | Unknown;

/** What a collection's scaffold is given: the context, and the lines every document starts with. */
export interface ScaffoldInput {
  id: string;
  title: string;
  context: ScaffoldContext;
  /** `npm run new` writes a draft; an import writes a document that passes the check. */
  draft: boolean;
  /** `id`, `title`, `summary`, `owner`, `created` and `tags`: the fields of `documentBase`. */
  common: readonly ScaffoldField[];
  /** `owner`, for collections that are not documents but have one (services). */
  owner: Unknown;
}

/**
 * Everything Cairn knows about one collection, in one place: its schema and ID form, its
 * names, the facts that sum a document up, how search files it, what `npm run new` writes.
 * Nothing else in the code names a collection to decide how to treat it.
 */
export interface CollectionDescriptor<Data = unknown> {
  /** Validates front matter; its output is the document's data. */
  schema: z.ZodType<Data>;
  id: IdForm;
  /** The collection's name in headings and navigation, e.g. Incidents. */
  label: string;
  /** One document of it, e.g. Incident; used in messages ("unknown incident INC-…"). */
  singular: string;
  /** Where the header lists it. */
  section: 'Operate' | 'Deliver' | 'People';
  /**
   * A team or service: named rather than titled, a reference page rather than a document
   * people revise, so it stays out of "recently updated" and change digests.
   */
  directory?: true;
  /** Front-matter fields holding references by ID. */
  references: readonly Reference[];
  /** The team that keeps a document true, when it is not the `owner` field (teams own themselves). */
  owner?: (data: Data) => string;
  /** The few facts that say the most about a document, as text. `names` turns team and service IDs into names. */
  keyFields: (data: Data, today: string, names: (ids: readonly string[]) => string) => KeyField[];
  /** The columns of the collection's index page. */
  columns: { heads: readonly string[]; cells: (data: Data, today: string) => Cell[] };
  /** Its index lists the newest ID first (incidents); otherwise IDs ascend. */
  newestFirst?: true;
  /** Search facets beyond the common fields (owner, tags, status, severity, services). */
  facets?: {
    /** When the thing the document records happened, `YYYY-MM-DD`; default: updated, else created. */
    date?: (data: Data) => string | undefined;
    /** The services it is filed under; default: its `services` field. */
    services?: (data: Data) => readonly string[];
  };
  /** What `npm run new` and `npm run import` write. */
  scaffold: {
    /** Front-matter fields, in order. */
    fields: (input: ScaffoldInput) => ScaffoldField[];
    /** The body, in the shape its collection's documents take. */
    body: (input: ScaffoldInput) => string;
    /** The file name (without `.mdx`) when it is not the slug of the title. */
    fileName?: (id: string, titleSlug: string) => string;
  };
}

/** A descriptor, typed by its schema: each function is given that collection's data. */
export function describeCollection<S extends z.ZodType>(descriptor: CollectionDescriptor<z.output<S>> & { schema: S }): CollectionDescriptor<z.output<S>> & { schema: S } {
  return descriptor;
}

/** A document's references, and its `owner`: the team that keeps it true. */
export function withOwner(references: readonly Reference[]): Reference[] {
  return [...references, { path: ['owner'], target: 'teams', kind: 'owned-by' }];
}

/** A table cell shown as a badge; `cls` picks its colour (`badge-<cls>`). */
export const badge = (text: string, cls = text): Cell => ({ text, badge: cls });

/** A table cell holding a day, `YYYY-MM-DD`. */
export const date = (day: string | undefined): Cell => ({ text: day ? formatDate(day) : '—', sort: day });
