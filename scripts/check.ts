// npm run check [-- --format text|json|github]: validates all content without building the site.
import { parseArgs } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { loadKnowledgeBase } from '../src/lib/knowledge-base.ts';
import { formatProblems, hasErrors, type ProblemFormat } from '../src/lib/problems.ts';
import { buildGraph } from '../src/lib/graph/graph.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
const format = values.format as ProblemFormat;
if (!['text', 'json', 'github'].includes(format)) {
  console.error(`unknown --format ${format}; use text, json or github`);
  process.exitCode = 2;
} else {
  const started = performance.now();
  // Every document is checked whatever its visibility; the graph covers the whole knowledge base.
  const options = { ...loadOptionsFromEnv(), audience: 'restricted' as const };
  const { documents, problems, checked } = loadKnowledgeBase(options);
  const graph = hasErrors(problems) ? undefined : buildGraph(documents, options.today);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'json') {
    console.log(formatProblems(problems, 'json'));
  } else {
    if (problems.length > 0) console.log(formatProblems(problems, format));
    const ms = Math.round(performance.now() - started);
    const edges = graph ? `; content graph: ${graph.edges.filter((e) => !e.inferred).length} declared and ${graph.edges.filter((e) => e.inferred).length} inferred links` : '';
    console.error(`${checked} files checked in ${ms} ms: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${edges}`);
  }
  if (hasErrors(problems)) process.exitCode = 1;
}
