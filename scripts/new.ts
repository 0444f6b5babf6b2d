// npm run new -- <collection> "Title": writes a new, schema-valid document with the next free
// ID and prints its path. It never overwrites a file.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { loadKnowledgeBase } from '../src/pipeline/load-in-thread.ts';
import { scaffold, scaffoldContext } from '../src/lib/scaffold.ts';
import { collectionNames, isCollectionName } from '../src/collections/index.ts';

const [collection, ...words] = process.argv.slice(2);
const title = words.join(' ').trim();
if (!collection || !isCollectionName(collection) || title.length < 3) {
  console.error(`usage: npm run new -- <collection> "Title"\ncollections: ${collectionNames.join(', ')}; the title needs at least 3 characters`);
  process.exit(2);
}
const options = { ...loadOptionsFromEnv(), audience: 'restricted' as const };
const kb = loadKnowledgeBase(options);
const takenIds = kb.takenIds;
const doc = scaffold(collection, title, scaffoldContext(kb, options.today), { draft: true });
if (!/[a-z0-9]/.test(doc.fileName.replace(/\.mdx$/, ''))) {
  console.error('the title needs some letters or digits from a-z, 0-9 to name the file; give an English title (you can change the title afterwards)');
  process.exit(1);
}
if (takenIds.has(doc.id) || /^PRJ-$/.test(doc.id)) {
  console.error(`${doc.id} is already the ID of another document; choose another title`);
  process.exit(1);
}
const path = resolve(options.root, options.contentDir, collection, doc.fileName);
try {
  writeFileSync(path, doc.text, { flag: 'wx' }); // wx: fail rather than overwrite
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EEXIST' ? `${relative(options.root, path)} already exists; choose another title` : `could not write ${relative(options.root, path)} (${code})`);
  process.exit(1);
}
console.log(relative(options.root, path));
console.error(`${doc.id} created as a draft: checked, never published. Fill in the empty fields and the TODOs (npm run check lists what is left), then remove the draft line to publish.`);
