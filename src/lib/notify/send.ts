/** How a request is retried: attempts in all, and the wait before the second (doubling after). */
export interface RetryPolicy {
  attempts: number;
  firstWaitMs: number;
  /** The longest wait a server's Retry-After may ask for before we give up instead. */
  maxWaitMs: number;
}

export const politeRetries: RetryPolicy = { attempts: 4, firstWaitMs: 2_000, maxWaitMs: 60_000 };

export class SendError extends Error {}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Sends a request and retries politely: on 429 and 5xx answers and network errors only, after
 * the server's Retry-After when it gives one, else after a doubling wait. Other 4xx answers are
 * mistakes a retry cannot mend (a revoked webhook, a bad token), so they fail at once, unless
 * `accept` names them as answers the caller expects.
 */
export async function sendWithRetries(url: string, init: RequestInit, policy: RetryPolicy = politeRetries, fetchImpl: typeof fetch = fetch, accept: readonly number[] = []): Promise<Response> {
  let wait = policy.firstWaitMs;
  let last = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetchImpl(url, init);
    } catch (error) {
      last = `could not connect (${(error as Error).message})`;
    }
    if (response && (response.ok || accept.includes(response.status))) return response;
    if (response) {
      last = `HTTP ${response.status} ${(await response.text()).slice(0, 200)}`.trim();
      if (response.status !== 429 && response.status < 500) break;
      const asked = Number(response.headers.get('retry-after'));
      if (Number.isFinite(asked) && asked >= 0 && response.headers.has('retry-after')) {
        if (asked * 1000 > policy.maxWaitMs) break;
        wait = asked * 1000;
      }
    }
    if (attempt < policy.attempts) await sleep(wait);
    wait *= 2;
  }
  throw new SendError(`${redactUrl(url)}: ${last}`);
}

/** Webhook URLs are secrets (whoever has one can post): only scheme and host are ever shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '(a webhook URL)';
  }
}

/** POSTs JSON with retries. */
export function postJson(url: string, body: unknown, policy?: RetryPolicy, fetchImpl?: typeof fetch): Promise<Response> {
  return sendWithRetries(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, policy, fetchImpl);
}
