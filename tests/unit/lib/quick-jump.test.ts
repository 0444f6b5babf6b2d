import { describe, expect, it } from 'vitest';
import { createNameLookup, createQuickJump, createQuickMatcher, idCandidates, type QuickJumpEntry } from '../../../src/lib/quick-jump.ts';

const entry = (id: string, title: string, aliases: string[] = []): QuickJumpEntry => ({ id, title, aliases, kind: 'Runbook', url: `/x/${id}/` });
const entries = [
  entry('RB-0012', 'Restart the payment gateway', ['gateway bounce']),
  entry('RB-0001', 'Renew and deploy a TLS certificate', ['cert renewal']),
  entry('INC-2025-014', 'Payment gateway TLS certificate expired'),
  entry('INC-2025-041', 'Leeds core switch failure'),
  entry('INC-2025-104', 'Tracking API slow'),
  entry('PRJ-billing-migration', 'Billing migration to the ERP billing module'),
];
const search = createQuickJump(entries);

describe('quick jump', () => {
  it('reads typed IDs the way people type them', () => {
    expect(idCandidates('INC-2025-14')).toEqual(['INC-2025-014']);
    expect(idCandidates('inc 2025 14')).toEqual(['INC-2025-014']);
    expect(idCandidates('rb12')).toEqual(['RB-0012']);
    expect(idCandidates('prj billing-migration')).toEqual(['PRJ-billing-migration']);
    expect(idCandidates('payment')).toEqual([]);
  });

  it('puts the document with that exact or padded ID first', () => {
    expect(search('INC-2025-14')[0]?.id).toBe('INC-2025-014');
    expect(search('inc-2025-041')[0]?.id).toBe('INC-2025-041');
    expect(search('RB-12')[0]?.id).toBe('RB-0012');
  });

  it('forgives typos in titles and finds aliases', () => {
    expect(search('restrat payment gateway')[0]?.id).toBe('RB-0012');
    expect(search('certficate renewl').map((e) => e.id)).toContain('RB-0001');
    expect(search('gateway bounce')[0]?.id).toBe('RB-0012');
    expect(search('biling migraton')[0]?.id).toBe('PRJ-billing-migration');
  });

  it('narrows as words are added instead of listing anything that shares one word', () => {
    expect(search('leeds swtich').map((e) => e.id)).toEqual(['INC-2025-041']);
    expect(
      search('payment gateway')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['INC-2025-014', 'RB-0012']);
  });

  it('finds nothing for nothing', () => {
    expect(search('   ')).toEqual([]);
  });
});

describe('quick matches', () => {
  const match = createQuickMatcher(entries);
  it('says which name matched: the ID, the title or an alias', () => {
    expect(match('RB-12')[0]).toMatchObject({ score: 0, matched: 'RB-0012' });
    expect(match('cert renewal')[0]).toMatchObject({ entry: { id: 'RB-0001' }, matched: 'cert renewal' });
    expect(match('Leeds core switch')[0]).toMatchObject({ entry: { id: 'INC-2025-041' }, matched: 'Leeds core switch failure' });
  });
});

describe('names a query is', () => {
  const named = createNameLookup(entries);
  it('finds the ID as typed or padded, then a title or alias equal to the query, then ones containing it', () => {
    expect(named('rb 12').map((m) => m.entry.id)).toEqual(['RB-0012']);
    expect(named('cert renewal')[0]).toMatchObject({ entry: { id: 'RB-0001' }, matched: 'cert renewal' });
    expect(named('TLS certificate').map((m) => m.entry.id)).toEqual(['RB-0001', 'INC-2025-014']);
    expect(named('zz')).toEqual([]);
  });
});
