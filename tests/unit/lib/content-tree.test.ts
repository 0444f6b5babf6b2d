import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { caseCollisions, fileNameProblem, listContentFiles, urlNamesOf } from '../../../src/lib/content-tree.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

// Root reads any folder whatever its mode, so an unreadable folder is also simulated: any
// folder named `sealed-by-test` refuses to be listed, as a folder without read permission does.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: string, options?: unknown) => {
    if (String(path).endsWith('sealed-by-test')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return fs.readdirSync(path, options as never);
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync };
});

const root = mkdtempSync(join(tmpdir(), 'cairn-tree-'));
const outside = mkdtempSync(join(tmpdir(), 'cairn-outside-'));
afterAll(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
const relTo = (abs: string) => relative(root, abs).split(sep).join('/');
const write = (path: string, text = '---\n---\n') => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const list = (collection: string) => {
  const { files, problems } = listContentFiles(join(root, 'content', collection), relTo);
  return { files: files.map(relTo), problems: problems.map(formatProblem) };
};

describe('listing the files of a collection', () => {
  it('lists files in subfolders, sorted, and skips names starting with a dot', () => {
    for (const file of ['b.mdx', 'a.mdx', 'network/vpn.mdx', '.draft.mdx', '.obsidian/workspace.mdx']) write(`content/runbooks/${file}`);
    expect(list('runbooks')).toEqual({ files: ['content/runbooks/a.mdx', 'content/runbooks/b.mdx', 'content/runbooks/network/vpn.mdx'], problems: [] });
  });

  it('treats a missing collection folder as empty', () => {
    expect(list('guides')).toEqual({ files: [], problems: [] });
  });

  it('reports symbolic links, to folders and files alike, and never lists through them', () => {
    writeFileSync(join(outside, 'secret.mdx'), 'not for publishing');
    write('content/incidents/real.mdx');
    symlinkSync(outside, join(root, 'content/incidents/shared'));
    symlinkSync('/proc', join(root, 'content/incidents/proc'));
    symlinkSync('/sys', join(root, 'content/incidents/sys'));
    symlinkSync(join(outside, 'secret.mdx'), join(root, 'content/incidents/secret.mdx'));
    symlinkSync(join(root, 'nowhere'), join(root, 'content/incidents/broken.mdx'));
    const started = performance.now();
    const { files, problems } = list('incidents');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(files).toEqual(['content/incidents/real.mdx']);
    expect(problems.map((p) => p.replace(outside, '<outside>').replace(root, '<root>')).sort()).toMatchInlineSnapshot(`
      [
        "content/incidents/broken.mdx:1:1: error: this is a symbolic link to <root>/nowhere; Cairn does not follow links, so that nothing outside the repository can be published through one; replace the link with the real file or folder",
        "content/incidents/proc:1:1: error: this is a symbolic link to /proc; Cairn does not follow links, so that nothing outside the repository can be published through one; replace the link with the real file or folder",
        "content/incidents/secret.mdx:1:1: error: this is a symbolic link to <outside>/secret.mdx; Cairn does not follow links, so that nothing outside the repository can be published through one; replace the link with the real file or folder",
        "content/incidents/shared:1:1: error: this is a symbolic link to <outside>; Cairn does not follow links, so that nothing outside the repository can be published through one; replace the link with the real file or folder",
        "content/incidents/sys:1:1: error: this is a symbolic link to /sys; Cairn does not follow links, so that nothing outside the repository can be published through one; replace the link with the real file or folder",
      ]
    `);
  });

  it('reports a collection folder that is itself a link', () => {
    mkdirSync(join(outside, 'playbooks'));
    writeFileSync(join(outside, 'playbooks', 'elsewhere.mdx'), 'x');
    symlinkSync(join(outside, 'playbooks'), join(root, 'content/playbooks'));
    const { files, problems } = list('playbooks');
    expect(files).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/playbooks:1:1: error: this is a symbolic link to .*; replace the link with the real file or folder$/);
  });

  it('reports a named pipe instead of hanging on it', () => {
    write('content/services/billing.mdx');
    execFileSync('mkfifo', [join(root, 'content/services/pipe.mdx')]);
    expect(list('services')).toEqual({
      files: ['content/services/billing.mdx'],
      problems: ['content/services/pipe.mdx:1:1: error: this is a named pipe, not a file; content folders hold only .mdx documents, so remove it'],
    });
  });

  it('reports a folder it cannot read, with the reason, and lists the rest', () => {
    write('content/teams/ops.mdx');
    write('content/teams/sealed-by-test/hidden.mdx');
    expect(list('teams')).toEqual({
      files: ['content/teams/ops.mdx'],
      problems: ['content/teams/sealed-by-test:1:1: error: could not read this folder (EACCES); make it readable by the user running Cairn, or remove it'],
    });
  });

  it('reports a folder without read permission', (context) => {
    write('content/projects/locked/x.mdx');
    chmodSync(join(root, 'content/projects/locked'), 0o000);
    let readable = true;
    try {
      readdirSync(join(root, 'content/projects/locked'));
    } catch {
      readable = false;
    }
    chmodSync(join(root, 'content/projects/locked'), 0o755);
    // Root (as in CI containers) reads any folder whatever its mode; the simulated case above covers it there.
    if (readable) return context.skip();
    chmodSync(join(root, 'content/projects/locked'), 0o000);
    try {
      expect(list('projects').problems).toEqual(['content/projects/locked:1:1: error: could not read this folder (EACCES); make it readable by the user running Cairn, or remove it']);
    } finally {
      chmodSync(join(root, 'content/projects/locked'), 0o755);
    }
  });
});

