import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBaseFast } from '../../../src/pipeline/knowledge-base.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { openRenderCache } from '../../../src/pipeline/render-cache.ts';
import { formatProblems } from '../../../src/lib/problems.ts';
import type { Audience } from '../../../src/lib/audience.ts';
import { buildGraph } from '../../../src/lib/graph/graph.ts';
import { declaredEdges } from '../../../src/lib/graph/edges.ts';
import { possiblyAffectedEdges } from '../../../src/lib/graph/inferred.ts';
import { tempDir } from '../../temp-dir.ts';

const load = (contentDir: string, audience?: Audience) => loadKnowledgeBase({ root: process.cwd(), contentDir, today: '2026-11-24', ...(audience ? { audience } : {}) });

describe('loading a knowledge base', () => {
  it('loads every document of a valid knowledge base without problems', () => {
    const kb = load('tests/fixtures/valid-kb');
    expect(kb.problems).toEqual([]);
    expect(kb.documents.map((d) => `${d.collection}/${d.slug} ${d.id}`).sort()).toEqual([
      'guides/first-week MG-0001',
      'incidents/2025-001-invoices-late INC-2025-001',
      'playbooks/month-end PB-0001',
      'projects/billing-revamp PRJ-billing-revamp',
      'retrospectives/billing-revamp RETRO-0001',
      'runbooks/restart-billing RB-0001',
      'services/billing billing',
      'teams/ops ops',
    ]);
  });

  it('renders bodies with their headings and components', () => {
    const incident = load('tests/fixtures/valid-kb').documents.find((d) => d.id === 'INC-2025-001')!;
    expect(incident.headings.map((h) => h.slug)).toEqual(['summary', 'action-items']);
    expect(incident.html).toContain('<ol class="timeline">');
    expect(incident.html).toContain('Add an alert on invoice run duration');
  });

  it('reports every problem of a broken knowledge base at once, with file, line and column', () => {
    const kb = load('tests/fixtures/broken-kb');
    expect(formatProblems(kb.problems, 'text')).toMatchInlineSnapshot(`
      "tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:6:10: error: created: "2025-02-30" is not valid: expected a real calendar date written YYYY-MM-DD, e.g. 2025-03-14
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:7:11: error: severity: "sev1" is not allowed; use one of: SEV1, SEV2, SEV3, SEV4 (did you mean SEV1?)
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:9:11: error: detected: "2025-02-01 06:00" is not valid: expected an ISO 8601 time with its zone, e.g. 2025-03-14T09:42:00Z or 2025-03-14T10:42:00+01:00
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:10:11: error: projects: expected a list, got a string "PRJ-billing"; write a list, e.g. ["PRJ-billing"]
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:12:12: error: commander: expected text, got a number 42; put the value in quotes
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:15:18: error: customer_facing: expected true or false, got a string "yes"
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:17:1: error: summmary: unknown field; did you mean "summary"?
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:21:10: error: action_items[0].due: "tomorrow" is not valid: expected a real calendar date written YYYY-MM-DD, e.g. 2025-03-14
      tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:22:13: error: action_items[0].status: "pending" is not allowed; use one of: open, in-progress, done, wont-do
      tests/fixtures/broken-kb/incidents/2025-002-missing.mdx:2:1: error: required fields are missing: summary, created, status, commander, trigger, root_cause, customer_facing, customer_impact, severity, detected; add them to the front matter
      tests/fixtures/broken-kb/notes:1:1: warning: "notes" is not a collection, so its files are ignored; collections are incidents, runbooks, projects, retrospectives, playbooks, guides, teams, services
      tests/fixtures/broken-kb/projects/empty.mdx:1:1: error: the file is empty; start it with front matter between --- lines, copied from a document of the same kind
      tests/fixtures/broken-kb/projects/unsafe-body.mdx:13:1: error: import and export are not allowed in content: the site supplies every component, so remove this line
      tests/fixtures/broken-kb/projects/unsafe-body.mdx:15:12: error: JavaScript expressions \`{…}\` are not allowed in content; to show a brace write \`\\{\`
      tests/fixtures/broken-kb/projects/unsafe-body.mdx:17:1: error: event-handler attribute onClick is not allowed on <Callout>: content cannot run scripts
      tests/fixtures/broken-kb/projects/yaml-error.mdx:3:8: error: front matter is not valid YAML: Nested mappings are not allowed in compact mappings (a value containing ": " must be quoted)
      tests/fixtures/broken-kb/runbooks/duplicate-a.mdx:7:12: error: services[0]: unknown service billing; no service has that ID
      tests/fixtures/broken-kb/runbooks/duplicate-b.mdx:2:5: error: duplicate ID RB-0001: tests/fixtures/broken-kb/runbooks/duplicate-a.mdx already uses it; give this document an ID no other document uses
      tests/fixtures/broken-kb/runbooks/duplicate-b.mdx:7:12: error: services[0]: unknown service billing; no service has that ID
      tests/fixtures/broken-kb/runbooks/pasted-secret.mdx:7:12: error: services[0]: unknown service billing; no service has that ID
      tests/fixtures/broken-kb/runbooks/pasted-secret.mdx:17:29: error: this looks like a password in a connection string; remove it and have it revoked (it stays in git history once pushed). If it is a harmless example, put cairn-allow-secret in a comment on the line before"
    `);
  });

  it('reports unknown and wrong-collection references at their field, with the closest IDs', () => {
    const kb = load('tests/fixtures/reference-errors');
    expect(formatProblems(kb.problems, 'text')).toMatchInlineSnapshot(`
      "tests/fixtures/reference-errors/incidents/2025-001-bad-references.mdx:10:12: error: projects[0]: unknown project PRJ-billing-migratoin; did you mean PRJ-billing-migration?
      tests/fixtures/reference-errors/incidents/2025-001-bad-references.mdx:12:21: error: runbooks[1]: unknown runbook RB-0002; did you mean RB-0003, RB-0001?
      tests/fixtures/reference-errors/incidents/2025-001-bad-references.mdx:20:12: error: action_items[0].owner: unknown team opps; did you mean ops?
      tests/fixtures/reference-errors/incidents/2025-001-bad-references.mdx:27:17: error: unknown incident INC-2024-099; did you mean INC-2025-001?
      tests/fixtures/reference-errors/projects/billing-migration.mdx:11:21: error: services[1]: unknown service biling; did you mean billing?
      tests/fixtures/reference-errors/runbooks/renamed.mdx:7:12: error: formerly: RB-0001 is the current ID of tests/fixtures/reference-errors/runbooks/restart.mdx; a former ID cannot lead elsewhere, so remove it
      tests/fixtures/reference-errors/runbooks/renamed.mdx:7:21: error: formerly: restart is the name of a current runbooks file; its page would be replaced by a redirect, so remove it
      tests/fixtures/reference-errors/runbooks/renamed.mdx:7:30: error: formerly: renamed is the name of a current runbooks file; its page would be replaced by a redirect, so remove it
      tests/fixtures/reference-errors/runbooks/restart.mdx:5:8: error: owner: billing is a service, not a team; list it under the right field or use a team ID"
    `);
  });

  it('links IDs written in bodies and records them as mentions', () => {
    const project = load('tests/fixtures/valid-kb').documents.find((d) => d.id === 'PRJ-billing-revamp')!;
    expect(project.html).toContain('<a href="/incidents/2025-001-invoices-late/" title="Invoices sent late" class="id-link">INC-2025-001</a> delayed');
    expect(project.html).toContain('<code>INC-2025-001</code>');
    expect(project.mentions).toEqual(['INC-2025-001', 'INC-2025-002']);
  });

  it('leaves restricted documents, and links to them, out of an internal build', () => {
    const internal = load('tests/fixtures/valid-kb');
    expect(internal.documents.map((d) => d.id)).not.toContain('INC-2025-002');
    const project = internal.documents.find((d) => d.id === 'PRJ-billing-revamp')!;
    expect(project.html).toContain('the restricted review INC-2025-002 is');
    expect(project.html).not.toContain('Restricted fraud review');
    expect(internal.documents.some((d) => d.html.includes('fixture-restricted-5e1b'))).toBe(false);

    const restricted = load('tests/fixtures/valid-kb', 'restricted');
    expect(restricted.problems).toEqual([]);
    expect(restricted.documents.find((d) => d.id === 'INC-2025-002')?.html).toContain('fixture-restricted-5e1b');
    expect(restricted.documents.find((d) => d.id === 'PRJ-billing-revamp')!.html).toContain('title="Restricted fraud review"');
  });

  it('builds for the public only what is public', () => {
    const ids = load('tests/fixtures/valid-kb', 'public').documents.map((d) => d.id);
    expect(ids).toEqual(['billing']);
  });
});

