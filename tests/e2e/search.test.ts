import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base, open as openPage, useBrowser } from './pages.ts';

const browser = useBrowser();
const open = (path: string, options?: Parameters<typeof openPage>[2]) => openPage(browser(), path, options);

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
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/with the chosen filters$/);
    // Read the list in one go, so a list being redrawn is never half counted.
    const shown = () => page.evaluate(() => [...document.querySelectorAll('#results > li')].map((li) => li.querySelector('.result-head .badge-SEV1') !== null));
    await expect.poll(async () => (await shown()).length).toBeLessThan(before);
    const onlySev1 = await shown();
    expect(onlySev1.length).toBeGreaterThan(0);
    expect(onlySev1.every(Boolean)).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('severity'));
    await expect.poll(() => page.locator('#results > li').count()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches the closest known words when a typo finds nothing, and says so', async () => {
    const { page, errors } = await open('/search/?q=lable%20printer');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Nothing matches “lable printer”\. Showing \d+ results? for “label printer”\.$/);
    await expect.poll(() => page.locator('#results > li .badge-id').allTextContents()).toContain('INC-2026-026');
    const nothing = await open('/search/?q=zzqxwv');
    await expect.poll(() => nothing.page.locator('#search-status').textContent()).toMatch(/^Nothing matches “zzqxwv”/);
    expect(await nothing.page.locator('#results > li').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await nothing.page.close();
  });

  it('puts the document first whose ID or other name the query is', async () => {
    for (const [query, id, why] of [
      ['INC-2026-011', 'INC-2026-011', 'Its ID matches'],
      ['inc 2026 11', 'INC-2026-011', 'Its ID matches'],
      ['too many clients already', 'INC-2026-011', 'Also known as “too many clients already”'],
    ]) {
      expect(readFileSync('content/incidents/2026-011-tracking-api-connection-pool-exhaustion.mdx', 'utf8').toLowerCase()).toContain('too many clients already');
      const { page } = await open(`/search/?q=${encodeURIComponent(query!)}`);
      const first = page.locator('#results > li').first();
      await expect.poll(() => first.locator('.badge-id').textContent(), { message: query! }).toBe(id);
      expect(await first.locator('.result-excerpt').textContent()).toBe(why);
      // Named once: the full-text result for the same page is not repeated below.
      expect((await page.locator('#results > li .badge-id').allTextContents()).filter((t) => t === id)).toHaveLength(1);
      await page.close();
    }
  });

  it('on a phone, opened from a link: results on the first screen, filters folded with right counts', async () => {
    const { page, errors } = await open('/search/?q=certificate', { viewport: { width: 390, height: 844 } });
    const first = page.locator('#results > li').first();
    await first.waitFor();
    const box = await first.boundingBox();
    expect(box!.y).toBeLessThan(844 - 60);
    await expect(page.locator('#facets-panel').getAttribute('open')).resolves.toBeNull();
    await page.click('#facets-panel > summary');
    const counts = (await page.locator('#facets input[name="collection"] ~ .count').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // The long tag group shows its most common values and folds the rest.
    expect(await page.locator('#facets fieldset:has(input[name="tag"]) > label').count()).toBeLessThanOrEqual(8);
    expect(errors).toEqual([]);
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
