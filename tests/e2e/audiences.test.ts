import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/pipeline/load-in-thread.ts';

/** Every file of a build as text, gzip (the Pagefind index) unpacked, so nothing hides from the scan. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes = readFileSync(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    files.set(relative(dir, path), bytes.toString('utf8'));
  }
  return files;
}

const all = loadKnowledgeBase({ root: process.cwd(), contentDir: 'content', today: '2026-11-25', audience: 'restricted' }).documents;
const secretsOf = (visibility: string) =>
  all
    .filter((d) => d.data.visibility === visibility)
    // Titles long enough not to occur by chance in other text, summaries, and page paths.
    .flatMap((d) => ['title' in d.data ? d.data.title : d.data.name, d.data.summary, `/${d.file.replace(/^content\//, '').replace(/\.mdx$/, '')}/`])
    .filter((s) => s.length >= 24);
// Canary phrases planted in the sample's restricted postmortems.
const canaries = ['kestrel-restricted-7f3a', 'kestrel-restricted-c91d'];

const builds: Record<'public' | 'internal' | 'restricted', Map<string, string>> = {} as never;
/** Runs the real build for an audience; resolves with its output when it succeeds. */
function buildFor(audience: 'public' | 'restricted', outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { env: { ...process.env, CAIRN_AUDIENCE: audience, CAIRN_OUT_DIR: outDir } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${audience} build failed:\n${stderr}`))));
  });
}

beforeAll(async () => {
  // Side by side, as parallel CI jobs or `make -j` would run them: each build must keep
  // its own Astro cache and workspace, or the public site fills with restricted pages.
  await Promise.all((['public', 'restricted'] as const).map((audience) => buildFor(audience, `.cairn-build/audience-${audience}`)));
  for (const audience of ['public', 'restricted'] as const) builds[audience] = filesOf(`.cairn-build/audience-${audience}`);
  builds.internal = filesOf(inject('siteDir'));
}, 600_000);

describe('a build for an audience contains nothing above it', () => {
  it('keeps restricted documents out of the internal build: pages, index, API, feed, embeds', () => {
    expect(all.some((d) => d.html.includes(canaries[0]!))).toBe(true);
    const leaks = [...builds.internal].flatMap(([file, text]) => [...canaries, ...secretsOf('restricted')].filter((s) => text.includes(s)).map((s) => `${file}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it('keeps internal and restricted documents out of the public build', () => {
    const hidden = [...canaries, ...secretsOf('restricted'), ...secretsOf('internal')];
    const leaks = [...builds.public].flatMap(([file, text]) => hidden.filter((s) => text.includes(s)).map((s) => `${file}: ${s}`));
    expect(leaks).toEqual([]);
    const manifest = JSON.parse(builds.public.get('api/manifest.json')!) as { documents: { visibility: string }[] };
    expect(manifest.documents.length).toBe(all.filter((d) => d.data.visibility === 'public').length);
  });

  it('publishes no draft in any audience: its ID, title and file name are in no file', () => {
    const drafts = loadKnowledgeBase({ root: process.cwd(), contentDir: 'content', today: '2026-11-25', audience: 'restricted' }).drafts;
    expect(drafts.length).toBeGreaterThan(0);
    const marks = drafts.flatMap((d) => [d.id, d.title, d.file.replace(/^content\/\w+\//, '').replace(/\.mdx$/, '')]);
    for (const [audience, files] of Object.entries(builds)) {
      const leaks = [...files].flatMap(([file, text]) => marks.filter((m) => text.includes(m)).map((m) => `${audience}: ${file}: ${m}`));
      expect(leaks).toEqual([]);
    }
  });

  it('gives the restricted build everything, canaries included', () => {
    const pages = [...builds.restricted.values()].join('\n');
    for (const canary of canaries) expect(pages).toContain(canary);
  });

  it('leaves no restricted content in shared caches and no workspace behind', async () => {
    // The render cache keeps one set of entries per audience; only the restricted set may hold restricted renders.
    const shared = ['node_modules/.astro', '.astro', '.cairn-build/cache'].filter((dir) => existsSync(dir));
    const leaks = shared.flatMap((dir) =>
      [...filesOf(dir)].filter(([file]) => !file.split('/').includes('restricted')).flatMap(([file, text]) => canaries.filter((c) => text.includes(c)).map((c) => `${dir}/${file}: ${c}`)),
    );
    expect(leaks).toEqual([]);
    // Workspaces go once each build is done (the previous site in the background, after the swap).
    await expect.poll(() => readdirSync('.cairn-build').filter((name) => /(^|\.)cairn-\d/.test(name)), { timeout: 120_000, interval: 100 }).toEqual([]);
  });

  it('never links to a page that is not in the build', () => {
    for (const [audience, files] of Object.entries(builds)) {
      const broken = new Set<string>();
      for (const [file, text] of files) {
        if (!file.endsWith('.html')) continue;
        for (const a of parse(text).querySelectorAll('a[href^="/"], link[href^="/"]')) {
          const href = a.getAttribute('href')!.split('#')[0]!.split('?')[0]!;
          const target = href.endsWith('/') ? `${href.slice(1)}index.html` : href.slice(1);
          if (!files.has(target) && !files.has(decodeURIComponent(target))) broken.add(`${audience}: ${file} → ${href}`);
        }
      }
      expect([...broken]).toEqual([]);
    }
  });
});
