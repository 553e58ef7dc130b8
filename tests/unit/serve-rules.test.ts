// What the static server decides before it looks a file up (src/lib/serve-rules.ts) and the
// headers the build writes (src/lib/csp.ts).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { acceptedEncodings, checkRequest, headersFor, matches, parseHeaders } from '../../src/lib/serve-rules.ts';
import { cspFor, hashOf, headersFile, inlineScripts, withMetaCsp } from '../../src/lib/csp.ts';
import { strategy } from '../../src/lib/offline.ts';

const dirs = new Set(['zh', 'en', 'zh/tcp-udp', 'course']);
const req = (url: string, method = 'GET', base = '/') => checkRequest({ method, url, base, isDir: (rel) => dirs.has(rel) });

describe('checkRequest', () => {
  test('serves GET and HEAD only, naming what is allowed', () => {
    expect(req('/zh/', 'HEAD').kind).toBe('file');
    for (const m of ['POST', 'DELETE', 'TRACE', 'PUT', 'OPTIONS', 'CONNECT']) {
      expect(req('/zh/', m)).toMatchObject({ kind: 'error', status: 405, headers: { allow: 'GET, HEAD' } });
    }
  });

  test('a percent-escape that does not decode is a 400, not an exception', () => {
    for (const u of ['/%', '/%zz', '/%E0%A4%A', '/%ff', '/%c0%ae%c0%ae/etc/passwd', '/a%', '/%ed%a0%80']) {
      expect(req(u)).toMatchObject({ kind: 'error', status: 400 });
    }
  });

  test('control characters and backslashes in the decoded path are refused', () => {
    for (const u of ['/en%0d%0a%2F..%2Fen', '/en%0aSet-Cookie:x', '/%00', '/%5Cevil.example', '/a\\b', '/%7f']) {
      expect(req(u)).toMatchObject({ kind: 'error', status: 400 });
    }
  });

  test('dot segments in any encoding are refused', () => {
    for (const u of ['/../etc/passwd', '/zh/../../x', '/%2e%2e/x', '/zh/%2E%2E/%2e%2E/x', '/%2Fevil.example%2F..%2Fen', '/./zh/']) {
      expect(req(u)).toMatchObject({ kind: 'error', status: 400 });
    }
  });

  test('only origin-form targets: absolute-form and "*" are refused, an overlong one is 414', () => {
    expect(req('http://evil.example/zh/')).toMatchObject({ status: 400 });
    expect(req('*')).toMatchObject({ status: 400 });
    expect(req(`/${'a'.repeat(5000)}`)).toMatchObject({ status: 414 });
  });

  test('a directory without its slash is redirected on this origin, keeping the query', () => {
    expect(req('/zh/tcp-udp?handshake=1.5')).toEqual({ kind: 'redirect', location: '/zh/tcp-udp/?handshake=1.5', path: '/zh/tcp-udp' });
    expect(req('/zh')).toMatchObject({ kind: 'redirect', location: '/zh/' });
    expect(req('//zh')).toMatchObject({ kind: 'redirect', location: '/zh/' });
  });

  test('a redirect never leaves the origin, whatever the path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('/', '\\', '%2F', '%5C', '%2f', 'zh', 'evil.example', '%0d', '%0a', '.', '%2e', '@', ':', '?', '#', '%'), { maxLength: 12 }), (parts) => {
        const v = checkRequest({ method: 'GET', url: `/${parts.join('')}`, base: '/', isDir: () => true });
        if (v.kind === 'redirect') {
          expect(v.location).toMatch(/^\/(?![/\\])/);
          expect(v.location).not.toMatch(/[\r\n\\]/);
          expect(new URL(v.location, 'http://here.example').host).toBe('here.example');
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('under a base path: inside is served or redirected, outside is not found', () => {
    expect(req('/course', 'GET', '/course/')).toMatchObject({ kind: 'redirect', location: '/course/' });
    expect(req('/course/zh', 'GET', '/course/')).toMatchObject({ kind: 'redirect', location: '/course/zh/' });
    expect(req('/course/zh/', 'GET', '/course/')).toMatchObject({ kind: 'file', rest: '/zh/' });
    expect(req('/zh/', 'GET', '/course/')).toMatchObject({ kind: 'outside' });
  });

  test('the path handed on is encoded again, so "?" and "#" inside it stay in the path', () => {
    expect(req('/zh/%3F%23%E4%B8%AD.html')).toMatchObject({ kind: 'file', rest: '/zh/%3F%23%E4%B8%AD.html' });
  });
});

describe('acceptedEncodings', () => {
  test('honours q=0 and *', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0')).toEqual([]);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('BR ; Q=1.0')).toEqual(['br']);
  });
});

describe('_headers', () => {
  const file = headersFile(cspFor(['a()']), '/');
  const rules = parseHeaders(file);

  test('every path gets the security headers; hashed files are immutable, pages revalidate', () => {
    const page = headersFor(rules, '/zh/tcp-udp/');
    expect(page['Content-Security-Policy']).toContain("script-src 'self'");
    expect(page['X-Content-Type-Options']).toBe('nosniff');
    expect(page['Referrer-Policy']).toBeTruthy();
    expect(page['Cache-Control']).toBe('no-cache');
    expect(headersFor(rules, '/_astro/x.1234.css')['Cache-Control']).toContain('immutable');
    expect(headersFor(rules, '/_astro/x.1234.css')['Content-Security-Policy']).toBeTruthy();
    expect(headersFor(rules, '/sw.js')['Cache-Control']).toBe('no-cache');
    expect(headersFor(rules, '/pagefind/pagefind.js')['Cache-Control']).toBe('no-cache');
    expect(headersFor(rules, '/pagefind/fragment/zh_1.pf_fragment')['Cache-Control']).toContain('immutable');
  });

  test('a file is cached as immutable by the server exactly when the service worker treats it as immutable', () => {
    // Two readers of one fact (whose names carry a hash): _headers' HASHED globs and offline.ts's rule.
    const paths = ['_astro/BaseLayout.B0EQ7_he.css', '_astro/_..DYeDPvJm.css', '_widgets/handshake.zh.a0cbc752fd.js',
      'pagefind/fragment/zh-cn_179bdfe.pf_fragment', 'pagefind/index/en_163b2b8.pf_index', 'pagefind/pagefind.en_1654f7dc49.pf_meta',
      'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/search-ui.js', 'pagefind/wasm.en.pagefind',
      'figures/zh/01-models.svg', 'favicon.svg', 'site.webmanifest', 'zh/tcp-udp/', 'index.html'];
    for (const p of paths) {
      const immutable = (headersFor(rules, `/${p}`)['Cache-Control'] ?? '').includes('immutable');
      expect(immutable, p).toBe(strategy(p, false) === 'immutable');
    }
  });

  test('patterns: * matches anything, the rest is literal', () => {
    expect(matches('/pagefind/*.pf_meta', '/pagefind/pagefind.en_1.pf_meta')).toBe(true);
    expect(matches('/pagefind/*.pf_meta', '/pagefind/pagefindXen.pf_metaX')).toBe(false);
    expect(matches('/a.b', '/aXb')).toBe(false);
  });

  test('a header line before any path is an error that says so', () => {
    expect(() => parseHeaders('  X-A: b')).toThrow(/belongs to no path/);
  });
});

describe('the CSP', () => {
  test('allows exactly the inline scripts it was given, plus WebAssembly for Pagefind; no objects, no foreign frames', () => {
    const csp = cspFor(['one()', 'two()', 'one()']);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc.split(' ').filter((t) => t.startsWith("'sha256-"))).toEqual([hashOf('one()'), hashOf('two()')].sort());
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
  });

  test('hashes are those browsers compute: sha256 of the script text, base64', () => {
    // echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64 (the CSP spec's own example)
    expect(hashOf("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  test('inline scripts: classic and module count; src scripts and data blocks do not', () => {
    const html = '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/ld+json">{}</script><SCRIPT>c()</SCRIPT >';
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'c()']);
  });
});

describe('the CSP as a <meta> element (hosts without headers)', () => {
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>t</title><script>theme()</script></head><body><script type="module" src="/a.js"></script></body></html>';
  const out = withMetaCsp(page);

  test('comes right after <meta charset>, before any script, with this page\'s hashes and no frame-ancestors', () => {
    expect(out.startsWith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="')).toBe(true);
    const content = /content-security-policy" content="([^"]*)"/.exec(out)![1]!;
    expect(content).toBe(cspFor(['theme()'], { meta: true }));
    expect(content).toContain(hashOf('theme()'));
    expect(content).not.toContain('frame-ancestors');
    expect(out.indexOf('content-security-policy')).toBeLessThan(out.indexOf('<script'));
  });

  test('a page without <head> is an error, not a page without a policy', () => {
    expect(() => withMetaCsp('<p>no head</p>')).toThrow(/no <head>/);
  });
});
