import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redirectPage } from '../../src/site/records.ts';

const outDir = '.cairn-build/fixture-site';

function build(contentDir: string) {
  return spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, CAIRN_OUT_DIR: outDir, CAIRN_CONTENT_DIR: contentDir }, encoding: 'utf8' });
}

describe('the build', () => {
  it('builds a page for every document of a fixture knowledge base, and its manifest', () => {
    rmSync(outDir, { recursive: true, force: true });
    const result = build('tests/fixtures/valid-kb');
    expect(result.status, result.stderr).toBe(0);
    // No address set anywhere: the build says where its links will lead.
    expect(process.env.CAIRN_SITE_URL).toBeUndefined();
    expect(result.stdout + result.stderr).toContain('No site address is set, so every link Cairn hands out');
    expect(readFileSync(join(outDir, 'oembed/RB-0001.json'), 'utf8')).toContain('http://localhost:4321/');
    for (const page of [
      'incidents/2025-001-invoices-late',
      'runbooks/restart-billing',
      'projects/billing-revamp',
      'retrospectives/billing-revamp',
      'playbooks/month-end',
      'guides/first-week',
      'teams/ops',
      'services/billing',
    ]) {
      expect(existsSync(join(outDir, page, 'index.html')), page).toBe(true);
    }
    const incident = readFileSync(join(outDir, 'incidents/2025-001-invoices-late/index.html'), 'utf8');
    expect(incident).toContain('zebra-quartz-lantern');
    expect(incident).toContain('3 h after detection');
    const manifest = JSON.parse(readFileSync(join(outDir, 'api/manifest.json'), 'utf8'));
    expect(manifest.documents).toHaveLength(8); // the restricted incident is not in an internal build
    expect(existsSync(join(outDir, 'incidents/2025-002-restricted-review'))).toBe(false);
    const graph = JSON.parse(readFileSync(join(outDir, 'api/graph.json'), 'utf8'));
    expect(graph.edges).toContainEqual({ from: 'INC-2025-001', to: 'PRJ-billing-revamp', kind: 'affected-project', inferred: false, reason: null });
    expect(graph.edges.some((e: { to: string; from: string }) => e.to === 'INC-2025-002' || e.from === 'INC-2025-002')).toBe(false);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    // The first permalink page is Astro's own rendering of the Redirect layout; the build writes
    // the others from a template, which must give exactly the same bytes.
    const first = manifest.documents[0].id; // the manifest lists documents in the catalogue's order
    const astroPage = readFileSync(join(outDir, 'go', first, 'index.html'), 'utf8');
    const doc = manifest.documents.find((d: { id: string }) => d.id === first);
    const csp = /<meta http-equiv="content-security-policy" content="[^"]*">/.exec(astroPage)![0];
    expect(redirectPage(doc, 'http://localhost:4321', csp)).toBe(astroPage);
    expect(manifest.documents.find((d: { id: string }) => d.id === 'INC-2025-001')).toEqual({
      id: 'INC-2025-001',
      collection: 'incidents',
      title: 'Invoices sent late',
      summary: 'The month-end invoice run stalled for three hours.',
      url: '/incidents/2025-001-invoices-late/',
      owner: 'ops',
      tags: [],
      status: 'closed',
      updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      visibility: 'internal',
      aliases: [],
    });
  });

  it('refuses broken content with one line per problem and leaves the previous site untouched', () => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'marker.txt'), 'previous build');
    const result = build('tests/fixtures/broken-kb');
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => /^tests\/fixtures\/broken-kb\/\S+:\d+:\d+: (error|warning): /.test(l));
    expect(lines.length).toBe(21); // ten missing fields of one document are one line
    // `npm run check` reports exactly the same problems, line for line.
    const check = spawnSync(process.execPath, ['scripts/check.ts'], { env: { ...process.env, CAIRN_CONTENT_DIR: 'tests/fixtures/broken-kb' }, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout.trim().split('\n')).toEqual(lines);
    expect(result.stderr).toContain('tests/fixtures/broken-kb/incidents/2025-001-wrong-types.mdx:17:1: error: summmary: unknown field; did you mean "summary"?');
    expect(result.stderr).toContain('tests/fixtures/broken-kb/runbooks/duplicate-b.mdx:2:5: error: duplicate ID RB-0001');
    expect(result.stderr).not.toMatch(/ZodError|at .*\.ts:\d+/);
    expect(result.stderr).toContain('pasted-secret.mdx:17:29: error: this looks like a password in a connection string');
    expect(result.stderr + result.stdout).not.toContain('Wq7!zR2#kLp9'); // never echo the secret
    expect(readFileSync(join(outDir, 'marker.txt'), 'utf8')).toBe('previous build');
  });
});

