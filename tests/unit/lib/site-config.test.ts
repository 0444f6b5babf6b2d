import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contributionLinks, loadSiteConfig } from '../../../src/lib/site-config.ts';

describe('site configuration', () => {
  it('gives each document an edit link and a prefilled problem report', () => {
    const { config } = loadSiteConfig(process.cwd());
    expect(contributionLinks(config, 'content/runbooks/renew-tls-certificate.mdx', 'RB-0001 Renew a certificate')).toEqual({
      edit: 'https://github.com/kestrel-freight/knowledge-base/edit/main/content/runbooks/renew-tls-certificate.mdx',
      report: 'https://github.com/kestrel-freight/knowledge-base/issues/new?title=Problem+with+RB-0001+Renew+a+certificate&body=Document%3A+content%2Frunbooks%2Frenew-tls-certificate.mdx%0A%0AWhat+is+wrong+or+missing%3A%0A',
    });
  });

  it('reports a broken configuration instead of failing, and works without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-config-'));
    expect(loadSiteConfig(dir)).toEqual({ config: { trackers: [], branch: 'main' }, problems: [] });
    writeFileSync(join(dir, 'cairn.config.json'), '{"trackers": [{"name": "Jira", "pattern": "(OPS-", "url": "https://x/{key}"}], "repository": "nope"}');
    expect(loadSiteConfig(dir).problems.map((p) => p.message)).toEqual(['repository: expected the repository URL, e.g. https://github.com/org/knowledge-base']);
    writeFileSync(join(dir, 'cairn.config.json'), '{"trackers": [{"name": "Jira", "pattern": "(OPS-", "url": "https://x/{key}"}]}');
    expect(loadSiteConfig(dir).problems.map((p) => p.message)[0]).toMatch(/^trackers\[0\]\.pattern: not a valid regular expression/);
    writeFileSync(join(dir, 'cairn.config.json'), '{"trackers": [');
    expect(loadSiteConfig(dir).problems[0]!.message).toMatch(/^not valid JSON/);
  });
});
