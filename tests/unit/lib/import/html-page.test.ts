import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../../src/lib/import/run-import.ts';
import { loadKnowledgeBase } from '../../../../src/pipeline/load-in-thread.ts';
import { scaffoldContext } from '../../../../src/lib/scaffold.ts';
import { tempDir } from '../../../temp-dir.ts';

const today = '2026-11-25';

describe('importing a Confluence space export', () => {
  it('reads each page as its readers saw it and links the pages and attachments together', () => {
    const root = tempDir('cairn-import-html-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const options = { root, contentDir: 'content', today, audience: 'restricted' as const };
    const report = runImport({ source: 'tests/fixtures/import/confluence', collection: 'runbooks', contentDir: join(root, 'content'), context: scaffoldContext(loadKnowledgeBase(options), today) });
    expect(report.written.map((w) => [w.from, w.file])).toEqual([
      ['index.html', 'runbooks/operations-home.mdx'],
      ['Restart-the-Sorter_4411.html', 'runbooks/restart-the-sorter.mdx'],
      ['VPN-for-Contractors_4420.html', 'runbooks/vpn-for-contractors.mdx'],
    ]);
    expect(report.skipped).toEqual([{ from: 'styles/site.css', reason: '.css is not Markdown and not a file type pages link to' }]);
    expect(loadKnowledgeBase(options).problems).toEqual([]);
    const sorter = readFileSync(join(root, 'content/runbooks/restart-the-sorter.mdx'), 'utf8');
    expect(sorter).toContain('title: Restart the Sorter\nsummary: How the night shift restarts the parcel sorter after a jam, without losing the wave.');
    expect(sorter).toMatch(/^created: 2020-03-03$/m); // only the last change is dated, so that is the earliest date known
    expect(sorter.slice(sorter.indexOf('\n---\n'))).toMatchInlineSnapshot(`
      "
      ---

      How the night shift restarts the parcel sorter after a jam, without losing the wave.

      <Callout type="danger" title="Stop the belt first">
        Never reach past the guard while the belt moves.
      </Callout>

      ## Steps

      | Light | What to do                                                                          |
      | ----- | ----------------------------------------------------------------------------------- |
      | Red   | Press **STOP** on panel A.<br />Wait for the belt to halt.<br />Then clear the jam. |
      | Amber | Slowing; watch it.                                                                  |

      \`\`\`bash
      sorterctl restart --wave=current
      sorterctl status
      \`\`\`

      ![Panel A](/assets/runbooks/attachments/4411/4412.png)

      Contractors on shift need the [VPN for Contractors](/runbooks/vpn-for-contractors/) page first.
      "
    `);
    const vpn = readFileSync(join(root, 'content/runbooks/vpn-for-contractors.mdx'), 'utf8');
    expect(vpn).toMatch(/^created: 2019-01-15$/m);
    expect(vpn).toContain('<Callout type="tip">\n  Ask the service desk for an account a day ahead.\n</Callout>');
  });
});
