import { collectionDocument, collections, type CollectionName } from '../../../src/collections/index.ts';
import type { GraphDocument } from '../../../src/lib/graph/edges.ts';
import { bodyTerms } from '../../../src/lib/graph/similarity.ts';

const base = { summary: 'A document made by hand for a graph test.', owner: 'ops', created: '2025-01-01' };

/** A schema-valid document from the fields a test cares about; the schema fills the rest. */
export function doc(collection: CollectionName, fields: Record<string, unknown>, body: { text?: string; mentions?: string[] } = {}): GraphDocument {
  const common = collection === 'teams' || collection === 'services' ? {} : base;
  const data = collections[collection].schema.parse({ ...common, ...fields });
  return { id: data.id, ...collectionDocument(collection, data), mentions: body.mentions ?? [], terms: bodyTerms(body.text ?? '') };
}

export const project = (id: string, fields: Record<string, unknown> = {}, text = '') =>
  doc('projects', { id, title: `Project ${id}`, status: 'active', sponsor: 'Sponsor', start: '2025-01-01', planned_end: '2025-12-31', ...fields }, { text });

export const incident = (id: string, fields: Record<string, unknown> = {}, body: { text?: string; mentions?: string[] } = {}) =>
  doc(
    'incidents',
    {
      id,
      title: `Incident ${id}`,
      severity: 'SEV3',
      status: 'closed',
      detected: '2025-06-01T10:00:00Z',
      commander: 'Commander',
      trigger: 'deploy',
      root_cause: 'software-defect',
      customer_facing: false,
      customer_impact: 'Staff waited.',
      ...fields,
    },
    body,
  );

export const runbook = (id: string, fields: Record<string, unknown> = {}) =>
  doc('runbooks', { id, title: `Runbook ${id}`, services: ['billing'], risk: 'low', expected_minutes: 10, last_verified: '2025-01-01', review_every_days: 90, ...fields });

export const lesson = (title: string, category: string) => ({
  title,
  happened: 'Something happened that we did not expect.',
  lesson: 'We learned something worth writing down.',
  recommendation: 'Do the thing we learned next time.',
  category,
});
