// The service worker (src/scripts/sw.ts) run in node against an in-memory Cache Storage and a fake
// network: what a new build's install does when its refill fails, and that no request URL, however
// badly escaped, throws inside the worker.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CACHE, MANIFEST, pathBelow } from '../../src/lib/offline.ts';

const ORIGIN = 'http://course.test';
type Listener = (e: { waitUntil(p: Promise<unknown>): void; respondWith?(p: Promise<Response>): void; request?: Request }) => void;

class FakeCache {
  store = new Map<string, Response>();
  async keys() {
    return [...this.store.keys()].map((k) => new Request(k));
  }
  async match(key: string | Request) {
    const k = typeof key === 'string' ? key : key.url;
    return this.store.get(k.split('?')[0]!)?.clone();
  }
  async put(key: string, res: Response) {
    this.store.set(key, res);
  }
  async delete(key: string) {
    return this.store.delete(key);
  }
}

let cache: FakeCache;
let listeners: Record<string, Listener>;
let network: Map<string, () => Response>;

const manifest = (version: string, zh: string[]) => ({
  version,
  langs: { zh: { files: zh, bytes: 1, pages: [] }, en: { files: ['en/'], bytes: 1, pages: [] } },
});

beforeEach(async () => {
  vi.resetModules();
  cache = new FakeCache();
  listeners = {};
  network = new Map();
  vi.stubGlobal('self', {
    registration: { scope: `${ORIGIN}/` },
    clients: { claim: async () => {} },
    skipWaiting: async () => {},
    addEventListener: (type: string, fn: Listener) => (listeners[type] = fn),
  });
  vi.stubGlobal('caches', { open: async (name: string) => (expect(name).toBe(CACHE), cache) });
  vi.stubGlobal('fetch', async (input: string | Request) => {
    const url = typeof input === 'string' ? input : input.url;
    const make = network.get(url);
    if (!make) throw new TypeError(`network down: ${url}`);
    return make();
  });
  await import('../../src/scripts/sw.ts');
});
afterEach(() => vi.unstubAllGlobals());

async function fire(type: string, extra: object = {}) {
  const waits: Promise<unknown>[] = [];
  let answer: Promise<Response> | undefined;
  listeners[type]!({ waitUntil: (p) => waits.push(p), respondWith: (p) => (answer = p), ...extra });
  await Promise.all(waits);
  return answer as Promise<Response> | undefined;
}

const savedManifest = async () => (await (await cache.match(`${ORIGIN}/${MANIFEST}`))!.json()).version;

describe('a new build installs', () => {
  test('when its refill fails, the saved copy keeps the old manifest (it still knows zh was saved whole)', async () => {
    // zh was saved whole under build v1.
    await cache.put(`${ORIGIN}/${MANIFEST}`, new Response(JSON.stringify(manifest('v1', ['zh/', '_astro/a.1.css']))));
    await cache.put(`${ORIGIN}/zh/`, new Response('old page'));
    await cache.put(`${ORIGIN}/_astro/a.1.css`, new Response('old css'));
    // Build v2 renames the stylesheet, but the network fails while fetching it.
    network.set(`${ORIGIN}/${MANIFEST}`, () => new Response(JSON.stringify(manifest('v2', ['zh/', '_astro/a.2.css']))));
    network.set(`${ORIGIN}/zh/`, () => new Response('<link href="/_astro/a.2.css">'));
    await fire('install');
    expect(await savedManifest()).toBe('v1');
    await fire('activate');
    expect(await cache.match(`${ORIGIN}/_astro/a.1.css`), 'nothing old is dropped after a failed refill').toBeTruthy();
  });

  test('when its refill works, the new manifest is kept and the old hashed files go', async () => {
    await cache.put(`${ORIGIN}/${MANIFEST}`, new Response(JSON.stringify(manifest('v1', ['zh/', '_astro/a.1.css']))));
    await cache.put(`${ORIGIN}/zh/`, new Response('old page'));
    await cache.put(`${ORIGIN}/_astro/a.1.css`, new Response('old css'));
    network.set(`${ORIGIN}/${MANIFEST}`, () => new Response(JSON.stringify(manifest('v2', ['zh/', '_astro/a.2.css']))));
    network.set(`${ORIGIN}/zh/`, () => new Response('<link href="/_astro/a.2.css">'));
    network.set(`${ORIGIN}/_astro/a.2.css`, () => new Response('new css'));
    await fire('install');
    expect(await savedManifest()).toBe('v2');
    await fire('activate');
    expect(await cache.match(`${ORIGIN}/_astro/a.2.css`)).toBeTruthy();
    expect(await cache.match(`${ORIGIN}/_astro/a.1.css`)).toBeUndefined();
  });
});

describe('requests with escapes that do not decode', () => {
  test('pathBelow never throws and decodes what it can', () => {
    expect(pathBelow('/zh/%E4%B8%AD/', '/')).toBe('zh/中/');
    expect(pathBelow('/course/zh/', '/course/')).toBe('zh/');
    expect(pathBelow('/zh/%zz', '/')).toBe('zh/%zz');
    expect(pathBelow('/%E0%A4%A', '/')).toBe('%E0%A4%A');
  });

  test('the worker answers a page with a bad escape from the network, or with its offline page', async () => {
    network.set(`${ORIGIN}/zh/%zz`, () => new Response('not found', { status: 404 }));
    const res = await fire('fetch', { request: new Request(`${ORIGIN}/zh/%zz`, { mode: 'same-origin' }) });
    expect(res!.status).toBe(404);
    network.clear();
    const offline = await fire('fetch', { request: new Request(`${ORIGIN}/zh/%E0%A4%A/`) });
    expect(offline!.status).toBe(503);
  });
});
