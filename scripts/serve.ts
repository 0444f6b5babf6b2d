// npm run preview: serves dist/ on localhost, as any static host would (no rewrites).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

function fileFor(root: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, path);
  if (!candidate.startsWith(root)) return undefined;
  try {
    const stat = statSync(candidate);
    if (stat.isFile()) return candidate;
    if (stat.isDirectory() && statSync(join(candidate, 'index.html')).isFile()) return join(candidate, 'index.html');
  } catch {
    return undefined;
  }
  return undefined;
}

/** Starts a static file server for `dir`; resolves once it listens. Port 0 picks a free one. */
export function serveStatic(dir: string, port = 4321, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: string | undefined;
    try {
      file = fileFor(root, url.pathname);
    } catch {
      file = undefined;
    }
    if (file && url.pathname.endsWith('/') === false && file.endsWith('index.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const status = file ? 200 : 404;
    file ??= fileFor(root, '/404.html');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(status, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      // The headers of public/_headers: only embed cards may be framed.
      'Content-Security-Policy': url.pathname.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.env.CAIRN_OUT_DIR ?? 'dist';
  const port = Number(process.env.PORT ?? 4321);
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir}/ has no built site; run npm run build first (or npm start to build and serve)`);
    process.exit(1);
  }
  const server = await serveStatic(dir, port).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `port ${port} is already in use; stop what uses it or choose another: PORT=${port + 1} npm run preview` : `could not serve ${dir}/: ${error.message}`);
    process.exit(1);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Cairn is serving ${dir}/ at http://localhost:${actual}/  (Ctrl-C to stop)`);
}
