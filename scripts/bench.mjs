// `npm run bench`: what each page of the built site costs a reader, and whether the chapter
// pages stay inside their budgets.
//   node scripts/bench.mjs [--check] [--no-browser]
//     --check       exit 1 when a budget fails (otherwise budgets only report)
//     --no-browser  static numbers only (skip the Chromium loads and the first-search test)
//     --no-lighthouse        skip Lighthouse (3 runs × 8 pages, about 6 minutes)
//     --lighthouse-runs=N    runs per page (median reported; default 3)
//
// Static part: read every page in dist/ and size what it needs before the reader does anything
// (HTML, stylesheets, eager scripts), raw and brotli-11 as scripts/serve.mjs would send them.
// Browser part: load chapter pages and course homes in Chromium over scripts/serve.mjs and count
// what is really fetched (Pagefind must stay untouched, KaTeX fonts only where there is math),
// then time a first search through the Ctrl+K modal.
// Sizes are printed in KB = 1024 bytes. Full results go to bench-results/bench.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { WHOLE } from '../src/lib/chapter-pages.ts';
import { lighthouseRoutes, lighthouseRuns } from './lighthouse.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST measures another build (a private --outDir) instead of dist/.
const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT, 'dist');
const OUT_DIR = join(ROOT, 'bench-results');
const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const BROWSER = !args.includes('--no-browser');
const LIGHTHOUSE = BROWSER && !args.includes('--no-lighthouse');
// --pages=ethernet,processes: measure widgets only on chapter pages whose path holds one of these words.
const ONLY = args.find((a) => a.startsWith('--pages='))?.slice(8).split(',').filter(Boolean) ?? null;
const LIGHTHOUSE_RUNS = Number(/^--lighthouse-runs=(\d+)$/.exec(args.find((a) => a.startsWith('--lighthouse-runs=')) ?? '')?.[1] ?? 3);

const KB = 1024;
const BUDGETS = {
  htmlBr: 14 * KB, // fits the first TCP round trip (initial congestion window ≈ 14 KB)
  criticalBr: 20 * KB,
  eagerJsBr: 2 * KB,
};
const SEARCH_QUERIES = { zh: '握手', en: 'handshake' };
/** The first search: bytes on the wire after Ctrl+K (everything under pagefind/), and time from the last keystroke to the first result shown. */
const SEARCH_BUDGETS = { bytes: 140 * KB, msAfterLastKey: 300 };
// 16 KB: a widget page's lazy code, widget and kit together (issue 12, "Widgets as pictures").
const WIDGET_BUDGETS = { jsBr: 16 * 1024, stepMs: 16, stepMs4x: 50, keystrokeMs: 100 };
const SEARCH_TIMEOUT_MS = 10_000;
const IDLE_MS = 500;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// ───────────────────────────── helpers ─────────────────────────────

/** Brotli quality 11, the setting scripts/serve.mjs (and any sensible static host) uses. */
const brSize = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => (bytes == null ? '–' : (bytes / KB).toFixed(1));
const toPosix = (p) => p.split(sep).join('/');

function decodeEntities(s) {
  return s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e]);
}

/** `a="1" b c='2'` → { a: '1', b: '', c: '2' } (names lower-cased, values entity-decoded). */
function parseAttrs(source) {
  const attrs = {};
  for (const m of source.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

// ───────────────────────────── the build ─────────────────────────────

function ensureBuilt() {
  if (existsSync(join(DIST, 'index.html'))) return;
  console.log('dist/ is missing: running `npm run build` first…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/**
 * The base path the site was built with. BASE_PATH wins (the same variable astro.config.mjs and
 * scripts/serve.mjs read); otherwise read it off the built chooser page, whose asset URLs all
 * start with the base followed by Astro's `_astro/` folder.
 */
function detectBase() {
  if (process.env.BASE_PATH) return process.env.BASE_PATH.replace(/\/?$/, '/');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return /(?:href|src)="([^"]*?\/)_astro\//.exec(html)?.[1] ?? '/';
}

/** Every .html file in dist/ except Pagefind's and the vendored libraries', as dist-relative paths. */
function listHtml(dir = DIST) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = toPosix(relative(DIST, full));
    if (entry.isDirectory()) {
      if (rel !== 'pagefind' && rel !== 'vendor') out.push(...listHtml(full));
    } else if (entry.name.endsWith('.html')) {
      out.push(rel);
    }
  }
  return out;
}

/** chooser (/), 404, home (/zh/), search (/zh/search/), chapter (/zh/<slug>/ and its later pages /zh/<slug>/<section>/), whole (/zh/<slug>/all/), or other. */
function classify(rel) {
  if (rel === 'index.html') return 'chooser';
  if (rel === '404.html') return '404';
  if (!rel.endsWith('/index.html')) return 'other';
  const dirs = rel.split('/').slice(0, -1);
  if (dirs.length === 1) return 'home';
  if (dirs.length === 2) return dirs[1] === 'search' ? 'search' : 'chapter';
  // /zh/<slug>/all/ is a long chapter whole on one page, to print or search it: a second view of
  // pages that are measured on their own, so it is reported but held to no chapter budget.
  if (dirs.length === 3 && /^(zh|en)$/.test(dirs[0])) return dirs[2] === WHOLE ? 'whole' : 'chapter';
  return 'other';
}

