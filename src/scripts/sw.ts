// The service worker (built to dist/sw.js by scripts/offline.mjs, after Pagefind has written its
// index). It keeps every page and file a reader has opened in one cache, so what was read stays
// readable without a network; the course home's "save for offline" card fills the same cache with
// the whole course in one language, search index included. How each request is answered is decided
// by strategy() in src/lib/offline.ts, which the unit tests check.
//
// Typed with the few service-worker shapes used here: the WebWorker lib cannot share a program with
// the DOM lib the rest of src/ uses.
import { CACHE, MANIFEST, drain, langOfPath, parseManifest, pathBelow, stale, strategy, type OfflineManifest } from '../lib/offline.ts';

interface ExtendableEvent extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; respondWith(r: Promise<Response>): void }
interface Worker {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}
const sw = self as unknown as Worker;
const scope = new URL(sw.registration.scope);
/** How long a page waits for the network before the saved copy is shown instead (a stalled connection). */
const PATIENCE_MS = 3500;

const below = (url: URL) => pathBelow(url.pathname, scope.pathname);
const keyOf = (path: string) => new URL(path, scope).href;

// A new build. Its hashed files have new names, so what is saved must move to them without ever
// leaving a saved page whose stylesheet or script is gone. While this worker installs (the old one
// still answers, so no page waits for this), a language saved whole is brought up to the new list
// and every page read before is fetched anew together with the hashed files it uses. Only if all
// of that worked does activation drop the old hashed files.
let updated: OfflineManifest | null = null;

sw.addEventListener('install', (e) =>
  e.waitUntil(
    (async () => {
      updated = await update().catch(() => null);
      await sw.skipWaiting();
    })(),
  ),
);

sw.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      await sw.clients.claim();
      if (!updated) return;
      const current = new Set(Object.values(updated.langs).flatMap((l) => l.files));
      const cache = await caches.open(CACHE);
      const cached = (await cache.keys()).map((r) => below(new URL(r.url)));
      await Promise.all(stale(cached, current).map((p) => cache.delete(keyOf(p))));
    })(),
  ),
);

/** Brings the saved files up to this build; the build's manifest when every fetch worked, else null. */
async function update(): Promise<OfflineManifest | null> {
  const manifest = await fetchManifest();
  const cache = await caches.open(CACHE);
  const previous = await cache.match(keyOf(MANIFEST)).then((r) => r?.json()).then(parseManifest).catch(() => null);
  const have = new Set((await cache.keys()).map((r) => below(new URL(r.url))));
  const current = new Set(Object.values(manifest.langs).flatMap((l) => l.files));
  const todo = new Set<string>();
  for (const lang of Object.keys(manifest.langs) as (keyof OfflineManifest['langs'])[]) {
    const saved = previous?.langs[lang].files.every((f) => have.has(f));
    if (saved) for (const f of manifest.langs[lang].files) if (!have.has(f)) todo.add(f);
  }
  for (const p of have) {
    if (p === MANIFEST || strategy(p, false) !== 'page') continue;
    if (current.has(p)) todo.add(p);
    else await cache.delete(keyOf(p));
  }
  if (!(await refill(cache, [...todo], have))) return null;
  // Kept for the offline answer, which lists saved pages by title, and for the next update. Written
  // only now: after a failed refill the previous manifest stays, so the next worker still knows
  // which language was saved whole and tries again.
  await cache.put(keyOf(MANIFEST), new Response(JSON.stringify(manifest)));
  return manifest;
}

/** Fetches `paths` into the cache, and the hashed files each page uses. */
function refill(cache: Cache, paths: string[], have: Set<string>): Promise<boolean> {
  return drain(paths, async (p) => {
    const res = await fetch(keyOf(p), { cache: 'no-cache' });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    if (strategy(p, false) === 'page') {
      const html = await res.clone().text();
      for (const m of html.matchAll(/\s(?:href|src|data-src)="([^"#?]+)"/g)) {
        const url = new URL(m[1]!, keyOf(p));
        if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) continue;
        const asset = below(url);
        if (strategy(asset, false) === 'immutable' && !have.has(asset)) {
          have.add(asset);
          paths.push(asset);
        }
      }
    }
    await cache.put(keyOf(p), res);
  });
}

