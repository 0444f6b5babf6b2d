import * as z from 'zod';
import { documentBase, procedureStatus } from './base.ts';
import { calendarDate, idOf, slug } from './shared.ts';

/** A step-by-step operational procedure. */
export const runbookSchema = documentBase.extend({
  /** Permanent ID, `RB-NNNN`. */
  id: idOf('runbooks'),
  /** Whether it is ready to use. */
  status: procedureStatus.default('active'),
  /** Services (slugs) it operates on. */
  services: z.array(slug).min(1),
  /** How much can go wrong if it is followed badly. */
  risk: z.enum(['low', 'medium', 'high']),
  /** How long it usually takes, in minutes. */
  expected_minutes: z.int().positive(),
  /** What must be true or at hand before starting. */
  prerequisites: z.array(z.string().min(3)).default([]),
  /** When someone last followed it end to end and confirmed it works. */
  last_verified: calendarDate,
  /** How often it must be verified again, in days. */
  review_every_days: z.int().positive().max(730),
});
