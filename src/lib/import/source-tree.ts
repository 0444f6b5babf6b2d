import { readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

/** One file of the folder being imported, and what the importer does with it. */
export interface SourceEntry {
  /** Path inside the imported folder, with `/`. */
  rel: string;
  kind: 'document' | 'file' | 'skipped';
  /** Why a skipped file is skipped, for the report. */
  reason?: string;
}

const markdownExt = /\.(md|markdown|mdown|mkd)$/i;
/** Files that a page may link to or show, copied when a document does. */
const linkableExt = /\.(png|jpe?g|gif|svg|webp|avif|ico|pdf|txt|csv|json|ya?ml|zip|gz|tgz|log|xlsx?|docx?|pptx?)$/i;

/**
 * Every file under `root`, sorted, each classed as a document (Markdown), a file documents may
 * link to (images, PDFs), or skipped with the reason. Names starting with a dot (`.git`,
 * `.github`) are tools' own state and skipped as one entry each.
 */
export function walkSource(root: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, d.name);
      const rel = relative(root, path).split('\\').join('/');
      if (d.name.startsWith('.')) entries.push({ rel, kind: 'skipped', reason: 'hidden (name starts with a dot)' });
      else if (d.isSymbolicLink()) entries.push({ rel, kind: 'skipped', reason: 'a symbolic link; links are not followed' });
      else if (d.isDirectory()) walk(path);
      else if (!d.isFile()) entries.push({ rel, kind: 'skipped', reason: 'not a regular file' });
      else entries.push(classify(rel));
    }
  };
  walk(root);
  return entries;
}

function classify(rel: string): SourceEntry {
  const name = rel.split('/').pop()!;
  if (markdownExt.test(name)) return { rel, kind: 'document' };
  if (/\.md\.erb$/i.test(name)) return { rel, kind: 'skipped', reason: 'an ERB template (.md.erb): Ruby code makes its text at build time; render it to Markdown and import that' };
  if (/\.mdx$/i.test(name)) return { rel, kind: 'skipped', reason: 'already MDX: copy it into content/ and run npm run check' };
  if (/\.html?\.(md|markdown)$/i.test(name)) return { rel, kind: 'document' };
  if (/\.html?$/i.test(name)) return { rel, kind: 'document' }; // a wiki's HTML export (Confluence) or plain HTML pages
  if (!extname(name)) return { rel, kind: 'skipped', reason: 'no file extension, so not known to be Markdown; rename it to .md to import it' };
  if (linkableExt.test(name)) return { rel, kind: 'file' };
  return { rel, kind: 'skipped', reason: `${extname(name)} is not Markdown and not a file type pages link to` };
}
