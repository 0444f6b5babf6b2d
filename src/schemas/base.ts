import * as z from 'zod';
import { calendarDate, slug, visibility } from './shared.ts';

/** `to_fill`: names of fields whose facts are unknown until a person fills them. */
export const toFill = z.array(z.string().regex(/^[a-z][a-z_]*$/, { error: 'expected a field name, e.g. severity' })).default([]);

/** What a page shows for a fact listed in `to_fill`. */
export const unknownToFill = 'unknown — to fill';

/**
 * Fields every document shares (PRODUCT.md, content model). Each collection extends this
 * with its own `id` form and fields; objects are strict, so an unknown key is an error.
 */
export const documentBase = z.strictObject({
  /** The title readers see, in sentence case. Short real names count: `ls`, `[`. */
  title: z
    .string()
    .min(1, { error: 'the title is empty; write what the document is about' })
    .max(160)
    .meta({ description: 'The title readers see, in sentence case. Short real names count: `ls`, `[`.' }),
  /** One or two sentences; shown in search results, cards and unfurls. */
  summary: z.string().min(10).max(400).meta({ description: 'One or two sentences; shown in search results, cards and unfurls.' }),
  /** The team (slug) that keeps this document true. */
  owner: slug.meta({ description: 'The team (slug) that keeps this document true.' }),
  /** Topic tags, lower-case and hyphenated. */
  tags: z.array(slug).default([]).meta({ description: 'Topic tags, lower-case and hyphenated.' }),
  /** When the document was first written. */
  created: calendarDate.meta({ description: 'When the document was first written.' }),
  /** When its content last changed meaningfully; git history is used when absent. */
  updated: calendarDate.optional().meta({ description: 'When its content last changed meaningfully; git history is used when absent.' }),
  /** When the owner must next confirm it is still right. */
  review_by: calendarDate.optional().meta({ description: 'When the owner must next confirm it is still right.' }),
  /** Who may read it: public, internal (default) or restricted. */
  visibility: visibility.default('internal').meta({ description: 'Who may read it: public, internal (default) or restricted.' }),
  /** Other names people search for. */
  aliases: z.array(z.string().min(2)).default([]).meta({ description: 'Other names people search for.' }),
  /**
   * Facts the source did not give, left for a person to fill in: field names such as
   * `severity` or `detected`. A listed field may be absent (its collection's schema says which
   * may be); the page shows it as "unknown — to fill", figures that need it leave the document
   * out, and review lists read this field to find documents to complete. Written by
   * `npm run import`; remove a name once its field is set.
   */
  to_fill: toFill.meta({
    description:
      'Facts the source did not give, left for a person to fill in: field names such as `severity` or `detected`. A listed field may be absent (its collection\'s schema says which may be); the page shows it as "unknown — to fill", figures that need it leave the document out, and review lists read this field to find documents to complete. Written by `npm run import`; remove a name once its field is set.',
  }),
  /** Former IDs or file names of this document: `/go/<former>/` and old page URLs keep working. */
  formerly: z
    .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'expected a former ID or file name, e.g. RB-0007 or restart-billing' }))
    .default([])
    .meta({ description: 'Former IDs or file names of this document: `/go/<former>/` and old page URLs keep working.' }),
  /**
   * Work in progress, never published: set on incidents, projects and retrospectives, whose
   * `status` means something else (runbooks, playbooks and guides write `status: draft`). Remove
   * it to publish. A draft is checked, its ID reserved and its empty fields reported as still to fill.
   */
  draft: z.boolean().optional().meta({
    description:
      'Work in progress, never published: set on incidents, projects and retrospectives, whose `status` means something else (runbooks, playbooks and guides write `status: draft`). Remove it to publish. A draft is checked, its ID reserved and its empty fields reported as still to fill.',
  }),
});

/** Lifecycle of a procedure or guide; `draft` is never published. */
export const procedureStatus = z.enum(['draft', 'active', 'deprecated']);
