import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { contributionLinks, loadSiteConfig, siteAddress } from '../../../src/lib/site-config.ts';
import { tempDir } from '../../temp-dir.ts';

/** The problems `npm run check` prints for this cairn.config.json. */
function problemsOf(json: string): string {
  const dir = tempDir('cairn-config-');
  writeFileSync(join(dir, 'cairn.config.json'), json);
  const { config, problems } = loadSiteConfig(dir);
  if (problems.length) expect(config).toEqual({ trackers: [], branch: 'main' });
  return problems.map(formatProblem).join('\n');
}

describe('site configuration', () => {
  it('gives each document an edit link and a prefilled problem report', () => {
    const { config } = loadSiteConfig(process.cwd());
    expect(contributionLinks(config, 'content/runbooks/renew-tls-certificate.mdx', 'RB-0001 Renew a certificate')).toEqual({
      edit: 'https://github.com/kestrel-freight/knowledge-base/edit/main/content/runbooks/renew-tls-certificate.mdx',
      report:
        'https://github.com/kestrel-freight/knowledge-base/issues/new?title=Problem+with+RB-0001+Renew+a+certificate&body=Document%3A+content%2Frunbooks%2Frenew-tls-certificate.mdx%0A%0AWhat+is+wrong+or+missing%3A%0A',
    });
  });

  it('works without a configuration file', () => {
    expect(loadSiteConfig(tempDir('cairn-config-'))).toEqual({ config: { trackers: [], branch: 'main' }, problems: [] });
  });

  it('reports each problem at the line and column of the value, with what to do', () => {
    const json = [
      '{',
      '  "$comment": "trackers, repository and branch",',
      '  "repository": "javascript:alert(1)",',
      '  "trackers": [',
      '    { "name": "Jira", "pattern": "(?:OPS|SD)-\\\\d+", "url": "https://jira.example/browse/{key}" },',
      '    { "name": "Nested", "pattern": "([A-Z]+-?)+\\\\d", "url": "https://x.example/{key}" },',
      '    { "name": "Empty", "pattern": "\\\\d*", "url": "https://x.example/{key}" },',
      '    { "name": "Broken", "pattern": "(OPS-", "url": "javascript:alert(1)//{key}" },',
      '    { "name": "GitHub", "pattern": "(?<repo>[\\\\w-]+/[\\\\w.-]+)#(?<num>\\\\d+)", "url": "https://github.com/{repo}/issues/{number}" },',
      '    { "pattern": "[A-Z]+-\\\\d+", "link": "https://x.example/{key}" }',
      '  ],',
      '  "repositry": "https://github.com/org/kb"',
      '}',
    ].join('\n');
    expect(problemsOf(json)).toMatchInlineSnapshot(`
      "cairn.config.json:6:36: error: trackers[1].pattern: the repetition ([A-Z]+-?)+ contains the repetition [A-Z]+, so a long near-miss can take exponential time; repeat once, or begin or end each round with a character nothing else in it matches, e.g. [A-Z]+(?:-[A-Z]+)*-\\d+ rather than ([A-Z]+-?)+\\d+
      cairn.config.json:7:35: error: trackers[2].pattern: can match empty text, so every position would be a ticket key; make at least one part required, e.g. [A-Z]+-\\d+ rather than [A-Z]*-?\\d*
      cairn.config.json:8:36: error: trackers[3].pattern: not a valid regular expression (Unterminated group); check its brackets and backslashes, e.g. (?:OPS|SD)-\\d+
      cairn.config.json:8:52: error: trackers[3].url: "javascript:alert(1)//{key}" is not valid: expected an http(s) URL template such as https://jira.example/browse/{key}
      cairn.config.json:9:85: error: trackers[4].url: {number} is not a named group of the pattern; use one of {key}, {repo}, {num}, or name a group (?<number>…) in the pattern
      cairn.config.json:10:5: error: required fields are missing: trackers[5].name, trackers[5].url; add them to cairn.config.json
      cairn.config.json:10:33: error: trackers[5].link: unknown field; allowed fields here: name, pattern, url
      cairn.config.json:3:17: error: repository: "javascript:alert(1)" is not valid: expected a web address starting with https:// (or http://), e.g. https://github.com/org/knowledge-base
      cairn.config.json:12:3: error: repositry: unknown field; did you mean "repository"?"
    `);
  });

  it('accepts only http(s) repository addresses', () => {
    for (const repository of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example/kb',
      'nope',
    ]) {
      expect(problemsOf(JSON.stringify({ repository }))).toMatch(/^cairn\.config\.json:1:15: error: repository: .* is not valid: expected a web address starting with https:\/\//);
    }
    expect(problemsOf('{"repository": "http://git.internal:8080/kb"}')).toBe('');
  });

  it('says where the JSON is broken', () => {
    expect(problemsOf('{\n  "branch": "main"\n  "repository": "https://github.com/org/kb"\n}')).toMatchInlineSnapshot(
      `"cairn.config.json:3:3: error: not valid JSON: expected ',' or '}' after property value; fix the syntax: keys and text in "double quotes", a comma between items and none after the last"`,
    );
    expect(problemsOf('{\n  "trackers": [\n')).toMatchInlineSnapshot(`"cairn.config.json:2:16: error: not valid JSON: the file ends too early; close every { and [ that is still open"`);
    expect(problemsOf('{\n  "branch": "main",\n  "branch": "release"\n}')).toMatchInlineSnapshot(
      `"cairn.config.json:3:3: error: "branch" appears twice in the same object, and only the last would count; keep one of them"`,
    );
    expect(problemsOf('["https://github.com/org/kb"]')).toMatchInlineSnapshot(`"cairn.config.json:1:1: error: must be a JSON object: { "field": value, … }"`);
  });
});

describe('the site address', () => {
  const configured = (json: string) => {
    const dir = tempDir('cairn-config-');
    writeFileSync(join(dir, 'cairn.config.json'), json);
    return loadSiteConfig(dir);
  };

  it('comes from site_url, and CAIRN_SITE_URL overrides it; neither means localhost, said so', () => {
    const { config } = configured('{ "site_url": "https://kb.kestrel.example" }');
    expect(siteAddress(config, {})).toEqual({ url: 'https://kb.kestrel.example', from: 'cairn.config.json' });
    expect(siteAddress(config, { CAIRN_SITE_URL: 'https://preview.example' })).toEqual({ url: 'https://preview.example', from: 'CAIRN_SITE_URL' });
    expect(siteAddress(configured('{}').config, {})).toEqual({ url: 'http://localhost:4321' });
  });

  it('refuses an address that is not http(s), at its line', () => {
    expect(problemsOf('{\n  "site_url": "javascript:alert(1)"\n}')).toMatch(/^cairn\.config\.json:2:\d+: error: /);
  });
});
