import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { base, open, useBrowser } from './pages.ts';
import { feedDocuments } from '../../src/site/feeds.ts';

const siteDir = inject('siteDir');
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const manifest = JSON.parse(read('api/manifest.json')) as { documents: { id: string; collection: string; url: string; title: string; summary: string; updated: string }[] };
const docs = manifest.documents;
const browser = useBrowser();

describe('links from tickets', () => {
  it('reaches every document from /go/<ID>/, keeping the #fragment', async () => {
    const { page, errors } = await open(browser(), '/');
    for (const doc of docs) {
      await page.goto(`${base}/go/${doc.id}/#from-a-ticket`);
      await page.waitForURL(`${base}${doc.url}#from-a-ticket`);
    }
    // Typed in lower case, a permanent link still leads on.
    const incident = docs.find((d) => d.collection === 'incidents')!;
    await page.goto(`${base}/go/${incident.id.toLowerCase()}/`);
    await page.waitForURL(`${base}${incident.url}`);
    for (const doc of docs) {
      // What a chat tool reads to unfurl the link Copy link hands out.
      const link = parse(read(`go/${doc.id}/index.html`));
      expect(link.querySelector('meta[property="og:title"]')?.getAttribute('content'), doc.id).toBe(`${doc.id} ${doc.title}`);
      expect(link.querySelector('meta[property="og:description"]')?.getAttribute('content'), doc.id).toBe(doc.summary);
      expect(link.querySelector('link[type="application/json+oembed"]')?.getAttribute('href'), doc.id).toBe(`${base}/oembed/${doc.id}.json`);
    }
    const go = parse(read(`go/${docs[0]!.id}/index.html`));
    expect(go.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(go.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`${docs[0]!.url}$`));
    expect(go.querySelector('body a')?.getAttribute('href')).toBe(docs[0]!.url);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('discovers oEmbed and Open Graph from every document page, and serves a small card for each', () => {
    for (const doc of docs) {
      const html = parse(read(`${doc.url.slice(1)}index.html`));
      expect(html.querySelector('meta[property="og:title"]')?.getAttribute('content'), doc.id).toBe(`${doc.id} ${doc.title}`);
      expect(html.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(doc.summary);
      const discovery = html.querySelector('link[type="application/json+oembed"]')!.getAttribute('href')!;
      const oembed = JSON.parse(read(new URL(discovery).pathname.slice(1)));
      expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: `${doc.id} ${doc.title}`, provider_name: 'Cairn', width: 480, height: 240 });
      const iframe = parse(oembed.html).querySelector('iframe')!;
      expect(new URL(iframe.getAttribute('src')!).pathname).toBe(`/embed/${doc.id}/`);

      const cardFile = `embed/${doc.id}/index.html`;
      expect(statSync(join(siteDir, cardFile)).size, cardFile).toBeLessThan(6_000);
      const card = parse(read(cardFile));
      expect(card.querySelectorAll('script')).toHaveLength(0);
      expect(card.querySelector('base')?.getAttribute('target')).toBe('_top');
      expect(new URL(card.querySelector('h1 a')!.getAttribute('href')!).pathname).toBe(doc.url);
    }
  });

  it('fits every card in the 480 × 240 its oEmbed answer declares, with "Open in Cairn" in sight', async () => {
    const { page, errors } = await open(browser(), '/', { viewport: { width: 480, height: 240 } });
    const tooBig: string[] = [];
    for (const doc of docs) {
      await page.goto(`${base}/embed/${doc.id}/`);
      const size = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        open: document.querySelector('.open')!.getBoundingClientRect().bottom,
      }));
      if (size.height > 240 || size.width > 480 || size.open > 240) tooBig.push(`${doc.id} ${JSON.stringify(size)}`);
    }
    expect(tooBig).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an embed card at 400 px without overflow, and opens the full page from it', async () => {
    const incident = docs.find((d) => d.collection === 'incidents')!;
    const { page, errors } = await open(browser(), `/embed/${incident.id}/`, { viewport: { width: 400, height: 300 } });
    await expect(page.locator('.card .badge').first().textContent()).resolves.toMatch(/^SEV[1-4]$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('h1 a').click();
    await page.waitForURL((url) => url.pathname === incident.url);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies the permanent link in each format, for the page and for a section', async () => {
    const context = await browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    const runbook = docs.find((d) => d.id === 'RB-0012')!;
    await page.goto(base + runbook.url);
    const permalink = `${base}/go/RB-0012/`;
    const label = `RB-0012 ${runbook.title}`;
    const expected = {
      url: permalink,
      markdown: `[${label}](${permalink})`,
      jira: `[${label}|${permalink}]`,
      html: `<a href="${permalink}">${label}</a>`,
    };
    for (const [format, text] of Object.entries(expected)) {
      await page.locator('.copy-link-button').click();
      await page.locator(`[data-copy-format="${format}"]`).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      await expect(page.locator('[data-copy-status]').textContent()).resolves.toMatch(/^Copied as/);
      await page.keyboard.press('Escape');
    }
    const section = page.locator('.prose h2 .copy-section').first();
    const anchor = await page.locator('.prose h2 .heading-anchor').first().getAttribute('href');
    await section.click();
    await page.locator('[data-copy-format="url"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${permalink}${anchor}`);
    await context.close();
  });

  it('links ticket keys to the tracker and maps them back to documents in tickets.json', async () => {
    const tickets = JSON.parse(read('api/tickets.json')).tickets as Record<string, { url: string; documents: { id: string }[] }>;
    const incident = docs.find((d) => d.id === 'INC-2025-014')!;
    const html = parse(read(`${incident.url.slice(1)}index.html`));
    const bodyTicket = html.querySelector('.prose a.ticket-link')!;
    const key = bodyTicket.textContent;
    expect(bodyTicket.getAttribute('href')).toBe(`https://kestrel.atlassian.net/browse/${key}`);
    expect(tickets[key]!.documents.map((d) => d.id)).toContain('INC-2025-014');
    expect(html.querySelectorAll('#tickets ~ ul a.ticket-link').map((a) => a.textContent)).toContain(key);
  });

  it('publishes an Atom feed of the newest changes', async () => {
    const { page } = await open(browser(), '/');
    const feed = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/feed.xml')).text(), 'application/xml');
      return {
        error: xml.querySelector('parsererror')?.textContent ?? null,
        root: `${xml.documentElement.namespaceURI} ${xml.documentElement.localName}`,
        entries: [...xml.querySelectorAll('entry')].map((e) => ({ id: e.querySelector('id')?.textContent, updated: e.querySelector('updated')?.textContent })),
      };
    });
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(docs.length).toBeGreaterThan(feedDocuments);
    expect(feed.entries).toHaveLength(feedDocuments);
    expect(feed.entries.every((e) => /^\d{4}-\d{2}-\d{2}T/.test(e.updated ?? ''))).toBe(true);
    // Newest first, and no document left out is newer than the oldest entry.
    const days = feed.entries.map((e) => e.updated!.slice(0, 10));
    expect(days).toEqual([...days].sort().reverse());
    const inFeed = new Set(feed.entries.map((e) => e.id));
    const left = docs.filter((d) => !inFeed.has(`${base}/go/${d.id}/`));
    expect(left).toHaveLength(docs.length - feedDocuments);
    for (const d of left) expect(d.updated.slice(0, 10) <= days.at(-1)!).toBe(true);
    await page.close();
  });
});

