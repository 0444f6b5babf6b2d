import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** What a reader would trip over in a built site: links and images that lead nowhere, markup shown as text. */
export interface SiteAudit {
  pages: number;
  documentPages: number;
  /** Local `href`/`src` values (page, target) whose target the site does not contain. */
  broken: { page: string; url: string }[];
  /** Document pages whose text shows HTML tags or generator syntax, with what was seen. */
  literal: { page: string; seen: string }[];
}

/** Tags that, seen as text outside code, mean markup was printed instead of rendered. */
const literalHtml =
  /<\/?(?:details|summary|sup|sub|kbd|mark|br|img|table|tr|td|th|thead|tbody|div|span|p|a|b|i|u|strong|em|ul|li|ol|h[1-6]|iframe|video|small|center|font|hr|dl|dt|dd)(?:\s[^<>]*)?\/?>/i;
/** Site-generator syntax that should have been rewritten. */
const generatorSyntax = /\{\{[<%]|^!!! |\[!(?:NOTE|TIP|WARNING|IMPORTANT|CAUTION)\]|\[\[_TOC_\]\]|\{#[A-Za-z][\w-]*\}/m;

/**
 * Crawls every HTML page of a built site: each local link or image (`/path`, `path`) must lead
 * to a file of the site (a folder's index.html counts), and a document's prose (`.prose`,
 * without code) must not show HTML or generator syntax as text.
 */
export function auditSite(site: string, collections: readonly string[]): SiteAudit {
  const audit: SiteAudit = { pages: 0, documentPages: 0, broken: [], literal: [] };
  const known = new Map<string, boolean>();
  const exists = (path: string) => {
    let hit = known.get(path);
    if (hit === undefined) {
      const file = join(site, decodeURIComponent(path));
      hit = existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
      known.set(path, hit);
    }
    return hit;
  };
  for (const rel of htmlFiles(site)) {
    audit.pages++;
    const page = `/${rel.replace(/index\.html$/, '')}`;
    const root = parse(readFileSync(join(site, rel), 'utf8'));
    for (const el of root.querySelectorAll('[href], [src]')) {
      for (const attr of ['href', 'src']) {
        const url = el.getAttribute(attr);
        if (!url || /^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) continue;
        const path = posix.normalize(url.startsWith('/') ? url.split(/[?#]/)[0]! : posix.join(page, url.split(/[?#]/)[0]!));
        if (!exists(path)) audit.broken.push({ page, url });
      }
    }
    if (!collections.some((c) => page.startsWith(`/${c}/`) && page !== `/${c}/`)) continue;
    const prose = root.querySelector('.prose');
    if (!prose) continue;
    audit.documentPages++;
    for (const code of prose.querySelectorAll('pre, code')) code.remove();
    const text = (prose as HTMLElement).textContent;
    const seen = literalHtml.exec(text)?.[0] ?? generatorSyntax.exec(text)?.[0];
    if (seen) audit.literal.push({ page, seen });
  }
  return audit;
}

function htmlFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => posix.join(e.parentPath.slice(site.length).split('\\').join('/').replace(/^\//, ''), e.name))
    .sort();
}
