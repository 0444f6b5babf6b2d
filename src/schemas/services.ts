import * as z from 'zod';
import { documentBase } from './base.ts';
import { idOf, slug, visibility } from './shared.ts';

/** A system or service that incidents hit and projects change. */
export const serviceSchema = z.strictObject({
  /** Permanent ID: the service's slug, e.g. payment-gateway. */
  id: idOf('services'),
  /** The service's name as people say it. */
  name: z.string().min(2).max(80),
  /** What the service does and who depends on it. */
  summary: z.string().min(10).max(400),
  /** The team (slug) that runs it. */
  owner: slug,
  /** Criticality: 1 is business-critical, 4 is best effort. */
  tier: z.int().min(1).max(4),
  /** Who may read the service page. */
  visibility: visibility.default('internal'),
  /** Other names people use for it. */
  aliases: z.array(z.string().min(2)).default([]),
  /** Former IDs or file names: their links keep working. */
  formerly: documentBase.shape.formerly,
  /** Topic tags. */
  tags: z.array(slug).default([]),
});
