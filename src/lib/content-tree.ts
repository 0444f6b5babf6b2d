import { lstatSync, readdirSync, readlinkSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { formerPageSlugs } from './site-paths.ts';
import type { CollectionName } from '../collections/index.ts';
import { problem, type Problem } from './problems.ts';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';

/**
 * Every file under one collection folder, sorted, and what is wrong with the tree. Walks
 * without following symbolic links: a link could publish files from anywhere on the machine,
 * or lead into /proc or /sys, where a walk finds nothing or never ends. A link is reported
 * and never read through; so are folders that cannot be read and things that are not files.
 * Names starting with a dot (files and folders) are skipped, as editors and tools keep
 * their own state there. A missing collection folder is an empty collection.
 *
 * `relTo` turns an absolute path into the project-relative one problems are reported at.
 */
export function listContentFiles(collectionDir: string, relTo: (abs: string) => string): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  let top;
  try {
    top = lstatSync(collectionDir);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { files, problems };
    return { files, problems: [unreadable(relTo(collectionDir), error)] };
  }
  if (top.isSymbolicLink()) return { files, problems: [linkProblem(collectionDir, relTo)] };
  if (!top.isDirectory()) return { files, problems: [problem(relTo(collectionDir), 1, 1, 'a collection must be a folder of .mdx documents, not a file; move this file out and create the folder')] };

  const folders = [collectionDir];
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(unreadable(relTo(dir), error));
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      // Dirent types come from lstat, never from the link's target.
      if (entry.isSymbolicLink()) problems.push(linkProblem(path, relTo));
      else if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) files.push(path);
      else problems.push(problem(relTo(path), 1, 1, `this is a ${specialKind(entry)}, not a file; content folders hold only .mdx documents, so remove it`));
    }
  }
  return { files: files.sort(), problems };
}

function unreadable(file: string, error: unknown): Problem {
  const code = codeOf(error);
  const fix = code === 'ENOENT' ? 'it was moved while Cairn was reading, so run again' : 'make it readable by the user running Cairn, or remove it';
  return problem(file, 1, 1, `could not read this folder (${code}); ${fix}`);
}

function linkProblem(path: string, relTo: (abs: string) => string): Problem {
  let target = '';
  try {
    target = ` to ${readlinkSync(path)}`;
  } catch {
    // The link vanished or cannot be read; the message stands without its target.
  }
  return problem(
    relTo(path),
    1,
    1,
    `this is a symbolic link${target}; Cairn does not follow links, so that nothing outside the repository can be published through one; replace the link with the real file or folder`,
  );
}

function specialKind(entry: Dirent): string {
  if (entry.isFIFO()) return 'named pipe';
  if (entry.isSocket()) return 'socket';
  return 'device';
}

/** One segment of a path: lower-case letters, digits, `-` and `_`, with single dots between. */
const urlSafeName = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
/** Names Windows refuses whatever their extension, so a checkout there would lose the file. */
const windowsReserved = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/;

/** A URL slug of any text: accents dropped, lower case, every other run of characters a hyphen. */
export function urlSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * What is wrong with a path inside a collection (`sub/vpn-runbook.mdx`), if anything: every
 * file and folder name must be one that URLs carry unescaped and every host can store and
 * serve (lower-case a–z, 0–9, `-`, `_` and `.`). The message names the rename to make.
 */
export function fileNameProblem(relativePathInsideCollection: string): string | undefined {
  const parts = relativePathInsideCollection.split(/[\\/]/);
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    const kind = i === parts.length - 1 ? 'file' : 'folder';
    const ext = kind === 'file' ? urlSlug(extname(name)) : '';
    const stem = ext ? name.slice(0, -extname(name).length) : name;
    if (urlSafeName.test(name)) {
      if (windowsReserved.test(name)) return `${kind} name "${name}" is reserved on Windows, which cannot store it; choose another name, e.g. ${stem}-notes${ext ? `.${ext}` : ''}`;
      continue;
    }
    const slug = urlSlug(stem);
    if (!slug) return `${kind} name "${name}" is not URL-safe; rename it using only lower-case a–z, 0–9 and -, e.g. the title in plain letters`;
    return `${kind} name "${name}" is not URL-safe; rename it to ${slug}${ext ? `.${ext}` : ''}`;
  }
  return undefined;
}

/** A name that becomes part of a URL, with the place it is written. */
export interface UrlName {
  /**
   * Where the name lives among URLs: `ids` for IDs and former names under /go/, /embed/ and
   * /api/documents/, a collection for file names and former file names under /<collection>/.
   */
  space: 'ids' | CollectionName;
  /** The name as written. */
  name: string;
  /** What the name is, for the message: "ID", "former name", "file name". */
  what: string;
  file: string;
  line: number;
  column: number;
}

/**
 * The URL names of one document: its ID, its file name (slug), and each `formerly` entry
 * under /go/ and, when it is a former file name, under its collection, as the pages make them.
 */
export function urlNamesOf(doc: {
  collection: CollectionName;
  slug: string;
  file: string;
  id: string;
  /** Where the `id` field is written. */
  idAt: { line: number; column: number };
  /** Each `formerly` entry with where it is written. */
  formerly: readonly { name: string; line: number; column: number }[];
}): UrlName[] {
  const { collection, file } = doc;
  const names: UrlName[] = [
    { space: 'ids', name: doc.id, what: 'ID', file, ...doc.idAt },
    { space: collection, name: doc.slug, what: 'file name', file, line: 1, column: 1 },
  ];
  for (const former of doc.formerly) {
    const at = { file, line: former.line, column: former.column };
    names.push({ space: 'ids', name: former.name, what: 'former name', ...at });
    if (formerPageSlugs(collection, [former.name]).length > 0) names.push({ space: collection, name: former.name, what: 'former name', ...at });
  }
  return names;
}

/**
 * Names equal but for case (RB-0001 and rb-0001, Vpn and vpn) among IDs, former names and
 * file names of the same URL space. Hosts and file systems that ignore case (macOS, Windows,
 * many CDNs) would write one page over the other or serve one for the other. Each spelling
 * after the first is reported where it is written; names equal to the letter are left to the
 * duplicate checks.
 */
export function caseCollisions(names: readonly UrlName[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, UrlName>();
  const reported = new Set<string>();
  for (const item of names) {
    const key = `${item.space}\0${item.name.toLowerCase()}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, item);
      continue;
    }
    const once = `${key}\0${item.name}\0${item.file}\0${item.line}:${item.column}`;
    if (earlier.name === item.name || reported.has(once)) continue;
    reported.add(once);
    const where = earlier.file === item.file ? 'in this file' : `in ${earlier.file}`;
    problems.push(
      problem(
        item.file,
        item.line,
        item.column,
        `${item.what} ${item.name} and ${earlier.what} ${earlier.name} ${where} differ only in case; hosts that ignore case would serve one for the other; rename one`,
      ),
    );
  }
  return problems;
}
