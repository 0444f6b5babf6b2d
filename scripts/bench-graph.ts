/**
 * Benchmark: computes the content graph for a synthetic knowledge base (default 10,000
 * documents) and prints how long each part took and the heap it used. Numbers, not a
 * pass/fail: run `npm run bench -- 20000` to try other sizes.
 */
import { performance } from 'node:perf_hooks';
import { collections } from '../src/collections/index.ts';
import { declaredEdges, type GraphDocument } from '../src/lib/graph/edges.ts';
import { possiblyAffectedEdges } from '../src/lib/graph/inferred.ts';
import { bodyTerms, noBodyTerms, similarEdges } from '../src/lib/graph/similarity.ts';
import { buildGraph } from '../src/lib/graph/graph.ts';
import { lessonsRegister, impactMatrix } from '../src/lib/graph/views.ts';

const total = Number(process.argv[2] ?? 10_000);
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// A vocabulary with a long tail, like real prose: a few words everywhere, most rare.
const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
const prose = (words: number) => Array.from({ length: words }, word).join(' ');

const services = Array.from({ length: 200 }, (_, i) => `service-${i}`);
const projects = Math.round(total * 0.1);
const runbooks = Math.round(total * 0.2);
const incidents = total - projects - runbooks;
const common = { summary: 'A synthetic document for the graph benchmark.', owner: 'ops', created: '2024-01-01' };
const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const docs: (GraphDocument & { text: string })[] = [];
for (let i = 0; i < projects; i++) {
  const start = Math.floor(random() * 700);
  const data = collections.projects.schema.parse({
    ...common,
    id: `PRJ-${String(i).padStart(4, '0')}`,
    title: `Project ${i}`,
    status: 'completed',
    sponsor: 'Sponsor',
    start: day(start),
    planned_end: day(start + 120),
    actual_end: day(start + 150),
    services: [pick(services), pick(services)],
  });
  docs.push({ id: data.id, collection: 'projects', data, mentions: [], terms: noBodyTerms, text: prose(300) });
}
for (let i = 0; i < runbooks; i++) {
  const data = collections.runbooks.schema.parse({
    ...common,
    id: `RB-${String(i).padStart(4, '0')}`,
    title: `Runbook ${i}`,
    services: [pick(services)],
    risk: 'low',
    expected_minutes: 10,
    last_verified: '2025-01-01',
    review_every_days: 90,
  });
  docs.push({ id: data.id, collection: 'runbooks', data, mentions: [], terms: noBodyTerms, text: prose(400) });
}
for (let i = 0; i < incidents; i++) {
  const id = `INC-${2000 + Math.floor(i / 1000)}-${String(i % 1000).padStart(3, '0')}`;
  const data = collections.incidents.schema.parse({
    ...common,
    id,
    title: `Incident ${i}`,
    severity: pick(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
    status: 'closed',
    detected: `${day(Math.floor(random() * 900))}T10:00:00Z`,
    commander: 'Commander',
    trigger: 'deploy',
    root_cause: 'software-defect',
    customer_facing: random() < 0.3,
    customer_impact: 'Synthetic impact.',
    services: [pick(services)],
    projects: random() < 0.4 ? [`PRJ-${String(Math.floor(random() * projects)).padStart(4, '0')}`] : [],
    runbooks: [`RB-${String(Math.floor(random() * runbooks)).padStart(4, '0')}`],
  });
  docs.push({ id: data.id, collection: 'incidents', data, mentions: [`RB-${String(Math.floor(random() * runbooks)).padStart(4, '0')}`], terms: noBodyTerms, text: prose(600) });
}

const time = <T>(label: string, run: () => T): T => {
  const started = performance.now();
  const result = run();
  console.log(`${label.padEnd(28)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
};
console.log(`content graph for ${docs.length} synthetic documents (${projects} projects, ${runbooks} runbooks, ${incidents} incidents)`);
time('body terms (per document)', () => {
  for (const doc of docs) doc.terms = bodyTerms(doc.text);
});
const heapBefore = process.memoryUsage().heapUsed;
time('declared edges', () => declaredEdges(docs));
time('possibly-affected edges', () => possiblyAffectedEdges(docs, '2026-11-25'));
time('similar documents', () => similarEdges(docs));
const graph = time('whole graph (all of above)', () => buildGraph(docs, '2026-11-25'));
time('lessons register', () => lessonsRegister(docs));
time('impact matrix', () => impactMatrix(docs, graph, '2026-11-25'));
console.log(`edges: ${graph.edges.length} (${graph.edges.filter((e) => e.inferred).length} inferred)`);
console.log(`heap used by the graph step: ${((process.memoryUsage().heapUsed - heapBefore) / 1_048_576).toFixed(0)} MB`);
