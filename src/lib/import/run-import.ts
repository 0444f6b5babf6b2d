import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { collections, type CollectionName } from '../../collections/index.ts';
import { prepareMarkdown, writeDocument, type PreparedDocument } from '../import-markdown.ts';
import { nextId, type ScaffoldContext } from '../scaffold.ts';
import { slugify } from '../slugify.ts';
import { prepareHtmlPage } from './html-page.ts';
import { hashOf, importKey, importMapFile, readImportMap, writeImportMap, type MappedDocument } from './import-map.ts';
import { resolveLink } from './links.ts';
import { walkSource } from './source-tree.ts';

export interface ImportRequest {
  /** The folder to import; never written to. */
  source: string;
  collection: CollectionName;
  /** The content folder (absolute). */
  contentDir: string;
  context: ScaffoldContext & { ids: Set<string> };
}

/** Everything the importer did and what is left for a person, for the report. */
export interface ImportReport {
  written: { file: string; id: string; from: string }[];
  updated: { file: string; id: string; from: string }[];
  unchanged: number;
  /** Documents a person edited after the last import: left as they are. */
  keptEdited: { file: string; from: string }[];
  skipped: { from: string; reason: string }[];
  copied: string[];
  rewritten: Record<string, number>;
  linksFixed: number;
  unresolved: { from: string; url: string }[];
  notes: { from: string; note: string }[];
  /** Documents with facts the source does not give, left for a person (`to_fill`). */
  toFill: { file: string; fields: string[] }[];
}

/**
 * Imports a whole folder into one collection: every Markdown file becomes a document (a
 * README/index page is its folder's page), links between them point at the new pages, files
 * they link to are copied under `content/assets/<collection>/`, and the mapping from source to
 * document is kept in `content/.import-map.json` so that importing again updates instead of
 * duplicating. A file that cannot be converted is reported and the rest go on.
 */
