import * as z from 'zod';
import { documentBase } from './base.ts';
import { actionItem, calendarDate, idOf, lesson, slug } from './shared.ts';

/** A project retrospective: how it went and what it taught. */
export const retrospectiveSchema = documentBase.extend({
  /** Permanent ID, `RETRO-NNNN`. */
  id: idOf('retrospectives'),
  /** The project (ID) looked back on. */
  project: idOf('projects'),
  /** The day the retrospective was held. */
  date: calendarDate,
  /** The person who ran it. */
  facilitator: z.string().min(2),
  /** Teams (slugs) that took part. */
  teams: z.array(slug).default([]),
  /** Outcome figures for delivery reporting. */
  outcome: z.strictObject({
    /** Whether it was delivered by the planned end date. */
    on_time: z.boolean(),
    /** Days between the planned and the actual end (0 when on time). */
    slip_days: z.int().min(0),
    /** Spend against budget in percent: +12 is 12% over, -5 is 5% under. */
    budget_variance_pct: z.number().min(-100).max(1000),
    /** Stakeholder satisfaction from 1 (poor) to 5 (excellent). */
    satisfaction: z.int().min(1).max(5),
  }),
  /** Lessons learned. */
  lessons: z.array(lesson).min(1),
  /** Follow-ups agreed in the retrospective. */
  action_items: z.array(actionItem).default([]),
});
