// npm run import:audit -- <folder>:<collection> … [--no-build]: imports each folder into an
// empty knowledge base of its own (with a stand-in team and service), then measures what a
// new user would see: files imported, documents that pass the check, whether the site
// builds, links and images in the built site that lead nowhere, pages that show markup or
// generator syntax as text, and whether a second import changes anything.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseHtml } from 'node-html-parser';
import { auditSite } from '../src/lib/import/audit-site.ts';
import { readImportMap } from '../src/lib/import/import-map.ts';
import { wordsKept } from '../src/lib/import/words-kept.ts';
import { runImport } from '../src/lib/import/run-import.ts';
import { loadKnowledgeBase } from '../src/pipeline/load-in-thread.ts';
import { scaffoldContext } from '../src/lib/scaffold.ts';
import { isCollectionName } from '../src/collections/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-build': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
const today = process.env.CAIRN_TODAY ?? new Date().toISOString().slice(0, 10);
const rows: string[] = [
  '| corpus (collection) | files | skipped | pass the check | build | broken links/images | pages showing markup | words kept (lowest; pages < 99 %) | second import changes |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

for (const arg of positionals) {
  const [folder, collection] = arg.split(/:(?=[a-z]+$)/) as [string, string | undefined];
  if (!collection || !isCollectionName(collection)) {
    console.error(`${arg}: give <folder>:<collection>`);
    process.exitCode = 2;
    continue;
  }
  const root = mkdtempSync(join(tmpdir(), `cairn-audit-${basename(folder)}-`));
  const contentDir = join(root, 'content');
  standIns(contentDir);
  const options = { root, contentDir, today, audience: 'restricted' as const };
  const report = runImport({ source: folder, collection, contentDir, context: scaffoldContext(loadKnowledgeBase(options), today) });
  const files = report.written.length;
  const kb = loadKnowledgeBase(options);
  const failing = new Set(kb.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const p of kb.problems.filter((x) => values.verbose || x.severity === 'error').slice(0, 30)) console.error(`${p.file}:${p.line}:${p.column} ${p.severity}: ${p.message}`);
  // To measure the rest of the site, documents the check refuses are stubbed.
  const setAside = failing.size ? stubFailing(options) : 0;
  let build = 'not run';
  let broken = '–';
  let literal = '–';
  let words = '–';
  if (!values['no-build']) {
    const out = join(root, 'site');
    const started = performance.now();
    const run = spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, CAIRN_CONTENT_DIR: contentDir, CAIRN_OUT_DIR: out, CAIRN_CACHE_DIR: join(root, 'cache'), CAIRN_TODAY: today },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    build = run.status === 0 ? `ok${setAside ? ` with ${setAside} refused stubbed` : ''} (${Math.round((performance.now() - started) / 1000)} s)` : 'fails';
    if (run.status !== 0) console.error(run.stderr.split('\n').slice(-15).join('\n'));
    else {
      const site = auditSite(out, [collection]);
      broken = String(site.broken.length);
      literal = `${site.literal.length} of ${site.documentPages}`;
      for (const b of site.broken.slice(0, values.verbose ? 20 : 5)) console.error(`  broken: ${b.page} → ${b.url}`);
      for (const l of site.literal.slice(0, values.verbose ? 20 : 5)) console.error(`  shows markup: ${l.page}: ${l.seen}`);
      words = wordsColumn(folder, contentDir, out);
    }
  }
  const again = runImport({ source: folder, collection, contentDir, context: scaffoldContext(loadKnowledgeBase(options), today) });
  rows.push(
    `| ${basename(folder)} (${collection}) | ${files} | ${report.skipped.length} | ${files - [...failing].filter((f) => f.includes(`/${collection}/`)).length} | ${build} | ${broken} | ${literal} | ${words} | ${again.written.length + again.updated.length} |`,
  );
  console.error(`${basename(folder)}: imported into ${relative(process.cwd(), root) || root}; ${report.unresolved.length} unresolved source links, ${failing.size} files with errors`);
}
console.log(rows.join('\n'));

/**
 * Replaces the body of each document the check refuses with a stub (same ID, title and page,
 * so links to it still resolve), to measure the rest of the site; returns how many.
 */
function stubFailing(options: { root: string; contentDir: string; today: string; audience: 'restricted' }): number {
  const failing = [
    ...new Set(
      loadKnowledgeBase(options)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => p.file),
    ),
  ];
  for (const file of failing) {
    const path = join(options.root, file);
    const text = readFileSync(path, 'utf8');
    const data = parseYaml(text.slice(4, text.indexOf('\n---\n', 4))) as Record<string, unknown>;
    data.summary = 'Set aside by the import audit: the check refused this document.';
    writeFileSync(path, `---\n${stringifyYaml(data)}---\n\nSet aside by the import audit.\n`);
  }
  return failing.length;
}

/** The share of each source's words its built page shows: the lowest, and how many pages keep under 99 %. */
function wordsColumn(folder: string, contentDir: string, site: string): string {
  const map = readImportMap(join(contentDir, '.import-map.json'));
  const shares: { rel: string; share: number }[] = [];
  for (const mapped of Object.values(map.imports)) {
    for (const [rel, doc] of Object.entries(mapped)) {
      if (/\.html?$/i.test(rel)) continue; // an HTML page's words include its navigation and footer: not comparable
      let html: string;
      try {
        html = readFileSync(join(site, doc.file.replace(/\.mdx$/, ''), 'index.html'), 'utf8');
      } catch {
        continue; // a withheld page
      }
      const root = parseHtml(html);
      const alts = root.querySelectorAll('.prose img').map((img) => img.getAttribute('alt') ?? '');
      const page = [...['h1', '.lede', '.prose'].map((q) => root.querySelector(q)?.structuredText ?? ''), ...alts].join(' ');
      if (page.includes('Set aside by the import audit')) continue;
      shares.push({ rel, share: wordsKept(readFileSync(join(folder, rel), 'utf8'), page) });
    }
  }
  if (!shares.length) return '–';
  shares.sort((a, b) => a.share - b.share);
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  for (const s of shares.slice(0, 3)) if (s.share < 0.99) console.error(`  words kept ${pct(s.share)}: ${s.rel}`);
  return `${pct(shares[0]!.share)}; ${shares.filter((s) => s.share < 0.99).length}`;
}

/** A team and a service for the required references of imported documents. */
function standIns(contentDir: string) {
  mkdirSync(join(contentDir, 'teams'), { recursive: true });
  mkdirSync(join(contentDir, 'services'), { recursive: true });
  writeFileSync(
    join(contentDir, 'teams', 'docs-team.mdx'),
    '---\nid: docs-team\nname: Docs team\nsummary: Keeps the imported documents true and answers questions about them.\nkind: it-support\nchannel: "#docs-team"\ngithub_team: "@example/docs-team"\n---\n\nThe team that owns what was imported.\n',
  );
  writeFileSync(
    join(contentDir, 'services', 'imported-service.mdx'),
    '---\nid: imported-service\nname: Imported service\nsummary: The service imported documents are about, until a person sets the real one.\nowner: docs-team\ntier: 3\n---\n\nStand-in service for imported documents.\n',
  );
}
