// npm run build [-- --no-cache]: check and render every document once, build the site with
// Astro in this process from those renders, index it for search, verify that it holds
// exactly this audience's documents, then swap it into place. Any failure leaves the
// previous site exactly as it was.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { documentFilesUsed, publishDocumentFiles } from '../src/lib/document-files.ts';
import { loadKnowledgeBaseFast } from '../src/pipeline/knowledge-base.ts';
import { formatProblems, hasErrors } from '../src/lib/problems.ts';
import { loadSiteConfig, noSiteAddressWarning, siteAddress } from '../src/lib/site-config.ts';
import { vocabularyOf, wordCounts } from '../src/lib/vocabulary.ts';
import { documentTitle } from '../src/lib/documents.ts';
import { astroCacheFor, createStaging, removeStaging, swapIn, type Staging } from '../src/pipeline/output.ts';
import { count, progress } from '../src/pipeline/progress.ts';
import { openRenderCache } from '../src/pipeline/render-cache.ts';
import { provideSession, sessionOf } from '../src/pipeline/session.ts';
import { openBodyStore } from '../src/pipeline/body-store.ts';
import { verifyOutput } from '../src/pipeline/verify-output.ts';
import { builtCatalogue, writeRecords } from '../src/pipeline/write-records.ts';
import { astroRendersRecords } from '../src/site/records.ts';
import { startIndexing } from './search-index.ts';

const { values: flags } = parseArgs({ options: { 'no-cache': { type: 'boolean', default: false } } });
const root = process.cwd();
const options = loadOptionsFromEnv(root);
const outDir = resolve(root, process.env.CAIRN_OUT_DIR ?? 'dist');
const cacheRoot = resolve(root, process.env.CAIRN_CACHE_DIR ?? join('.cairn-build', 'cache'));
const audience = options.audience ?? 'internal';
const steps = progress();
let staging: Staging | undefined;
let releaseAstroCache = () => {};
let stopIndexing = () => {};

// A killed build takes its workspace with it; render workers are threads and end with it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopIndexing();
    if (staging) removeStaging(staging);
    releaseAstroCache();
    console.error(`\nBuild stopped by ${signal}; ${outDir} was not touched.`);
    process.kill(process.pid, signal);
  });
}

