import type { Heading, Image, Link, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit, SKIP } from 'unist-util-visit';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { CollectionName } from '../collections/index.ts';
import { unknownToFill } from '../schemas/base.ts';
import { rewriteGeneratorSyntax } from './import/generator-syntax.ts';
import { folderPageNames, resolveLink } from './import/links.ts';
import { markdownToMdxTree, stringifyMdx } from './import/markdown-to-mdx.ts';
import { scaffold, type ScaffoldContext } from './scaffold.ts';
import { slugify } from './slugify.ts';
import { isProblem, splitFrontMatter } from './source-file.ts';

/** One Markdown source read and converted, before it has a place in the knowledge base. */
export interface PreparedDocument {
  /** Path inside the imported folder. */
  rel: string;
  title: string;
  summary: string | undefined;
  created: string | undefined;
  updated: string | undefined;
  tags: string[];
  aliases: string[];
  tree: Root;
  /** `{#id}` anchors of the source and the heading each was on, for links that use them. */
  ids: Map<string, string>;
  rewritten: Record<string, number>;
  notes: string[];
  /** Incident facts the source's front matter states: severity, status, detected. */
  facts: Record<string, unknown>;
}

/** A document ready to write, and what a person should know about it. */
export interface ImportedDocument {
  id: string;
  fileName: string;
  /** The new MDX file. */
  text: string;
  notes: string[];
  links: { fixed: number; unresolved: string[]; externalImages: number };
  /** Fields left for a person because the source does not say (`to_fill`). */
  toFill: string[];
}

/** Where links of a document go: a URL of the new site, or undefined when unresolvable (the link becomes its text). */
export type LinkRewriter = (url: string, kind: 'link' | 'image') => string | undefined;

const incidentFactKeys = ['severity', 'status', 'detected'];
const usedKeys = new Set([...incidentFactKeys, 'title', 'summary', 'description', 'excerpt', 'created', 'date', 'published', 'updated', 'modified', 'lastmod', 'last_modified', 'tags', 'aliases']);
/** Hugo/MkDocs keys that only steer the old site's layout: nothing is lost without them. */
const layoutKeys = new Set([
  'weight',
  'layout',
  'draft',
  'toc',
  'menu',
  'cover',
  'hide',
  'template',
  'sidebar',
  'nav_order',
  'permalink',
  'slug',
  'type',
  'bookCollapseSection',
  'bookFlatSection',
  'bookHidden',
  'bookToc',
  'geekdocCollapseSection',
]);

/**
 * Reads one Markdown file (a wiki page, a runbook): front matter, site-generator syntax and
 * HTML converted to an MDX tree; the title from the front matter, the first h1, or the folder
 * name for README/index pages; the first paragraph as summary; dates from the front matter,
 * the file name (`2019-05-12-…`) or a clear `Date:` line.
 */
export function prepareMarkdown(source: string, rel: string, folderName: string): PreparedDocument {
  const notes: string[] = [];
  let meta: Record<string, unknown> = {};
  let body = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/^---\s*\n/.test(body)) {
    const split = splitFrontMatter(rel, body);
    if (!isProblem(split)) {
      try {
        const parsed = parseYaml(split.frontMatter);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
        body = split.body;
      } catch {
        notes.push('its front matter is not valid YAML, so it was kept in the body as text');
      }
    }
  }
  const generator = rewriteGeneratorSyntax(body);
  const { tree, rewritten } = markdownToMdxTree(generator.markdown);
  for (const [k, v] of Object.entries(generator.rewritten)) rewritten[k] = (rewritten[k] ?? 0) + v;
  if (generator.dropped.length) notes.push(`shortcodes with no equivalent were left out: ${[...new Set(generator.dropped)].join(', ')}`);
  return preparedFromTree({ tree, rel, folderName, meta, text: body, ids: generator.ids, rewritten, notes });
}

/** What a converted page (Markdown or HTML) says about itself, to be prepared for writing. */
export interface ConvertedPage {
  tree: Root;
  rel: string;
  /** The imported folder's name: the title of a README/index page at its top. */
  folderName: string;
  /** Front matter, or what an HTML page's metadata gives (title, created, updated). */
  meta: Record<string, unknown>;
  /** The page as text, for a date written near its top. */
  text: string;
  ids: Map<string, string>;
  rewritten: Record<string, number>;
  notes: string[];
}

