import { collections, type CollectionName } from '../collections/index.ts';
import type { ScaffoldContext, ScaffoldField, ScaffoldInput, Unknown } from '../collections/descriptor.ts';
import type { KnowledgeBase } from './knowledge-model.ts';
import { slugify } from './slugify.ts';
import { TakenIds } from '../collections/id-form.ts';

export type { ScaffoldContext };

/**
 * What new documents need from an existing knowledge base: the IDs taken (also by files with
 * problems, and former IDs) and a real team, service and project for the required fields.
 */
export function scaffoldContext(kb: KnowledgeBase, today: string, now = new Date()): ScaffoldContext & { ids: Set<string> } {
  const firstOf = (c: CollectionName) =>
    kb.documents
      .filter((d) => d.collection === c)
      .map((d) => d.id)
      .sort()[0];
  return {
    ids: new TakenIds(kb.takenIds),
    team: firstOf('teams') ?? 'your-team',
    service: firstOf('services') ?? 'your-service',
    project: firstOf('projects') ?? 'PRJ-your-project',
    today,
    now: `${now.toISOString().slice(0, 16)}:00Z`,
  };
}

/** The next free ID of a collection's numbered form: `RB-0014`, `INC-2026-039`. */
export function nextId(collection: CollectionName, ids: ReadonlySet<string>, title: string, today: string): string {
  return collections[collection].id.next(ids, title, today);
}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * A new document with the next free ID and a body in the shape its collection's documents
 * take. As a draft (`npm run new`) it states no fact nobody gave: what the writer must decide
 * is left empty with a hint, and the check lists it as still to fill. Otherwise (an import)
 * those fields get stand-ins so the document passes the check, with `TODO` where text is needed.
 */
export function scaffold(collection: CollectionName, title: string, c: ScaffoldContext, { draft = false } = {}): { id: string; fileName: string; text: string } {
  const id = nextId(collection, c.ids, title, c.today);
  const titleSlug = slugify(title) || 'untitled';
  const { scaffold: shape } = collections[collection];
  const fileName = `${shape.fileName?.(id, titleSlug) ?? titleSlug}.mdx`;
  const summary: Unknown = ['summary', '"TODO: one or two sentences on what this is and when to read it."', 'one or two sentences: what this is and when to read it'];
  const owner: Unknown = ['owner', c.team, 'the team (slug) that keeps it true, e.g. service-desk'];
  const common: ScaffoldField[] = [`id: ${id}`, `title: ${yamlString(title)}`, summary, owner, `created: ${c.today}`, 'tags: []'];
  // A draft is marked `status: draft` where the collection's status has it, `draft: true` where status
  // means something else (the descriptor says which). An import is existing knowledge, published as it comes.
  const input: ScaffoldInput = { id, title, context: c, draft, common, owner };
  const line = (f: ScaffoldField) => (typeof f === 'string' ? f : draft ? `${f[0]}: # ${f[2]}` : `${f[0]}:${f[1].startsWith('\n') ? '' : ' '}${f[1]}`);
  return { id, fileName, text: `---\n${shape.fields(input).map(line).join('\n')}\n---\n\n${shape.body(input)}` };
}
