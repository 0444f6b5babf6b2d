import { escapeHtml } from '../lib/escape.ts';
import type { DocumentSummary } from '../lib/documents.ts';
import type { KeyField } from '../collections/descriptor.ts';
import { keyFields } from '../lib/key-fields.ts';
import { collections } from '../collections/index.ts';
import type { Catalogue } from './catalogue.ts';

/**
 * The per-document files that need no page template: a permanent link's page, the oEmbed
 * answer and the JSON record. `npm run build` writes them straight from the catalogue after
 * Astro has built the pages (a third of Astro's routes otherwise, for a few bytes each); the
 * dev server serves them through routes that call these same functions.
 */

/**
 * Whether Astro renders every record page itself: under `npm run dev`, and in a build with
 * `CAIRN_ASTRO_RECORDS=1`, which the tests use to prove the written files are the same bytes.
 */
export function astroRendersRecords(prod: boolean): boolean {
  return !prod || process.env.CAIRN_ASTRO_RECORDS === '1';
}

/** `/go/<ID>/`: where a permanent link (or a former ID) leads. */
export function permalinkPaths(catalogue: Catalogue): { id: string; doc: DocumentSummary }[] {
  // IDs are unique regardless of case (the check sees to it), so a link typed in lower case
  // (`/go/inc-2026-011/`) gets a page of its own on hosts whose paths are case-sensitive.
  const spellings = (id: string) => (id === id.toLowerCase() ? [id] : [id, id.toLowerCase()]);
  return catalogue.all.flatMap((doc) => [doc.id, ...catalogue.entries.get(doc.id)!.data.formerly].flatMap(spellings).map((id) => ({ id, doc })));
}

/** oEmbed 1.0, type `rich`: an iframe of the document's embed card. */
export function oembedRecord(doc: DocumentSummary, site: URL | string): string {
  const embed = new URL(`/embed/${encodeURIComponent(doc.id)}/`, site).href;
  const width = 480;
  const height = 240;
  const title = `${doc.id} ${doc.title}`;
  return JSON.stringify({
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Cairn',
    provider_url: new URL('/', site).href,
    width,
    height,
    html: `<iframe src="${escapeHtml(embed)}" width="${width}" height="${height}" title="${escapeHtml(title)}" style="border:0" loading="lazy"></iframe>`,
  });
}

/** `api/documents/<ID>.json`: one document's metadata, key fields, tickets and links both ways. */
export function documentRecord({ byId, entries, graph, ticketsOf, today }: Catalogue, id: string, site: URL | string): string {
  const doc = byId.get(id)!;
  const edge = (other: string, e: { kind: string; inferred: boolean; reason?: string | undefined }) => ({ id: other, kind: e.kind, inferred: e.inferred, reason: e.reason ?? null });
  return JSON.stringify(
    {
      ...doc,
      permalink: new URL(`/go/${encodeURIComponent(id)}/`, site).href,
      keyFields: keyFields(entries.get(id)!, today, (ref) => byId.get(ref)?.title ?? ref),
      tickets: ticketsOf.get(id) ?? [],
      links: { out: graph.from(id).map((e) => edge(e.to, e)), in: graph.to(id).map((e) => edge(e.from, e)) },
    },
    null,
    1,
  );
}

// Astro's own escaping, so a written page is byte for byte what the Redirect layout renders.
const text = (s: string) => s.replace(/[&<>'"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[c]!);
const attribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page of src/layouts/Redirect.astro, written without Astro: on at once, keeping any
 * `#fragment`, a plain link when scripts are off, and what unfurls the link in chat tools.
 * `csp` is the site's CSP `<meta>` element.
 */
export function redirectPage(doc: Pick<DocumentSummary, 'id' | 'title' | 'summary' | 'url'>, site: URL | string, csp: string): string {
  const to = doc.url;
  const title = `${doc.id} ${doc.title}`;
  const target = new URL(to, site).href;
  const oembed = new URL(`/oembed/${encodeURIComponent(doc.id)}.json`, site).href;
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${text(title)}</title><meta name="robots" content="noindex"><meta name="description" content="${attribute(doc.summary)}"><link rel="canonical" href="${attribute(target)}"><meta property="og:site_name" content="Cairn"><meta property="og:type" content="article"><meta property="og:title" content="${attribute(title)}"><meta property="og:description" content="${attribute(doc.summary)}"><meta property="og:url" content="${attribute(target)}"><meta name="twitter:card" content="summary"><link rel="alternate" type="application/json+oembed" href="${attribute(oembed)}" title="${attribute(title)}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script src="/go.js" data-target="${attribute(to)}"></script><noscript><meta http-equiv="refresh" content="${attribute(`0; url=${to}`)}"></noscript>${csp}</head><body><p>This link leads to <a href="${attribute(to)}">${text(title)}</a>.</p></body></html>`;
}

/** What an embed card shows, the same for the Astro page and the written one. */
export interface EmbedCard {
  id: string;
  title: string;
  summary: string;
  /** The document's page, absolute. */
  page: string;
  /** The collection's singular label, e.g. Incident. */
  kind: string;
  severity?: string;
  status?: string;
  /** At most three key facts; severity and status are badges already. */
  fields: KeyField[];
}

export function embedCard({ byId, entries, today }: Catalogue, id: string, site: URL | string): EmbedCard {
  const doc = byId.get(id)!;
  const entry = entries.get(id)!;
  const data = entry.data;
  const name = (ref: string) => byId.get(ref)?.title ?? ref;
  const severity = 'severity' in data ? data.severity : undefined;
  return {
    id,
    title: doc.title,
    summary: doc.summary,
    page: new URL(doc.url, site).href,
    kind: collections[doc.collection].singular,
    ...(severity ? { severity } : {}),
    ...(doc.status ? { status: doc.status } : {}),
    fields: keyFields(entry, today, name)
      .filter((f) => f.label !== 'Severity' && f.label !== 'Status')
      .slice(0, 3),
  };
}

/**
 * The page of src/pages/embed/[id].astro, written without Astro. `head` is what every card
 * shares, taken from the one Astro rendered: from the CSP `<meta>` to the end of `<head>`.
 */
export function embedPage(card: EmbedCard, head: string): string {
  const badges = `${card.severity ? `<span class="badge ${attribute(card.severity.toLowerCase())}">${text(card.severity)}</span>` : ''}${card.status ? `<span class="badge">${text(card.status)}</span>` : ''}`;
  const fields = card.fields.map((f) => `<div><dt>${text(f.label)}</dt><dd title="${attribute(f.value)}">${text(f.value)}</dd></div>`).join('');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><title>${text(card.id)} ${text(card.title)}</title><link rel="canonical" href="${attribute(card.page)}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><base target="_top">${head}<body><main><article class="card"><div class="top"><span class="id">${text(card.id)}</span><span>${text(card.kind)}</span>${badges}</div><h1 class="clamp" title="${attribute(card.title)}"><a href="${attribute(card.page)}">${text(card.title)}</a></h1><p class="clamp">${text(card.summary)}</p><dl>${fields}</dl><a class="open" href="${attribute(card.page)}">Open in Cairn →</a></article></main></body></html>`;
}
