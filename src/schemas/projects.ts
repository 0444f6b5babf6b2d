import * as z from 'zod';
import { documentBase } from './base.ts';
import { calendarDate, idOf, slug } from './shared.ts';

/** A project of the organisation: what it changes, who runs it, when. */
export const projectSchema = documentBase.extend({
  /** Permanent ID, `PRJ-<slug>` or `PRJ-0001`. */
  id: idOf('projects'),
  /** Where the project stands. */
  status: z.enum(['planned', 'active', 'on-hold', 'completed', 'cancelled']),
  /** The person who sponsors it and signs off. */
  sponsor: z.string().min(2),
  /** The day work started (or will start). */
  start: calendarDate,
  /** The day it was planned to end. */
  planned_end: calendarDate,
  /** The day it actually ended; empty while it runs. */
  actual_end: calendarDate.optional(),
  /** Services (slugs) the project changes. */
  services: z.array(slug).default([]),
  /** Teams (slugs) that work on it. */
  teams: z.array(slug).default([]),
  /** People and groups with a stake in it. */
  stakeholders: z.array(z.string().min(2)).default([]),
});