/** dist-relative file → URL path under the base: zh/tcp-udp/index.html → /zh/tcp-udp/. */
function routeOf(rel, base) {
  return base + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

// Static resolution needs some origin; an unresolvable one keeps off-site URLs apart.
const ORIGIN = 'http://bench.invalid';

/** A URL on this site → its file in dist/, or null when it is off-site or outside the base. */
function fileOf(url, base) {
  if (url.origin !== ORIGIN || !url.pathname.startsWith(base)) return null;
  let rel = decodeURIComponent(url.pathname.slice(base.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  return join(DIST, rel);
}

// ───────────────────────────── static sizes ─────────────────────────────

/**
 * The parts of a page that cost bytes before interaction. One left-to-right scan, so a `<link`
 * inside a script body or a comment is never mistaken for a tag; <noscript> is skipped because
 * with JavaScript on (as in Chromium below) its contents are never fetched.
 */
function parseHtml(html) {
  const found = { stylesheets: [], modulepreloads: [], inlineCss: [], inlineJs: [], scripts: [] };
  const tags = /<!--[\s\S]*?-->|<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>|<link\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (const m of html.matchAll(tags)) {
    const [, tag, tagAttrs, body, linkAttrs] = m;
    if (linkAttrs !== undefined) {
      const a = parseAttrs(linkAttrs);
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      if (!a.href) continue;
      if (rel.includes('stylesheet')) found.stylesheets.push(a.href);
      // Preloaded modules are downloaded at once, so they count as eager JS too.
      if (rel.includes('modulepreload')) found.modulepreloads.push(a.href);
    } else if (tag?.toLowerCase() === 'style') {
      found.inlineCss.push(body);
    } else if (tag?.toLowerCase() === 'script') {
      const a = parseAttrs(tagAttrs);
      const type = (a.type ?? '').toLowerCase();
      // Only JavaScript runs: JSON, ld+json, importmaps and templates are data inside the HTML.
      const isJs = type === '' || type === 'module' || /(java|ecma)script/.test(type);
      if (!isJs) continue;
      // Every <script src> in the markup, async and defer included, is downloaded during the
      // load (async/defer only change when it runs); code fetched on interaction is injected
      // later by JavaScript and never appears here.
      if (a.src !== undefined) found.scripts.push(a.src);
      else if (body.trim()) found.inlineJs.push(body);
    }
  }
  return found;
}

/**
 * Specifiers of a module's static imports and re-exports, which the browser fetches before the
 * module runs: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"` (minified
 * forms too). Dynamic `import()` is excluded: it loads on demand.
 */
function staticImports(code) {
  // The quote must follow `import`/`export` (or the `from` of a binding list) directly, so
  // `import("./a.js")` never matches: `(` is neither a quote nor part of a binding list.
  const re = /(?:^|[;\n}\s/])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])([^"'`\s;()]+)\1/g;
  return [...code.matchAll(re)].map((m) => m[2]);
}

/**
 * Resolves the URLs a page references to files in dist/. Missing files are reported, not thrown:
 * a dangling reference is worth seeing in the results, not a reason to stop measuring.
 */
function resolveFiles(hrefs, pageUrl, base, missing) {
  const files = [];
  for (const href of hrefs) {
    const url = new URL(href, pageUrl);
    const file = fileOf(url, base);
    if (!file) {
      missing.push(`${href} (off-site or outside ${base}: not measured)`);
    } else if (!existsSync(file)) {
      missing.push(`${href} (no such file in dist/)`);
    } else {
      files.push({ url, file });
    }
  }
  return files;
}

// "./a.js", "../a.js", "/_astro/a.js" or a full URL; a bare "pkg" cannot load without an importmap.
const isUrlSpecifier = (s) => /^(\.{0,2}\/|https?:)/.test(s);

/** The script files plus everything they import statically, each file once. */
function moduleGraph(entries, base, missing) {
  const seen = new Map(); // file → url
  const queue = [...entries];
  while (queue.length) {
    const { url, file } = queue.shift();
    if (seen.has(file)) continue;
    seen.set(file, url);
    const code = readFileSync(file, 'utf8');
    const specs = staticImports(code);
    for (const s of specs.filter((s) => !isUrlSpecifier(s))) missing.push(`${s} (bare import in ${toPosix(relative(DIST, file))}: not measured)`);
    queue.push(...resolveFiles(specs.filter(isUrlSpecifier), url, base, missing));
  }
  return [...seen.keys()];
}

/** Raw and brotli bytes of a set of files (each compressed alone, as served) plus inline text. */
function sizeOf(files, inline) {
  let raw = 0;
  let br = 0;
  for (const f of files) {
    const data = readFileSync(f);
    raw += data.length;
    br += brSize(data);
  }
  // Inline pieces travel inside the HTML, so they are compressed together, not one by one.
  const inlineText = inline.join('\n');
  const inlineRaw = Buffer.byteLength(inlineText);
  const inlineBr = inlineRaw ? brSize(inlineText) : 0;
  return { raw: raw + inlineRaw, br: br + inlineBr, filesRaw: raw, filesBr: br, inlineRaw, inlineBr, files: files.map((f) => toPosix(relative(DIST, f))) };
}

function measureStatic(rel, base) {
  const html = readFileSync(join(DIST, rel));
  const text = html.toString('utf8');
  const route = routeOf(rel, base);
  const pageUrl = new URL(route, ORIGIN);
  const parts = parseHtml(text);
  const missing = [];

  const cssFiles = resolveFiles(parts.stylesheets, pageUrl, base, missing);
  const css = sizeOf(unique(cssFiles.map((f) => f.file)), parts.inlineCss);

  const scriptFiles = resolveFiles([...parts.scripts, ...parts.modulepreloads], pageUrl, base, missing);
  const js = sizeOf(moduleGraph(scriptFiles, base, missing), parts.inlineJs);

  const katexCss = cssFiles.filter((f) => f.url.pathname.startsWith(`${base}vendor/katex/`));
  const katexCssBr = katexCss.reduce((sum, f) => sum + brSize(readFileSync(f.file)), 0);

  const htmlBr = brSize(html);
  // A chapter's first screen and first section: the HTML up to its second <h2> (what a reader who
  // has not scrolled far needs), brotli'd on its own. Information, not a budget (see the issue notes).
  const prose = text.indexOf('class="prose"');
  const h2 = prose < 0 ? -1 : text.indexOf('<h2', prose);
  const h2next = h2 < 0 ? -1 : text.indexOf('<h2', h2 + 3);
  return {
    page: route,
    file: toPosix(relative(ROOT, join(DIST, rel))), // relative to the repository, also under BENCH_DIST
    kind: classify(rel),
    lang: rel.includes('/') ? rel.split('/')[0] : null,
    hasMath: text.includes('class="katex"'),
    html: { raw: html.length, br: htmlBr, firstSectionBr: h2next > 0 ? brSize(Buffer.from(text.slice(0, h2next))) : null },
    css,
    eagerJs: js,
    // Inline <style>/<script> bytes already travel inside the HTML's brotli stream, so the
    // critical total adds only the external files and nothing is counted twice. (The CSS and
    // JS columns do include the inline parts, to show all the code of each kind.)
    criticalBr: htmlBr + css.filesBr + js.filesBr,
    katex: { cssBr: katexCssBr, fontBytes: null, total: katexCssBr },
    browser: null,
    missing,
    // Links in document order, to find each course's first chapter.
    links: [...text.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)].map((m) => new URL(decodeEntities(m[1]), pageUrl).pathname),
  };
}

const unique = (xs) => [...new Set(xs)];

/** Orders rows as a reader meets them: chooser, 404, then per language home, search, chapters. */
function sortPages(pages, chapterOrders) {
  const rank = { chooser: 0, '404': 1, home: 2, search: 3, chapter: 4, whole: 5, other: 6 };
  const key = (p) => {
    const inCourse = chapterOrders[p.lang]?.indexOf(p.page) ?? -1;
    return [rank[p.kind] < 2 ? '' : (p.lang ?? ''), rank[p.kind], inCourse < 0 ? Infinity : inCourse, p.page];
  };
  const compare = (a, b) => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  };
  return pages.sort((a, b) => compare(key(a), key(b)));
}