describe('hostile front matter', () => {
  it('is escaped in every output: pages, JSON, oEmbed, embed, Atom', async () => {
    const dir = '.cairn-build/hostile-site';
    const result = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, CAIRN_OUT_DIR: dir, CAIRN_CONTENT_DIR: 'tests/fixtures/hostile-kb' }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const { parse } = await import('node-html-parser');
    for (const page of ['runbooks/hostile/index.html', 'embed/RB-0666/index.html', 'runbooks/index.html', 'index.html', 'tags/injection/index.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      const doc = parse(html);
      // The only scripts are the site's own; no element carries an event handler.
      const scripts = doc.querySelectorAll('script').map((s) => s.getAttribute('src') ?? s.textContent);
      expect(
        scripts.some((s) => s.includes('alert')),
        page,
      ).toBe(false);
      expect(
        doc.querySelectorAll('*').some((el) => Object.keys(el.attributes).some((a) => a.startsWith('on'))),
        page,
      ).toBe(false);
      expect(doc.querySelectorAll('img, svg[onload], b').filter((el) => el.getAttribute('src') === 'x')).toHaveLength(0);
    }
    const page = parse(readFileSync(join(dir, 'runbooks/hostile/index.html'), 'utf8'));
    expect(page.querySelector('h1')!.textContent).toBe("Restart </script><script>alert('title')</script> ]]> now");
    const manifest = JSON.parse(readFileSync(join(dir, 'api/manifest.json'), 'utf8'));
    expect(manifest.documents.find((d: { id: string }) => d.id === 'RB-0666').title).toContain("</script><script>alert('title')");
    const oembed = JSON.parse(readFileSync(join(dir, 'oembed/RB-0666.json'), 'utf8'));
    const iframe = parse(oembed.html).querySelector('iframe')!;
    expect(iframe.getAttribute('title')).toBe(oembed.title);
    expect(parse(oembed.html).querySelectorAll('script')).toHaveLength(0);
    const feed = readFileSync(join(dir, 'feed.xml'), 'utf8');
    const entry = feed.slice(feed.indexOf('<entry>'));
    expect(entry).not.toMatch(/<script>alert/);
    expect(entry).not.toMatch(/<img src=x/);
    expect(entry).toContain('RB-0666 Restart &lt;/script&gt;&lt;script&gt;alert');
  });
});

/** Every file of a built site, by path, as bytes. */
function siteFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('the render cache', () => {
  it('re-renders only the edited document, and the warm site is byte-identical to a cold one', () => {
    const work = mkdtempSync(join(tmpdir(), 'cairn-cache-'));
    const content = join(work, 'content');
    cpSync('tests/fixtures/valid-kb', content, { recursive: true });
    const runbook = join(content, 'runbooks', 'restart-billing.mdx');
    // A tag, so the runbook is listed on a tag page as well as on the runbooks index.
    writeFileSync(runbook, readFileSync(runbook, 'utf8').replace('risk: low\n', 'risk: low\ntags: [billing]\n'));
    const run = (out: string, ...args: string[]) =>
      spawnSync(process.execPath, ['scripts/build.ts', ...args], {
        env: { ...process.env, CAIRN_OUT_DIR: join(work, out), CAIRN_CONTENT_DIR: content, CAIRN_CACHE_DIR: join(work, 'cache'), CAIRN_TODAY: '2026-11-25' },
        encoding: 'utf8',
      });
    const first = run('warm');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('0 renders from the cache');
    // Stop words only: the edit changes the body and nothing else (no heading, link or similar-document edge).
    appendFileSync(runbook, '\nAnd so it was, once more.\n');
    const warm = run('warm');
    expect(warm.status, warm.stderr).toBe(0);
    const total = Number(/(\d+) files checked/.exec(warm.stderr)![1]);
    // All but the edited runbook: the restricted incident, which an internal build checks but
    // never publishes, comes from the cache as a verdict without its words.
    expect(warm.stderr).toContain(`${total - 1} renders from the cache`);
    const cold = run('cold', '--no-cache');
    expect(cold.status, cold.stderr).toBe(0);
    const [a, b] = [siteFiles(join(work, 'warm')), siteFiles(join(work, 'cold'))];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path)).toEqual([]);
    expect(a.get('runbooks/restart-billing/index.html')!.toString()).toContain('And so it was, once more.');
    // Listings are reused across edits to bodies alone; an edit to front matter renders them again.
    writeFileSync(runbook, readFileSync(runbook, 'utf8').replace('title: Restart the billing workers', 'title: Bring the billing workers back'));
    const retitled = run('warm');
    expect(retitled.status, retitled.stderr).toBe(0);
    for (const listing of ['tags/billing/index.html', 'runbooks/index.html']) {
      const html = readFileSync(join(work, 'warm', listing), 'utf8');
      expect(html, listing).toContain('Bring the billing workers back');
      expect(html, listing).not.toContain('Restart the billing workers');
    }
    rmSync(work, { recursive: true, force: true });
  });
});

