// A small static server for the built site, on loopback only, as a static host would serve it:
// directory indexes, the base path (BASE_PATH), 404.html with status 404, brotli/gzip when the
// browser asks. `npm start` and the end-to-end tests use it.
//   node scripts/serve.mjs [dir] [--port N]   (PORT env also works; 0 picks a free port)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 4321));
const host = process.env.HOST ?? '127.0.0.1';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.webmanifest', '.svg', '.txt', '.py']);
const cache = new Map();

async function file(path) {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return file(join(path, 'index.html'));
    return { path, body: await readFile(path), key: `${path}:${s.mtimeMs}:${s.size}` };
  } catch {
    return null;
  }
}

function encode(body, ext, accept, key) {
  if (!COMPRESSIBLE.has(ext) || body.length < 512) return { body };
  const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!enc) return { body };
  const k = `${enc}:${key}`;
  if (!cache.has(k)) {
    cache.set(k, enc === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 }));
  }
  return { body: cache.get(k), encoding: enc };
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let path = decodeURIComponent(url.pathname);
  let found = null;
  if (path.startsWith(base) || `${path}/` === base) {
    const rel = normalize(path.slice(base.length) || '.');
    const full = join(dir, rel);
    if (full === dir || full.startsWith(dir + sep)) {
      // /zh/tcp-udp → /zh/tcp-udp/ as static hosts do, so relative links keep working.
      if (!extname(path) && !path.endsWith('/')) {
        const s = await stat(full).catch(() => null);
        if (s?.isDirectory()) {
          res.writeHead(301, { location: `${path}/${url.search}` });
          return res.end();
        }
      }
      found = await file(full);
    }
  }
  let status = 200;
  if (!found) {
    status = 404;
    found = await file(join(dir, '404.html'));
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('404');
    }
  }
  const ext = extname(found.path);
  const { body, encoding } = encode(found.body, ext, String(req.headers['accept-encoding'] ?? ''), found.key);
  res.writeHead(status, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
    vary: 'accept-encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, host, () => {
  const addr = server.address();
  console.log(`Serving ${dir} at http://${host}:${addr.port}${base}`);
});
