import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepPrevious, keptSiteDir, openKeptSite, siteCodeDigest } from '../../../src/pipeline/kept-site.ts';
import { tempDir } from '../../temp-dir.ts';

/** Writes a site of `files` (path → text) at `dir`. */
function writeSite(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * One build's end as scripts/build.ts does it: the new site swaps in, the one it replaced goes
 * to `previous`, and keepPrevious records it. Returns what keepPrevious left to delete.
 */
function publish(work: string, site: Record<string, string>, entries: Record<string, string>, code = 'code-1'): string[] {
  const out = join(work, 'out');
  const staged = join(work, 'staged');
  const previous = join(work, 'previous');
  writeSite(staged, site);
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staged, out);
  return keepPrevious(keptSiteDir(join(work, 'cache'), 'internal'), out, previous, code, entries);
}

const pageA = { 'runbooks/a/index.html': 'page a, first version', 'go/RB-1/index.html': 'go a' };
const entriesA = { 'runbooks/a': 'key-a1', 'go/RB-1': 'hash-go-a' };

describe('the kept site', () => {
  it('gives the next build the pages of the site it replaced, when asked with the same key', () => {
    const work = tempDir('cairn-kept-');
    const dir = keptSiteDir(join(work, 'cache'), 'internal');
    expect(publish(work, pageA, entriesA)).toEqual([]); // nothing replaced yet
    expect(openKeptSite(dir, 'code-1')).toBeUndefined();
    // The second build replaces the first: the first is kept, with the entries it published.
    expect(publish(work, pageA, entriesA)).toEqual([]);
    const kept = openKeptSite(dir, 'code-1')!;
    expect(kept.has('runbooks/a', 'key-a1')).toBe(true);
    expect(kept.has('runbooks/a', 'key-a2')).toBe(false); // the page changed
    expect(kept.has('runbooks/b', 'key-a1')).toBe(false); // never published
    const site = join(work, 'next');
    // A record whose folder's parent does not exist yet in the new site: it is made.
    expect(kept.take('go/RB-1', 'hash-go-a', site)).toBe(true);
    expect(readFileSync(join(site, 'go/RB-1/index.html'), 'utf8')).toBe('go a');
    expect(kept.take('runbooks/a', 'key-a2', site)).toBe(false);
    expect(existsSync(join(site, 'runbooks/a'))).toBe(false);
    // Taken once only: a second ask finds nothing.
    expect(kept.take('go/RB-1', 'hash-go-a', site)).toBe(false);
  });

  it('is given up as it is opened, so a build that fails after taking some pages leaves no promise of them', () => {
    const work = tempDir('cairn-kept-');
    const dir = keptSiteDir(join(work, 'cache'), 'internal');
    publish(work, pageA, entriesA);
    publish(work, pageA, entriesA);
    expect(openKeptSite(dir, 'code-1')).toBeDefined();
    expect(openKeptSite(dir, 'code-1')).toBeUndefined();
  });

  it('keeps nothing for other code: templates or dependencies changed every page', () => {
    const work = tempDir('cairn-kept-');
    const dir = keptSiteDir(join(work, 'cache'), 'internal');
    publish(work, pageA, entriesA, 'code-1');
    publish(work, pageA, entriesA, 'code-1');
    expect(openKeptSite(dir, 'code-2')).toBeUndefined();
  });

  it('keeps a replaced site only if it is the one the last build published there', () => {
    const work = tempDir('cairn-kept-');
    const dir = keptSiteDir(join(work, 'cache'), 'internal');
    publish(work, pageA, entriesA);
    // Something else (another audience's build, a copy by hand) put a site in place since.
    const out = join(work, 'out');
    cpSync(out, join(work, 'copy'), { recursive: true });
    writeSite(join(work, 'copy'), { 'runbooks/a/index.html': 'not what the manifest says' });
    renameSync(out, join(work, 'elsewhere'));
    renameSync(join(work, 'copy'), out);
    const toDelete = publish(work, pageA, entriesA);
    expect(toDelete).toEqual([join(work, 'previous')]);
    expect(openKeptSite(dir, 'code-1')).toBeUndefined();
  });

  it('hands the kept site it started from, with what was not taken, to the caller to delete', () => {
    const work = tempDir('cairn-kept-');
    const dir = keptSiteDir(join(work, 'cache'), 'internal');
    publish(work, pageA, entriesA);
    publish(work, pageA, entriesA);
    openKeptSite(dir, 'code-1');
    const toDelete = publish(work, pageA, entriesA);
    expect(toDelete).toHaveLength(1);
    expect(toDelete[0]).toMatch(/[/\\]trash-\d+-/);
    expect(readdirSync(join(toDelete[0]!, 'runbooks'))).toEqual(['a']);
    // The site it replaced is the new kept site.
    expect(openKeptSite(dir, 'code-1')!.has('runbooks/a', 'key-a1')).toBe(true);
  });
});

describe('the site code digest', () => {
  it('changes with a template, a public file or the lockfile, and not with content', () => {
    const root = tempDir('cairn-code-');
    writeSite(root, { 'src/pages/index.astro': '<h1>Hi</h1>', 'public/go.js': 'go()', 'package-lock.json': '{}', 'content/runbooks/a.mdx': 'body' });
    const before = siteCodeDigest(root);
    writeFileSync(join(root, 'content/runbooks/a.mdx'), 'body, edited');
    expect(siteCodeDigest(root)).toBe(before);
    for (const [path, text] of [
      ['src/pages/index.astro', '<h1>Hello</h1>'],
      ['public/go.js', 'go(1)'],
      ['package-lock.json', '{"v":2}'],
    ] as const) {
      const was = siteCodeDigest(root);
      writeFileSync(join(root, path), text);
      expect(siteCodeDigest(root), path).not.toBe(was);
    }
  });
});
