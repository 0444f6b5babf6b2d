import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep, basename, extname } from 'node:path';
import { collectionDocument, collectionNames, collections, isCollectionName, type CollectionName, type DocumentData } from '../collections/index.ts';
import { isAudience, visibleTo, type Audience } from '../lib/audience.ts';
import { documentTitle, documentUrl } from '../lib/documents.ts';
import { parseFrontMatter, type FrontMatter } from '../lib/front-matter.ts';
import { declaredReferences } from '../lib/graph/reference-fields.ts';
import { unresolvedReason, type IdIndex, type IdTarget } from '../lib/graph/id-index.ts';
import { problem, type Problem } from '../lib/problems.ts';
import type { DraftDocument, KnowledgeBase, LoadedDocument, LoadOptions, PlaceholderIn } from '../lib/knowledge-model.ts';
import type { RenderedBody } from './render-body.ts';
import type { RenderJob, RenderSettings } from './render-document.ts';
import { minJobsForWorkers, poolFor } from './render-pool.ts';
import type { FrontMatterJob } from './valid-front-matter.ts';
import { sourceDigest, type FrontMatterCache, type RenderCache, type SecretFreeCache } from './render-cache.ts';
import { fieldName, validateFrontMatter } from '../lib/schema-problems.ts';
import { isProblem, readSourceFile, type SourceFile } from '../lib/source-file.ts';
import { caseCollisions, fileNameProblem, listContentFiles, urlNamesOf } from '../lib/content-tree.ts';
import { checkInternalLinks, fixedPages, formerPageSlugs, type SitePage } from '../lib/site-paths.ts';
import { documentFilePaths, documentFilesFolder } from '../lib/document-files.ts';
import { loadSiteConfig } from '../lib/site-config.ts';
import { draftProblems, isDraft } from '../lib/drafts.ts';
import { findPlaceholders, type Placeholder } from '../lib/placeholders.ts';
import { hashOf, importMapFile, readImportMap } from '../lib/import/import-map.ts';
export type { DraftDocument, KnowledgeBase, LoadedDocument, LoadOptions, PlaceholderIn } from '../lib/knowledge-model.ts';
import { allowSecretMarker, findFrontMatterSecrets, findSecrets, redactSecrets, type SecretFinding } from '../lib/secrets.ts';

/** A file whose front matter could be read: the first phase of loading. */
export interface ParsedFile {
  collection: CollectionName;
  file: string;
  slug: string;
  source: SourceFile;
  /** What its render and scans are a function of (see `sourceDigest`). */
  digest: string;
  frontMatter: FrontMatter;
  /** Present when the front matter passed its schema. */
  data?: DocumentData[CollectionName];
  /** Work in progress: checked, never published. */
  draft: boolean;
  /** Fields a draft leaves empty. */
  toFill: string[];
  placeholders: Placeholder[];
}

/** How the build renders: through the cache, in worker threads, reporting progress. */
export interface RenderStrategy {
  cache?: RenderCache | undefined;
  workers?: number;
  /** Told how many documents are rendered (from the cache or fresh) out of how many. */
  onProgress?: (rendered: number, total: number) => void;
}

/**
 * Reads, validates and renders every document under the content folder, collecting every
 * problem instead of stopping at the first: the one loader behind `npm run check`, the build
 * and the site's content collections. Runs in phases because references need every ID first:
 * parse and validate all files, index their IDs, then check references and render bodies.
 * Cached renders are reused and the rest rendered on every core. The renderer is loaded only
 * when something is rendered on this thread, so a warm check never loads it
 * (`loadKnowledgeBase` in load-in-thread.ts is the same without workers or cache, for scripts).
 */