describe('framing and content security', () => {
  it('lets ticket systems frame embed cards and nothing else, and puts a CSP on every page', async () => {
    const page = await fetch(`${base}/runbooks/`);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    const card = await fetch(`${base}/embed/${docs[0]!.id}/`);
    expect(card.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(read('_headers')).toMatch(/\/embed\/\*\n\s+! Content-Security-Policy/);
    for (const doc of docs) {
      const csp =
        parse(read(`${doc.url.slice(1)}index.html`))
          .querySelector('meta[http-equiv="content-security-policy"]')
          ?.getAttribute('content') ?? '';
      expect(csp, doc.id).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(csp).not.toMatch(/unsafe-inline/);
    }
  });
});

describe('renamed documents', () => {
  it('keeps former IDs and former file names leading to the document', async () => {
    const { page, errors } = await open(browser(), '/');
    await page.goto(`${base}/go/INC-2026-037/#next-update`);
    await page.waitForURL(`${base}/incidents/2026-038-shared-mailbox-permission-delay/#next-update`);
    await page.goto(`${base}/runbooks/restart-label-printers/#procedure`);
    await page.waitForURL(`${base}/runbooks/recover-label-printing/#procedure`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an address that leads nowhere', () => {
  it('answers 404 with a search box and the documents a mistyped name or ID may mean', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${base}/runbooks/renew-tls-certficate/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('#not-found-q').inputValue()).resolves.toBe('renew tls certficate');
    await page.locator('#maybe-list li').first().waitFor();
    expect(await page.locator('#maybe-list a').first().getAttribute('href')).toBe('/runbooks/renew-tls-certificate/');
    // A permanent link in another case than its ID's still leads on.
    await page.goto(`${base}/go/Inc-2026-011/`);
    await page.waitForURL(`${base}/incidents/2026-011-tracking-api-connection-pool-exhaustion/`);
    await page.close();
  });
});
