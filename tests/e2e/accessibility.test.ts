import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base, useBrowser } from './pages.ts';

// axe-core, evaluated in the page (DevTools evaluation is not subject to the page's CSP).
const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const pages = [
  '/',
  '/incidents/',
  '/incidents/2025-014-payment-gateway-tls-expiry/',
  '/runbooks/relieve-db-connection-pool-exhaustion/',
  '/projects/datacentre-exit/',
  '/search/?q=vpn',
  '/lessons/',
  '/impact/',
  '/insights/',
  '/review/',
  '/embed/RB-0012/',
];
const browser = useBrowser();

describe('accessibility', () => {
  // Every width the layout changes at, both themes, and paper (printed from the dark theme too).
  it.each([
    [1280, 'light', 'screen'],
    [1024, 'dark', 'screen'],
    [768, 'light', 'screen'],
    [360, 'dark', 'screen'],
    [1280, 'dark', 'print'],
  ] as const)('has no WCAG 2.1 A/AA violations on key pages at %i px, %s theme, %s (axe-core)', async (width, scheme, media) => {
    const found: string[] = [];
    for (const path of pages) {
      const page = await browser().newPage({ colorScheme: scheme, viewport: { width, height: 900 } });
      await page.emulateMedia({ media });
      await page.goto(base + path);
      if (path.startsWith('/search/')) await page.locator('#results > li').first().waitFor();
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
          document,
          { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
        );
        return result.violations.map(
          (v) =>
            `${v.impact} ${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      });
      found.push(...violations.map((v) => `${path} ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