export async function loadKnowledgeBaseFast(options: LoadOptions, { cache, workers, onProgress }: RenderStrategy = {}): Promise<KnowledgeBase & { fromCache: number }> {
  const ahead = readAhead(options, cache?.frontMatter);
  // Workers start only for real work: a warm run validates and renders a handful of files.
  let pool = ahead.jobs.length >= minJobsForWorkers ? poolFor(ahead.jobs.length, workers) : undefined;
  try {
    const validated = await (pool ?? poolFor(0)).validate(ahead.jobs);
    const prepared = prepareKnowledgeBase(options, { validated: aheadCache(ahead.jobs, validated, cache?.frontMatter), secretFree: cache?.secretFree }, ahead.preread);
    // A cache that keeps no words (the check's) is given renders without them: nothing would read them.
    if (cache && !cache.words) prepared.settings.words = false;
    const jobs = prepared.parsed.map(renderJob);
    const keys = cache ? prepared.parsed.map((doc) => cache.keyOf(doc.digest)) : [];
    const renders: (RenderedBody | undefined)[] = jobs.map((_, i) => (cache ? cache.get(keys[i]!, prepared.settings)?.rendered : undefined));
    const missing = jobs.flatMap((_, i) => (renders[i] ? [] : [i]));
    const fromCache = jobs.length - missing.length;
    onProgress?.(fromCache, jobs.length);
    pool ??= poolFor(missing.length, workers);
    // Each render goes into the cache as it arrives: writing ten thousand entries then overlaps the workers' rendering.
    await pool.render(
      missing.map((i) => jobs[i]!),
      prepared.settings,
      (n, fresh, done) => {
        const i = missing[n]!;
        renders[i] = fresh.rendered;
        cache?.put(keys[i]!, fresh, prepared.parsed[i]!.data?.visibility ?? 'restricted');
        onProgress?.(fromCache + done, jobs.length);
      },
    );
    cache?.prune();
    return { ...assemble(prepared, renders as RenderedBody[]), fromCache };
  } finally {
    await pool?.close();
  }
}

/** The content folder as listed and read before validation, so the later phases do not list or read it again. */
interface Preread {
  listings: Map<CollectionName, ReturnType<typeof listContentFiles>>;
  files: Map<string, { bytes: Uint8Array; source: SourceFile | Problem }>;
}

/**
 * Every document file read once, and the front matter no earlier run validated, to be
 * validated in parallel: YAML and zod were a serial millisecond per file (12 s at 10,000).
 */
function readAhead({ root, contentDir }: LoadOptions, validatedCache?: FrontMatterCache): { preread: Preread; jobs: FrontMatterJob[] } {
  const base = resolve(root, contentDir);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const preread: Preread = { listings: new Map(), files: new Map() };
  const jobs: FrontMatterJob[] = [];
  for (const collection of collectionNames) {
    const listing = listContentFiles(join(base, collection), rel);
    preread.listings.set(collection, listing);
    for (const path of listing.files) {
      if (extname(path) !== '.mdx') continue;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch {
        continue; // reported when the file is parsed
      }
      const source = readSourceFile(rel(path), bytes);
      preread.files.set(path, { bytes, source });
      if (!isProblem(source) && !validatedCache?.has(collection, source.frontMatter)) jobs.push({ collection, file: source.file, yaml: source.frontMatter });
    }
  }
  return { preread, jobs };
}

/** The front matter validated ahead, served once each, in front of the cache of earlier runs (which keeps it for the next). */
function aheadCache(jobs: readonly FrontMatterJob[], validated: readonly (Record<string, unknown> | undefined)[], earlier?: FrontMatterCache): FrontMatterCache | undefined {
  const ahead = new Map<string, Record<string, unknown>>();
  jobs.forEach((job, i) => {
    const data = validated[i];
    if (data) ahead.set(`${job.collection}\0${job.yaml}`, data);
  });
  if (ahead.size === 0) return earlier;
  return {
    has: (collection, yaml) => ahead.has(`${collection}\0${yaml}`) || (earlier?.has(collection, yaml) ?? false),
    get(collection, yaml) {
      const key = `${collection}\0${yaml}`;
      const data = ahead.get(key);
      if (!data) return earlier?.get(collection, yaml);
      // Once: two files with the same front matter must not share one object.
      ahead.delete(key);
      earlier?.put(collection, yaml, data);
      return data;
    },
    put: (collection, yaml, data) => earlier?.put(collection, yaml, data),
  };
}