describe('file names', () => {
  it('accepts lower-case names of letters, digits, -, _ and single dots', () => {
    for (const name of ['restart-billing.mdx', 'network/vpn_v2.mdx', '2025-001-invoices-late.mdx', 'v1.2/notes.mdx']) expect(fileNameProblem(name), name).toBeUndefined();
  });

  it('names the rename for anything else', () => {
    const names = ['VPN Runbook é%.mdx', "it's-broken.mdx", 'Vpn.mdx', 'Notes.MDX', 'naïve café.mdx', 'a..mdx', 'My Folder/ok.mdx', '%%%.mdx', '日本語.mdx', 'con.mdx', 'aux/x.mdx'];
    expect(names.map((name) => fileNameProblem(name))).toMatchInlineSnapshot(`
      [
        "file name "VPN Runbook é%.mdx" is not URL-safe; rename it to vpn-runbook-e.mdx",
        "file name "it's-broken.mdx" is not URL-safe; rename it to it-s-broken.mdx",
        "file name "Vpn.mdx" is not URL-safe; rename it to vpn.mdx",
        "file name "Notes.MDX" is not URL-safe; rename it to notes.mdx",
        "file name "naïve café.mdx" is not URL-safe; rename it to naive-cafe.mdx",
        "file name "a..mdx" is not URL-safe; rename it to a.mdx",
        "folder name "My Folder" is not URL-safe; rename it to my-folder",
        "file name "%%%.mdx" is not URL-safe; rename it using only lower-case a–z, 0–9 and -, e.g. the title in plain letters",
        "file name "日本語.mdx" is not URL-safe; rename it using only lower-case a–z, 0–9 and -, e.g. the title in plain letters",
        "file name "con.mdx" is reserved on Windows, which cannot store it; choose another name, e.g. con-notes.mdx",
        "folder name "aux" is reserved on Windows, which cannot store it; choose another name, e.g. aux-notes",
      ]
    `);
  });
});

describe('names that differ only in case', () => {
  const doc = (file: string, collection: 'runbooks' | 'projects' | 'services', id: string, formerly: string[] = []) =>
    urlNamesOf({
      collection,
      file,
      slug: file
        .split('/')
        .pop()!
        .replace(/\.mdx$/, ''),
      id,
      idAt: { line: 2, column: 5 },
      formerly: formerly.map((name, i) => ({ name, line: 4 + i, column: 5 })),
    });

  it('reports IDs, former names and file names equal but for case, where the later one is written', () => {
    const names = [
      ...doc('content/runbooks/vpn.mdx', 'runbooks', 'RB-0001'),
      ...doc('content/runbooks/restart.mdx', 'runbooks', 'RB-0002', ['rb-0001', 'Vpn']),
      ...doc('content/projects/sso.mdx', 'projects', 'PRJ-sso'),
      ...doc('content/projects/sso-rollout.mdx', 'projects', 'PRJ-SSO'),
    ];
    expect(caseCollisions(names).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/runbooks/restart.mdx:4:5: error: former name rb-0001 and ID RB-0001 in content/runbooks/vpn.mdx differ only in case; hosts that ignore case would serve one for the other; rename one",
        "content/runbooks/restart.mdx:5:5: error: former name Vpn and file name vpn in content/runbooks/vpn.mdx differ only in case; hosts that ignore case would serve one for the other; rename one",
        "content/projects/sso-rollout.mdx:2:5: error: ID PRJ-SSO and ID PRJ-sso in content/projects/sso.mdx differ only in case; hosts that ignore case would serve one for the other; rename one",
      ]
    `);
  });

  it('leaves exact duplicates to the duplicate checks, and names in different URL spaces alone', () => {
    const names = [
      ...doc('content/runbooks/vpn.mdx', 'runbooks', 'RB-0001'),
      ...doc('content/runbooks/other.mdx', 'runbooks', 'RB-0001'),
      ...doc('content/services/vpn.mdx', 'services', 'vpn'),
      ...doc('content/projects/x.mdx', 'projects', 'PRJ-x', ['Vpn']),
    ];
    // PRJ-x's former name Vpn is a project file name and an ID; "vpn" the service ID is in the same ID space.
    expect(caseCollisions(names).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/projects/x.mdx:4:5: error: former name Vpn and ID vpn in content/services/vpn.mdx differ only in case; hosts that ignore case would serve one for the other; rename one",
      ]
    `);
  });
});
