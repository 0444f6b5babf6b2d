// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.CAIRN_SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.CAIRN_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  // @astrojs/mdx is for the site's own pages (about, contributing); documents go through src/loaders.
  integrations: [mdx()],
  // Shiki colours code with inline styles, which the strict CSP below forbids; the site's own
  // pages have no code worth colouring, and documents never go through Astro's Markdown.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // The dev server watches the project; build output, caches and benchmark sets can hold
  // tens of thousands of files, enough to exhaust the system's file watchers (ENOSPC), after
  // which saves go unnoticed. Content is watched by the loader itself.
  vite: {
    server: { watch: { ignored: ['**/.cairn-build/**', '**/dist/**', '**/dist-*/**', '**/.*.cairn-*/**', '**/.scratch/**', '**/.screenshots/**'] } },
    // Page scripts as files, never inlined: fetched once and cached instead of repeated in every
    // page (about 4.5 KB each, 45 MB at 10,000 documents, all of it parsed by Pagefind too).
    build: { assetsInlineLimit: 0 },
  },
  // Document pages carry a cacheKey (src/site/catalogue.ts): a rebuild reuses the pages whose
  // content is unchanged. The build gives each audience its own Astro cache (scripts/build.ts).
  experimental: { incrementalBuild: true },
  // Pages are written while others render: with the default of one at a time the build mostly
  // waits on the disk (measured: 12 s of 31 s idle at 2,000 documents).
  build: { format: 'directory', concurrency: 16 },
  // Every page carries a strict Content-Security-Policy as a <meta>; Astro hashes the scripts
  // and styles it emits. Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval'.
  // Hosts that set headers also get public/_headers (frame-ancestors cannot go in a <meta>).
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-src 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
