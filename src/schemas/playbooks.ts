import * as z from 'zod';
import { documentBase, procedureStatus } from './base.ts';
import { idOf } from './shared.ts';

/** Who a playbook or guide is written for. */
export const playbookAudience = z.enum(['it-support', 'project-management', 'service-owners', 'leadership', 'everyone']);

/** A repeatable way of working across IT support and project management. */
export const playbookSchema = documentBase.extend({
  /** Permanent ID, `PB-NNNN`. */
  id: idOf('playbooks'),
  /** Whether it is ready to use. */
  status: procedureStatus.default('active'),
  /** Who it is for. */
  audience: z.array(playbookAudience).min(1),
  /** The situation that calls for it, in a sentence. */
  when_to_use: z.string().min(10),
  /** The roles it assigns and what each one does. */
  roles: z
    .array(
      z.strictObject({
        /** The role's name, e.g. Incident commander. */
        role: z.string().min(2),
        /** What the role is responsible for. */
        responsibility: z.string().min(5),
      }),
    )
    .default([]),
  /** Runbooks (IDs) the playbook calls on. */
  runbooks: z.array(idOf('runbooks')).default([]),
});