/**
 * Chapter pages per language in reading order: chapters as the course home links them (its table
 * of contents), each followed by its later pages in the order its first page links them (its own
 * table of contents lists every section with its page).
 */
function chapterOrder(pages) {
  // The glossary and labs pages are held to the chapter budgets, but they are not chapters to read in order.
  const chapters = new Set(pages.filter((p) => p.kind === 'chapter' && !/\/(glossary|labs)\/$/.test(p.page)).map((p) => p.page));
  const byPage = new Map(pages.map((p) => [p.page, p]));
  const order = {};
  for (const home of pages.filter((p) => p.kind === 'home')) {
    const firsts = unique(home.links.filter((l) => chapters.has(l)));
    order[home.lang] = firsts.flatMap((first) => [first, ...unique((byPage.get(first)?.links ?? []).filter((l) => l !== first && l.startsWith(first) && chapters.has(l)))]);
    // Chapters the home does not link still get measured; they go last, alphabetically.
    const rest = pages.filter((p) => p.kind === 'chapter' && p.lang === home.lang && !order[home.lang].includes(p.page));
    order[home.lang].push(...rest.map((p) => p.page).sort());
  }
  return order;
}

// ───────────────────────────── server ─────────────────────────────

/** Starts scripts/serve.mjs on a free port (port 0) and resolves to { url, stop } once it listens. */
function startServer(base) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), DIST, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, BASE_PATH: base, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    if (child.exitCode === null && !child.killed) child.kill();
  };
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error('scripts/serve.mjs did not start within 10 s'))), 10_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Serving .* at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ url: m[1], stop });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/serve.mjs exited (${code}) before serving: ${stderr.trim()}`));
    });
  });
}

/**
 * scripts/serve.mjs brotli-compresses each file (quality 11) on its first request and caches it.
 * A real static host serves precompressed files, so ask for every compressible file once before
 * measuring: otherwise the first-search time mostly measures the server compressing Pagefind.
 */
async function warmServer(serverUrl, base) {
  const compressible = /\.(html|css|m?js|json|webmanifest|svg|txt|py)$/;
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (compressible.test(e.name)) files.push(toPosix(relative(DIST, full)));
    }
  };
  walk(DIST);
  const origin = new URL(serverUrl).origin;
  for (const rel of files) {
    const res = await fetch(origin + base + rel.split('/').map(encodeURIComponent).join('/'), { headers: { 'accept-encoding': 'br' } });
    await res.arrayBuffer();
  }
}

// ───────────────────────────── browser ─────────────────────────────

/**
 * Counts what a page downloads. Bytes = the response's `content-length`, i.e. the body as sent
 * (brotli where the server compressed it), headers excluded. Not `request.sizes()`: Chromium
 * reports 0 for the Pagefind worker script and negative numbers for responses it served from
 * its cache. Each URL counts once, since a repeat is a cache hit (assets are max-age=3600).
 * Also tracks requests in flight, to tell when the page has gone quiet.
 */
function trackTraffic(page, base) {
  const responses = new Map(); // url → bytes
  let inFlight = 0;
  let lastChange = Date.now();
  const settle = () => ((inFlight = Math.max(0, inFlight - 1)), (lastChange = Date.now()));
  page.on('request', (req) => {
    if (!req.url().startsWith('http')) return;
    inFlight += 1;
    lastChange = Date.now();
  });
  page.on('requestfailed', (req) => req.url().startsWith('http') && settle());
  page.on('requestfinished', async (req) => {
    if (!req.url().startsWith('http')) return;
    try {
      const res = await req.response();
      const length = Number(await res?.headerValue('content-length'));
      // Only a chunked response lacks content-length; then Chromium's body count is the best we have.
      const bytes = Number.isFinite(length) ? length : Math.max(0, (await req.sizes()).responseBodySize);
      if (!responses.has(req.url())) responses.set(req.url(), bytes);
    } finally {
      settle();
    }
  });

  const pathOf = (u) => new URL(u).pathname;
  const sum = (test = () => true) => [...responses].filter(([u]) => test(pathOf(u))).reduce((s, [, b]) => s + b, 0);
  return {
    total: () => sum(),
    pagefind: () => sum((p) => p.startsWith(`${base}pagefind/`)),
    katexFonts: () => sum((p) => p.startsWith(`${base}vendor/katex/fonts/`)),
    urls: () => [...responses].map(([url, bytes]) => ({ url: pathOf(url) + new URL(url).search, bytes })),
    /** Resolves when nothing has been in flight for `quietMs` (gives up after `maxMs`). */
    async idle(quietMs = IDLE_MS, maxMs = 15_000) {
      const start = Date.now();
      while (Date.now() - start < maxMs) {
        if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

async function openPage(browser, url, base) {
  const context = await browser.newContext(); // fresh context: empty cache, nothing stored
  const page = await context.newPage();
  const traffic = trackTraffic(page, base);
  await page.goto(url, { waitUntil: 'load' });
  await traffic.idle();
  return { context, page, traffic };
}

/** What a page fetches on its own, before the reader touches anything. */
async function measureLoad(browser, origin, route, base) {
  const { context, traffic } = await openPage(browser, origin + route, base);
  try {
    return {
      transferred: traffic.total(),
      pagefindBeforeInteraction: traffic.pagefind(),
      katexFonts: traffic.katexFonts(),
      requests: traffic.urls(),
    };
  } finally {
    await context.close();
  }
}

/** Awaits a Playwright wait; a timeout becomes `message`, which says what the reader would miss. */
async function step(message, promise) {
  try {
    return await promise;
  } catch (err) {
    throw new Error(err?.name === 'TimeoutError' ? message : `${message}: ${err?.message ?? err}`);
  }
}

/**
 * The first search a reader makes: Ctrl+K opens the search dialog, which fetches the site's search
 * layer (pagefind/search-ui.js) and Pagefind (its JS, wasm, index chunks, and the fragments of
 * the results on screen). Times from the last keystroke to the first result link, both stamped
 * inside the page so Playwright's round trips are not part of the number; cold cache.
 */
async function firstSearch(browser, origin, route, query, base) {
  const result = { page: route, query, ok: false, msToFirstResult: null, pagefindBytes: null, files: 0, byKind: {}, resultLinks: 0, error: null };
  const { context, page, traffic } = await openPage(browser, origin + route, base);
  const results = 'dialog.search-dialog a[role=option]';
  try {
    await page.evaluate((sel) => {
      const stamps = (window.__bench = { input: null, result: null });
      // Chinese text arrives as `beforeinput` without a keydown, so listen for both. Every key
      // moves the clock: the budget is from the last one.
      const onInput = () => ((stamps.input = performance.now()), (stamps.result = null));
      addEventListener('keydown', onInput, true);
      addEventListener('beforeinput', onInput, true);
      new MutationObserver(() => {
        if (stamps.input !== null && stamps.result === null && document.querySelector(sel)) stamps.result = performance.now();
      }).observe(document, { subtree: true, childList: true });
    }, results);
    await page.keyboard.press('Control+K');
    // Type only once the dialog's field has focus, as a reader would.
    await step('no focused search field in the search dialog after Ctrl+K', page.waitForFunction(
      () => document.activeElement?.closest('dialog.search-dialog') && document.activeElement.matches('input'), null, { timeout: SEARCH_TIMEOUT_MS }));
    // Ctrl+K itself was a keydown: start the clock at the query's characters instead.
    await page.evaluate(() => (window.__bench.input = null));
    const started = performance.now();
    await page.keyboard.type(query);
    await step(`no result link in the search dialog within ${SEARCH_TIMEOUT_MS / 1000} s`,
      page.locator(results).first().waitFor({ state: 'attached', timeout: SEARCH_TIMEOUT_MS }));
    const nodeMs = performance.now() - started;
    const stamps = await page.evaluate(() => window.__bench);
    result.msToFirstResult = Math.round(stamps.input != null && stamps.result != null ? stamps.result - stamps.input : nodeMs);
    await traffic.idle(); // let the result fragments finish downloading
    result.resultLinks = await page.locator(results).count();
    result.ok = true;
  } catch (err) {
    result.error = String(err?.message ?? err).split('\n')[0];
  } finally {
    result.pagefindBytes = traffic.pagefind();
    result.requests = traffic.urls().filter((r) => r.url.startsWith(`${base}pagefind/`));
    result.files = result.requests.length;
    for (const r of result.requests) {
      const kind = /\/fragment\//.test(r.url) ? 'fragments' : /\/index\//.test(r.url) ? 'index' : /wasm/.test(r.url) ? 'wasm'
        : /search-(ui|mark)/.test(r.url) ? 'site search layer' : /pagefind\.js$/.test(r.url) ? 'pagefind.js' : 'other';
      result.byKind[kind] = (result.byKind[kind] ?? 0) + r.bytes;
    }
    await context.close();
  }
  return result;
}

async function runBrowser(pages, firstChapters, base) {
  const { chromium } = await import('@playwright/test');
  const server = await startServer(base);
  const onSignal = () => (server.stop(), process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let browser;
  try {
    await warmServer(server.url, base);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const origin = new URL(server.url).origin;
    for (const p of pages.filter((p) => p.kind === 'chapter' || p.kind === 'home')) {
      p.browser = await measureLoad(browser, origin, p.page, base);
      p.katex.fontBytes = p.browser.katexFonts;
      p.katex.total = p.katex.cssBr + p.katex.fontBytes;
    }
    const widgetRuns = [];
    for (const p of pages.filter((p) => p.kind === 'chapter' && p.hasWidgets && (!ONLY || ONLY.some((w) => p.page.includes(w))))) widgetRuns.push(await measureWidgets(browser, origin, p.page));
    const searches = [];
    for (const [lang, query] of Object.entries(SEARCH_QUERIES)) {
      const route = firstChapters[lang]?.[0];
      if (!route) {
        searches.push({ page: `${base}${lang}/`, query, ok: false, error: `no ${lang} chapter page found` });
        continue;
      }
      searches.push(await firstSearch(browser, origin, route, query, base));
    }
    const lighthouse = LIGHTHOUSE ? await lighthouseRuns(origin, lighthouseRoutes(ROOT, base), LIGHTHOUSE_RUNS, CHROMIUM_ARGS) : null;
    return { searches, widgetRuns, lighthouse };
  } finally {
    await browser?.close();
    server.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}


// ───────────────────────────── widgets ─────────────────────────────

/**
 * Each widget bundle the build wrote and the pages that name it. A widget has one bundle per page
 * language (dist/_widgets/<name>.<lang>.<hash>.js, see src/lib/widget-bundles.ts), so each file is
 * reported and budgeted on its own, named <name>.<lang>.
 */
function widgetBundles(pages, base) {
  const dir = join(DIST, '_widgets');
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir).filter((f) => f.endsWith('.js'));
  // On-demand files (<name>.<lang>.<module>-<hash>.js: presenter mode, a state link's decoder) are
  // fetched by a widget's dynamic import() when first used; they are listed with the widget, not
  // budgeted as what a page loads.
  const isOnDemand = (f) => /\.[\w-]+-[0-9a-f]{10}\.js$/.test(f);
  return all.filter((f) => !isOnDemand(f)).map((file) => {
    const data = readFileSync(join(dir, file));
    const name = file.replace(/\.[0-9a-f]+\.js$/, '');
    const url = `${base}_widgets/${file}`;
    const usedBy = pages.filter((p) => readFileSync(join(ROOT, p.file), 'utf8').includes(`data-src="${url}"`)).map((p) => p.page);
    const onDemand = [...data.toString('utf8').matchAll(/import\(\s*[`'"]\.\/([^`'"]+)[`'"]\s*\)/g)]
      .map((m) => m[1])
      .filter((f) => all.includes(f))
      .map((f) => ({ file: f, br: brSize(readFileSync(join(dir, f))) }));
    return { name, file, raw: data.length, br: brSize(data), usedBy, onDemand };
  });
}

