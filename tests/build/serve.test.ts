// The static server (scripts/serve.mjs) attacked as a stranger on the classroom network would:
// over 200 crafted request targets sent raw on a socket (bad escapes, CR/LF, traversal in every
// encoding, backslashes, absolute-form, overlong), then 2,000 requests at once. It must never exit,
// never answer with a byte from outside its folder, never redirect to another origin, and keep
// serving. It serves a small site made here, beside a canary file it must never give out.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { cspFor, headersFile } from '../../src/lib/csp.ts';

const CANARY = 'CANARY-outside-the-site-7f3a';
let root: string;
let server: ChildProcess;
let port = 0;
let exited = false;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-attack-'));
  const site = join(root, 'site');
  writeFileSync(join(root, 'secret.txt'), CANARY);
  writeFileSync(join(root, 'site.txt'), CANARY);
  for (const [path, body] of Object.entries({
    'index.html': '<!doctype html><title>root</title>',
    '404.html': '<!doctype html><title>not found</title>'.padEnd(600, ' '),
    'zh/index.html': `<!doctype html><title>zh</title>${'网络与并发'.repeat(100)}`,
    'zh/tcp-udp/index.html': '<!doctype html><title>tcp</title>',
    'en/index.html': '<!doctype html><title>en</title>',
    '_astro/app.abc123.css': 'body{color:red}'.repeat(50),
  })) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), body);
  }
  writeFileSync(join(site, 'zh/index.html.br'), brotliCompressSync(Buffer.from(`<!doctype html><title>zh</title>${'网络与并发'.repeat(100)}`)));
  writeFileSync(join(site, 'zh/index.html.gz'), gzipSync(Buffer.from(`<!doctype html><title>zh</title>${'网络与并发'.repeat(100)}`)));
  writeFileSync(join(site, '_headers'), headersFile(cspFor(['x()'])));
  server = spawn(process.execPath, ['scripts/serve.mjs', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.on('exit', () => (exited = true));
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', () => reject(new Error(`server exited: ${out}`)));
    setTimeout(() => reject(new Error('server did not start in 10 s')), 10_000);
  });
});

afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Sends one request exactly as written (no client normalises it) and reads the whole answer. */
function raw(target: string, method = 'GET', extra = ''): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => (s.destroy(), reject(new Error(`no answer to ${JSON.stringify(target)} in 5 s`))), 5_000);
    s.on('data', (d) => chunks.push(d));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, text: rest.join('\r\n\r\n') });
    });
    s.write(`${method} ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${extra}\r\n`);
  });
}

// The targets: every way of writing ".." and "/" and "\" and CR/LF, at several depths, after
// several prefixes, aimed at files outside the site; plus broken escapes and odd forms.
const DOTS = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%c0%ae%c0%ae', '%e0%80%ae%e0%80%ae', '%uff0e%uff0e', '．．', '..;'];
const SLASHES = ['/', '%2f', '%2F', '%5c', '%5C', '\\', '%252f', '%c0%af', '//'];
const PREFIXES = ['/', '/zh/', '/_astro/', '/zh/tcp-udp/'];
const TARGETS = [
  ...DOTS.flatMap((d) => SLASHES.flatMap((s) => PREFIXES.slice(0, 2).map((p) => `${p}${d}${s}${d}${s}secret.txt`))),
  ...DOTS.map((d) => `/${d}/${d}/${d}/${d}/${d}/etc/passwd`),
  ...['/%', '/%zz', '/%E0%A4%A', '/%ff', '/a%', '/%%', '/%ed%a0%80', '/%f4%90%80%80', '/%c0%80', '/%00', '/zh%00.html', '/zh/%0d%0aSet-Cookie:%20x=1'],
  ...['/en%0d%0a%2F..%2Fen', '/%2Fevil.example%2F..%2Fen', '/%5Cevil.example%2F..%2Fen', '/%2F%2Fevil.example', '/%5C%5Cevil.example', '//evil.example', '//evil.example/zh', '/\\evil.example/zh', '/zh%2F', '/zh?%0d%0aX:1', '/zh?a=\\\\evil', '/zh/tcp-udp?//evil.example', '/zh/tcp-udp%3F//evil.example'],
  ...['http://evil.example/zh/', 'https://127.0.0.1/zh/', '*', 'zh/', '../secret.txt', '/site.txt', '/../site.txt'],
  `/${'a'.repeat(5000)}`,
  `/zh/${'../'.repeat(1000)}secret.txt`,
  `/${'%2e%2e%2f'.repeat(400)}secret.txt`,
  `/${'x/'.repeat(3000)}`,
];

