import { describe, expect, it, vi } from 'vitest';
import { collectionNames, collections, isCollectionName } from '../../../src/collections/index.ts';
import { collectionOfId } from '../../../src/lib/graph/id-index.ts';
import { referenceFields } from '../../../src/lib/graph/reference-fields.ts';
import { keyFields, tableCells } from '../../../src/lib/key-fields.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { scaffold } from '../../../src/lib/scaffold.ts';
import { searchFacets } from '../../../src/lib/search-facets.ts';
import { splitIds } from '../../../src/lib/linked-text.ts';
import { navigation } from '../../../src/site/navigation.ts';

// The one registry line a new collection needs; everything imported above must follow it.
vi.mock('../../../src/collections/registry.ts', async (importOriginal) => {
  const { registry } = await importOriginal<typeof import('../../../src/collections/registry.ts')>();
  const { changes } = await import('../../fixtures/new-collection/changes.ts');
  return { registry: { ...registry, changes } };
});

const root = 'tests/fixtures/new-collection';
const kb = () => loadKnowledgeBase({ root, contentDir: 'content', today: '2025-06-02' });
// The fixture's collection is not in the static types: these tests reach it by name.
const changes = 'changes' as never;

describe('a collection added in one descriptor file', () => {
  it('is a collection wherever names are listed: the registry, the header, the reference fields', () => {
    expect(collectionNames.at(-1)).toBe('changes');
    expect(isCollectionName('changes')).toBe(true);
    expect((collections as Record<string, { singular: string }>).changes!.singular).toBe('Change request');
    expect(navigation.find((g) => g.label === 'Operate')!.links.map((l) => l.href)).toEqual(['/incidents/', '/runbooks/', '/playbooks/', '/services/', '/changes/']);
    expect(referenceFields.filter((f) => (f.collection as string) === 'changes').map((f) => `${f.path.join('.')} → ${f.target}`)).toEqual([
      'services → services',
      'runbooks → runbooks',
      'owner → teams',
    ]);
  });

  it('has its IDs recognised by form, in prose and in bodies', () => {
    expect(collectionOfId('CHG-0042')).toBe('changes');
    expect(collectionOfId('CHG-42')).toBeUndefined();
    expect(splitIds('see CHG-0001 and RB-0001.')).toEqual([{ text: 'see ' }, { id: 'CHG-0001' }, { text: ' and ' }, { id: 'RB-0001' }, { text: '.' }]);
  });

  it('is loaded, validated, linked and named in messages by its descriptor', () => {
    const loaded = kb();
    expect(loaded.problems.map(formatProblem)).toEqual(['content/runbooks/roll-back-billing.mdx:14:42: error: unknown change request CHG-0007; did you mean CHG-0001?']);
    const change = loaded.documents.find((d) => d.id === 'CHG-0001')!;
    expect(change.collection).toBe('changes');
    expect(change.mentions).toEqual(['RB-0001']);
    expect(change.html).toContain('href="/runbooks/restart-billing/"');
    expect(keyFields(change, '2025-06-02', (id) => (id === 'billing' ? 'Billing' : id))).toEqual([
      { label: 'Window', value: '10 Mar 2025' },
      { label: 'Services', value: 'Billing' },
    ]);
    expect(tableCells(change, '2025-06-02')).toEqual([
      { text: 'approved', badge: 'approved' },
      { text: '10 Mar 2025', sort: '2025-03-10' },
    ]);
    const facets = searchFacets(change, new Map([['ops', 'Operations']]), '2025-05-01');
    expect(facets.filters).toMatchObject({ collection: ['Change requests'], team: ['Operations'], service: ['billing'], status: ['approved'], year: ['2025'] });
    expect(facets.meta).toMatchObject({ id: 'CHG-0001', collection: 'Change request', date: '2025-03-10' });
  });

  it('gets a scaffold for `npm run new` from its descriptor, with the next free ID', () => {
    const ids = new Set(kb().takenIds);
    const doc = scaffold(changes, 'Rotate the billing certificate', { ids, team: 'ops', service: 'billing', project: 'PRJ-x', today: '2025-06-02', now: '2025-06-02T10:00:00Z' }, { draft: true });
    expect(doc.id).toBe('CHG-0002');
    expect(doc.fileName).toBe('rotate-the-billing-certificate.mdx');
    expect(doc.text).toContain('draft: true\nstatus: requested\nwindow: # the day the change is made\n');
  });
});