export function runImport({ source, collection, contentDir, context }: ImportRequest): ImportReport {
  const report: ImportReport = { written: [], updated: [], unchanged: 0, keptEdited: [], skipped: [], copied: [], rewritten: {}, linksFixed: 0, unresolved: [], notes: [], toFill: [] };
  const sourceRoot = resolve(source);
  const entries = walkSource(sourceRoot);
  for (const e of entries) if (e.kind === 'skipped') report.skipped.push({ from: e.rel, reason: e.reason! });
  const files = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.rel));
  const collectionDir = join(contentDir, collection);
  mkdirSync(collectionDir, { recursive: true });
  const mapPath = join(contentDir, importMapFile);
  const map = readImportMap(mapPath);
  const key = importKey(collection, sourceRoot);
  const mapped: Record<string, MappedDocument> = (map.imports[key] ??= {});

  const prepared: { doc: PreparedDocument; sourceHash: string }[] = [];
  for (const e of entries.filter((x) => x.kind === 'document')) {
    try {
      const text = readFileSync(join(sourceRoot, e.rel), 'utf8');
      if (text.includes('\u0000')) {
        report.skipped.push({ from: e.rel, reason: 'binary content in a Markdown file' });
        continue;
      }
      const doc = /\.html?$/i.test(e.rel) ? prepareHtmlPage(text, e.rel, basename(sourceRoot)) : prepareMarkdown(text, e.rel, basename(sourceRoot));
      prepared.push({ doc, sourceHash: hashOf(text) });
    } catch (error) {
      report.skipped.push({ from: e.rel, reason: `could not be converted (${(error as Error).message.split('\n')[0]}); import it by hand` });
    }
  }

  // Every document's place first, so that links can point at pages not yet written.
  const taken = new Set(listSlugs(collectionDir));
  for (const m of Object.values(mapped)) taken.add(basename(m.file, '.mdx'));
  const placeOf = new Map<string, { id: string; file: string }>();
  for (const { doc } of prepared) {
    const before = mapped[doc.rel];
    if (before) {
      placeOf.set(doc.rel, { id: before.id, file: before.file });
      continue;
    }
    const id = nextId(collection, context.ids, doc.title, doc.created ?? context.today); // an incident's ID carries its year
    context.ids.add(id);
    const slug = freeSlug(doc, collection, id, taken);
    taken.add(slug);
    placeOf.set(doc.rel, { id, file: `${collection}/${slug}.mdx` });
  }
  const documents = new Set(placeOf.keys());
  const urlOf = (rel: string) => `/${collection}/${basename(placeOf.get(rel)!.file, '.mdx')}/`;

  for (const { doc, sourceHash } of prepared) {
    const place = placeOf.get(doc.rel)!;
    const target = join(contentDir, place.file);
    const before = mapped[doc.rel];
    if (before) {
      if (!existsSync(target)) {
        report.keptEdited.push({ file: place.file, from: doc.rel });
        continue;
      }
      if (hashOf(readFileSync(target, 'utf8')) !== before.written) {
        report.keptEdited.push({ file: place.file, from: doc.rel });
        continue;
      }
      if (before.source === sourceHash) {
        report.unchanged++;
        continue;
      }
    }
    const rewrite = (url: string): string | undefined => {
      const to = resolveLink(url, doc.rel, documents, files);
      const anchor = url.includes('#') ? url.slice(url.indexOf('#')) : '';
      if (to.kind === 'external') return url;
      if (to.kind === 'document') return `${urlOf(to.path)}${anchor}`;
      if (to.kind === 'file') return copyFile(to.path);
      return undefined;
    };
    const copyFile = (rel: string) => {
      const dest = join(contentDir, 'assets', collection, ...rel.split('/').map((p) => slugify(p.replace(/\.[^.]+$/, '')) + (/\.[^.]+$/.exec(p)?.[0].toLowerCase() ?? '')));
      if (!existsSync(dest)) {
        mkdirSync(dirname(dest), { recursive: true });
        copyFileSync(join(sourceRoot, rel), dest);
        report.copied.push(relative(contentDir, dest));
      }
      return `/${relative(contentDir, dest).split('\\').join('/')}`;
    };
    const out = writeDocument(doc, collection, context, rewrite, { id: place.id, fileName: basename(place.file) });
    writeFileSync(target, out.text, { flag: before ? 'w' : 'wx' });
    mapped[doc.rel] = { id: place.id, file: place.file, source: sourceHash, written: hashOf(out.text) };
    (before ? report.updated : report.written).push({ file: place.file, id: place.id, from: doc.rel });
    for (const [k, v] of Object.entries(doc.rewritten)) report.rewritten[k] = (report.rewritten[k] ?? 0) + v;
    report.linksFixed += out.links.fixed;
    for (const url of out.links.unresolved) report.unresolved.push({ from: doc.rel, url });
    for (const note of out.notes) report.notes.push({ from: doc.rel, note });
    if (out.toFill.length) report.toFill.push({ file: place.file, fields: out.toFill });
  }
  writeImportMap(mapPath, map);
  return report;
}

/** The file name its collection derives from the ID (incidents), else the title's slug; when a page already has it, the folder's name before it; then a number. */
function freeSlug(doc: PreparedDocument, collection: CollectionName, id: string, taken: ReadonlySet<string>): string {
  const named = collections[collection].scaffold.fileName;
  if (named) return named(id, slugify(doc.title) || 'untitled');
  // Titles such as `[` or `%` (tldr pages) have no letters: the ID names the page then.
  const own = slugify(doc.title) || id.toLowerCase();
  const folder = slugify(
    posix
      .dirname(doc.rel)
      .split('/')
      .filter((p) => p !== '.')
      .pop() ?? '',
  );
  for (const candidate of [own, folder ? `${folder}-${own}` : own]) if (!taken.has(candidate)) return candidate;
  for (let n = 2; ; n++) if (!taken.has(`${own}-${n}`)) return `${own}-${n}`;
}

function listSlugs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => basename(e.name, '.mdx'));
}
