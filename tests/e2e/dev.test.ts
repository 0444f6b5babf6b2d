import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';

/** The HTTP status of a URL, or why there was none. */
async function statusOf(url: string): Promise<number | string> {
  try {
    return (await fetch(url)).status;
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const content = mkdtempSync(join(tmpdir(), 'cairn-dev-'));
cpSync('tests/fixtures/valid-kb', content, { recursive: true });
const runbook = join(content, 'runbooks', 'restart-billing.mdx');
const original = readFileSync(runbook, 'utf8');
let server: ChildProcess;
let base = '';
let browser: Browser;
let page: Page;
let log = '';

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    // As an author's shell would start it: not with the test runner's NODE_ENV=test and VITEST_* settings.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))), CAIRN_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const started = performance.now();
  // The first start may optimise dependencies; a busy machine may take long, so wait generously.
  let status: number | string;
  while ((status = await statusOf(`${base}/runbooks/restart-billing/`)) !== 200) {
    if (performance.now() - started > 300_000 || server.exitCode !== null) throw new Error(`the dev server did not start (last answer: ${status}):\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`dev server answered after ${Math.round(performance.now() - started)} ms`);
  browser = await launchBrowser();
}, 600_000);

// What the dev server printed is the only trace of why a page did not come: show it with the failure.
afterEach(({ task }) => {
  if (task.result?.state === 'fail') console.log(`dev server output so far:\n${log}`);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(content, { recursive: true, force: true });
});

/**
 * Opens a page in a fresh tab. The dev server reloads open pages itself when content changes,
 * and a navigation started while the old page is reloading can be swallowed by Chromium with
 * no request sent (seen in CI: page.goto waited three minutes, the server never asked); a new
 * tab has no reload in flight. A reload of the new tab can still cut its first load short.
 */
async function visit(url: string): Promise<void> {
  const previous: Page | undefined = page;
  page = await browser.newPage();
  // A page the dev server is still re-syncing can take long on a busy machine (seen: over 30 s,
  // Playwright's default); the polls below allow three minutes, so navigation does too.
  page.setDefaultTimeout(180_000);
  await previous?.close();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt >= 20 || !/ERR_ABORTED|frame was detached|interrupted/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Waits, however long a busy machine needs, for the watched page to show `text`; returns how long it took. */
async function shows(text: string, selector = 'body'): Promise<number> {
  const started = performance.now();
  await expect
    .poll(
      async () =>
        (await page
          .locator(selector)
          .textContent()
          .catch(() => '')) ?? '',
      { timeout: 180_000, interval: 100 },
    )
    .toContain(text);
  return Math.round(performance.now() - started);
}

describe('npm run dev', () => {
  it('shows a saved edit on the open page without a restart', async () => {
    await visit(`${base}/runbooks/restart-billing/`);
    await shows('Drain the queue');
    writeFileSync(runbook, `${original}\nCheck the dead-letter queue is empty before you hand over.\n`);
    console.log(`edit shown after ${await shows('dead-letter queue is empty')} ms`);
  });

  it('shows the problems of a broken save with file and line, then the fixed page', async () => {
    writeFileSync(runbook, original.replace('risk: low', 'risk: extreme'));
    await shows('restart-billing.mdx:8:7', '.dev-problems');
    expect(await page.locator('.dev-problems').textContent()).toContain('"extreme" is not allowed');
    writeFileSync(runbook, original);
    await expect.poll(() => page.locator('.dev-problems').count(), { timeout: 180_000 }).toBe(0);
  });

  it('follows added and deleted documents, and their backlinks', async () => {
    const added = join(content, 'runbooks', 'check-invoice-queue.mdx');
    writeFileSync(
      added,
      `---\nid: RB-0002\ntitle: Check the invoice queue\nsummary: See how many invoices wait and whether the workers keep up.\nowner: ops\ncreated: 2025-02-01\nservices: [billing]\nrisk: low\nexpected_minutes: 5\nlast_verified: 2025-06-01\nreview_every_days: 180\n---\n\nUsed during INC-2025-001 to watch the backlog drain.\n`,
    );
    await expect.poll(() => statusOf(`${base}/runbooks/check-invoice-queue/`), { timeout: 180_000, interval: 200 }).toBe(200);
    await visit(`${base}/incidents/2025-001-invoices-late/`);
    await shows('Check the invoice queue');
    unlinkSync(added);
    await expect.poll(() => statusOf(`${base}/runbooks/check-invoice-queue/`), { timeout: 180_000, interval: 200 }).toBe(404);
    await visit(`${base}/incidents/2025-001-invoices-late/`);
    await expect
      .poll(
        async () =>
          (await page
            .locator('body')
            .textContent()
            .catch(() => 'Check the invoice queue (page still loading)')) ?? '',
        { timeout: 180_000, interval: 100 },
      )
      .not.toContain('Check the invoice queue');
    expect(log).not.toMatch(/this is a bug in Cairn/);
  });
});
