// npm run screenshot -- /path/ [/other/]: PNGs of built pages at phone and desktop width, light
// and dark, plus a print PDF, into .screenshots/. For looking at what we build.
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { serveStatic } from './serve.ts';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const server = await serveStatic(process.env.CAIRN_OUT_DIR ?? 'dist', 0);
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchBrowser();
mkdirSync('.screenshots', { recursive: true });
try {
  for (const path of paths.length ? paths : ['/']) {
    const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
    for (const [label, viewport] of [
      ['phone', { width: 360, height: 780 }],
      ['desktop', { width: 1280, height: 900 }],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport, colorScheme: scheme });
        await page.goto(base + path);
        await page.screenshot({ path: `.screenshots/${name}-${label}-${scheme}.png`, fullPage: process.env.FULL === '1' });
        await page.close();
      }
    }
    const page = await browser.newPage();
    await page.goto(base + path);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `.screenshots/${name}-print.png`, fullPage: true });
    await page.close();
    console.log(`.screenshots/${name}-*.png`);
  }
} finally {
  await browser.close();
  server.close();
}
