// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.CAIRN_SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.CAIRN_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  // @astrojs/mdx is for the site's own pages (about, contributing); documents go through src/loaders.
  integrations: [mdx()],
  devToolbar: { enabled: false },
  build: { format: 'directory' },
});
