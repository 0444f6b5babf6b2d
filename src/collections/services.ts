import * as z from 'zod';
import { documentBase } from '../schemas/base.ts';
import { slug, visibility } from '../schemas/shared.ts';
import { describeCollection } from './descriptor.ts';
import { idOf, slugId } from './id-form.ts';

/** A service's slug, e.g. payment-gateway. */
export const serviceId = slugId('payment-gateway');

/** A system or service that incidents hit and projects change. */
export const serviceSchema = z.strictObject({
  /** Permanent ID: the service's slug, e.g. payment-gateway. */
  id: idOf(serviceId).meta({ description: "Permanent ID: the service's slug, e.g. payment-gateway." }),
  /** The service's name as people say it. */
  name: z.string().min(2).max(80).meta({ description: "The service's name as people say it." }),
  /** What the service does and who depends on it. */
  summary: z.string().min(10).max(400).meta({ description: 'What the service does and who depends on it.' }),
  /** The team (slug) that runs it. */
  owner: slug.meta({ description: 'The team (slug) that runs it.' }),
  /** Criticality: 1 is business-critical, 4 is best effort. */
  tier: z.int().min(1).max(4).meta({ description: 'Criticality: 1 is business-critical, 4 is best effort.' }),
  /** Who may read the service page. */
  visibility: visibility.default('internal').meta({ description: 'Who may read the service page.' }),
  /** Other names people use for it. */
  aliases: z.array(z.string().min(2)).default([]).meta({ description: 'Other names people use for it.' }),
  /** Former IDs or file names: their links keep working. */
  formerly: documentBase.shape.formerly.meta({ description: 'Former IDs or file names: their links keep working.' }),
  /** Topic tags. */
  tags: z.array(slug).default([]).meta({ description: 'Topic tags.' }),
});

/** Services: the systems incidents hit and projects change. */
export const services = describeCollection({
  schema: serviceSchema,
  id: serviceId,
  label: 'Services',
  singular: 'Service',
  section: 'Operate',
  directory: true,
  references: [{ path: ['owner'], target: 'teams', kind: 'owned-by' }],
  keyFields: (d, _, names) => [
    { label: 'Owner', value: names([d.owner]) },
    { label: 'Tier', value: String(d.tier) },
  ],
  columns: { heads: ['Tier', 'Owner'], cells: (d) => [{ text: `Tier ${d.tier}` }, { text: d.owner }] },
  facets: { services: (d) => [d.id] },
  scaffold: {
    fileName: (id) => id,
    fields: ({ id, title, owner }) => [
      `id: ${id}`,
      `name: ${JSON.stringify(title)}`,
      ['summary', '"TODO: what the service does and who depends on it."', 'what it does and who depends on it'],
      owner,
      ['tier', '3', '1 (business-critical) to 4 (best effort)'],
    ],
    body: () => 'TODO: what it does, who depends on it, how it fails, where its dashboards are.\n',
  },
});
