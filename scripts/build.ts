// npm run build: check content, build the site into a fresh folder, then swap it into dist/.
// A failed build leaves the previous dist/ exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { loadKnowledgeBase } from '../src/lib/knowledge-base.ts';
import { formatProblems, hasErrors } from '../src/lib/problems.ts';
import { indexSite } from './search-index.ts';
import { vocabularyOf } from '../src/lib/vocabulary.ts';

const root = process.cwd();
const outDir = resolve(root, process.env.CAIRN_OUT_DIR ?? 'dist');
const staging = join(root, '.cairn-build', `dist-${process.pid}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

async function build(): Promise<boolean> {
  const { problems, documents } = loadKnowledgeBase(loadOptionsFromEnv(root));
  if (problems.length > 0) console.error(formatProblems(problems, 'text'));
  if (hasErrors(problems)) {
    console.error(`\nBuild stopped: fix the content problems above (\`npm run check\` lists them). ${outDir} was not touched.`);
    return false;
  }
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(root, '.cairn-build'), { recursive: true });
  // Run Astro on this very Node (the pinned one), whatever `node` is first on PATH.
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  if (!run(process.execPath, [astro, 'build'], { CAIRN_OUT_DIR: staging, ASTRO_TELEMETRY_DISABLED: '1' })) {
    console.error(`\nBuild failed; ${outDir} was not touched.`);
    return false;
  }
  writeFileSync(join(staging, 'api', 'vocabulary.json'), JSON.stringify(vocabularyOf(documents.map((d) => `${d.data.summary} ${d.text}`))));
  const indexed = await indexSite(staging);
  if (!indexed.ok) {
    console.error(`\nSearch indexing failed:\n${indexed.errors.join('\n')}\n${outDir} was not touched.`);
    return false;
  }
  console.log(`Search index: ${indexed.pages} pages`);
  // Swap: the old site stays servable until the new one is complete.
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  console.log(`Built ${outDir}`);
  return true;
}

try {
  if (!(await build())) process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
