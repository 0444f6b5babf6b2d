import * as z from 'zod';

/** A calendar date written `YYYY-MM-DD`; impossible dates such as 2025-02-30 are rejected. */
export const calendarDate = z.iso.date({ error: 'expected a real calendar date written YYYY-MM-DD, e.g. 2025-03-14' });

/** An instant with its zone, ISO 8601: `2025-03-14T09:42:00Z` or `2025-03-14T10:42:00+01:00`. */
export const timestamp = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 time with its zone, e.g. 2025-03-14T09:42:00Z or 2025-03-14T10:42:00+01:00',
});

/** Lower-case words joined by hyphens, unanchored: the ID form of teams and services, and of tags. */
export const slugSource = /[a-z0-9]+(?:-[a-z0-9]+)*/;

/** Lower-case words joined by hyphens: the ID form of teams and services, and of tags. */
export const slug = z.string().regex(new RegExp(`^${slugSource.source}$`), { error: 'expected lower-case words joined by hyphens, e.g. service-desk' });

/** Who may read a document: each build is made for one audience and contains nothing above it. */
export const visibility = z.enum(['public', 'internal', 'restricted']);

/** Whether a follow-up is still to do. */
export const actionItemStatus = z.enum(['open', 'in-progress', 'done', 'wont-do']);

/** A follow-up that someone owns, from a postmortem or a retrospective. */
export const actionItem = z.strictObject({
  /** What will be done, as an imperative sentence. */
  title: z.string().min(3).meta({ description: 'What will be done, as an imperative sentence.' }),
  /** The team (slug) accountable for it. */
  owner: slug.meta({ description: 'The team (slug) accountable for it.' }),
  /** When it is due. */
  due: calendarDate.meta({ description: 'When it is due.' }),
  /** Where it stands. */
  status: actionItemStatus.meta({ description: 'Where it stands.' }),
  /** The tracker key where the work is tracked, e.g. OPS-1234. */
  ticket: z.string().min(2).optional().meta({ description: 'The tracker key where the work is tracked, e.g. OPS-1234.' }),
});

/** Recurring kinds of lesson, so lessons group across projects and incidents. */
export const lessonCategory = z.enum([
  'communication',
  'planning',
  'requirements',
  'testing',
  'change-management',
  'monitoring',
  'documentation',
  'tooling',
  'vendor',
  'capacity',
  'staffing',
  'security',
]);

export type LessonCategory = z.output<typeof lessonCategory>;

/** A lesson learned: what happened, what it taught, what to do next time. */
export const lesson = z.strictObject({
  /** A short name for the lesson. */
  title: z.string().min(3).meta({ description: 'A short name for the lesson.' }),
  /** What happened, as facts. */
  happened: z.string().min(10).meta({ description: 'What happened, as facts.' }),
  /** What it taught us. */
  lesson: z.string().min(10).meta({ description: 'What it taught us.' }),
  /** What we recommend others do next time. */
  recommendation: z.string().min(10).meta({ description: 'What we recommend others do next time.' }),
  /** Which recurring kind of lesson this is. */
  category: lessonCategory.meta({ description: 'Which recurring kind of lesson this is.' }),
});