/**
 * In Chromium: which widget bundles a page fetches (only its own, and only as a widget nears the
 * screen), how long one step takes to render (click "step forward", then force style and layout),
 * and for the framing builder how long a keystroke takes with a 1 MB body.
 */
async function measureWidgets(browser, origin, page) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const fetched = [];
  tab.on('request', (r) => {
    if (r.url().includes('/_widgets/')) fetched.push(new URL(r.url()).pathname.split('/').pop());
  });
  try {
    await tab.goto(origin + page, { waitUntil: 'load' });
    await tab.waitForTimeout(IDLE_MS);
    const atLoad = [...fetched];
    const ids = await tab.locator('figure.widget').evaluateAll((fs) => fs.map((f) => f.id));
    const widgets = [];
    for (const id of ids) {
      const fig = tab.locator(`figure.widget#${id}`);
      await fig.scrollIntoViewIfNeeded();
      await tab.waitForSelector(`figure.widget#${id}[data-live]`, { timeout: 10_000 });
      // Three passes over the first 10 steps. stepMs is the first pass as a reader meets it;
      // stepBestMs is each step's best of the three, the render's own cost without whatever else
      // the machine was doing (the same rule as the widgets' e2e render-time tests). The budget
      // checks the worst step of the best passes; the report prints both.
      const runPasses = () => fig.evaluate(async (f) => {
        // A widget without a player (a state the reader sets) steps by its own main action:
        // the layer mapper drops the next protocol on the column being filled, the ports lab
        // connects a client, the MAC dissector flips the I/G bit, the state lab makes its example's next move.
        const click = (sel) => f.querySelector(sel)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        const own = {
          // A drop is the step; picking the chip up first is an interaction of its own, outside the timing.
          layers: {
            reset: () => click('.ly-clear'),
            prep: () => click('.ly-tray .kit-chip'),
            step: () => click('.kit-band.kit-col-on .kit-band-b'),
            done: () => !f.querySelector('.ly-tray .kit-chip'),
          },
          'port-lab': { reset: () => click('.pt-reset'), step: () => click('.pt-connect'), done: () => f.querySelector('.pt-connect')?.getAttribute('aria-disabled') === 'true' },
          // The state lab opens in free play: each pass starts its recv example from the top.
          'state-lab': {
            reset: () => {
              const example = [...f.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'recv'));
              example.value = 'recv';
              example.dispatchEvent(new Event('change', { bubbles: true }));
            },
            step: () => click('.ps-next'), done: () => f.querySelector('.ps-next')?.getAttribute('aria-disabled') === 'true' },
          mac: { reset: () => {}, step: () => click('.widget-live .kit-bit[data-bit="0"]'), done: () => false },
        }[f.id];
        const fwd = f.querySelector('.kit-player .forward');
        const restart = f.querySelector('.kit-player .restart');
        const forward = fwd ? { click: () => fwd.click(), getAttribute: (a) => fwd.getAttribute(a) } : own && { click: own.step, getAttribute: () => String(own.done()) };
        if (!forward) return null;
        // "Be the scheduler" starts with nothing scheduled: load its lost-update run first.
        f.querySelector('.lk-worst')?.click();
        const all = [];
        for (let pass = 0; pass < 3; pass++) {
          if (restart) restart.click();
          else own?.reset();
          await new Promise(requestAnimationFrame);
          const times = [];
          for (let i = 0; i < 10 && forward.getAttribute('aria-disabled') !== 'true'; i++) {
            if (!fwd) own?.prep?.();
            const t0 = performance.now();
            forward.click();
            void document.body.offsetHeight; // style and layout of the new step
            times.push(performance.now() - t0);
            await new Promise(requestAnimationFrame);
          }
          all.push(times);
        }
        return all;
      });
      const best = (passes) => (passes ? passes[0].map((_, i) => Math.min(...passes.map((p) => p[i] ?? Infinity))) : null);
      const passes = await runPasses();
      const stepMs = passes?.[0] ?? null;
      const stepBestMs = best(passes);
      // The same passes with Chromium's CPU slowed 4× (a low-end phone), budget stepMs4x.
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const stepBest4xMs = best(await runPasses());
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      widgets.push({ id, stepMs, stepBestMs, stepBest4xMs });
    }
    let keystrokeMs = null;
    if (ids.includes('framing')) keystrokeMs = await framingKeystroke(tab);
    return { page, atLoad, fetched: [...new Set(fetched)], widgets, keystrokeMs };
  } finally {
    await context.close();
  }
}

