// npm run codeowners [-- --check]: writes .github/CODEOWNERS from document owners; with
// --check, only says whether it is up to date (for CI) and exits 1 when it is not.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeowners } from '../src/lib/codeowners.ts';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { loadKnowledgeBase } from '../src/pipeline/load-in-thread.ts';
import { formatProblems, hasErrors } from '../src/lib/problems.ts';

const options = { ...loadOptionsFromEnv(), audience: 'restricted' as const };
const { documents, drafts, problems } = loadKnowledgeBase(options);
if (hasErrors(problems)) {
  console.error(`${formatProblems(problems, 'text')}\nFix the content problems first (npm run check).`);
  process.exit(1);
}
const path = join(options.root, '.github', 'CODEOWNERS');
const wanted = codeowners(documents, '', drafts);
let current = '';
try {
  current = readFileSync(path, 'utf8');
} catch {
  /* not written yet */
}
if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error('.github/CODEOWNERS is out of date with document owners; run npm run codeowners and commit it');
    process.exit(1);
  }
  console.log('.github/CODEOWNERS is up to date');
} else {
  mkdirSync(join(options.root, '.github'), { recursive: true });
  writeFileSync(path, wanted);
  console.log(`.github/CODEOWNERS: ${wanted.split('\n').filter((l) => l.startsWith('/')).length} documents`);
}
