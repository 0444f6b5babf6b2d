import { describe, expect, it } from 'vitest';
import { similarEdges, terms } from '../../../src/lib/graph/similarity.ts';
import { incident, runbook } from './helpers.ts';

describe('similar documents', () => {
  const printers = incident(
    'INC-2026-026',
    { title: 'Label printers failed after the cutover' },
    { text: 'Zebra label printer driver template mismatch at Doncaster; printers printed blank labels; manual labels for six hours.' },
  );
  const printerRunbook = runbook('RB-0013', { title: 'Recover warehouse label printing' });
  const unrelated = incident('INC-2025-014', { title: 'Payment gateway certificate expired' }, { text: 'The TLS certificate on the payment gateway expired; card payments failed until renewal.' });
  const certRunbook = runbook('RB-0001', { title: 'Renew and deploy a TLS certificate' });
  const filler = [1, 2, 3, 4].map((n) => incident(`INC-2024-00${n}`, { title: `Unrelated outage number ${n}` }, { text: `Mailbox quota ${n} exceeded for shared inbox users.` }));

  it('relates documents that share distinctive words, and says which words', () => {
    const edges = similarEdges([printers, printerRunbook, unrelated, certRunbook, ...filler]);
    const related = (id: string) => edges.filter((e) => e.from === id).map((e) => e.to);
    expect(related('INC-2026-026')[0]).toBe('RB-0013');
    expect(related('INC-2025-014')[0]).toBe('RB-0001');
    expect(related('INC-2025-014')).not.toContain('RB-0013');
    const edge = edges.find((e) => e.from === 'RB-0001' && e.to === 'INC-2025-014')!;
    expect(edge).toMatchObject({ kind: 'similar', inferred: true });
    expect(edge.reason).toMatch(/^similar content: both are about .*certificate/);
  });

  it('reduces text to content words, folding plurals', () => {
    expect(terms('The printers printed 42 labels at Doncaster; it was the label-printer.')).toEqual(['printer', 'printed', 'label', 'doncaster', 'label-printer']);
  });
});
