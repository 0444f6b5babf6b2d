import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { problem, type Problem } from './problems.ts';
import { trackerSchema } from './tickets.ts';

/** `cairn.config.json`: what the site needs to know of the organisation around it. */
const siteConfigSchema = z.looseObject({
  /** Ticket trackers whose keys become links. */
  trackers: z.array(trackerSchema).default([]),
  /** The repository that holds the content, for "edit this page" and "report a problem". */
  repository: z.url({ error: 'expected the repository URL, e.g. https://github.com/org/knowledge-base' }).optional(),
  /** The branch pull requests go to. */
  branch: z.string().min(1).default('main'),
});
export type SiteConfig = z.output<typeof siteConfigSchema>;

/**
 * Reads `cairn.config.json` at the project root (absent: defaults). A broken file is a
 * problem like any content problem, reported by `npm run check` and the build.
 */
export function loadSiteConfig(root: string, file = 'cairn.config.json'): { config: SiteConfig; problems: Problem[] } {
  const fallback = siteConfigSchema.parse({});
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return { config: fallback, problems: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { config: fallback, problems: [problem(file, 1, 1, `not valid JSON (${(error as Error).message}); fix the syntax`)] };
  }
  const parsed = siteConfigSchema.safeParse(json);
  if (!parsed.success) {
    return { config: fallback, problems: parsed.error.issues.map((i) => problem(file, 1, 1, `${i.path.join('.')}: ${i.message}`)) };
  }
  const problems: Problem[] = [];
  parsed.data.trackers.forEach((t, i) => {
    try {
      new RegExp(t.pattern);
    } catch (error) {
      problems.push(problem(file, 1, 1, `trackers[${i}].pattern: not a valid regular expression (${(error as Error).message})`));
    }
  });
  return { config: problems.length ? fallback : parsed.data, problems };
}

/** Where to edit a document and where to report a problem with it, when the repository is known. */
export function contributionLinks(config: SiteConfig, file: string, title: string): { edit: string; report: string } | undefined {
  if (!config.repository) return undefined;
  const repo = config.repository.replace(/\/$/, '');
  const body = `Document: ${file}\n\nWhat is wrong or missing:\n`;
  return {
    edit: `${repo}/edit/${encodeURIComponent(config.branch)}/${file.split('/').map(encodeURIComponent).join('/')}`,
    report: `${repo}/issues/new?${new URLSearchParams({ title: `Problem with ${title}`, body })}`,
  };
}
