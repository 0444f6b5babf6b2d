import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep, basename, extname } from 'node:path';
import { collectionNames, collections, isCollectionName, type CollectionName, type DocumentData } from '../schemas/index.ts';
import type { Heading } from '../plugins/rehype-heading-anchors.ts';
import { parseFrontMatter } from './front-matter.ts';
import { problem, type Problem } from './problems.ts';
import { renderBody } from './render-body.ts';
import { validateFrontMatter } from './schema-problems.ts';
import { isProblem, readSourceFile } from './source-file.ts';

/** One valid document, parsed, validated and rendered. */
export interface LoadedDocument<C extends CollectionName = CollectionName> {
  collection: C;
  /** The permanent ID from front matter. */
  id: string;
  /** The file name without extension: the last part of the page URL. */
  slug: string;
  /** Path relative to the project root, forward slashes. */
  file: string;
  data: DocumentData[C];
  html: string;
  headings: Heading[];
  /** Where the `id` field is written, for messages about the ID. */
  idPosition: { line: number; column: number };
}

export interface KnowledgeBase {
  documents: LoadedDocument[];
  problems: Problem[];
}

export interface LoadOptions {
  /** Project root; file paths in problems are relative to it. */
  root: string;
  /** The content folder, absolute or relative to root. */
  contentDir: string;
  /** Build day, YYYY-MM-DD. */
  today: string;
}

/**
 * Reads, validates and renders every document under the content folder, collecting every
 * problem instead of stopping at the first. The one loader behind `npm run check` and the
 * site's content collections.
 */
export function loadKnowledgeBase({ root, contentDir, today }: LoadOptions): KnowledgeBase {
  const base = join(root, contentDir);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const documents: LoadedDocument[] = [];
  const problems: Problem[] = [];

  let folders: string[];
  try {
    folders = readdirSync(base);
  } catch {
    return { documents, problems: [problem(rel(base), 1, 1, `content folder not found; create ${rel(base)}/<collection>/ with .mdx files`)] };
  }
  for (const folder of folders) {
    if (folder.startsWith('.') || isCollectionName(folder)) continue;
    if (statSync(join(base, folder)).isDirectory()) {
      problems.push(problem(rel(join(base, folder)), 1, 1, `"${folder}" is not a collection, so its files are ignored; collections are ${collectionNames.join(', ')}`, 'warning'));
    }
  }

  for (const collection of collectionNames) {
    for (const path of listFiles(join(base, collection))) {
      const file = rel(path);
      const ext = extname(path);
      if (ext !== '.mdx') {
        if (ext === '.md') problems.push(problem(file, 1, 1, 'documents are .mdx files; rename this file to .mdx'));
        else problems.push(problem(file, 1, 1, `only .mdx documents belong in content/${collection}/; this file is ignored`, 'warning'));
        continue;
      }
      const loaded = loadDocument(collection, path, file, today, problems);
      if (loaded) documents.push(loaded);
    }
  }
  problems.push(...duplicateProblems(documents));
  return { documents, problems };
}

function loadDocument(collection: CollectionName, path: string, file: string, today: string, problems: Problem[]): LoadedDocument | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.push(problem(file, 1, 1, `could not read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); it may have been moved while Cairn was reading, so run again`));
    return undefined;
  }
  const source = readSourceFile(file, bytes);
  if (isProblem(source)) {
    problems.push(source);
    return undefined;
  }
  const frontMatter = parseFrontMatter(source);
  if (Array.isArray(frontMatter)) {
    problems.push(...frontMatter);
    return undefined;
  }
  const validated = validateFrontMatter(file, frontMatter, collections[collection].schema);
  if ('problems' in validated) problems.push(...validated.problems);
  const data = 'data' in validated ? (validated.data as Record<string, unknown>) : frontMatter.data;
  const rendered = renderBody(source.body, { frontMatter: data, today });
  for (const p of rendered.problems) {
    problems.push(problem(file, p.line + source.bodyLine - 1, p.column, p.message));
  }
  if (!('data' in validated) || rendered.problems.length > 0) return undefined;
  return {
    collection,
    id: (validated.data as { id: string }).id,
    slug: basename(path, '.mdx'),
    file,
    data: validated.data as DocumentData[CollectionName],
    html: rendered.html,
    headings: rendered.headings,
    idPosition: frontMatter.locate(['id']),
  };
}

/** IDs are unique across the whole knowledge base; slugs within a collection. */
function duplicateProblems(documents: readonly LoadedDocument[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LoadedDocument>();
  const bySlug = new Map<string, LoadedDocument>();
  for (const doc of documents) {
    const first = byId.get(doc.id);
    if (first) problems.push(problem(doc.file, doc.idPosition.line, doc.idPosition.column, `duplicate ID ${doc.id}: ${first.file} already uses it; give this document an ID no other document uses`));
    else byId.set(doc.id, doc);
    const slugKey = `${doc.collection}/${doc.slug}`;
    const sameSlug = bySlug.get(slugKey);
    if (sameSlug) problems.push(problem(doc.file, 1, 1, `two ${doc.collection} files are named ${doc.slug}.mdx (${sameSlug.file}); their pages would collide, so rename one`));
    else bySlug.set(slugKey, doc);
  }
  return problems;
}

function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return []; // an empty collection is fine
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