/** The framing builder with a 1 MB body: keydown → the header band redrawn (median of 5 keys). */
async function framingKeystroke(tab) {
  const body = tab.locator('#framing framing-widget [name=body]');
  if (!(await body.count())) return null;
  await body.evaluate((ta) => {
    ta.value = `${'x'.repeat(63)}\n`.repeat(15_625);
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    ta.focus();
    ta.setSelectionRange(ta.value.length, ta.value.length);
  });
  await tab.keyboard.press('w');
  await tab.waitForTimeout(300);
  const times = [];
  for (const key of ['a', 'b', 'Backspace', 'c', 'd']) {
    await tab.evaluate(() => {
      window.__dt = null;
      const tag = document.querySelector('#framing framing-widget .fr-band.b2 .fr-tag');
      document.querySelector('#framing framing-widget [name=body]').addEventListener('keydown', () => {
        const t0 = performance.now();
        new MutationObserver((_, mo) => {
          mo.disconnect();
          window.__dt = performance.now() - t0;
        }).observe(tag, { subtree: true, childList: true, characterData: true });
      }, { once: true });
    });
    await tab.keyboard.press(key);
    times.push(await (await tab.waitForFunction(() => window.__dt, null, { timeout: 5000 })).jsonValue());
  }
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ───────────────────────────── budgets & report ─────────────────────────────

function budgetChecks(pages, bundles = [], widgetRuns = [], searches = []) {
  const checks = [];
  const add = (page, name, value, limit, pass) => checks.push({ page: page.page, name, value, limit, pass });
  for (const s of searches ?? []) {
    if (!s.ok) continue;
    add({ page: `search ${s.query}` }, 'first search transferred', s.pagefindBytes, SEARCH_BUDGETS.bytes, s.pagefindBytes <= SEARCH_BUDGETS.bytes);
    checks.push({ page: `search ${s.query}`, name: 'first result after the last key', value: s.msToFirstResult, limit: SEARCH_BUDGETS.msAfterLastKey, pass: s.msToFirstResult <= SEARCH_BUDGETS.msAfterLastKey, unit: 'ms' });
  }
  for (const b of bundles) add({ page: `widget ${b.name}` }, 'widget JS br', b.br, WIDGET_BUDGETS.jsBr, b.br <= WIDGET_BUDGETS.jsBr);
  for (const p of pages.filter((p) => !p.hasWidgets)) {
    const used = bundles.filter((b) => b.usedBy.includes(p.page));
    if (used.length) add(p, 'widget JS on a page without widgets', used.length, 0, false);
  }
  for (const r of widgetRuns) {
    const own = new Set(bundles.filter((b) => b.usedBy.includes(r.page)).map((b) => b.file));
    const foreign = r.fetched.filter((f) => !own.has(f));
    add({ page: r.page }, 'widget bundles not used by the page', foreign.length, 0, foreign.length === 0);
    for (const w of r.widgets) {
      if (!w.stepBestMs?.length) continue;
      const worst = Math.max(...w.stepBestMs);
      checks.push({ page: r.page, name: `#${w.id} step render (worst of ${w.stepBestMs.length} steps, each its best of 3)`, value: worst, limit: WIDGET_BUDGETS.stepMs, pass: worst <= WIDGET_BUDGETS.stepMs, unit: 'ms' });
      if (w.stepBest4xMs?.length) {
        const worst4 = Math.max(...w.stepBest4xMs);
        checks.push({ page: r.page, name: `#${w.id} step render, CPU 4× slower (worst step, best of 3)`, value: worst4, limit: WIDGET_BUDGETS.stepMs4x, pass: worst4 <= WIDGET_BUDGETS.stepMs4x, unit: 'ms' });
      }
    }
    if (r.keystrokeMs) {
      const m = median(r.keystrokeMs);
      checks.push({ page: r.page, name: 'framing keystroke, 1 MB body (median of 5)', value: m, limit: WIDGET_BUDGETS.keystrokeMs, pass: m <= WIDGET_BUDGETS.keystrokeMs, unit: 'ms' });
    }
  }
  for (const p of pages.filter((p) => p.kind === 'chapter')) {
    add(p, 'HTML br', p.html.br, BUDGETS.htmlBr, p.html.br <= BUDGETS.htmlBr);
    add(p, 'critical br', p.criticalBr, BUDGETS.criticalBr, p.criticalBr <= BUDGETS.criticalBr);
    add(p, 'eager JS br', p.eagerJs.br, BUDGETS.eagerJsBr, p.eagerJs.br <= BUDGETS.eagerJsBr);
    if (p.browser) add(p, 'Pagefind before interaction', p.browser.pagefindBeforeInteraction, 0, p.browser.pagefindBeforeInteraction === 0);
    else add(p, 'Pagefind before interaction', null, 0, null);
    // Math pages need KaTeX; the budget is that pages without math never pay for it.
    if (!p.hasMath) add(p, 'KaTeX (no math on page)', p.katex.total, 0, p.katex.total === 0);
  }
  return checks;
}

/** Terminal columns a string takes: CJK characters are two wide, so "握手" needs 4. */
const width = (s) => [...String(s)].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s, w, left) => (left ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

/** "3: zh/locks/ en/locks/ …": how many pages use a bundle and the first two, so a row fits a terminal. */
const usedBy = (pages) => `${pages.length}: ${pages.slice(0, 2).join(' ')}${pages.length > 2 ? ' …' : ''}`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => cells.map((c, i) => pad(String(c), widths[i], i > 0)).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function printReport(pages, searches, checks, base, bundles = [], widgetRuns = null) {
  console.log(`\nPage weight (KB = 1024 bytes, brotli-11; base ${base})\n`);
  console.log(table(
    ['page', 'HTML', 'to 2nd ##', 'CSS', 'JS', 'critical', 'KaTeX', 'pagefind', 'sent'],
    pages.map((p) => [
      p.page + (p.hasMath ? ' (math)' : ''),
      kb(p.html.br),
      p.html.firstSectionBr === null ? '–' : kb(p.html.firstSectionBr),
      kb(p.css.br),
      kb(p.eagerJs.br),
      kb(p.criticalBr),
      p.browser ? kb(p.katex.total) : `${kb(p.katex.cssBr)}*`,
      p.browser ? kb(p.browser.pagefindBeforeInteraction) : '–',
      p.browser ? kb(p.browser.transferred) : '–',
    ]),
  ));
  console.log(`
Columns in KB of brotli: HTML, CSS (stylesheets), JS (scripts run before any interaction).
critical = HTML + CSS + JS (inline <style>/<script> are already in the HTML).
to 2nd ## = brotli size of a chapter's HTML up to its second section: the first screen and first section.
KaTeX = brotli size of linked vendor/katex/ stylesheets + KaTeX fonts the page fetched in Chromium${pages.some((p) => !p.browser) ? '\n  (* = stylesheet only: fonts are measured in the browser, not run for this page)' : ''}.
pagefind = Pagefind bytes fetched before the reader searches (must be 0).
sent = sum of response content-length (bodies as sent, headers excluded), load + ${IDLE_MS} ms idle.`);

  if (searches) {
    console.log(`\nFirst search (cold cache: Ctrl+K → type → first result; budgets ${kb(SEARCH_BUDGETS.bytes)} KB, ${SEARCH_BUDGETS.msAfterLastKey} ms after the last key)\n`);
    console.log(table(
      ['page', 'query', 'result', 'after last key', 'sent', 'files'],
      searches.map((s) => [s.page, s.query, s.ok ? 'ok' : `FAIL: ${s.error}`, s.msToFirstResult == null ? '–' : `${s.msToFirstResult} ms`,
        s.pagefindBytes == null ? '–' : `${kb(s.pagefindBytes)} KB`, s.files ?? '–']),
    ));
    // What the bytes were, one line a search, so the table stays narrow.
    for (const s of searches) if (s.byKind) console.log(`  ${s.query}: ${Object.entries(s.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')} (KB)`);
  } else {
    console.log('\nFirst search: skipped (--no-browser)');
  }

  if (bundles.length) {
    console.log('\nWidgets (each a self-contained bundle, fetched only by the pages that show it)\n');
    console.log(table(['widget', 'JS raw', 'JS br', 'on demand br', 'pages'], bundles.map((b) => [b.name, kb(b.raw), kb(b.br), b.onDemand.map((d) => `${d.file.split('.')[2].replace(/-[0-9a-f]+$/, '')} ${kb(d.br)}`).join(', ') || '–', usedBy(b.usedBy)])));
    for (const r of (widgetRuns ?? []).filter((r) => r.widgets.length)) {
      const steps = r.widgets.map((w) => `#${w.id} ${w.stepMs?.length ? `${median(w.stepMs).toFixed(1)}/${Math.max(...w.stepMs).toFixed(1)} ms (best of 3: ${median(w.stepBestMs).toFixed(1)}/${Math.max(...w.stepBestMs).toFixed(1)})` : '–'}`).join(', ');
      console.log(`  ${r.page}: bundles at load ${r.atLoad.length}, in all ${r.fetched.length}; step render median/max: ${steps}${r.keystrokeMs ? `; 1 MB keystroke ${r.keystrokeMs.map((t) => t.toFixed(1)).join(', ')} ms` : ''}`);
    }
  }

  console.log('\nBudgets (chapter pages and widgets)\n');
  for (const c of checks) {
    const verdict = c.pass === null ? 'SKIP' : c.pass ? 'PASS' : 'FAIL';
    const value = c.value === null ? 'not measured' : c.unit === 'ms' ? `${c.value.toFixed(1)} ms` : `${kb(c.value)} KB`;
    const limit = c.unit === 'ms' ? `${c.limit} ms` : c.limit === 0 ? '0' : `${kb(c.limit)} KB`;
    console.log(`  ${verdict}  ${c.page}  ${c.name}: ${value} (limit ${limit})`);
  }
  const failed = checks.filter((c) => c.pass === false).length;
  console.log(`\n${failed ? `${failed} budget(s) failed` : 'All budgets pass'}${checks.some((c) => c.pass === null) ? ' (some skipped)' : ''}.`);

  const missing = pages.flatMap((p) => p.missing.map((m) => `${p.page}: ${m}`));
  if (missing.length) console.log(`\nWarnings:\n${missing.map((m) => `  ${m}`).join('\n')}`);
}

/**
 * The course's wall-clock claims, measured here rather than in the tests (a busy machine slows any
 * run, so the tests hold only what CPU time shows): two CPU-bound threads are no faster than one
 * thread doing both pieces, and two processes are faster when two cores are free.
 */
function pythonTimings() {
  // [file, args, what the ratio means, which lines to keep]. The tests hold the same claims by CPU
  // time and the order of events only; the wall-clock ratios are printed here.
  const RUNS = [
    ['gil_cpu.py', [], 'best of 3 rounds; ratio = wall time / one thread doing both', () => true],
    ['io_vs_cpu.py', [], 'chapter 8; ratio = two threads / one after another', () => true],
    ['process_api.py', ['--seconds', '1'], 'chapter 10; three children sleeping 1 s, joined one by one or together', (l) => /^(start method|serial|parallel):/.test(l)],
  ];
  const lines = [];
  for (const [file, args, what, keep] of RUNS) {
    const r = spawnSync('python3', [join(ROOT, 'content/examples', file), ...args], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) {
      console.log(`\nPython timings: ${file} failed: ${r.stderr.trim().split('\n').at(-1)}`);
      continue;
    }
    console.log(`\nPython timings (content/examples/${file}; ${what})\n`);
    for (const l of r.stdout.trim().split('\n').filter(keep)) console.log(`  ${l}`), lines.push(l);
  }
  return lines.length ? lines : null;
}

function printLighthouse(rows) {
  if (!rows) return console.log(`\nLighthouse: skipped (${BROWSER ? '--no-lighthouse' : '--no-browser'})`);
  console.log(`\nLighthouse, mobile preset, median of ${LIGHTHOUSE_RUNS} run(s) per page\n`);
  console.log(table(
    ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'TBT', 'CLS', 'KB'],
    rows.map((r) => [r.route, r.performance ?? '–', r.accessibility ?? '–', r['best-practices'] ?? '–', r.seo ?? '–',
      r.lcp == null ? '–' : `${(r.lcp / 1000).toFixed(2)} s`, r.tbt == null ? '–' : `${Math.round(r.tbt)} ms`, r.cls == null ? '–' : r.cls.toFixed(3), kb(r.bytes)]),
  ));
  const failing = [...new Set(rows.flatMap((r) => r.failing))];
  if (failing.length) console.log(`\nAudits that kept a score under 100 in some run: ${failing.join(', ')}`);
}

