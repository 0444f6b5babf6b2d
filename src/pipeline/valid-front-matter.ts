import { collections, type CollectionName } from '../collections/index.ts';
import { parseFrontMatter } from '../lib/front-matter.ts';
import { validateFrontMatter } from '../lib/schema-problems.ts';

/** One document's front matter to parse and validate, apart from its body. */
export interface FrontMatterJob {
  collection: CollectionName;
  file: string;
  yaml: string;
}

/**
 * The validated data of front matter that has no problems, or undefined. Only the good case
 * runs in parallel: problems (and positions for them) are worked out by the main thread,
 * which parses such a file again, so every message is made in one place.
 */
export function validFrontMatter({ collection, file, yaml }: FrontMatterJob): Record<string, unknown> | undefined {
  const frontMatter = parseFrontMatter({ file, frontMatter: yaml, frontMatterLine: 2, body: '', bodyLine: 0 });
  if (Array.isArray(frontMatter)) return undefined;
  const validated = validateFrontMatter(file, frontMatter, collections[collection].schema);
  return 'data' in validated ? (validated.data as Record<string, unknown>) : undefined;
}