async function build(): Promise<boolean> {
  const started = performance.now();
  steps.phase('Checking and rendering');
  const siteConfig = loadSiteConfig(root).config;
  const trackers = JSON.stringify(siteConfig.trackers);
  const address = siteAddress(siteConfig);
  const cache = flags['no-cache'] ? undefined : openRenderCache(join(cacheRoot, 'render'), audience, trackers);
  const kb = await loadKnowledgeBaseFast(options, { cache, onProgress: (done, total) => steps.update(`${count(done)} / ${count(total)} documents`) });
  if (kb.problems.length > 0) steps.log(formatProblems(kb.problems, 'text'));
  if (hasErrors(kb.problems)) {
    steps.finish();
    console.error(`\nBuild stopped: fix the content problems above (\`npm run check\` lists them). ${outDir} was not touched.`);
    return false;
  }
  steps.log(`${count(kb.checked)} files checked, ${count(kb.documents.length)} documents for the ${audience} audience; ${count(kb.fromCache)} renders from the cache`);
  steps.log(address.from ? `Links point at ${address.url} (from ${address.from})` : `Warning: ${noSiteAddressWarning}`);
  const graphStarted = performance.now();
  // Its body store is opened below, once the staging folder exists.
  const session = sessionOf(options, kb);
  const inferred = session.graph.edges.filter((e) => e.inferred).length;
  steps.log(`Content graph: ${count(session.graph.edges.length - inferred)} declared and ${count(inferred)} inferred links in ${Math.round(performance.now() - graphStarted)} ms`);
  provideSession(session);
  // Titles and aliases too: a word only a title uses is still a word "did you mean" may offer.
  const vocabulary = JSON.stringify(vocabularyOf(kb.documents.flatMap((d) => [wordCounts(`${documentTitle(d.data)} ${d.data.aliases.join(' ')} ${d.data.summary}`), d.words])));
  // Files documents link to: only those a published page uses, so none reaches a wider audience.
  // Read now: the content loader lets go of each page's HTML once Astro has it.
  const filesUsed = documentFilesUsed(kb.documents.map((d) => d.html));

  steps.phase('Writing pages');
  staging = createStaging(root, outDir);
  session.bodies = openBodyStore(join(staging.work, 'bodies.html'));
  let pages = 0;
  const astroProblems: string[] = [];
  (globalThis as Record<symbol, unknown>)[Symbol.for('cairn.astro-log')] = {
    page: () => steps.update(`${count(++pages)} pages`),
    step: (message: string) => {
      // Astro colours its lines, and ends each page's line with its time ("(+48ms)") in a message of its own.
      const text = stripVTControlCharacters(message).trim();
      if (text && !/^\(.*\)$/.test(text)) steps.update(text.slice(0, 60));
    },
    problem: (_level: string, label: string | null, message: string) => astroProblems.push(label ? `[${label}] ${message}` : message),
  };
  const astroCache = astroCacheFor(cacheRoot, audience, staging, !flags['no-cache']);
  releaseAstroCache = astroCache.release;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // A build is a production build whatever its caller's environment. A test runner exports its
  // own import.meta.env (DEV=1, PROD=, MODE=test, NODE_ENV=test) and Vite reads those back, so
  // Astro built the dev server's routes: every record page through Astro, none from the catalogue.
  process.env.NODE_ENV = 'production';
  for (const key of ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'TEST']) delete process.env[key];
  for (const key of Object.keys(process.env)) if (key.startsWith('VITEST')) delete process.env[key];
  const { build: astroBuild } = await import('astro');
  try {
    await astroBuild({
      root,
      outDir: staging.site,
      site: address.url,
      cacheDir: astroCache.dir,
      logger: { entrypoint: process.env.CAIRN_ASTRO_LOG ?? join(root, 'src', 'pipeline', 'astro-log.mjs') },
    });
  } catch (error) {
    session.bodies.close();
    for (const line of astroProblems) steps.log(line);
    steps.finish();
    // Some failures carry no message (a worn-out resource, an error from deep in Vite): show what there is.
    const inner =
      error instanceof AggregateError
        ? error.errors
            .slice(0, 3)
            .map((e) => (e instanceof Error ? e.message : String(e)))
            .join('; ')
        : '';
    const reason = error instanceof Error ? error.message || inner || error.stack || error.name : String(error);
    console.error(`\nAstro could not build the site: ${reason}\n${outDir} was not touched.`);
    return false;
  }
  session.bodies.close();
  for (const line of astroProblems) steps.log(line);

  // Pagefind reads only document pages, which Astro has written: it indexes in its own process
  // while this one writes the records and files beside them (about 5 s at 10,000 documents).
  steps.phase('Indexing for search');
  const indexing = startIndexing(staging.site, kb.documents.length);
  stopIndexing = indexing.cancel;
  const documentFiles = publishDocumentFiles(resolve(root, options.contentDir), staging.site, filesUsed);
  const catalogue = await builtCatalogue();
  // Pagefind keeps both cores busy while it parses pages and about one after: 48,000 records
  // at 10,000 documents written alongside the parsing slowed both (indexing 15–17 s, against
  // 13–14 s for Pagefind alone).
  await indexing.pagesRead;
  const records = catalogue && !astroRendersRecords(true) ? writeRecords(staging.site, catalogue) : 0;
  writeFileSync(join(staging.site, 'api', 'vocabulary.json'), vocabulary);
  steps.log(`${count(pages + records + documentFiles)} pages and files written`);
  const indexed = await indexing.finish();
  if (!indexed.ok) {
    steps.finish();
    console.error(`\nSearch indexing failed:\n${indexed.errors.join('\n')}\n${outDir} was not touched.`);
    return false;
  }

  steps.phase('Verifying');
  const published = kb.documents.map((d) => ({ id: d.id, url: `/${d.collection}/${d.slug}/` }));
  const wrong = verifyOutput(staging.site, { published, withheld: kb.withheld, searchPages: indexed.pages });
  if (wrong.length > 0) {
    steps.finish();
    console.error(`\nThe built site does not hold exactly the ${audience} audience's documents, so it was not published:\n${wrong.map((w) => `  ${w}`).join('\n')}\n${outDir} was not touched.`);
    return false;
  }
  swapIn(staging, outDir);
  const phases = steps.finish();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`Built ${outDir} in ${seconds(performance.now() - started)}: ${phases.map((p) => `${p.name.toLowerCase()} ${seconds(p.ms)}`).join(', ')}; ${count(indexed.pages)} pages searchable`);
  return true;
}

let built = false;
try {
  built = await build();
  if (!built) process.exitCode = 1;
} finally {
  // After the swap the workspace holds the previous site: deleting it need not hold up the build.
  if (staging) removeStaging(staging, { inBackground: built });
  releaseAstroCache();
}
