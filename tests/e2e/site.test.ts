import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { base, open as openPage, useBrowser } from './pages.ts';

const manifest = JSON.parse(readFileSync(join(inject('siteDir'), 'api/manifest.json'), 'utf8')) as {
  documents: { id: string; collection: string; url: string; title: string }[];
};
const browser = useBrowser();
const open = (path: string, options: Parameters<Browser['newPage']>[0] = {}) => openPage(browser(), path, options);

const first = (collection: string) => manifest.documents.find((d) => d.collection === collection)!;

describe('the sample site in Chromium', () => {
  it('shows the home page with counts per collection and recent incidents', async () => {
    const { page, errors } = await open('/');
    await expect(page.title()).resolves.toBe('Cairn');
    const incidentCount = manifest.documents.filter((d) => d.collection === 'incidents').length;
    await expect(page.locator('.cards a[href="/incidents/"] .count').textContent()).resolves.toBe(String(incidentCount));
    await expect(page.locator('#recent-incidents + .doc-list li').count()).resolves.toBe(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a page for a document of each collection, with its key fields', async () => {
    for (const collection of ['incidents', 'runbooks', 'projects', 'retrospectives', 'playbooks', 'guides', 'teams', 'services']) {
      const doc = first(collection);
      const { page, errors } = await open(doc.url);
      await expect(page.locator('h1').textContent()).resolves.toBe(doc.title);
      await expect(page.locator('.doc-header .badge-id').textContent()).resolves.toBe(doc.id);
      expect(await page.locator('dl.facts').count(), collection).toBe(1);
      expect(errors, doc.url).toEqual([]);
      await page.close();
    }
  });

  it('shows an incident with its timestamps and the durations between them', async () => {
    const { page } = await open('/incidents/');
    const sev1 = page.locator('tbody tr', { has: page.locator('.badge-SEV1') }).first();
    await sev1.locator('th a').click();
    await page.waitForURL(/\/incidents\/.+\//);
    const facts = page.locator('dl.facts');
    await expect(facts.locator('dt', { hasText: 'Severity' }).locator('+ dd').textContent()).resolves.toBe('SEV1');
    await expect(facts.locator('dt', { hasText: 'Resolved' }).locator('+ dd').textContent()).resolves.toMatch(/UTC · .* after detection/);
    await page.close();
  });

  it('lists every document of a collection on its index page', async () => {
    const { page, errors } = await open('/runbooks/');
    const runbooks = manifest.documents.filter((d) => d.collection === 'runbooks');
    await expect(page.locator('tbody tr').count()).resolves.toBe(runbooks.length);
    await expect(page.locator('thead th').allTextContents()).resolves.toEqual(['Document', 'Risk', 'Services', 'Minutes', 'Last verified', 'Verify by']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    for (const path of ['/', first('incidents').url, '/incidents/', first('retrospectives').url, first('projects').url, '/insights/', '/impact/', '/lessons/', '/search/?q=vpn', '/tags/']) {
      const { page } = await open(path, { viewport: { width: 360, height: 740 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('keeps the header to one row at every width, with a menu on phones and the current section marked', async () => {
    for (const width of [1280, 1024, 768, 390, 360]) {
      const { page } = await open('/lessons/', { viewport: { width, height: 800 } });
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height, `header at ${width} px`).toBeLessThan(80);
      const lessons = page.locator('.site-nav a[href="/lessons/"]');
      await expect(lessons.isVisible()).resolves.toBe(false);
      if (width <= 760) await page.click('[data-nav-toggle]');
      else {
        await expect(page.locator('.nav-group[data-here] > .nav-group-button').textContent()).resolves.toMatch(/^Deliver/);
        await page.click('.nav-group[data-here] > .nav-group-button');
      }
      await expect(lessons.isVisible()).resolves.toBe(true);
      await expect(lessons.getAttribute('aria-current')).resolves.toBe('page');
      await page.keyboard.press('Escape');
      await page.click('h1');
      await expect(lessons.isVisible()).resolves.toBe(false);
      await page.close();
    }
  });

  it('without JavaScript, shows every section as plain links and covers nothing, on a phone too', async () => {
    for (const width of [1280, 390]) {
      const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}/lessons/`);
      for (const href of ['/incidents/', '/lessons/', '/teams/']) await expect(page.locator(`.site-nav a[href="${href}"]`).isVisible(), `${href} at ${width}`).resolves.toBe(true);
      const covered = await page.evaluate(() => {
        const h1 = document.querySelector('h1')!.getBoundingClientRect();
        return !document.querySelector('h1')!.contains(document.elementFromPoint(h1.left + 10, h1.top + h1.height / 2));
      });
      expect(covered, `h1 covered at ${width}`).toBe(false);
      await context.close();
    }
  });

  it('highlights code with a language label and copies it by keyboard; On this page follows the reader', async () => {
    const { page, errors } = await open('/incidents/2026-011-tracking-api-connection-pool-exhaustion/', { viewport: { width: 1280, height: 800 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const block = page.locator('.code-block', { has: page.locator('.code-language', { hasText: 'SQL' }) });
    await expect(block.locator('.hljs-keyword').count()).resolves.toBeGreaterThan(0);
    await block.locator('.copy-code').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => block.locator('.copy-code').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.locator('pre').textContent());
    // Sections that components add after the body are listed too, and the one in view is marked.
    const toc = page.locator('.toc');
    await expect(toc.locator('a[href="#lessons-learned"]').count()).resolves.toBe(1);
    await page.evaluate(() => document.querySelector('#lessons-learned')!.scrollIntoView({ block: 'start' }));
    await expect.poll(() => toc.locator('a[aria-current="location"]').getAttribute('href')).toBe('#lessons-learned');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to dark and remembers it, and reaches content with the keyboard', async () => {
    const { page } = await open(first('runbooks').url, { colorScheme: 'light' });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.selectOption('[data-theme-select]', 'dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.close();
  });

  it('prints a runbook without the site chrome', async () => {
    const { page } = await open(first('runbooks').url);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.steps, .prose').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.print-only').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