describe('secrets beside other problems', () => {
  it('never quotes a secret in the message of another problem on its line', () => {
    const root = tempDir('cairn-secret-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const secret = 'ghp_Zq8vK2mXw4Rt7Yb1Nc5Lp0Hs3Jd6Fg9Ae2Ui';
    const runbook = join(root, 'content', 'runbooks', 'restart-billing.mdx');
    writeFileSync(runbook, `${readFileSync(runbook, 'utf8')}\n[status](javascript:alert('${secret}'))\n`);
    const kb = loadKnowledgeBase({ root, contentDir: 'content', today: '2026-11-24' });
    const messages = kb.problems.filter((p) => p.file === 'content/runbooks/restart-billing.mdx').map((p) => p.message);
    expect(messages.some((m) => m.includes('GitHub token'))).toBe(true);
    expect(messages.length).toBeGreaterThan(1); // the unsafe link is reported too
    for (const format of ['text', 'json', 'github'] as const) expect(formatProblems(kb.problems, format)).not.toContain(secret.slice(4, 16));
  });
});

describe('the cache as the check reads it', () => {
  it('gives the same problems and the same checked links as a cold run, reading no words', async () => {
    const root = tempDir('cairn-check-cache-');
    cpSync('content', join(root, 'content'), { recursive: true });
    const options = { root, contentDir: 'content', today: '2026-11-24', audience: 'restricted' as const };
    const check = () => loadKnowledgeBaseFast(options, { cache: openRenderCache(join(root, 'cache'), 'restricted', '[]', { words: false }) });
    const cold = await check();
    const warm = await check();
    expect(warm.fromCache).toBe(warm.checked);
    expect(warm.problems).toEqual(cold.problems);
    // Cold or warm, the check makes no words and keeps none.
    expect([...cold.documents, ...warm.documents].every((d) => d.html === '' && d.words.words === '' && d.terms.words === '')).toBe(true);
    // The links a check reports; similar content is the build's, from the terms kept with the words.
    const checkable = (docs: typeof cold.documents) => [...declaredEdges(docs), ...possiblyAffectedEdges(docs, options.today)];
    expect(checkable(warm.documents)).toEqual(checkable(cold.documents));
    expect(checkable(cold.documents).length).toBeGreaterThan(100);
    // The check keeps no words: a build after it renders afresh, and keeps them for the next.
    const build = () => loadKnowledgeBaseFast(options, { cache: openRenderCache(join(root, 'cache'), 'restricted', '[]') });
    const fresh = await loadKnowledgeBaseFast(options);
    const first = await build();
    expect(first.fromCache).toBe(0);
    expect(first.documents).toEqual(fresh.documents);
    const second = await build();
    expect(second.fromCache).toBe(second.checked);
    expect(second.documents).toEqual(fresh.documents);
    expect(fresh.documents.every((d) => d.html !== '' && d.terms.words !== '')).toBe(true);
    expect(cold.documents.map(({ html, words, terms, ...rest }) => rest)).toEqual(fresh.documents.map(({ html, words, terms, ...rest }) => rest));
    const graph = buildGraph(fresh.documents, options.today);
    expect(graph.edges.filter((e) => e.kind === 'similar').length).toBeGreaterThan(10);
    expect(buildGraph(second.documents, options.today).edges).toEqual(graph.edges);
    expect((await check()).fromCache).toBe(second.checked);
  });

  it('leaves a build no stale words when it re-renders what a linked title changed', async () => {
    const root = tempDir('cairn-check-stale-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    appendFileSync(join(root, 'content', 'playbooks', 'month-end.mdx'), '\nIf the workers hang, follow RB-0001.\n');
    const options = { root, contentDir: 'content', today: '2026-11-24', audience: 'restricted' as const };
    const open = (words: boolean) => openRenderCache(join(root, 'cache'), 'restricted', '[]', { words });
    await loadKnowledgeBaseFast(options, { cache: open(true) });
    // Pages that link to RB-0001 show its title: the check re-renders them, then a build reads the cache.
    const runbook = join(root, 'content', 'runbooks', 'restart-billing.mdx');
    writeFileSync(runbook, readFileSync(runbook, 'utf8').replace('title: Restart the billing workers', 'title: Restart the billing queue workers'));
    await loadKnowledgeBaseFast(options, { cache: open(false) });
    const build = await loadKnowledgeBaseFast(options, { cache: open(true) });
    const fresh = loadKnowledgeBase(options);
    const linking = fresh.documents.filter((d) => d.id !== 'RB-0001' && d.html.includes('Restart the billing queue workers')).map((d) => d.id);
    expect(linking).toEqual(['PB-0001']);
    expect(build.documents).toEqual(fresh.documents);
  });

  it('reports a pasted secret on every run, in a file that was clean on the run before', async () => {
    const root = tempDir('cairn-secret-cache-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const options = { root, contentDir: 'content', today: '2026-11-24' };
    const check = () => loadKnowledgeBaseFast(options, { cache: openRenderCache(join(root, 'cache'), 'restricted', '[]', { words: false }) });
    expect((await check()).problems).toEqual([]);
    const runbook = join(root, 'content', 'runbooks', 'restart-billing.mdx');
    writeFileSync(runbook, `${readFileSync(runbook, 'utf8')}\nThe deploy token is ghp_Zq8vK2mXw4Rt7Yb1Nc5Lp0Hs3Jd6Fg9Ae2Ui for now.\n`);
    for (let run = 0; run < 2; run++) {
      const messages = (await check()).problems.map((p) => `${p.file}: ${p.message}`);
      expect(messages).toEqual([expect.stringMatching(/^content\/runbooks\/restart-billing\.mdx: this looks like a GitHub token/)]);
    }
  });
});

describe('links written as site paths', () => {
  it('reports a page that does not exist and a heading that does not, with the closest that do', () => {
    const root = tempDir('cairn-links-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const playbook = join(root, 'content', 'playbooks', 'month-end.mdx');
    const links = [
      '[ok](/runbooks/restart-billing/)',
      '[ok](/runbooks/restart-billing#procedure)',
      '[ok](/lessons/)',
      '[ok](/go/RB-0001/)',
      '[typo](/runbooks/restart-billng/)',
      '[anchor](/runbooks/restart-billing/#procedur)',
      '[folder typo](/runbok/restart-billing/)',
    ];
    writeFileSync(playbook, `${readFileSync(playbook, 'utf8')}\n${links.join('\n\n')}\n`);
    const kb = loadKnowledgeBase({ root, contentDir: 'content', today: '2026-11-24' });
    expect(formatProblems(kb.problems, 'text').replaceAll(root, '')).toMatchInlineSnapshot(`
      "content/playbooks/month-end.mdx:26:1: error: link to /runbooks/restart-billng/: no page of this site is there; did you mean /runbooks/restart-billing/?
      content/playbooks/month-end.mdx:28:1: warning: link to /runbooks/restart-billing/#procedur: /runbooks/restart-billing/ has no heading #procedur; did you mean #procedure?
      content/playbooks/month-end.mdx:30:1: error: link to /runbok/restart-billing/: no page of this site is there; did you mean /runbooks/restart-billing/?"
    `);
  });
});

describe('loading on worker threads', () => {
  it('gives the same documents and problems, at the same places, as loading on one thread', async () => {
    const root = tempDir('cairn-workers-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const runbook = readFileSync('tests/fixtures/valid-kb/runbooks/restart-billing.mdx', 'utf8');
    // Enough documents for the pool (64), some broken in each way the phases meet: YAML, schema, references, body links.
    for (let i = 0; i < 80; i++) {
      let text = runbook.replace('RB-0001', `RB-${1000 + i}`).replace('Restart the billing workers', `Restart billing worker pool ${i}`);
      if (i % 10 === 1) text = text.replace('risk: low', 'risk: [low');
      if (i % 10 === 2) text = text.replace('risk: low', 'risk: extreme');
      if (i % 10 === 3) text = text.replace('services: [billing]', 'services: [billling]');
      if (i % 10 === 4) text += `\nSee RB-${1000 + i + 1}, RB-9999 and [the pool](/runbooks/pool-${i + 100}/).\n`;
      writeFileSync(join(root, 'content', 'runbooks', `pool-${i}.mdx`), text);
    }
    const options = { root, contentDir: 'content', today: '2026-11-24' };
    const one = loadKnowledgeBase(options);
    const two = await loadKnowledgeBaseFast(options, { workers: 2 });
    expect(one.problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(32);
    expect(two.problems).toEqual(one.problems);
    expect(two.documents).toEqual(one.documents);
  });
});

describe('the cache of validated front matter', () => {
  it('gives the same problems, at the same places, as a run without it', async () => {
    const root = tempDir('cairn-fm-cache-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const options = { root, contentDir: 'content', today: '2026-11-24' };
    const cached = () => loadKnowledgeBaseFast(options, { cache: openRenderCache(join(root, 'cache'), 'internal', '[]') });
    expect((await cached()).problems).toEqual([]);
    // Documents validated last run now point at a project that is gone: the places must come from their YAML.
    rmSync(join(root, 'content', 'projects', 'billing-revamp.mdx'));
    const warm = await cached();
    expect(warm.problems.length).toBeGreaterThan(0);
    expect(warm.problems).toEqual(loadKnowledgeBase(options).problems);
  });

  it('keeps a verdict without words for a document the audience may not read, and reuses it', async () => {
    const root = tempDir('cairn-verdict-cache-');
    cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
    const options = { root, contentDir: 'content', today: '2026-11-24' };
    const cached = () => loadKnowledgeBaseFast(options, { cache: openRenderCache(join(root, 'cache'), 'internal', '[]') });
    const cold = await cached();
    const warm = await cached();
    expect(warm.fromCache).toBe(warm.checked);
    expect(warm.documents).toEqual(cold.documents);
    expect(warm.problems).toEqual(cold.problems);
    // The restricted document's words reach no entry of the internal audience's cache.
    const restricted = loadKnowledgeBase({ ...options, audience: 'restricted' }).documents.filter((d) => d.data.visibility === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
    const files = readdirSync(join(root, 'cache'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.filter((f) => f.name.endsWith('.words')).length).toBe(warm.checked);
    const entries = files.map((f) => readFileSync(join(f.parentPath, f.name), 'utf8')).join('\n');
    // Lines of its HTML that no document of the internal audience has too (headings like "Summary" are common).
    const shared = new Set(loadKnowledgeBase(options).documents.flatMap((d) => d.html.split('\n')));
    const lines = restricted.flatMap((d) => d.html.split('\n')).filter((line) => line.length > 30 && !shared.has(line));
    expect(lines.join('\n')).toContain('fixture-restricted-5e1b');
    for (const line of lines) expect(entries).not.toContain(line);
    // Nor its counted words: the canary is one word to the counter.
    expect(restricted.some((d) => d.words.words.split(' ').includes('fixture-restricted-5e1b'))).toBe(true);
    expect(entries).not.toContain('fixture-restricted-5e1b');
  });
});
