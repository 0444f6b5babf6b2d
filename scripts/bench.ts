/**
 * npm run bench -- --docs <N> [--no-floor]: builds the same deterministic synthetic knowledge
 * base with Cairn and with "the floor" (bare Astro + @astrojs/mdx, then Pagefind) in one run,
 * and prints and writes as JSON: cold build, warm rebuild after one edit, check cold and warm,
 * graph, peak memory of each, pages, files, output size and the ratios to the floor.
 * Numbers only: timings drift between runs on shared machines, so compare within a run.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFloorProject } from './bench/floor.ts';
import { writeSyntheticKb } from './bench/synthetic-kb.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, 'no-floor': { type: 'boolean', default: false } } });
const docs = Number(values.docs);
const root = process.cwd();
const work = resolve('.cairn-build', 'bench');
const content = join(work, `content-${docs}`);
const site = join(work, `site-${docs}`);
const cache = join(work, `cache-${docs}`);
mkdirSync(work, { recursive: true });

interface Run {
  seconds: number;
  peakMb: number;
  stderr: string;
  stdout: string;
}

/** Runs a command under GNU time: wall seconds and the peak resident memory of its largest process. */
function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '\n%e %M', command, ...args], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-4000)}`);
  return { seconds: seconds!, peakMb: Math.round(kb! / 1024), stderr: result.stderr, stdout: result.stdout };
}

/**
 * Waits until no build workspace is left: a finished build hands the previous site to a
 * detached process to delete, and a run measured while that deletes would be charged for
 * it. Returns the seconds waited, which the results report beside each build.
 */
function settled(): number {
  const started = performance.now();
  const busy = () => readdirSync(dirname(site)).some((name) => name.startsWith(`.${basename(site)}.cairn-`)) || readdirSync(join(root, '.cairn-build')).some((name) => /^cairn-\d/.test(name));
  // At most ten minutes: a workspace left by a killed build stays until the next build's start.
  while (busy() && performance.now() - started < 600_000) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  return Math.round((performance.now() - started) / 100) / 10;
}

function treeStats(dir: string): { pages: number; files: number; mb: number } {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith('.html')) pages++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { pages, files, mb: Math.round(bytes / 1024 / 102.4) / 10 };
}

const node = process.execPath;
/** A script's arguments as `npm run <name>` passes them to Node (its flags included), so the benchmark times what users run. */
function scriptArgs(name: string): string[] {
  const command = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name]!;
  if (!command.startsWith('node ')) throw new Error(`npm run ${name} is not a plain node command: ${command}`);
  return command.split(' ').slice(1);
}
const env = { CAIRN_CONTENT_DIR: content, CAIRN_OUT_DIR: site, CAIRN_CACHE_DIR: cache, CI: '1' };
console.error(`writing ${docs} synthetic documents to ${content}`);
const kb = writeSyntheticKb(content, docs);

const result: Record<string, unknown> = { docs, files: kb.files.length, counts: kb.counts, cores: availableParallelism(), date: new Date().toISOString() };

if (!values['no-floor']) {
  const floorDir = join(tmpdir(), `cairn-floor-${docs}`);
  writeFloorProject(floorDir, content, root);
  console.error('floor: astro build');
  const astro = timed(node, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: floorDir, env: { ASTRO_TELEMETRY_DISABLED: '1' } });
  console.error('floor: pagefind');
  const pagefind = timed(node, [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', 'dist'], { cwd: floorDir });
  result.floor = {
    build: { seconds: astro.seconds + pagefind.seconds, astroSeconds: astro.seconds, pagefindSeconds: pagefind.seconds, peakMb: Math.max(astro.peakMb, pagefind.peakMb) },
    ...treeStats(join(floorDir, 'dist')),
  };
  rmSync(floorDir, { recursive: true, force: true });
}

console.error('cairn: cold build');
rmSync(cache, { recursive: true, force: true });
settled();
const cold = timed(node, scriptArgs('build'), { env });
const coldCleanup = settled();
const stats = treeStats(site);
// One edit: a sentence added to one runbook's body.
const edited = join(content, kb.files.find((f) => f.collection === 'runbooks')!.path);
appendFileSync(edited, '\nOne more sentence, added by the benchmark to measure a warm rebuild.\n');
console.error('cairn: warm build after one edit');
const warm = timed(node, scriptArgs('build'), { env });
const warmCleanup = settled();
console.error('cairn: check, cold and warm');
const checkCache = join(work, `check-cache-${docs}`);
rmSync(checkCache, { recursive: true, force: true });
const checkCold = timed(node, scriptArgs('check'), { env: { ...env, CAIRN_CACHE_DIR: checkCache } });
const checkWarm = timed(node, scriptArgs('check'), { env: { ...env, CAIRN_CACHE_DIR: checkCache } });
// The content graph, as the warm build computed it (the check leaves similar content to builds).
const graphMs = Number(/inferred links in (\d+) ms/.exec(warm.stderr)?.[1]);
const phases = (run: Run) => /in [\d.]+ s: (.*);/.exec(run.stdout)?.[1] ?? '';
result.cairn = {
  // cleanupSeconds: deleting the previous site in the background after the build returned.
  cold: { seconds: cold.seconds, peakMb: cold.peakMb, phases: phases(cold), cleanupSeconds: coldCleanup },
  warm: { seconds: warm.seconds, peakMb: warm.peakMb, phases: phases(warm), cleanupSeconds: warmCleanup },
  check: { coldSeconds: checkCold.seconds, warmSeconds: checkWarm.seconds, peakMb: Math.max(checkCold.peakMb, checkWarm.peakMb) },
  graphMs,
  ...stats,
};
const floor = result.floor as { build: { seconds: number; peakMb: number } } | undefined;
if (floor) {
  result.ratios = {
    coldToFloor: Math.round((cold.seconds / floor.build.seconds) * 100) / 100,
    warmToCold: Math.round((warm.seconds / cold.seconds) * 100) / 100,
    memoryToFloor: Math.round((cold.peakMb / floor.build.peakMb) * 100) / 100,
  };
}
const out = join(work, `bench-${docs}.json`);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
console.error(`written to ${out}`);
