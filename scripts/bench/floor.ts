/**
 * "The floor": the least a static site over the same MDX costs. A bare Astro project with
 * @astrojs/mdx compiles every document as a module onto one page each, then Pagefind indexes
 * the result. Same Astro, MDX and Pagefind as Cairn: the project's own node_modules is linked
 * in, so no version can differ. Components are the plainest Astro equivalents of Cairn's.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const components = ['Callout', 'Steps', 'Checklist', 'Timeline', 'Event', 'Decision', 'KeyFigure', 'ActionItems'];

/** Writes the floor project into `dir` over the content folder `contentDir`; returns its root. */
export function writeFloorProject(dir: string, contentDir: string, projectRoot: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(join(dir, 'src', 'components'), { recursive: true });
  symlinkSync(resolve(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()], cacheDir: './.astro-cache', build: { format: 'directory' }, markdown: { syntaxHighlight: false } });\n`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { docs: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(resolve(contentDir))} }) }) };\n`,
  );
  for (const name of components) writeFileSync(join(dir, 'src', 'components', `${name}.astro`), `<div class="${name.toLowerCase()}"><slot /></div>\n`);
  writeFileSync(
    join(dir, 'src', 'pages', '[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
${components.map((c) => `import ${c} from '../components/${c}.astro';`).join('\n')}
export async function getStaticPaths() {
  return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title ?? entry.data.name}</title></head>
<body><main data-pagefind-body><h1>{entry.data.title ?? entry.data.name}</h1><Content components={{ ${components.join(', ')} }} /></main></body></html>
`,
  );
  return dir;
}
