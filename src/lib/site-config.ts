import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { httpUrl } from '../schemas/http-url.ts';
import { parseJsonFile } from './json-file.ts';
import type { Problem } from './problems.ts';
import { validateFrontMatter } from './schema-problems.ts';
import { trackerSchema } from './tickets.ts';

/** `cairn.config.json`: what the site needs to know of the organisation around it. */
const siteConfigSchema = z.strictObject({
  /** A note for people reading the file; ignored. */
  $comment: z.string().optional(),
  /** A JSON Schema for editors; ignored. */
  $schema: z.string().optional(),
  /** Ticket trackers whose keys become links. */
  trackers: z.array(trackerSchema).default([]),
  /** The repository that holds the content, for "edit this page" and "report a problem". */
  repository: httpUrl('https://github.com/org/knowledge-base').optional(),
  /** The branch pull requests go to. */
  branch: z.string().min(1).default('main'),
  /** The address readers open the site at: every link Cairn hands out (copy link, embeds, oEmbed, feeds, sitemap) starts with it. `CAIRN_SITE_URL` overrides it. */
  site_url: httpUrl('https://kb.example.org').optional(),
});
export type SiteConfig = z.output<typeof siteConfigSchema>;

/**
 * Reads `cairn.config.json` at the project root (absent: defaults). A broken file is a
 * problem like any content problem, reported by `npm run check` and the build, at the line
 * and column of the value that is wrong; the defaults are used until it is fixed.
 */
export function loadSiteConfig(root: string, file = 'cairn.config.json'): { config: SiteConfig; problems: Problem[] } {
  const fallback = siteConfigSchema.parse({});
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return { config: fallback, problems: [] };
  }
  const json = parseJsonFile(file, text);
  if (Array.isArray(json)) return { config: fallback, problems: json };
  const result = validateFrontMatter(file, json, siteConfigSchema, file);
  if ('problems' in result) return { config: fallback, problems: result.problems };
  return { config: result.data, problems: [] };
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

/** Where links point when no address is set: the preview server. */
export const localSiteUrl = 'http://localhost:4321';

/** The site's address and where it came from: the environment beats the file; neither means localhost. */
export function siteAddress(config: SiteConfig, env: NodeJS.ProcessEnv = process.env): { url: string; from?: 'CAIRN_SITE_URL' | 'cairn.config.json' } {
  if (env.CAIRN_SITE_URL) return { url: env.CAIRN_SITE_URL, from: 'CAIRN_SITE_URL' };
  if (config.site_url) return { url: config.site_url, from: 'cairn.config.json' };
  return { url: localSiteUrl };
}

/** The start of absolute links in messages read away from the site (review, notify): the address when one is set, else nothing (site paths). */
export function linkBase(config: SiteConfig, env: NodeJS.ProcessEnv = process.env): string {
  const address = siteAddress(config, env);
  return address.from ? address.url.replace(/\/$/, '') : '';
}

/** What the build says when no address is set, so nobody ships links that lead to localhost unawares. */
export const noSiteAddressWarning = `No site address is set, so every link Cairn hands out (copy link, embed cards, oEmbed, feeds, sitemap) points at ${localSiteUrl}. Set "site_url" in cairn.config.json, or CAIRN_SITE_URL, to the address readers use.`;