/** Everything read and indexed, ready to render: phases one and two of loading. */
export interface PreparedKnowledgeBase {
  parsed: ParsedFile[];
  index: IdIndex;
  problems: Problem[];
  checked: number;
  audience: Audience;
  settings: RenderSettings;
  /** Secrets found per file: no other message about that file may quote them. */
  secrets: Map<string, SecretFinding[]>;
  /** Site paths of the files documents may link to (content/assets/). */
  documentFiles: string[];
}

/** The body and the front matter its components may read. */
export function renderJob(doc: ParsedFile): RenderJob {
  // Components read validated front matter only; a body under broken front matter is still
  // checked for its own problems, with components seeing no fields.
  return { body: doc.source.body, frontMatter: (doc.data as Record<string, unknown> | undefined) ?? {} };
}

/** What earlier runs worked out about files, so this run need not work it out again. */
interface Verdicts {
  validated?: FrontMatterCache | undefined;
  secretFree?: SecretFreeCache | undefined;
}

export function prepareKnowledgeBase({ root, contentDir, today, audience = 'internal' }: LoadOptions, verdicts: Verdicts = {}, preread?: Preread): PreparedKnowledgeBase {
  const base = resolve(root, contentDir);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const problems: Problem[] = [];

  let checked = 0;
  let folders: string[];
  try {
    folders = readdirSync(base);
  } catch {
    const settings = { today, trackers: [], ids: new Map() };
    return {
      parsed: [],
      index: new Map(),
      checked: 0,
      audience,
      settings,
      secrets: new Map(),
      documentFiles: [],
      problems: [problem(rel(base), 1, 1, `content folder not found; create ${rel(base)}/<collection>/ with .mdx files`)],
    };
  }
  for (const folder of folders) {
    if (folder.startsWith('.') || isCollectionName(folder) || folder === documentFilesFolder) continue;
    if (lstatSync(join(base, folder)).isDirectory()) {
      problems.push(problem(rel(join(base, folder)), 1, 1, `"${folder}" is not a collection, so its files are ignored; collections are ${collectionNames.join(', ')}`, 'warning'));
    }
  }

  const parsed: ParsedFile[] = [];
  const secrets = new Map<string, SecretFinding[]>();
  const imported = importedAsWritten(base, rel);
  for (const collection of collectionNames) {
    const dir = join(base, collection);
    const tree = preread?.listings.get(collection) ?? listContentFiles(dir, rel);
    problems.push(...tree.problems);
    for (const path of tree.files) {
      const file = rel(path);
      const ext = extname(path);
      checked++;
      // Reported, and the file still checked, so all its other problems show in the same run.
      const badName = fileNameProblem(relative(dir, path).split(sep).join('/'));
      if (badName) problems.push(problem(file, 1, 1, badName));
      if (ext !== '.mdx') {
        if (ext === '.md') problems.push(problem(file, 1, 1, 'documents are .mdx files; rename this file to .mdx'));
        else problems.push(problem(file, 1, 1, `only .mdx documents belong in content/${collection}/; this file is ignored`, 'warning'));
        continue;
      }
      const result = parseFile(collection, path, file, problems, secrets, verdicts, imported, preread?.files.get(path));
      if (result) parsed.push(result);
    }
  }

  const site = loadSiteConfig(root);
  problems.push(...site.problems);
  const index = idIndex(parsed, audience);
  problems.push(...duplicateProblems(parsed));
  if (mayCollideInCase(parsed))
    problems.push(
      ...caseCollisions(
        parsed.flatMap((d) =>
          d.data
            ? urlNamesOf({
                collection: d.collection,
                slug: d.slug,
                file: d.file,
                id: d.data.id,
                idAt: d.frontMatter.locate(['id']),
                formerly: d.data.formerly.map((name, i) => ({ name, ...d.frontMatter.locate(['formerly', i]) })),
              })
            : [],
        ),
      ),
    );
  for (const doc of parsed) if (doc.data) problems.push(...checkReferences(doc, index));
  return { parsed, index, problems, checked, audience, secrets, documentFiles: documentFilePaths(base), settings: { today, trackers: site.config.trackers, ids: index } };
}