describe('hostile requests against scripts/serve.mjs', () => {
  test(`${TARGETS.length} crafted targets: never a byte from outside, never another origin, never an exit`, async () => {
    expect(TARGETS.length).toBeGreaterThanOrEqual(200);
    const origin = `http://127.0.0.1:${port}`;
    for (const t of TARGETS) {
      const r = await raw(t);
      expect([200, 301, 400, 404, 414, 431], `${t} → ${r.status}`).toContain(r.status);
      expect(r.text, t).not.toContain(CANARY);
      expect(r.text, t).not.toMatch(/root:.*:0:0:/);
      const loc = r.headers.location;
      if (loc !== undefined) {
        expect(loc, t).toMatch(/^\/(?![/\\])/);
        expect(new URL(loc, origin).origin, t).toBe(origin);
      }
      if (r.status !== 431 && r.status !== 400) expect(r.headers['x-content-type-options'], t).toBe('nosniff');
    }
    expect(exited).toBe(false);
  }, 60_000);

  test('methods other than GET and HEAD get 405 with Allow; HEAD has no body; br;q=0 gets no brotli', async () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'TRACE', 'OPTIONS', 'PATCH']) {
      const r = await raw('/zh/', m);
      expect(r.status, m).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    const head = await raw('/zh/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect((await raw('/zh/', 'GET', 'accept-encoding: br\r\n')).headers['content-encoding']).toBe('br');
    expect((await raw('/zh/', 'GET', 'accept-encoding: br;q=0, gzip\r\n')).headers['content-encoding']).toBe('gzip');
    expect((await raw('/zh/', 'GET', 'accept-encoding: br;q=0\r\n')).headers['content-encoding']).toBeUndefined();
    const page = await raw('/zh/', 'GET', 'accept-encoding: br\r\n');
    expect(page.headers.vary).toMatch(/accept-encoding/i);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await raw('/_astro/app.abc123.css')).headers['cache-control']).toContain('immutable');
    expect((await raw('/nowhere/')).status).toBe(404);
    expect((await raw('/nowhere/')).text).toContain('not found');
  });

  test('a broken request line or a Range the server does not serve never stops it', async () => {
    for (const extra of ['range: bytes=5-2\r\n', 'range: bytes=-\r\n', 'range: bytes=99999999999-\r\n', 'range: bytes=0-1,3-4\r\n']) {
      expect((await raw('/_astro/app.abc123.css', 'GET', extra)).status, extra).toBe(200);
    }
    for (const line of ['GET /\u0000 HTTP/1.1', 'GET / HTTP/9.9', 'GARBAGE', `GET /${'a'.repeat(70_000)} HTTP/1.1`]) {
      await new Promise<void>((resolve) => {
        const s = connect(port, '127.0.0.1', () => s.end(`${line}\r\nhost: x\r\n\r\n`));
        s.on('data', () => {});
        s.on('error', () => resolve());
        s.on('close', () => resolve());
        setTimeout(() => (s.destroy(), resolve()), 3_000);
      });
    }
    expect(exited).toBe(false);
    expect((await raw('/zh/')).status).toBe(200);
  });

  test('2,000 requests at once, good and hostile mixed, all answered', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const r = request({ host: '127.0.0.1', port, path, agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        r.on('error', reject);
        r.setTimeout(20_000, () => r.destroy(new Error(`timeout ${path}`)));
        r.end();
      });
    const paths = Array.from({ length: 2000 }, (_, i) => (i % 4 === 0 ? TARGETS[i % TARGETS.length]! : ['/zh/', '/en/', '/_astro/app.abc123.css', '/zh/tcp-udp'][i % 4]!));
    const statuses = await Promise.all(paths.filter((p) => /^\/[\x21-\x7e]*$/.test(p) && p.length < 8000).map(get));
    agent.destroy();
    expect(statuses.length).toBeGreaterThan(1900);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(1000);
    expect(statuses.every((s) => [200, 301, 400, 404, 414].includes(s))).toBe(true);
    expect(exited).toBe(false);
  }, 60_000);
});

test('a precompressed twin older than its file is not sent: a file changed after the build is served as it is now', async () => {
  const page = join(root, 'site', 'zh', 'index.html');
  writeFileSync(page, '<!doctype html><title>zh, edited after the build</title>');
  const r = await raw('/zh/', 'GET', 'accept-encoding: br, gzip\r\n');
  expect(r.headers['content-encoding']).toBeUndefined();
  expect(r.text).toContain('edited after the build');
});