describe('record pages written from templates', () => {
  it('are byte for byte what Astro renders for /go/, /embed/, /oembed/ and /api/documents/', () => {
    const work = mkdtempSync(join(tmpdir(), 'cairn-records-'));
    const run = (out: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['scripts/build.ts', '--no-cache'], {
        env: { ...process.env, CAIRN_OUT_DIR: join(work, out), CAIRN_CONTENT_DIR: 'tests/fixtures/valid-kb', CAIRN_CACHE_DIR: join(work, 'cache'), ...env },
        encoding: 'utf8',
      });
    const written = run('written');
    expect(written.status, written.stderr).toBe(0);
    const rendered = run('rendered', { CAIRN_ASTRO_RECORDS: '1' });
    expect(rendered.status, rendered.stderr).toBe(0);
    const [a, b] = [siteFiles(join(work, 'written')), siteFiles(join(work, 'rendered'))];
    const records = [...b.keys()].filter((path) => /^(go|embed|oembed|api\/documents)\//.test(path)).sort();
    expect(records.filter((path) => path.startsWith('embed/')).length).toBeGreaterThan(5);
    expect([...a.keys()].filter((path) => /^(go|embed|oembed|api\/documents)\//.test(path)).sort()).toEqual(records);
    expect(records.filter((path) => !a.get(path)!.equals(b.get(path)!))).toEqual([]);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('the swap into place', () => {
  const build = (outDir: string, contentDir: string) =>
    spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, CAIRN_OUT_DIR: outDir, CAIRN_CONTENT_DIR: contentDir }, encoding: 'utf8' });

  it('replaces a site on another filesystem, and keeps it when the next build fails', async () => {
    // /dev/shm is a tmpfs: a rename from the project's disk to there would fail with EXDEV.
    const parent = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/cairn-out-') : mkdtempSync(join(tmpdir(), 'cairn-out-'));
    const outDir = join(parent, 'site');
    const first = build(outDir, 'tests/fixtures/valid-kb');
    expect(first.status, first.stderr).toBe(0);
    writeFileSync(join(outDir, 'marker.txt'), 'live site');
    const broken = build(outDir, 'tests/fixtures/broken-kb');
    expect(broken.status).toBe(1);
    expect(readFileSync(join(outDir, 'marker.txt'), 'utf8')).toBe('live site');
    const again = build(outDir, 'tests/fixtures/valid-kb');
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(join(outDir, 'marker.txt'))).toBe(false);
    expect(existsSync(join(outDir, 'runbooks/restart-billing/index.html'))).toBe(true);
    // No workspace left beside it: the previous site is deleted in the background once the new one is in place.
    await expect.poll(() => readdirSync(parent), { timeout: 120_000, interval: 100 }).toEqual(['site']);
    rmSync(parent, { recursive: true, force: true });
  });

  it('removes its workspace when killed, and leaves the live site as it was', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cairn-kill-'));
    const outDir = join(parent, 'site');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'marker.txt'), 'live site');
    const child = spawn(process.execPath, ['scripts/build.ts'], { env: { ...process.env, CAIRN_OUT_DIR: outDir, CAIRN_CONTENT_DIR: 'tests/fixtures/valid-kb' }, stdio: 'ignore' });
    // Kill it once Astro is writing into its workspace.
    await expect.poll(() => readdirSync(parent).some((name) => name.includes('.cairn-')), { timeout: 120_000, interval: 50 }).toBe(true);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(readdirSync(parent)).toEqual(['site']);
    expect(readFileSync(join(outDir, 'marker.txt'), 'utf8')).toBe('live site');
    rmSync(parent, { recursive: true, force: true });
  });
});
