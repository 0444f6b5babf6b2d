import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve.ts';

export const sampleSiteDir = '.cairn-build/e2e-site';

/** Builds the bundled sample knowledge base once with the real build, and serves it. */
export default async function setup(project: TestProject) {
  // Listen first, so the site is built for the address it is served at: absolute links
  // (embed cards, oEmbed, feed, copy link) then lead back to this server.
  const server = await serveStatic(sampleSiteDir, 0);
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, CAIRN_OUT_DIR: sampleSiteDir, CAIRN_CONTENT_DIR: 'content', CAIRN_SITE_URL: baseUrl },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    server.close();
    throw new Error(`building the sample site failed:\n${build.stdout}\n${build.stderr}`);
  }
  project.provide('baseUrl', baseUrl);
  project.provide('siteDir', sampleSiteDir);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    siteDir: string;
  }
}
