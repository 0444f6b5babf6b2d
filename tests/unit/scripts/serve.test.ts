import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../scripts/serve.ts';

let base: string;
let server: Server;
let port: number;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'cairn-serve-'));
  const files: Record<string, string> = {
    'site/index.html': '<h1>home</h1>',
    'site/404.html': '<h1>not here</h1>',
    'site/runbooks/renew-tls-certificate/index.html': '<h1>runbook page</h1>',
    'site/go/RB-0001/index.html': '<h1>redirect page</h1>',
    'site/embed/RB-0001/index.html': '<h1>embed card</h1>',
    'site/api/graph.json': '{}',
    'site/_astro/app.js': 'export {};',
    'secret.txt': 'outside the site',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  server = await serveStatic(join(base, 'site'), 0);
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(base, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with the path sent exactly as written (fetch would normalise it first). */
function send(path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const framing = (a: Answer) => ({ csp: a.headers['content-security-policy'], xfo: a.headers['x-frame-options'] });

describe('the preview server', () => {
  it('serves pages, assets and data with their types and the security headers', async () => {
    const page = await send('/runbooks/renew-tls-certificate/');
    expect(page.status).toBe(200);
    expect(page.body).toBe('<h1>runbook page</h1>');
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect((await send('/_astro/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('/api/graph.json')).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('lets only embed cards be framed', async () => {
    expect(framing(await send('/embed/RB-0001/'))).toEqual({ csp: 'frame-ancestors *', xfo: undefined });
  });

  it('picks the headers from the path it serves, so /embed/..%2f cannot make any page frameable', async () => {
    for (const path of ['/embed/..%2frunbooks/renew-tls-certificate/', '/embed/%2e%2e/runbooks/renew-tls-certificate/', '/embed/RB-0001/..%2f..%2frunbooks/renew-tls-certificate/']) {
      const answer = await send(path);
      expect(answer.body).toBe('<h1>runbook page</h1>');
      expect(framing(answer)).toEqual({ csp: "frame-ancestors 'none'", xfo: 'DENY' });
    }
    // And the other way round: a path that only resolves into /embed/ is framed as an embed.
    expect(framing(await send('/runbooks/..%2fembed/RB-0001/'))).toEqual({ csp: 'frame-ancestors *', xfo: undefined });
  });

  it('redirects a folder to its trailing-slash URL on this site, never to //host', async () => {
    const redirects = await Promise.all(['/go/RB-0001', '/.//go/RB-0001', '//go/RB-0001', '/%2f%2fgo/RB-0001', '/go//RB-0001?from=ticket'].map((p) => send(p)));
    expect(redirects.map((r) => [r.status, r.headers.location])).toEqual([
      [301, '/go/RB-0001/'],
      [301, '/go/RB-0001/'],
      [301, '/go/RB-0001/'],
      [301, '/go/RB-0001/'],
      [301, '/go/RB-0001/?from=ticket'],
    ]);
    expect(redirects[0]!.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const offSite = await send('//evil.example/');
    expect(offSite.status).toBe(404);
    expect(offSite.headers.location).toBeUndefined();
  });

  it('answers only GET and HEAD, and HEAD without a body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await send('/', method);
      expect([answer.status, answer.headers.allow, answer.headers['referrer-policy']]).toEqual([405, 'GET, HEAD', 'strict-origin-when-cross-origin']);
    }
    const head = await send('/runbooks/renew-tls-certificate/', 'HEAD');
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, String('<h1>runbook page</h1>'.length), '']);
    const missing = await send('/nowhere/', 'HEAD');
    expect([missing.status, missing.body]).toEqual([404, '']);
  });

  it('refuses NUL bytes, backslashes and malformed percent-encoding with 400', async () => {
    for (const path of ['/index.html%00.png', '/%E0%A4%A', '/%zz/', '/..%5c..%5csecret.txt']) {
      const answer = await send(path);
      expect([path, answer.status, answer.headers['referrer-policy']]).toEqual([path, 400, 'strict-origin-when-cross-origin']);
    }
  });

  it('never serves a file outside its folder and answers misses with 404.html', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/%2e%2e/secret.txt', '/nowhere/']) {
      const answer = await send(path);
      expect([answer.status, answer.body]).toEqual([404, '<h1>not here</h1>']);
      expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('sends the headers public/_headers gives static hosts', async () => {
    const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    const page = await send('/runbooks/renew-tls-certificate/');
    const embed = await send('/embed/RB-0001/');
    for (const [answer, path] of [
      [page, '/runbooks/renew-tls-certificate/'],
      [embed, '/embed/RB-0001/'],
    ] as const) {
      for (const [name, value] of Object.entries(rules(path))) expect([path, name, answer.headers[name]]).toEqual([path, name, value]);
    }
  });
});

/** The headers `_headers` (Netlify / Cloudflare Pages syntax) gives a path, lower-cased names. */
function parseHeadersFile(text: string): (path: string) => Record<string, string> {
  const blocks: { pattern: RegExp; set: [string, string][]; unset: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      blocks.push({
        pattern: new RegExp(
          `^${line
            .trim()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
        ),
        set: [],
        unset: [],
      });
      continue;
    }
    const block = blocks.at(-1)!;
    const detach = /^\s*!\s*(.+)$/.exec(line);
    if (detach) block.unset.push(detach[1]!.trim().toLowerCase());
    else {
      const [name, ...value] = line.trim().split(':');
      block.set.push([name!.trim().toLowerCase(), value.join(':').trim()]);
    }
  }
  return (path) => {
    const headers: Record<string, string> = {};
    for (const block of blocks.filter((b) => b.pattern.test(path))) {
      for (const name of block.unset) delete headers[name];
      for (const [name, value] of block.set) headers[name] = value;
    }
    return headers;
  };
}
