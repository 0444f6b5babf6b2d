import * as z from 'zod';
import { documentBase, procedureStatus } from './base.ts';
import { idOf } from './shared.ts';

/** A mentorship guide for mentors, mentees or both. */
export const guideSchema = documentBase.extend({
  /** Permanent ID, `MG-NNNN`. */
  id: idOf('guides'),
  /** Whether it is ready to use. */
  status: procedureStatus.default('active'),
  /** Who follows it. */
  audience: z.enum(['mentor', 'mentee', 'both']),
  /** The learning track it belongs to, e.g. on-call or project delivery. */
  track: z.enum(['service-desk', 'on-call', 'project-delivery', 'leadership', 'engineering-practice']),
  /** How many weeks it runs. */
  weeks: z.int().min(1).max(52),
  /** What the mentee should know or have before starting. */
  prerequisites: z.array(z.string().min(3)).default([]),
  /** What the mentee can do at the end. */
  objectives: z.array(z.string().min(5)).min(1),
  /** Playbooks (IDs) it teaches. */
  playbooks: z.array(idOf('playbooks')).default([]),
  /** Runbooks (IDs) it practises. */
  runbooks: z.array(idOf('runbooks')).default([]),
});
