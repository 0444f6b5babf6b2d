/**
 * Benchmark: what a reader downloads to search. Serves the built site (`dist/`, or
 * CAIRN_OUT_DIR), then in Chromium measures the bytes fetched for a page view, for opening
 * the quick-jump palette, and for full-text queries. Prints numbers; run after `npm run build`.
 */
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { serveStatic } from './serve.ts';

const server = await serveStatic(process.env.CAIRN_OUT_DIR ?? 'dist', 0);
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchBrowser();

/** Bytes (as sent, per request) fetched while `action` runs, split into search files and the rest. */
async function measure(page: Page, action: () => Promise<void>) {
  const requests: Request[] = [];
  const listener = (r: Request) => void requests.push(r);
  page.on('requestfinished', listener);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', listener);
  let search = 0;
  let other = 0;
  const byKind = new Map<string, number>();
  for (const r of requests) {
    const { responseBodySize } = await r.sizes();
    const path = new URL(r.url()).pathname;
    const kind = path.startsWith('/pagefind/') ? `pagefind ${path.split('.').pop()}` : path;
    byKind.set(kind, (byKind.get(kind) ?? 0) + responseBodySize);
    if (/\/(pagefind|api\/(quickjump|vocabulary))|fuse|palette|search/.test(r.url())) search += responseBodySize;
    else other += responseBodySize;
  }
  return { requests: requests.length, search, other, byKind };
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

try {
  const page = await browser.newPage();
  const view = await measure(page, async () => void (await page.goto(`${base}/runbooks/`)));
  console.log(`page view (/runbooks/):          ${view.requests} requests, search ${kb(view.search)}, other ${kb(view.other)}`);
  const palette = await measure(page, async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('conection pool');
    await page.locator('#qj-list .qj-group').nth(1).waitFor();
  });
  console.log(`palette open + one query:        ${palette.requests} requests, search ${kb(palette.search)}`);
  for (const query of ['certificate', 'label printer driver', 'vpn']) {
    const fresh = await browser.newPage();
    const result = await measure(fresh, async () => {
      await fresh.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
      await fresh.locator('#results > li').first().waitFor();
    });
    console.log(`search page, "${query}":`.padEnd(33) + ` ${result.requests} requests, search ${kb(result.search)}, other ${kb(result.other)}`);
    if (query === 'certificate')
      console.log(
        `  of which: ${[...result.byKind]
          .filter(([k]) => k.startsWith('pagefind'))
          .map(([k, n]) => `${k.slice(9)} ${kb(n)}`)
          .join(', ')}`,
      );
    await fresh.close();
  }
} finally {
  await browser.close();
  server.close();
}
