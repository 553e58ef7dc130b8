// The static server behind `npm start` and the browser tests: sirv (the server Vite's preview uses)
// serving dist/ as a static host would, with the files the build precompressed (.br, .gz beside each
// text file, scripts/compress.mjs) and the headers the build wrote to dist/_headers (the CSP with the
// hashes of the inline scripts, nosniff, Referrer-Policy, cache rules; scripts/headers.mjs). Before a
// request reaches sirv, src/lib/serve-rules.ts checks it: only GET and HEAD, a path that decodes,
// no traversal, no control characters, and a directory redirect that can only stay on this origin.
//   node scripts/serve.mjs [dir] [--port N]   (PORT env also works; 0 picks a free port)
//   HOST=0.0.0.0 to serve a classroom (default 127.0.0.1); BASE_PATH=/course/ for a sub-path build.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { acceptedEncodings, checkRequest, headersFor, parseHeaders } from '../src/lib/serve-rules.ts';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 4321));
const host = process.env.HOST ?? '127.0.0.1';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No built site in ${dir}: run \`npm run build\` first (or \`npm start\`, which builds and serves).`);
  process.exit(1);
}
const headersFile = join(dir, '_headers');
const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];

// Looked up on each request (sirv's "dev" lookup), so a rebuild while serving is seen at once; every
// file name is checked against dist/ by sirv and, before that, by checkRequest.
const files = sirv(dir, { dev: true, etag: true, brotli: true, gzip: true, extensions: ['html'] });

const isDir = (rel) => {
  try {
    return statSync(join(dir, rel)).isDirectory();
  } catch {
    return false;
  }
};

// A precompressed twin older than its file (a step of the build run again by hand, a file edited in
// dist/) is not sent: the reader gets the file itself instead of yesterday's version of it.
function fresh(path, enc) {
  const rel = path.slice(base.length);
  const file = join(dir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  try {
    return statSync(`${file}.${enc === 'br' ? 'br' : 'gz'}`).mtimeMs >= statSync(file).mtimeMs;
  } catch {
    return true;
  }
}

function plain(res, status, text, extra = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function notFound(req, res) {
  const page = join(dir, '404.html');
  const enc = acceptedEncodings(req.headers['accept-encoding']);
  const pick = enc.includes('br') && existsSync(`${page}.br`) ? ['br', `${page}.br`] : enc.includes('gzip') && existsSync(`${page}.gz`) ? ['gzip', `${page}.gz`] : [null, page];
  if (!existsSync(pick[1])) return plain(res, 404, 'Not found');
  const body = readFileSync(pick[1]);
  res.writeHead(404, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
    ...(pick[0] ? { 'content-encoding': pick[0] } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  try {
    const verdict = checkRequest({ method: req.method ?? '', url: req.url ?? '', base, isDir });
    for (const [k, v] of Object.entries(headersFor(rules, verdict.path ?? '/'))) res.setHeader(k, v);
    if (verdict.kind === 'error') return plain(res, verdict.status, verdict.message, verdict.headers);
    if (verdict.kind === 'redirect') return plain(res, 301, `Moved to ${verdict.location}`, { location: verdict.location });
    if (verdict.kind === 'outside') return notFound(req, res);
    // sirv reads the URL and the encodings itself: hand it the path below the base, and only the
    // encodings the client accepts (a "br;q=0" means no brotli). Ranges are not served.
    req.url = verdict.rest;
    req.headers['accept-encoding'] = acceptedEncodings(req.headers['accept-encoding']).filter((enc) => fresh(verdict.path, enc)).join(', ');
    delete req.headers.range;
    files(req, res, () => notFound(req, res));
  } catch (e) {
    // Nothing a request carries may stop the server; say what went wrong and keep serving.
    console.error(`serve: ${req.method} ${JSON.stringify(req.url)}: ${e instanceof Error ? e.message : e}`);
    if (!res.headersSent) plain(res, 500, 'Internal error');
    else res.destroy();
  }
});
server.on('clientError', (_err, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  else socket.destroy();
});

server.listen(port, host, () => {
  const addr = server.address();
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`Serving ${dir} at http://${shown}:${addr.port}${base}`);
});
