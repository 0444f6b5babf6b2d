// npm run check [-- --format text|json|github] [-- --no-cache]: validates all content without
// building the site. Only problems go to stdout, so `--format json | jq` works as written.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { loadKnowledgeBaseFast } from '../src/pipeline/knowledge-base.ts';
import { formatProblems, hasErrors, type ProblemFormat } from '../src/lib/problems.ts';
import { declaredEdges } from '../src/lib/graph/edges.ts';
import { possiblyAffectedEdges } from '../src/lib/graph/inferred.ts';
import { loadSiteConfig } from '../src/lib/site-config.ts';
import { openRenderCache } from '../src/pipeline/render-cache.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' }, 'no-cache': { type: 'boolean', default: false } } });
const format = values.format as ProblemFormat;
if (!['text', 'json', 'github'].includes(format)) {
  console.error(`unknown --format ${format}; use text, json or github`);
  process.exitCode = 2;
} else {
  const started = performance.now();
  // Every document is checked whatever its visibility; the graph covers the whole knowledge base.
  const options = { ...loadOptionsFromEnv(), audience: 'restricted' as const };
  const cacheDir = join(resolve(options.root, process.env.CAIRN_CACHE_DIR ?? join('.cairn-build', 'cache')), 'render');
  const cache = values['no-cache'] ? undefined : openRenderCache(cacheDir, 'restricted', JSON.stringify(loadSiteConfig(options.root).config.trackers), { words: false });
  const { documents, problems, checked, fromCache, drafts } = await loadKnowledgeBaseFast(options, { cache });
  const graphStarted = performance.now();
  // The links a check can be wrong about; similar content (a second of term counting at
  // 10,000 documents, and nothing to fix) is worked out by the build.
  const graph = hasErrors(problems) ? undefined : { declared: declaredEdges(documents).length, inferred: possiblyAffectedEdges(documents, options.today).length };
  const graphMs = Math.round(performance.now() - graphStarted);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'json') {
    console.log(formatProblems(problems, 'json'));
  } else if (problems.length > 0) {
    console.log(formatProblems(problems, format));
  }
  const ms = Math.round(performance.now() - started);
  const edges = graph ? `; content graph: ${graph.declared} declared links and ${graph.inferred} inferred from services and dates in ${graphMs} ms` : '';
  console.error(
    `${checked} files checked in ${ms} ms (${fromCache} renders from the cache): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${drafts.length ? `; ${drafts.length} draft${drafts.length === 1 ? '' : 's'}, never published` : ''}${edges}`,
  );
  if (hasErrors(problems)) process.exitCode = 1;
}
