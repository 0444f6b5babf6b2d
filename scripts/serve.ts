// npm run preview: serves dist/ on localhost, as any static host would (no rewrites).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { extname, join, posix, resolve, sep } from 'node:path';
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

/**
 * The headers of public/_headers, for the path that is actually served: only embed cards
 * may be framed. Referrer-Policy: strict-origin-when-cross-origin, as in _headers and the
 * README's nginx example, so links out to trackers and the repository carry the site's
 * origin but never a page path (which can name an incident).
 */
export function securityHeaders(path: string): OutgoingHttpHeaders {
  const embed = path.startsWith('/embed/');
  return {
    'Content-Security-Policy': embed ? 'frame-ancestors *' : "frame-ancestors 'none'",
    ...(embed ? {} : { 'X-Frame-Options': 'DENY' }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/**
 * The request path, percent-decoded and normalised (`.` and `..` resolved, repeated slashes
 * collapsed), always starting with exactly one `/` and keeping a trailing one; or undefined
 * when the request cannot name a file: malformed percent-encoding, a NUL byte or a backslash.
 */
export function requestPath(target: string): { path: string; search: string } | undefined {
  let raw: string;
  let search = '';
  if (target.startsWith('/')) {
    const query = target.indexOf('?');
    raw = query === -1 ? target : target.slice(0, query);
    search = query === -1 ? '' : target.slice(query);
  } else if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target); // absolute-form, as proxies send it
    raw = url.pathname;
    search = url.search;
  } else {
    return undefined;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(decoded)) return undefined;
  const path = posix.normalize(`/${decoded}`).replace(/\/{2,}/g, '/');
  // Only printable ASCII goes back out in a Location header.
  return { path, search: search.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c)) };
}

/** The path as a URL path again, each segment percent-encoded. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function find(root: string, path: string): { file: string; directory: boolean } | undefined {
  const candidate = join(root, path);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    const stat = statSync(candidate);
    if (stat.isFile()) return { file: candidate, directory: false };
    if (stat.isDirectory() && statSync(join(candidate, 'index.html')).isFile()) return { file: join(candidate, 'index.html'), directory: true };
  } catch {
    return undefined;
  }
  return undefined;
}

function answer(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answer(req, res, 405, { ...securityHeaders('/'), Allow: 'GET, HEAD' }, 'Method not allowed: this server only reads files (GET, HEAD)\n');
    return;
  }
  const request = requestPath(req.url ?? '/');
  if (!request) {
    answer(req, res, 400, securityHeaders('/'), 'Bad request: the path is not a valid file path\n');
    return;
  }
  const { path, search } = request;
  const headers = securityHeaders(path);
  const found = find(root, path);
  if (found?.directory && !path.endsWith('/')) {
    // `path` starts with exactly one slash, so the Location can never be `//host/…`.
    answer(req, res, 301, { ...headers, Location: `${encodePath(path)}/${search}` }, '');
    return;
  }
  const served = found ?? find(root, '/404.html');
  if (!served) {
    answer(req, res, 404, headers, 'Not found\n');
    return;
  }
  const size = statSync(served.file).size;
  res.writeHead(found ? 200 : 404, { ...headers, 'Content-Type': types[extname(served.file)] ?? 'application/octet-stream', 'Content-Length': size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(served.file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Starts a static file server for `dir`; resolves once it listens. Port 0 picks a free one. */
export function serveStatic(dir: string, port = 4321, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    try {
      handle(root, req, res);
    } catch (error) {
      console.error(`could not answer ${req.method} ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) answer(req, res, 500, securityHeaders('/'), 'Server error\n');
      else res.destroy();
    }
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