async function fetchManifest(): Promise<OfflineManifest> {
  const r = await fetch(keyOf(MANIFEST), { cache: 'no-cache' });
  if (!r.ok) throw new Error(`${MANIFEST}: ${r.status}`);
  return parseManifest(await r.json());
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = below(url);
  const how = strategy(path, req.mode === 'navigate');
  if (how === 'network') return;
  e.respondWith(answer(how, req, path, e));
});

/** Stores a good answer under its path without the query (widget state and ?highlight= live there). */
async function keep(path: string, res: Response): Promise<void> {
  if (!res.ok || res.type !== 'basic') return;
  const cache = await caches.open(CACHE);
  await cache.put(keyOf(path), res);
}

async function saved(path: string): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  return cache.match(keyOf(path), { ignoreSearch: true });
}

async function answer(how: 'page' | 'immutable' | 'refresh', req: Request, path: string, e: FetchEvent): Promise<Response> {
  if (how === 'immutable') {
    const hit = await saved(path);
    if (hit) return hit;
    const res = await fetch(req);
    e.waitUntil(keep(path, res.clone()));
    return res;
  }
  if (how === 'refresh') {
    const hit = await saved(path);
    const fresh = fetch(req).then((res) => (e.waitUntil(keep(path, res.clone())), res));
    if (hit) {
      e.waitUntil(fresh.catch(() => undefined));
      return hit;
    }
    return fresh;
  }
  // A page: the network, unless it fails or stalls and a saved copy exists.
  const fresh = fetch(req).then((res) => {
    if (res.ok) e.waitUntil(keep(path, res.clone()));
    return res;
  });
  const hit = await saved(path);
  if (!hit) return fresh.catch(() => offlinePage(path));
  const stalled = new Promise<Response>((ok) => setTimeout(() => ok(hit), PATIENCE_MS));
  return Promise.race([fresh.then((r) => (r.ok ? r : hit), () => hit), stalled]);
}

const TEXT = {
  zh: {
    title: '离线 · 网络与并发',
    heading: '现在没有网络，这一页还没存下来',
    body: '读过的页面会自动保存。想离线读整门课，联网时在课程首页点“保存离线副本”。已经存在这台设备上的页面：',
    none: '这台设备上还没有保存这门课的中文页面。',
  },
  en: {
    title: 'Offline · Networks & Concurrency',
    heading: 'You are offline, and this page has not been saved',
    body: 'Pages you have read are saved as you go. To read the whole course offline, press "Save for offline" on the course home while online. Pages saved on this device:',
    none: 'No English pages of the course are saved on this device yet.',
  },
} as const;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page of its own for a page that was never saved: what is saved, in the reader's language. */
async function offlinePage(path: string): Promise<Response> {
  const lang = langOfPath(path);
  const t = TEXT[lang];
  const cache = await caches.open(CACHE);
  const have = new Set((await cache.keys()).map((r) => below(new URL(r.url))));
  const manifest = await cache.match(keyOf(MANIFEST)).then((r) => r?.json()).then(parseManifest).catch(() => null);
  const pages = manifest?.langs[lang].pages.filter((p) => have.has(p.path)) ?? [];
  const list = pages.length
    ? `<p>${t.body}</p><ul>${pages.map((p) => `<li><a href="${esc(keyOf(p.path))}">${esc(p.title)}</a></li>`).join('')}</ul>`
    : `<p>${t.none}</p>`;
  const html = `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.title}</title><style>:root{color-scheme:light dark;font:1.05rem/1.7 system-ui,sans-serif}body{max-width:40rem;margin:2rem auto;padding:0 1rem}a{color:LinkText}</style></head><body><main><h1>${t.heading}</h1>${list}</main></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