/** Phase three: bodies rendered (in any order, by anyone) become the documents of the build. */
export function assemble({ parsed, index, problems: found, checked, audience, secrets, documentFiles }: PreparedKnowledgeBase, renders: readonly RenderedBody[]): KnowledgeBase {
  const problems = [...found];
  const pages = sitePages(parsed, renders);
  for (const path of documentFiles) pages.set(path, { path });
  parsed.forEach((doc, i) => {
    for (const p of checkInternalLinks(renders[i]!.links, documentUrl(doc.collection, doc.slug), pages)) {
      problems.push(problem(doc.file, p.line + doc.source.bodyLine - 1, p.column, p.message, p.severity));
    }
  });
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const documents: LoadedDocument[] = [];
  parsed.forEach((doc, i) => {
    const rendered = renders[i]!;
    for (const p of rendered.problems) {
      problems.push(problem(doc.file, p.line + doc.source.bodyLine - 1, p.column, p.message));
    }
    if (!doc.data || doc.draft || rendered.problems.length > 0 || failed.has(doc.file)) return;
    if (!visibleTo(audience, doc.data.visibility)) return;
    documents.push({
      ...collectionDocument(doc.collection, doc.data),
      id: doc.data.id,
      slug: doc.slug,
      file: doc.file,
      html: rendered.html,
      headings: rendered.headings,
      mentions: rendered.mentions,
      tickets: [...new Set([...declaredTickets(doc.data), ...rendered.tickets])],
      words: rendered.words,
      terms: rendered.terms,
    });
  });
  const takenIds = new Set(index.keys());
  for (const doc of parsed) for (const former of doc.data?.formerly ?? []) takenIds.add(former);
  // A secret on a line with another problem (an unsafe link, a bad value) is never quoted by it.
  for (const p of problems) {
    const found = secrets.get(p.file);
    if (found) p.message = redactSecrets(p.message, found);
  }
  return { documents, problems, checked, takenIds, withheld: [...index.values()].filter((t) => !t.visible), drafts: draftsFor(parsed, audience), placeholders: placeholdersIn(parsed) };
}

/**
 * Imported documents nobody has edited since (`content/.import-map.json`), by file and the hash
 * of what the importer wrote. A `TODO` in one of them is the source's own words, so it is a
 * warning (and on /review/) until a person edits the document; from then on it is an error.
 */
function importedAsWritten(base: string, rel: (path: string) => string): Map<string, string> {
  const written = new Map<string, string>();
  try {
    for (const folder of Object.values(readImportMap(join(base, importMapFile)).imports)) for (const doc of Object.values(folder)) written.set(rel(join(base, doc.file)), doc.written);
  } catch {
    // No map, or one this version cannot read: nothing counts as imported.
  }
  return written;
}

