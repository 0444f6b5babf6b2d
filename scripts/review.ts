// npm run review [-- --team <t>] [-- --format text|json|markdown]: everything that needs a
// person, per owning team, from the content as it is now (drafts included, for their owners).
import { parseArgs } from 'node:util';
import { loadOptionsFromEnv } from '../src/lib/config.ts';
import { documentUrl } from '../src/lib/documents.ts';
import { loadKnowledgeBase } from '../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { reviewMarkdown, reviewText } from '../src/lib/review-format.ts';
import { queueOf, reviewQueue } from '../src/lib/review-queue.ts';
import { contributionLinks, linkBase, loadSiteConfig } from '../src/lib/site-config.ts';

const { values } = parseArgs({ options: { team: { type: 'string' }, format: { type: 'string', default: 'text' } } });
const format = values.format!;
if (!['text', 'json', 'markdown'].includes(format)) {
  console.error(`unknown --format ${format}; use text, json or markdown`);
  process.exitCode = 2;
} else {
  const options = loadOptionsFromEnv();
  const kb = loadKnowledgeBase(options);
  const config = loadSiteConfig(options.root).config;
  const all = reviewQueue({
    today: options.today,
    documents: kb.documents.map((d) => ({ ...d, url: documentUrl(d.collection, d.slug) })),
    drafts: kb.drafts,
    placeholders: kb.placeholders,
    editLink: (file, title) => contributionLinks(config, file, title)?.edit,
  });
  const queue = values.team ? queueOf(all, values.team) : all;
  if (values.team && !all.teams.some((t) => t.team === values.team) && !kb.documents.some((d) => d.collection === 'teams' && d.id === values.team)) {
    console.error(`no team ${values.team}; teams with something due: ${all.teams.map((t) => t.team).join(', ') || 'none'}`);
    process.exitCode = 2;
  } else {
    const site = linkBase(config);
    console.log(format === 'json' ? JSON.stringify(queue, null, 1) : format === 'markdown' ? reviewMarkdown(queue, site) : reviewText(queue, site));
    const errors = kb.problems.filter((p) => p.severity === 'error');
    // The queue is computed from what could be read; content errors are named so nobody trusts a partial list.
    if (errors.length) console.error(`${errors.length} content error(s) leave documents out of this list; npm run check shows them all, e.g. ${formatProblem(errors[0]!)}`);
    console.error(`${queue.total} item${queue.total === 1 ? '' : 's'} for ${queue.teams.length} team${queue.teams.length === 1 ? '' : 's'} on ${queue.generated} (${options.audience} audience)`);
  }
}