/** Title, summary, dates, tags and aliases of a converted page, from its metadata first and its content next. */
export function preparedFromTree({ tree, rel, folderName, meta, text: body, ids, rewritten, notes }: ConvertedPage): PreparedDocument {
  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  const first = tree.children[0];
  // A leading h1 is the title: it becomes the title when there is none, and goes either way.
  if (first?.type === 'heading' && first.depth === 1 && (!title || toString(first).trim() === title)) {
    title ||= toString(first).trim();
    tree.children.shift();
  }
  const name = rel
    .split('/')
    .pop()!
    .replace(/\.(html\.)?(md|markdown|mdown|mkd)$|\.html?$/i, '');
  if (!title) title = humanise(folderPageNames.includes(name.toLowerCase()) ? (rel.split('/').slice(-2, -1)[0] ?? folderName) : name);
  title = clip(title, 160);
  demoteHeadings(tree);

  const summary = pickString(meta, ['summary', 'description', 'excerpt']) ?? firstParagraph(tree);
  const created = pickDate(meta, ['created', 'date', 'published']) ?? dateInName(name) ?? dateInText(body);
  const updated = pickDate(meta, ['updated', 'modified', 'lastmod', 'last_modified']);
  const tags = Array.isArray(meta.tags)
    ? [
        ...new Set(
          meta.tags
            .filter((t): t is string => typeof t === 'string')
            .map(slugify)
            .filter(Boolean),
        ),
      ]
    : [];
  const aliases = Array.isArray(meta.aliases) ? meta.aliases.filter((a): a is string => typeof a === 'string' && a.length >= 2) : [];
  const left = Object.keys(meta).filter((k) => !usedKeys.has(k) && !layoutKeys.has(k));
  if (left.length) notes.push(`front-matter fields with no place in Cairn were left out: ${left.join(', ')}`);
  const facts = Object.fromEntries(incidentFactKeys.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]));
  return { rel, title, summary, created, updated, tags, aliases, tree, ids, rewritten, notes, facts };
}

/**
 * The MDX file of a prepared document: front matter built from the collection's scaffold as
 * an object and written by the YAML library, links re-pointed by `rewriteLink` (unresolvable
 * ones become their text), and what a person should look at in `notes`.
 */
export function writeDocument(doc: PreparedDocument, collection: CollectionName, context: ScaffoldContext, rewriteLink: LinkRewriter, placement?: { id: string; fileName: string }): ImportedDocument {
  const notes = [...doc.notes];
  const links = rewriteLinks(doc.tree, doc.ids, rewriteLink);
  if (links.externalImages) doc.rewritten['image hosted elsewhere → link'] = links.externalImages;
  const scaffolded = scaffold(collection, doc.title, context);
  let summaryToFill = false;
  const end = scaffolded.text.indexOf('\n---\n', 4);
  const data = parseYaml(scaffolded.text.slice(4, end)) as Record<string, unknown>;
  const fromScaffold = JSON.stringify(data);
  if (placement) data.id = placement.id;
  if (doc.summary) data.summary = doc.summary;
  else {
    // Nothing in the source to quote (a folder's index page, say): a summary that says so, listed to fill.
    data.summary = `${doc.title}: imported without a summary of its own.`.padEnd(10, '.');
    summaryToFill = true;
    notes.push('no summary found; one saying so was written, and summary is listed in to_fill');
  }
  if (doc.created) data.created = doc.created;
  else notes.push(`no date in the source; created is the import date ${context.today}`);
  if (doc.updated && doc.updated >= String(data.created)) data.updated = doc.updated;
  if (doc.tags.length) data.tags = doc.tags;
  if (doc.aliases.length) data.aliases = doc.aliases;
  // What the scaffold wrote and the source did not replace is a stand-in, not a fact (a service,
  // a risk, a verification date, `TODO: …`): listed for a person, as the importer's owner is
  // unless given with --owner. Empty lists claim nothing; IDs, titles and dates are the import's own.
  const scaffolded0 = JSON.parse(fromScaffold) as Record<string, unknown>;
  const standIns = Object.keys(data).filter((key) => {
    if (neutralFields.has(key) || (key === 'owner' && context.ownerGiven)) return false;
    const value = JSON.stringify(data[key]);
    return value !== '[]' && value !== '"unknown"' && (value.includes('TODO') || value === JSON.stringify(scaffolded0[key]));
  });
  // A stand-in's `TODO: …` text says what is missing, which to_fill now says: it is written as the
  // words pages show for it, so no placeholder is left for the check to stop on.
  for (const key of standIns) data[key] = withoutPlaceholders(data[key]);
  const toFill = [...new Set([...(collection === 'incidents' ? incidentFacts(doc.facts, data, notes) : []), ...(summaryToFill ? ['summary'] : []), ...standIns])];
  if (toFill.length > 0) data.to_fill = toFill;
  const frontMatter = stringifyYaml(data, { lineWidth: 0 }).trimEnd();
  const body = stringifyMdx(doc.tree);
  return { id: placement?.id ?? scaffolded.id, fileName: placement?.fileName ?? scaffolded.fileName, text: `---\n${frontMatter}\n---\n\n${body}\n`, notes, links, toFill };
}

function withoutPlaceholders(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('TODO') ? unknownToFill : value;
  if (Array.isArray(value)) return value.map(withoutPlaceholders);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPlaceholders(v)]));
  return value;
}

/** Fields the import sets itself or that claim nothing about the world: never listed in `to_fill`. */
const neutralFields = new Set(['id', 'title', 'summary', 'created', 'updated', 'tags', 'aliases', 'formerly', 'visibility', 'to_fill', 'status', 'review_every_days', 'severity', 'detected']);

/**
 * One Markdown file turned into a Cairn document of `collection` on its own (no other files
 * to link to): links to other pages of the source become their text.
 */