function parseFile(
  collection: CollectionName,
  path: string,
  file: string,
  problems: Problem[],
  secretsIn: Map<string, SecretFinding[]>,
  { validated: validatedCache, secretFree }: Verdicts,
  imported?: ReadonlyMap<string, string>,
  preread?: { bytes: Uint8Array; source: SourceFile | Problem },
): ParsedFile | undefined {
  let bytes: Uint8Array;
  try {
    bytes = preread?.bytes ?? readFileSync(path);
  } catch (error) {
    problems.push(problem(file, 1, 1, `could not read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); it may have been moved while Cairn was reading, so run again`));
    return undefined;
  }
  const source = preread?.source ?? readSourceFile(file, bytes);
  if (isProblem(source)) {
    problems.push(source);
    return undefined;
  }
  // Secrets first, and whatever else is wrong: a pasted key must be reported even in a broken file.
  const digest = sourceDigest(collection, source.frontMatter, source.body);
  const secrets = secretFree?.has(digest) ? [] : [...findFrontMatterSecrets(source.frontMatter, source.frontMatterLine), ...findSecrets(source.body, source.bodyLine)];
  if (secrets.length > 0) secretsIn.set(file, secrets);
  else secretFree?.add(digest);
  for (const found of secrets) {
    problems.push(
      problem(
        file,
        found.line,
        found.column,
        `this looks like a ${found.kind}; remove it and have it revoked (it stays in git history once pushed). If it is a harmless example, put ${allowSecretMarker} in a comment on the line before`,
      ),
    );
  }
  // Front matter validated in an earlier run is not parsed again; its positions are read
  // from the YAML only if a message needs one (a reference that no longer resolves, say).
  const placeholders = findPlaceholders(source);
  const asImported = imported?.has(file) === true && imported.get(file) === hashOf(bytes);
  const placeholderProblems = (f: string, found: readonly Placeholder[]) => todoProblems(f, found, asImported);
  const slug = basename(path, '.mdx');
  const cached = validatedCache?.get(collection, source.frontMatter);
  if (cached) {
    const draft = isDraft(cached);
    if (!draft) problems.push(...placeholderProblems(file, placeholders));
    return { collection, file, slug, source, digest, frontMatter: lazyFrontMatter(source, cached), data: cached as DocumentData[CollectionName], draft, toFill: [], placeholders };
  }
  const frontMatter = parseFrontMatter(source);
  if (Array.isArray(frontMatter)) {
    problems.push(...frontMatter);
    // The ID still counts for everyone else, and the body is still checked: one broken line
    // of YAML is one problem, not one here and "unknown ID" in every file that links to it.
    const salvaged = salvagedFrontMatter(source);
    return { collection, file, slug, source, digest, frontMatter: salvaged, draft: isDraft(salvaged.data), toFill: [], placeholders };
  }
  const draft = isDraft(frontMatter.data);
  if (!draft) problems.push(...placeholderProblems(file, placeholders));
  const validated = validateFrontMatter(file, frontMatter, collections[collection].schema);
  const parsed: ParsedFile = { collection, file, slug, source, digest, frontMatter, draft, toFill: [], placeholders };
  if ('problems' in validated) {
    if (draft) {
      const folded = draftProblems(file, validated.problems);
      problems.push(...folded.problems);
      parsed.toFill = folded.toFill;
    } else problems.push(...validated.problems);
  } else {
    parsed.data = validated.data as DocumentData[CollectionName];
    validatedCache?.put(collection, source.frontMatter, validated.data);
  }
  return parsed;
}

/** Every page a body may link to: the site's own, each document's (with its headings), its former names, permanent links, cards and records, and tag pages. */
function sitePages(parsed: readonly ParsedFile[], renders: readonly RenderedBody[]): Map<string, SitePage> {
  const pages = new Map<string, SitePage>(fixedPages.map((path) => [path, { path }]));
  parsed.forEach((doc, i) => {
    if (!doc.data) return;
    const path = documentUrl(doc.collection, doc.slug);
    pages.set(path, { path, anchors: renders[i]!.headings.map((h) => h.slug) });
    for (const former of formerPageSlugs(doc.collection, doc.data.formerly)) pages.set(documentUrl(doc.collection, former), { path });
    for (const id of [doc.data.id, ...doc.data.formerly]) pages.set(`/go/${id}/`, { path: `/go/${id}/` });
    for (const url of [`/embed/${doc.data.id}/`, `/oembed/${doc.data.id}.json`, `/api/documents/${doc.data.id}.json`]) pages.set(url, { path: url });
    for (const tag of 'tags' in doc.data ? doc.data.tags : []) pages.set(`/tags/${tag}/`, { path: `/tags/${tag}/` });
  });
  return pages;
}

/** Whether any two IDs, former names or file names are equal ignoring case but not as written: only then are positions worth reading. */
function mayCollideInCase(parsed: readonly ParsedFile[]): boolean {
  const exact = new Set<string>();
  const folded = new Set<string>();
  for (const d of parsed) {
    if (!d.data) continue;
    for (const name of [d.data.id, ...d.data.formerly, `${d.collection}/${d.slug}`]) {
      exact.add(name);
      folded.add(name.toLowerCase());
    }
  }
  return folded.size !== exact.size;
}

