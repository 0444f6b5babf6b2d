import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base, open as openPage, useBrowser } from './pages.ts';

const browser = useBrowser();
const open = (path: string) => openPage(browser(), path);

describe('full-text search', () => {
  it('finds a document from a distinctive phrase in its body, in the top three', async () => {
    const phrase = 'fee column';
    expect(readFileSync('content/incidents/2026-019-acquirer-settlement-format-change.mdx', 'utf8')).toContain(phrase);
    const { page, errors } = await open(`/search/?q=${encodeURIComponent(phrase)}`);
    const top = page.locator('#results > li .result-head .badge-id');
    await top.first().waitFor();
    expect((await top.allTextContents()).slice(0, 3)).toContain('INC-2026-019');
    await expect(page.locator('#results > li').first().locator('.result-excerpt mark').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows facet counts before typing, and a filter narrows results and lands in the URL', async () => {
    const { page, errors } = await open('/search/');
    const sev1 = page.locator('#facets input[name="severity"][value="SEV1"]');
    await sev1.waitFor();
    const sev1Label = page.locator('#facets label', { has: page.locator('input[name="severity"][value="SEV1"]') });
    expect(Number(await sev1Label.locator('.count').textContent())).toBeGreaterThan(0);

    await page.fill('#search-q', 'certificate');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=certificate/);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/results? for “certificate”$/);
    // The status line comes first, the results a moment later, all at once.
    await expect.poll(() => page.locator('#results > li').count()).toBeGreaterThan(1);
    const before = await page.locator('#results > li').count();
    await page.locator('#facets input[name="severity"][value="SEV1"]').check();
    await page.waitForURL(/severity=SEV1/);
    await expect.poll(() => page.locator('#results > li').count()).toBeLessThan(before);
    const severities = await page.locator('#results > li .result-head .badge-SEV1').count();
    expect(severities).toBe(await page.locator('#results > li').count());

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('severity'));
    await expect.poll(() => page.locator('#results > li').count()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the closest known word when a typo finds nothing', async () => {
    const { page } = await open('/search/?q=certficate');
    const suggestion = page.locator('#search-suggest a');
    await suggestion.waitFor();
    await expect(suggestion.textContent()).resolves.toBe('certificate');
    await page.close();
  });
});

describe('the quick-jump palette', () => {
  it('opens with Ctrl-K and finds a document from an ID with a missing digit', async () => {
    const { page, errors } = await open('/');
    await page.keyboard.press('Control+k');
    await page.locator('#quick-jump[open]').waitFor();
    await page.keyboard.type('INC-2025-14');
    const firstOption = page.locator('#qj-list [role="option"]').first();
    await expect.poll(() => firstOption.locator('.badge-id').textContent()).toBe('INC-2025-014');
    await expect(firstOption.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/incidents\/2025-014-/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a document from a typo in its title, by keyboard alone, and closes with Escape', async () => {
    const { page, errors } = await open('/runbooks/');
    await page.keyboard.press('/');
    await page.keyboard.type('relese quarantned email'); // straight after `/`: no key may be lost
    await expect(page.locator('#qj-input').inputValue()).resolves.toBe('relese quarantned email');
    const options = page.locator('#qj-list [role="option"]');
    await expect.poll(() => options.first().locator('.badge-id').textContent()).toBe('RB-0010');
    await expect.poll(() => page.locator('#quick-jump [role="status"]').textContent()).toMatch(/quick match/);
    await page.keyboard.press('Escape');
    await expect(page.locator('#quick-jump').isVisible()).resolves.toBe(false);

    await page.keyboard.press('/');
    await page.keyboard.type('connection pool');
    // The last option names the query once its full-text results are in: the list is settled.
    await page.locator('#qj-list [role="option"]', { hasText: 'All results for “connection pool”' }).waitFor();
    await expect(page.locator('#qj-list .qj-group').allTextContents()).resolves.toContain('Full text');
    const optionIds = await page.locator('#qj-list [role="option"]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(optionIds).size).toBe(optionIds.length); // aria-activedescendant needs unique IDs
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('#qj-list [aria-selected="true"] a');
    const href = await selected.getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href === new URL(href!, base).href);
    expect(errors).toEqual([]);
    await page.close();
  });
});
