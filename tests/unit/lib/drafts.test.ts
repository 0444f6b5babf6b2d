import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { tempDir } from '../../temp-dir.ts';

/** The review fixture in a scratch folder, with one file changed. */
function withEdit(file: string, edit: (text: string) => string) {
  const root = tempDir('cairn-drafts-');
  cpSync('tests/fixtures/review-kb', join(root, 'content'), { recursive: true });
  const path = join(root, 'content', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return loadKnowledgeBase({ root, contentDir: 'content', today: '2026-03-01', audience: 'restricted' });
}

describe('drafts', () => {
  it('are referred to by plain ID: no link, no backlink, no error', () => {
    const kb = withEdit('playbooks/month-end.mdx', (t) =>
      t.replace('runbooks: [RB-0001]', 'runbooks: [RB-0001, RB-0002]').replace('- Check the queue is empty.', '- Check the queue is empty; RB-0002 is coming.'),
    );
    expect(kb.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const playbook = kb.documents.find((d) => d.id === 'PB-0001')!;
    expect(playbook.html).toContain('RB-0002 is coming');
    expect(playbook.html).not.toContain('rotate-partner-certificates');
    expect(buildGraph(kb.documents, '2026-03-01').edges.filter((e) => e.to === 'RB-0002' || e.from === 'RB-0002')).toEqual([]);
  });

  it('still report what is wrong, not only what is left to fill', () => {
    const kb = withEdit('runbooks/rotate-partner-certificates.mdx', (t) => t.replace('expected_minutes: 20', 'expected_minutes: twenty').replace('owner: desk', 'owner: desk\nownr: desk'));
    expect(kb.problems.filter((p) => p.file.endsWith('rotate-partner-certificates.mdx')).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/runbooks/rotate-partner-certificates.mdx:10:19: error: expected_minutes: expected a number, got a string "twenty"",
        "content/runbooks/rotate-partner-certificates.mdx:6:1: error: ownr: unknown field; did you mean "owner"?",
        "content/runbooks/rotate-partner-certificates.mdx:4:10: warning: draft: still to fill before it is published: summary, risk, last_verified",
      ]
    `);
    expect(kb.takenIds.has('RB-0002')).toBe(true);
  });
});