/** Front matter whose validated data came from the cache: parsed for positions only when asked. */
function lazyFrontMatter(source: SourceFile, data: Record<string, unknown>): FrontMatter {
  let parsed: FrontMatter | undefined;
  const full = () => {
    const result = parseFrontMatter(source);
    parsed = Array.isArray(result) ? salvagedFrontMatter(source) : result;
    return parsed;
  };
  return { data, locate: (path) => (parsed ?? full()).locate(path), locateKey: (path) => (parsed ?? full()).locateKey(path) };
}

/** What can be read of front matter the YAML parser refused: plain `id:` and draft lines. */
function salvagedFrontMatter(source: SourceFile): FrontMatter {
  const id = /^id:[ \t]*["']?([A-Za-z0-9-]+)["']?[ \t]*$/m.exec(source.frontMatter)?.[1];
  const at = { line: 1, column: 1 };
  const data: Record<string, unknown> = id ? { id } : {};
  // A draft with a YAML slip is still a draft: its ID must not become a link anywhere.
  if (/^(?:status:[ \t]*["']?draft["']?|draft:[ \t]*true)[ \t]*$/m.test(source.frontMatter)) data.draft = true;
  return { data, locate: () => at, locateKey: () => at };
}

/** A `TODO` in a document about to be published is an error at its place. */
function todoProblems(file: string, placeholders: readonly Placeholder[], asImported: boolean): Problem[] {
  return placeholders.map((p) =>
    asImported
      ? problem(file, p.line, p.column, 'TODO left by the imported source; write what belongs here or remove it (once the document is edited, a TODO left in it is an error)', 'warning')
      : problem(
          file,
          p.line,
          p.column,
          'TODO placeholder in a published document; write what belongs here, or keep the document a draft (status: draft, or draft: true where status means something else) until it is ready',
        ),
  );
}

/**
 * Every ID in the knowledge base, including documents above this audience (marked not
 * visible) and documents whose other fields are wrong but whose ID is well formed, so one
 * mistake does not cascade into "unknown ID" reports elsewhere.
 */
function idIndex(parsed: readonly ParsedFile[], audience: Audience): IdIndex {
  const index = new Map<string, IdTarget>();
  for (const doc of parsed) {
    const raw = doc.frontMatter.data;
    const id = doc.data?.id ?? (typeof raw.id === 'string' && collections[doc.collection].id.pattern.test(raw.id) ? raw.id : undefined);
    if (id === undefined || index.has(id)) continue;
    const title = doc.data ? documentTitle(doc.data) : String(raw.title ?? raw.name ?? id);
    const visibility = doc.data?.visibility ?? 'restricted';
    // A draft is never published, so no other page may link to it.
    const visible = !doc.draft && (doc.data ? visibleTo(audience, visibility) : true);
    index.set(id, { id, collection: doc.collection, title, url: documentUrl(doc.collection, doc.slug), visible, visibility, draft: doc.draft });
  }
  return index;
}

/** The drafts an audience may read (a draft's visibility as written; restricted when unreadable). */
function draftsFor(parsed: readonly ParsedFile[], audience: Audience): DraftDocument[] {
  return parsed.flatMap((doc) => {
    const raw = doc.frontMatter.data;
    const visibility = typeof raw.visibility === 'string' && isAudience(raw.visibility) ? raw.visibility : raw.visibility === undefined ? 'internal' : 'restricted';
    if (!doc.draft || typeof raw.id !== 'string' || !visibleTo(audience, visibility)) return [];
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    return [
      {
        id: raw.id,
        collection: doc.collection,
        title: text(raw.title) ?? text(raw.name) ?? raw.id,
        file: doc.file,
        owner: text(raw.owner),
        created: text(raw.created),
        toFill: doc.toFill,
        placeholders: doc.placeholders.length,
      },
    ];
  });
}

/** `TODO`s in documents that are not drafts, with what the review queue needs to name them. */
function placeholdersIn(parsed: readonly ParsedFile[]): PlaceholderIn[] {
  return parsed.flatMap((doc) => {
    if (doc.draft) return [];
    const raw = doc.frontMatter.data;
    const id = typeof raw.id === 'string' ? raw.id : doc.slug;
    const title = typeof raw.title === 'string' ? raw.title : typeof raw.name === 'string' ? raw.name : id;
    const owner = typeof raw.owner === 'string' ? raw.owner : undefined;
    return doc.placeholders.map((p) => ({ ...p, id, collection: doc.collection, title, file: doc.file, owner }));
  });
}

/** Ticket keys from front matter: an incident's `tickets` and every action item's `ticket`. */
function declaredTickets(data: DocumentData[CollectionName]): string[] {
  const keys = 'tickets' in data ? [...data.tickets] : [];
  if ('action_items' in data) for (const item of data.action_items) if (item.ticket) keys.push(item.ticket);
  return keys;
}

/** Unknown IDs and IDs of the wrong collection in reference fields, at the field's place. */
function checkReferences(doc: ParsedFile, index: IdIndex): Problem[] {
  const problems: Problem[] = [];
  for (const ref of declaredReferences(doc.collection, doc.data as Record<string, unknown>)) {
    const reason = unresolvedReason(ref.to, ref.field.target, index);
    if (!reason) continue;
    const { line, column } = doc.frontMatter.locate(ref.path);
    problems.push(problem(doc.file, line, column, `${fieldName(ref.path)}: ${reason}`));
  }
  return problems;
}

/**
 * IDs are unique across the whole knowledge base; slugs within a collection. A former ID or
 * file name (`formerly`) must lead to one document only and must not shadow a current ID or
 * file name, or a redirect would replace a live page.
 */
function duplicateProblems(parsed: readonly ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  const valid = parsed.filter((d): d is ParsedFile & { data: DocumentData[CollectionName] } => d.data !== undefined);
  const byId = new Map<string, ParsedFile>();
  const slugs = new Set(valid.map((d) => `${d.collection}/${d.slug}`));
  for (const doc of valid) if (!byId.has(doc.data.id)) byId.set(doc.data.id, doc);
  const formerHolder = new Map<string, ParsedFile>();
  const bySlug = new Map<string, ParsedFile>();
  for (const doc of valid) {
    const first = byId.get(doc.data.id)!;
    if (first !== doc) {
      const { line, column } = doc.frontMatter.locate(['id']);
      problems.push(problem(doc.file, line, column, `duplicate ID ${doc.data.id}: ${first.file} already uses it; give this document an ID no other document uses`));
    }
    doc.data.formerly.forEach((former, i) => {
      const at = () => doc.frontMatter.locate(['formerly', i]);
      const current = byId.get(former);
      const earlier = formerHolder.get(former);
      if (current && current !== doc) {
        problems.push(problem(doc.file, at().line, at().column, `formerly: ${former} is the current ID of ${current.file}; a former ID cannot lead elsewhere, so remove it`));
      } else if (earlier && earlier !== doc) {
        problems.push(problem(doc.file, at().line, at().column, `formerly: ${former} already belongs to ${earlier.file}; a former ID can lead to one document only, so remove it here or there`));
      } else if (former === doc.slug || (former !== doc.data.id && slugs.has(`${doc.collection}/${former}`))) {
        problems.push(problem(doc.file, at().line, at().column, `formerly: ${former} is the name of a current ${doc.collection} file; its page would be replaced by a redirect, so remove it`));
      } else formerHolder.set(former, doc);
    });
    const slugKey = `${doc.collection}/${doc.slug}`;
    const sameSlug = bySlug.get(slugKey);
    if (sameSlug) problems.push(problem(doc.file, 1, 1, `two ${doc.collection} files are named ${doc.slug}.mdx (${sameSlug.file}); their pages would collide, so rename one`));
    else bySlug.set(slugKey, doc);
  }
  return problems;
}
