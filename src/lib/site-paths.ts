import { closest } from './suggest.ts';
import { collectionNames, collections, type CollectionName } from '../collections/index.ts';
import type { InternalLink } from '../plugins/remark-internal-links.ts';

/**
 * Which `formerly` entries are old file names (and keep an old page URL alive) rather than
 * old IDs (which live under /go/). Where IDs are slugs (teams, services), they are both.
 */
export function formerPageSlugs(collection: CollectionName, formerly: readonly string[]): string[] {
  const { id } = collections[collection];
  return formerly.filter((f) => id.kind === 'slug' || !id.pattern.test(f));
}

/** A page of the site a body may link to, with the anchors its body makes. */
export interface SitePage {
  path: string;
  anchors?: readonly string[];
}

/** The site's own pages that exist whatever the content. */
export const fixedPages = [
  '/',
  '/search/',
  '/lessons/',
  '/impact/',
  '/insights/',
  '/review/',
  '/tags/',
  '/about/',
  '/feed.xml',
  '/sitemap.xml',
  ...['manifest', 'graph', 'insights', 'review', 'quickjump', 'tickets', 'vocabulary'].map((n) => `/api/${n}.json`),
  ...collectionNames.map((c) => `/${c}/`),
];

/** `/runbooks/vpn` → `/runbooks/vpn/`: paths without a file extension are folders on every host. */
function normalise(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // keep as written; it will not match and is reported
  }
  return /\/$|\.[a-z0-9]+$/i.test(decoded) ? decoded : `${decoded}/`;
}

/** Pages by the folder they are in (`/runbooks/` → their slugs and paths), per set of pages: built once, asked once per broken link. */
const foldersOf = new WeakMap<ReadonlyMap<string, SitePage>, Map<string, { slugs: string[]; paths: string[] }>>();

const folderOf = (path: string) => path.replace(/[^/]*\/?$/, '');

/**
 * The page closest to a path that does not exist: among the pages of its folder, or, when the
 * folder itself is mistyped (`/runbok/x/`), of the closest folder. Comparing with every page
 * of the site took seconds per link at 10,000 documents (40,000 pages, most of them records).
 */
function nearestPage(path: string, pages: ReadonlyMap<string, SitePage>): string[] {
  let folders = foldersOf.get(pages);
  if (!folders) {
    folders = new Map();
    for (const page of pages.keys()) {
      const folder = folderOf(page);
      let inFolder = folders.get(folder);
      if (!inFolder) folders.set(folder, (inFolder = { slugs: [], paths: [] }));
      inFolder.slugs.push(page.slice(folder.length));
      inFolder.paths.push(page);
    }
    foldersOf.set(pages, folders);
  }
  const folder = folderOf(path);
  const inFolder = folders.get(folder) ?? folders.get(closest(folder, [...folders.keys()], 1)[0] ?? '');
  const near = inFolder ? closest(path.slice(folder.length), inFolder.slugs, 1)[0] : undefined;
  return near === undefined ? [] : [inFolder!.paths[inFolder!.slugs.indexOf(near)]!];
}

/**
 * Problems with links written as site paths or anchors: a page that does not exist (with the
 * closest that does) is an error; an anchor that is not a heading of its page is a warning,
 * since the page layout adds sections of its own (backlinks, related).
 */
export function checkInternalLinks(
  links: readonly InternalLink[],
  ownPath: string,
  pages: ReadonlyMap<string, SitePage>,
): { line: number; column: number; message: string; severity: 'error' | 'warning' }[] {
  const problems: { line: number; column: number; message: string; severity: 'error' | 'warning' }[] = [];
  for (const link of links) {
    const [pathAndQuery, anchor] = link.url.split('#', 2) as [string, string | undefined];
    const path = pathAndQuery === '' ? ownPath : normalise(pathAndQuery.split('?')[0]!);
    const page = pages.get(path);
    if (!page) {
      const near = nearestPage(path, pages);
      problems.push({
        ...link,
        severity: 'error',
        message: `link to ${pathAndQuery}: no page of this site is there; ${near.length ? `did you mean ${near[0]}?` : 'link to a document by its ID instead, e.g. RB-0042'}`,
      });
    } else if (anchor && page.anchors && !page.anchors.includes(decodeURIComponent(anchor))) {
      const near = closest(anchor, page.anchors, 1);
      problems.push({ ...link, severity: 'warning', message: `link to ${link.url}: ${page.path} has no heading #${anchor}${near.length ? `; did you mean #${near[0]}?` : ''}` });
    }
  }
  return problems;
}