export function importMarkdown(source: string, name: string, collection: CollectionName, context: ScaffoldContext) {
  return writeDocument(prepareMarkdown(source, name, ''), collection, context, (url) => (resolveLink(url, name, new Set(), new Set()).kind === 'external' ? url : undefined));
}

/**
 * An imported incident states only what its source states: severity and detection time from
 * its front matter, or left out and listed in `to_fill`; status from the front matter, else
 * `postmortem` (the imported document is the incident's write-up).
 */
function incidentFacts(facts: Record<string, unknown>, data: Record<string, unknown>, notes: string[]): string[] {
  const toFill: string[] = [];
  const severity = /^sev\s*-?([1-4])$/i.exec(String(facts.severity ?? ''));
  if (severity) data.severity = `SEV${severity[1]}`;
  else {
    delete data.severity;
    toFill.push('severity');
  }
  const detected = facts.detected instanceof Date ? facts.detected.toISOString() : typeof facts.detected === 'string' ? facts.detected : '';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(detected)) data.detected = detected.replace(/\.\d+Z$/, 'Z');
  else {
    delete data.detected;
    toFill.push('detected');
  }
  const status = String(facts.status ?? '').toLowerCase();
  data.status = ['open', 'mitigated', 'resolved', 'postmortem', 'closed'].includes(status) ? status : 'postmortem';
  if (toFill.length) {
    data.to_fill = toFill;
    notes.push(`the source does not give the incident's ${toFill.join(' or ')}: left unknown (to_fill) for a person`);
  }
  return toFill;
}

function rewriteLinks(tree: Root, ids: Map<string, string>, rewrite: LinkRewriter) {
  const unresolved: string[] = [];
  let fixed = 0;
  let externalImages = 0;
  const slugger = new GithubSlugger();
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return undefined;
    const n = node as Link | Image;
    if (n.url.startsWith('#')) {
      const heading = ids.get(n.url.slice(1));
      if (heading !== undefined && heading !== '') n.url = `#${(slugger.reset(), slugger.slug(heading))}`;
      return undefined;
    }
    const to = rewrite(n.url, node.type === 'image' ? 'image' : 'link');
    if (to === n.url && node.type === 'image' && /^(https?:)?\/\//i.test(n.url) && parent && index !== undefined) {
      // Pages load nothing from the internet: an image hosted elsewhere becomes a link to it.
      const image = node as Image;
      parent.children.splice(index, 1, { type: 'link', url: image.url, children: [{ type: 'text', value: `Image: ${image.alt || image.url}` }] } as never);
      externalImages++;
      return SKIP;
    }
    if (to === n.url) return undefined;
    if (to !== undefined) {
      n.url = to;
      fixed++;
      return undefined;
    }
    unresolved.push(n.url);
    if (!parent || index === undefined) return undefined;
    // The reader keeps the words: a link becomes its text, an image its description.
    const replacement: RootContent[] = node.type === 'link' ? (node as Link).children : node.type === 'image' && (node as Image).alt ? [{ type: 'text', value: (node as Image).alt! }] : [];
    parent.children.splice(index, 1, ...(replacement as never[]));
    return [SKIP, index];
  });
  return { fixed, unresolved, externalImages };
}

/** The page shows the title as h1, so body headings start at h2. */
function demoteHeadings(tree: Root) {
  const headings: Heading[] = [];
  visit(tree, 'heading', (h) => {
    headings.push(h);
  });
  if (headings.some((h) => h.depth === 1)) for (const h of headings) h.depth = Math.min(6, h.depth + 1) as Heading['depth'];
}

/** The first paragraph with something to say (also inside a quote, as tldr pages start). */
/**
 * The first paragraph long enough to say something; failing that (a page of lists, tables or
 * code), the first list item or table cell that does, in the source's own words.
 */
function firstParagraph(tree: Root): string | undefined {
  for (const type of ['paragraph', 'listItem', 'tableCell'] as const) {
    let found: string | undefined;
    visit(tree, type, (node) => {
      const text = clip(toString(node).replace(/\s+/g, ' ').trim(), 400);
      if (text.length >= 10 && !found) found = text;
      return found ? false : undefined;
    });
    if (found) return found;
  }
  return undefined;
}

function humanise(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim() || 'Imported document';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function pickString(meta: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) if (typeof meta[k] === 'string' && (meta[k] as string).trim().length >= 10) return clip((meta[k] as string).trim(), 400);
  return undefined;
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);

function pickDate(meta: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = meta[k];
    const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined;
    if (s && isDay(s.slice(0, 10))) return s.slice(0, 10);
  }
  return undefined;
}

/** `2019-05-12-database-outage` → 2019-05-12. */
function dateInName(name: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[-_ ]|$)/.exec(name);
  return m && isDay(m[1]!) ? m[1] : undefined;
}

/** A `Date: 2019-05-12` line near the top, the way postmortem templates write it. */
function dateInText(body: string): string | undefined {
  const m = /^[*_\s|-]*(?:date|incident date|published|written on)[*_:\s|]+(\d{4}-\d{2}-\d{2})\b/im.exec(body.split('\n').slice(0, 30).join('\n'));
  return m && isDay(m[1]!) ? m[1] : undefined;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export { slugify };