function writeJson(pages, searches, checks, base, bundles = [], widgetRuns = null, lighthouse = null, python = null) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, 'bench.json');
  const data = {
    generatedAt: new Date().toISOString(),
    base,
    units: 'bytes; br = brotli quality 11; browser bytes = response content-length (body as sent, headers excluded)',
    budgets: { ...BUDGETS, pagefindBeforeInteraction: 0, katexWithoutMath: 0, search: SEARCH_BUDGETS },
    pages: pages.map(({ links, ...p }) => p),
    searches: searches ?? 'skipped (--no-browser)',
    widgets: { budgets: WIDGET_BUDGETS, bundles, runs: widgetRuns ?? 'skipped (--no-browser)' },
    lighthouse: lighthouse ?? 'skipped',
    python: python ?? 'skipped',
    checks,
  };
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`\nFull results: ${toPosix(relative(ROOT, file))}`);
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  ensureBuilt();
  const base = detectBase();
  const measured = listHtml().map((rel) => measureStatic(rel, base));
  const firstChapters = chapterOrder(measured);
  const pages = sortPages(measured, firstChapters);

  for (const p of pages) p.hasWidgets = readFileSync(join(ROOT, p.file), 'utf8').includes('data-widget=');
  const bundles = widgetBundles(pages, base);
  const browserRun = BROWSER ? await runBrowser(pages, firstChapters, base) : null;
  const searches = browserRun?.searches ?? null;
  const widgetRuns = browserRun?.widgetRuns ?? null;
  const checks = budgetChecks(pages, bundles, widgetRuns ?? [], searches ?? []);
  printReport(pages, searches, checks, base, bundles, widgetRuns);
  printLighthouse(browserRun?.lighthouse);
  const python = BROWSER ? pythonTimings() : null;
  writeJson(pages, searches, checks, base, bundles, widgetRuns, browserRun?.lighthouse, python);

  const searchFailed = searches?.some((s) => !s.ok);
  const budgetFailed = checks.some((c) => c.pass === false);
  if (searchFailed) console.error('\nA first search did not show results: see above.');
  if (searchFailed || (CHECK && budgetFailed)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exitCode = 1;
});
