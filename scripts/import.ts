// npm run import -- <folder> --collection <collection> [--owner <team>]: brings a whole folder
// of Markdown (a runbook repository, a handbook, a wiki export) in as Cairn documents. Running
// it again updates what it wrote and leaves alone what people have edited since; it never
// writes to the source folder. It ends by checking what it wrote.
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { formatImportReport } from '../src/lib/import/report.ts';
import { runImport } from '../src/lib/import/run-import.ts';
import { loadKnowledgeBase } from '../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { scaffoldContext } from '../src/lib/scaffold.ts';
import { collectionNames, isCollectionName } from '../src/collections/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { collection: { type: 'string' }, owner: { type: 'string' } } });
const folder = positionals[0];
const collection = values.collection;
if (!folder || !collection || !isCollectionName(collection)) {
  console.error(`usage: npm run import -- <folder> --collection <collection> [--owner <team>]\ncollections: ${collectionNames.join(', ')}`);
  process.exitCode = 2;
} else {
  const options = { ...loadOptionsFromEnv(), audience: 'restricted' as const };
  const contentDir = resolve(options.root, options.contentDir);
  const context = scaffoldContext(loadKnowledgeBase(options), options.today);
  if (values.owner) ((context.team = values.owner), (context.ownerGiven = true));
  let report;
  try {
    report = runImport({ source: folder, collection, contentDir, context });
  } catch (error) {
    console.error(`cannot import ${folder}: ${(error as Error).message}`);
    process.exitCode = 2;
  }
  if (report) {
    console.log(formatImportReport(report));
    const ours = new Set([...report.written, ...report.updated].map((w) => relative(options.root, join(contentDir, w.file)).split('\\').join('/')));
    const problems = loadKnowledgeBase(options).problems.filter((p) => ours.has(p.file));
    for (const p of problems) console.error(formatProblem(p));
    console.log(
      `\nCheck: ${ours.size} documents written or updated, ${problems.length ? `${problems.length} problems to fix above` : 'all pass'}. Set owner, services and other TODOs, then run npm run check.`,
    );
    if (problems.some((p) => p.severity === 'error')) process.exitCode = 1;
  }
}
