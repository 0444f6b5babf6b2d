import type { TeamQueue } from '../review-queue.ts';
import { issueBody, issueMarker, issueTitle } from './messages.ts';
import { sendWithRetries, type RetryPolicy } from './send.ts';

export interface GitHubTarget {
  /** `GITHUB_API_URL`, e.g. https://api.github.com. */
  api: string;
  /** `owner/name` (`GITHUB_REPOSITORY`). */
  repository: string;
  token: string;
}

/** The label that marks Cairn's review issues, so they are found again (and filtered by people). */
export const reviewLabel = 'cairn-review';

interface Issue {
  number: number;
  body: string | null;
}

/**
 * One open issue per team with something due, its body the team's whole queue: opened when
 * the first item falls due, edited as the queue changes, closed with a comment when nothing
 * is left. Idempotent: run twice, it changes nothing the second time. Returns what it did.
 */
export async function syncIssues(
  target: GitHubTarget,
  queues: readonly TeamQueue[],
  allTeams: readonly string[],
  today: string,
  site: string,
  policy?: RetryPolicy,
  fetchImpl?: typeof fetch,
): Promise<string[]> {
  const call = async (method: string, path: string, body?: unknown, accept: number[] = []) => {
    const response = await sendWithRetries(
      `${target.api.replace(/\/$/, '')}${path}`,
      {
        method,
        headers: { Accept: 'application/vnd.github+json', Authorization: `Bearer ${target.token}`, 'X-GitHub-Api-Version': '2022-11-28', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      },
      policy,
      fetchImpl,
      accept,
    );
    return response.json() as Promise<unknown>;
  };
  const open = (await call('GET', `/repos/${target.repository}/issues?labels=${reviewLabel}&state=open&per_page=100`)) as Issue[];
  const issueOf = (team: string) => open.find((i) => i.body?.startsWith(issueMarker(team)));
  const done: string[] = [];
  // Issues are found again by their label: it must exist, or GitHub drops it from a new issue.
  if (queues.some((q) => !issueOf(q.team))) {
    await call('POST', `/repos/${target.repository}/labels`, { name: reviewLabel, color: 'd4a72c', description: 'What needs a person in the knowledge base (npm run notify)' }, [422]);
  }
  for (const queue of queues) {
    const body = issueBody(queue, today, site);
    const issue = issueOf(queue.team);
    if (!issue) {
      const made = (await call('POST', `/repos/${target.repository}/issues`, { title: issueTitle(queue), body, labels: [reviewLabel] })) as Issue;
      done.push(`${queue.team}: opened issue #${made.number}`);
    } else if (issue.body !== body) {
      await call('PATCH', `/repos/${target.repository}/issues/${issue.number}`, { title: issueTitle(queue), body });
      done.push(`${queue.team}: updated issue #${issue.number}`);
    }
  }
  const withItems = new Set(queues.map((q) => q.team));
  for (const team of allTeams) {
    const issue = issueOf(team);
    if (withItems.has(team) || !issue) continue;
    await call('POST', `/repos/${target.repository}/issues/${issue.number}/comments`, { body: 'Nothing is left on the review queue: closing.' });
    await call('PATCH', `/repos/${target.repository}/issues/${issue.number}`, { state: 'closed', state_reason: 'completed' });
    done.push(`${team}: closed issue #${issue.number}`);
  }
  return done;
}
