// npm run import -- <folder> --collection <collection>: brings a folder of Markdown files (a
// runbook folder, a wiki export) in as Cairn documents with the next free IDs. It writes new
// files only, never over one, then checks what it wrote and prints what needs a person.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { importMarkdown } from '../src/lib/import-markdown.ts';
import { scaffoldContext } from '../src/lib/scaffold.ts';
import { loadKnowledgeBase } from '../src/lib/knowledge-base.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { collectionNames, isCollectionName } from '../src/schemas/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { collection: { type: 'string' } } });
const folder = positionals[0];
const collection = values.collection;
if (!folder || !collection || !isCollectionName(collection)) {
  console.error(`usage: npm run import -- <folder> --collection <collection>\ncollections: ${collectionNames.join(', ')}`);
  process.exit(2);
}
let files: string[];
try {
  files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
} catch (error) {
  console.error(`cannot read ${folder} (${(error as NodeJS.ErrnoException).code}); give a folder of .md files`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`no .md or .markdown files in ${folder}`);
  process.exit(1);
}

const options = { ...loadOptionsFromEnv(), audience: 'restricted' as const };
const before = loadKnowledgeBase(options);
const context = scaffoldContext(before, options.today);
const ids = context.ids;
const written: string[] = [];
for (const file of files) {
  const doc = importMarkdown(readFileSync(file, 'utf8'), file.split('/').pop()!, collection, context);
  let path = resolve(options.root, options.contentDir, collection, doc.fileName);
  for (let n = 2; ; n++) {
    try {
      writeFileSync(path, doc.text, { flag: 'wx' }); // never over an existing file
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 50) throw error;
      path = path.replace(/(-\d+)?\.mdx$/, `-${n}.mdx`);
    }
  }
  ids.add(doc.id);
  const rel = relative(options.root, path).split('\\').join('/');
  written.push(rel);
  console.log(`${rel}  ${doc.id}  (from ${file})`);
  for (const note of doc.notes) console.log(`  note: ${note}`);
}

const after = loadKnowledgeBase(options);
const ours = after.problems.filter((p) => written.includes(p.file));
for (const p of ours) console.error(formatProblem(p));
console.error(`${written.length} documents imported${ours.length ? `; ${ours.length} problems to fix above` : ', all pass the check'}. Set owner, services and other TODOs, then run npm run check.`);
if (ours.some((p) => p.severity === 'error')) process.exitCode = 1;
