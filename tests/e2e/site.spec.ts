// Site-wide end-to-end checks over every HTML page of the built site (dist/), found by walking
// dist/ when the tests are collected, so a new chapter is covered without editing this file.
// One visit per page does 1–3:
//   1. no console errors, page errors or failed requests; a chapter holds the same prose without
//      JavaScript (and the first page of each chapter, opened with JavaScript off, shows it)
//   2. axe (WCAG 2.0/2.1/2.2 A+AA and best practice) in light, and its colour rules in system dark
//   3. in a 360 px window nothing scrolls sideways, and every internal link and #anchor resolves
//   4. axe with dark forced by the toggle, and at 360 px, on a sample of every kind of page
//   5. without JavaScript, course homes list the seven parts
// Run after `npm run build`: npx playwright test tests/e2e/site.spec.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Browser, type BrowserContextOptions, type Page, type TestInfo } from '../support/test.ts';

// ---------- the pages, from dist/ ----------

const DIST = process.env.E2E_DIST ? `${process.env.E2E_DIST.replace(/\/+$/, '')}/` : fileURLToPath(new URL('../../dist/', import.meta.url));
const SKIP_DIRS = new Set(['pagefind', 'vendor']);
const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

interface SitePage {
  /** Path (with the base) the test visits. */
  url: string;
  /** The dist file it comes from, for messages. */
  file: string;
  /** Expected status of the document. */
  status: 200 | 404;
  kind: 'chapter' | 'home' | 'other';
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(relative(DIST, full).split(sep).join('/'))) continue;
      walk(full, out);
    } else if (e.name === 'index.html' || e.name === '404.html') {
      out.push(full);
    }
  }
  return out;
}

function collectPages(): SitePage[] {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No built site in ${DIST}: run \`npm run build\` before the end-to-end tests.`);
  }
  const pages: SitePage[] = [];
  for (const full of walk(DIST.replace(/\/$/, '')).sort()) {
    const rel = relative(DIST, full).split(sep).join('/');
    const html = readFileSync(full, 'utf8');
    const bodyClass = /<body\b[^>]*\bclass="([^"]*)"/.exec(html)?.[1]?.split(/\s+/) ?? [];
    const kind = bodyClass.includes('chapter-page') ? 'chapter' : bodyClass.includes('home-page') ? 'home' : 'other';
    const dir = rel.replace(/(^|\/)[^/]+\.html$/, '$1');
    if (rel.endsWith('404.html')) {
      // Served for any unknown URL, with status 404: visit it the way readers meet it.
      const unknown = dir ? [`${dir}no-such-page/`] : ['zh/no-such-page/', 'en/no-such-page/', 'nope/'];
      for (const u of unknown) pages.push({ url: BASE + u, file: rel, status: 404, kind });
    } else {
      pages.push({ url: BASE + dir, file: rel, status: 200, kind });
    }
  }
  return pages;
}

const PAGES = collectPages();
const HOMES = PAGES.filter((p) => p.kind === 'home');
/** A whole-chapter view (/zh/framing/all/): the chapter's pages again, on one page. */
const isWhole = (p: SitePage) => /\/all\/$/.test(p.url);
/** The whole-chapter views axe walks: the first one of each language. */
const wholeSample = new Set(['zh', 'en'].map((lang) => PAGES.find((p) => isWhole(p) && p.url.includes(`/${lang}/`))));
const label = (p: SitePage) => (p.status === 404 ? `${p.url} (404.html)` : p.url);

// ---------- helpers ----------

/** Opens a page, checks the document's status, and waits until the network is quiet. */
async function visit(page: Page, p: SitePage): Promise<void> {
  const res = await page.goto(p.url, { waitUntil: 'load' });
  expect(res, `no response for ${p.url}`).not.toBeNull();
  expect(res!.status(), `status of ${p.url}`).toBe(p.status);
  await page.waitForLoadState('networkidle');
}

async function withContext<T>(browser: Browser, options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}


// In a second colour scheme only the colours change (one stylesheet of light-dark() pairs), so only
// the rules whose verdict depends on colour run again there; every rule runs in light.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function expectNoAxeViolations(page: Page, where: string, { colourOnly = false } = {}): Promise<void> {
  // Every rule, everywhere: nothing is set aside (the cube's faces are a picture, its links stay still).
  const axe = new AxeBuilder({ page }).withTags(AXE_TAGS);
  const { violations } = await (colourOnly ? axe.withRules(COLOUR_RULES) : axe).analyze();
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | ');
          const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
          return `    - ${target}\n      ${why}`;
        })
        .join('\n');
      return `  ${v.id} [${v.impact ?? '?'}]: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  expect(violations.length, `axe violations on ${where}:\n${report}`).toBe(0);
}

/** At 360 px wide nothing scrolls sideways (except pre, KaTeX displays and tables, by design). */
async function expectNoSideScroll(page: Page, p: SitePage): Promise<void> {
  const { scrollWidth, overflowing } = await page.evaluate(() => {
    const limit = 360 + 1;
    // Content inside these scrolls by design; the containers themselves must still fit.
    const byDesign = 'pre, .katex-display, table';
    const describe = (el: Element) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    // Does an ancestor clip or scroll this element's box (so it cannot widen the page)?
    const clips = new Map<Element, boolean>();
    const insideClip = (el: Element): boolean => {
      const a = el.parentElement;
      if (!a || a === document.body) return false;
      if (!clips.has(a)) clips.set(a, getComputedStyle(a).overflowX !== 'visible' || insideClip(a));
      return clips.get(a)!;
    };
    const past = new Set<Element>();
    for (const el of document.body.querySelectorAll('*')) {
      if (el.parentElement?.closest(byDesign) || insideClip(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right + scrollX > limit) past.add(el);
    }
    // Name only the outermost element of each overflowing subtree, with a bit of its text.
    const out: string[] = [];
    for (const el of past) {
      if (el.parentElement && past.has(el.parentElement)) continue;
      const path: string[] = [];
      for (let a: Element | null = el; a && a !== document.body && path.length < 4; a = a.parentElement) path.unshift(describe(a));
      const r = el.getBoundingClientRect();
      const text = (el.querySelector('annotation')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
      out.push(`${path.join(' > ')} (left ${Math.round(r.left)}, right ${Math.round(r.right)})${text ? ` “${text}”` : ''}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, overflowing: out };
  });
  expect(scrollWidth, `document scrollWidth at 360 px on ${label(p)}; elements past the edge:\n${overflowing.join('\n')}`).toBeLessThanOrEqual(361);
  expect(overflowing, `elements past the 360 px edge on ${label(p)}:\n${overflowing.join('\n')}`).toEqual([]);
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

// The prose's own text: widgets and the self-check add live controls with JavaScript on (on a short
// page their code loads at once), and their specs check their JS-off forms.
const proseText = (page: Page) =>
  page.locator('article .prose').first().evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('figure.widget, section.quiz').forEach((e) => e.remove());
    return copy.textContent;
  });

/**
 * Without JavaScript a chapter holds the same prose as with it (whitespace ignored): the page's own
 * HTML, parsed as a browser with scripting off parses it (DOMParser: <noscript> is markup), against
 * the live page. Whether that prose shows without JavaScript is checked by a JS-off visit on the
 * first page of each chapter (every page comes from the one template).
 */
async function expectSameProseWithoutJs(page: Page, p: SitePage): Promise<void> {
  const withJs = await proseText(page);
  const withoutJs = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const el = new DOMParser().parseFromString(html, 'text/html').querySelector('article .prose');
    el?.querySelectorAll('figure.widget, section.quiz').forEach((e) => e.remove());
    return el?.textContent ?? null;
  });
  expect(withoutJs, `article .prose in the HTML of ${label(p)}`).not.toBeNull();
  expect(squash(withoutJs), `prose text without JS equals prose text with JS on ${label(p)}`).toBe(squash(withJs));
}

/** The first page of each chapter, opened with JavaScript off: its title and prose show. */
async function expectProseShowsWithoutJs(browser: Browser, p: SitePage): Promise<void> {
  await withContext(browser, { javaScriptEnabled: false }, async (page) => {
    await visit(page, p);
    const h1 = page.locator('h1').first();
    await expect(h1).toBeVisible();
    expect(squash(await h1.textContent()), 'h1 text').not.toBe('');
    const prose = page.locator('article .prose').first();
    await expect(prose).toBeVisible();
    expect(squash(await prose.innerText()), `visible prose text without JS on ${label(p)}`).not.toBe('');
  });
}

/** A chapter's first page: /zh/tcp-udp/ (its later pages are /zh/tcp-udp/udp/ and so on). */
const isFirstPage = (p: SitePage) => p.kind === 'chapter' && p.url.slice(BASE.length).split('/').filter(Boolean).length === 2;

// ---------- 1 and 2. console, failed requests, accessibility ----------

// axe walks every node of a page: a long chapter takes 10–20 s on a loaded 2-core machine, twice.
const AXE_TIMEOUT_MS = 150_000;

// One visit per page: it must load without a console error, page error or failed request, and axe
// must find nothing in the light scheme and then, the same page switched to the system's dark
// scheme, in the dark one (the colours are light-dark() pairs, so no reload is needed). Then the
// window is made phone-sized: nothing may scroll sideways, and every link must resolve.
test.describe('every page: no console errors or failed requests, axe in light and dark, nothing wider than 360 px, no broken link', () => {
  test.describe.configure({ timeout: AXE_TIMEOUT_MS });
  test.use({ colorScheme: 'light' });
  for (const p of PAGES) {
    test(label(p), async ({ page, browser }, testInfo) => {
      const problems: string[] = [];
      const docUrl = new URL(p.url, 'http://x').pathname;
      const isMainDoc404 = (url: string) => p.status === 404 && new URL(url).pathname === docUrl;
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const at = msg.location().url;
        // Chromium reports the 404 document itself as "Failed to load resource"; that 404 is the point.
        if (at && isMainDoc404(at) && /Failed to load resource/.test(msg.text())) return;
        problems.push(`console error: ${msg.text()}${at ? ` (at ${at}:${msg.location().lineNumber})` : ''}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('requestfailed', (req) => problems.push(`request failed: ${req.method()} ${req.url()} — ${req.failure()?.errorText}`));
      page.on('response', (res) => {
        if (res.status() < 400) return;
        if (res.request().isNavigationRequest() && res.request().frame() === page.mainFrame() && isMainDoc404(res.url())) return;
        problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
      });
      await visit(page, p);
      expect(problems, `problems on ${label(p)}:\n${problems.join('\n')}`).toEqual([]);
      if (p.kind === 'chapter' && !isWhole(p)) await expectSameProseWithoutJs(page, p);
      if (isFirstPage(p)) await expectProseShowsWithoutJs(browser, p);
      // A whole-chapter view repeats its pages, each checked on its own: axe (10–20 s on a long
      // chapter) walks one whole view per language, the first chapter's; the Nu checker
      // (tests/build/html-valid) reads every one, and every one loads clean above.
      if (!isWhole(p) || wholeSample.has(p)) await expectNoAxeViolations(page, `${label(p)} (light)`);
      if (!isWhole(p)) {
        await page.emulateMedia({ colorScheme: 'dark' });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        await expectNoAxeViolations(page, `${label(p)} (dark)`, { colourOnly: true });
      }
      // The same page in a phone-sized window: nothing scrolls sideways at 360 px, and every link resolves.
      await page.setViewportSize({ width: 360, height: 740 });
      // Pictures redraw for the new width on a ResizeObserver: let two frames pass.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await expectNoSideScroll(page, p);
      await expectLinksResolve(page, p, testInfo);
      expect(problems, `problems on ${label(p)} after the axe runs:\n${problems.join('\n')}`).toEqual([]);
    });
  }
});

// The toggle sets the same custom properties the system's dark scheme does (one stylesheet), so
// this pass covers each kind of page once: the homes, the pages that are not chapters, the chapters
// with a widget (each widget's own colours) and one plain chapter per language. Every page is
// checked in light and in system dark above.
const firstChapters = new Set(['zh', 'en'].map((lang) => PAGES.find((p) => p.kind === 'chapter' && p.url.startsWith(`${BASE}${lang}/`))));
const TOGGLE_SAMPLE = PAGES.filter((p) => {
  if (isWhole(p)) return false;
  if (p.kind !== 'chapter') return p.status === 200 || p.url.endsWith('/zh/no-such-page/');
  return firstChapters.has(p) || /data-widget="(handshake|framing|locks)"/.test(readFileSync(join(DIST, p.file), 'utf8'));
});

test.describe('axe: dark theme chosen with the toggle, system light', () => {
  test.describe.configure({ timeout: AXE_TIMEOUT_MS });
  test.use({ colorScheme: 'light' });
  for (const p of TOGGLE_SAMPLE) {
    test(label(p), async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
      await visit(page, p);
      await expect(page.locator('html'), 'the head script applies the stored theme').toHaveAttribute('data-theme', 'dark');
      await expectNoAxeViolations(page, `${label(p)} (data-theme=dark, system light)`, { colourOnly: true });
    });
  }
});

// On a phone the header and the layout change (the search trigger shows only its icon, the sidebar
// folds into a menu), so the same sample is checked at 360 px too.
test.describe('axe: a phone-sized window (360 px)', () => {
  test.describe.configure({ timeout: AXE_TIMEOUT_MS });
  test.use({ colorScheme: 'light', viewport: { width: 360, height: 740 } });
  for (const p of TOGGLE_SAMPLE) {
    test(label(p), async ({ page }) => {
      await visit(page, p);
      await expectNoAxeViolations(page, `${label(p)} (360 px)`);
    });
  }
});

// ---------- 3. links and anchors (called from 1) ----------

/** One fetch per target per worker; status without following redirects, and the ids (and names) of an HTML page. */
const fetched = new Map<string, Promise<{ status: number; location?: string; ids?: Set<string> }>>();

/** The id and name attributes of a page's HTML, read once per page (the built HTML quotes every attribute). */
function idsOf(html: string): Set<string> {
  const ent = (v: string) => v.replace(/&(amp|lt|gt|quot|#39|#(\d+)|#x([0-9a-f]+));/gi, (m, e: string, d?: string, x?: string) =>
    d ? String.fromCodePoint(Number(d)) : x ? String.fromCodePoint(parseInt(x, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as Record<string, string>)[e.toLowerCase()] ?? m);
  return new Set([...html.matchAll(/\s(?:id|name)=(?:"([^"]*)"|([^\s"'>]+))/g)].map((m) => ent(m[1] ?? m[2]!)));
}

/** Every internal link and #anchor on the page resolves: a fragment on this page against the live
 * DOM, on another page against that page's HTML, each read once per worker. */
async function expectLinksResolve(page: Page, p: SitePage, testInfo: TestInfo): Promise<void> {
    const origin = new URL(page.url()).origin;
    const links = await page.$$eval('a[href]', (as) =>
      as.map((a) => ({ raw: a.getAttribute('href') ?? '', href: (a as HTMLAnchorElement).href })),
    );
    const hereIds = new Set(await page.$$eval('[id], [name]', (els) => els.flatMap((e) => [e.id, e.getAttribute('name') ?? ''].filter(Boolean))));
    const broken: string[] = [];
    const external: string[] = [];
    let internal = 0;
    let anchors = 0;
    const here = page.url().split('#')[0];

    for (const { raw, href } of links) {
      const url = new URL(href);
      if (!/^https?:$/.test(url.protocol) || url.origin !== origin) {
        external.push(raw);
        continue;
      }
      internal += 1;
      const target = url.href.split('#')[0]!;
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';

      let ids = hereIds;
      if (target !== here) {
        if (!fetched.has(target)) {
          fetched.set(
            target,
            page.request.get(target, { maxRedirects: 0 }).then(async (r) => ({
              status: r.status(),
              location: r.headers()['location'],
              ids: /text\/html/.test(r.headers()['content-type'] ?? '') ? idsOf(await r.text()) : undefined,
            })),
          );
        }
        const r = await fetched.get(target)!;
        if (r.status !== 200) {
          broken.push(`${raw} → HTTP ${r.status}${r.location ? ` (redirects to ${r.location})` : ''}`);
          continue;
        }
        ids = r.ids ?? new Set();
      }
      if (!fragment) continue;
      anchors += 1;
      if (!ids.has(fragment)) broken.push(`${raw} → no element with id or name "${fragment}" on ${target === here ? 'this page' : target}`);
    }

    testInfo.annotations.push({ type: 'links checked', description: `${internal} internal, ${anchors} with a #fragment` });
    if (external.length) {
      const list = [...new Set(external)];
      testInfo.annotations.push({ type: 'external links (not fetched)', description: list.join(' ') });
      console.log(`External links on ${label(p)} (not fetched):\n  ${list.join('\n  ')}`);
    }
    expect(links.length, `links found on ${label(p)}`).toBeGreaterThan(0);
    expect([...new Set(broken)], `broken links on ${label(p)}:\n${[...new Set(broken)].join('\n')}`).toEqual([]);
}

// ---------- 4. without JavaScript ----------

test.describe('without JavaScript', () => {
  for (const p of HOMES) {
    test(`course home ${label(p)} lists the seven parts`, async ({ browser }) => {
      await withContext(browser, { javaScriptEnabled: false }, async (page) => {
        await visit(page, p);
        const parts = page.locator('ol.part-list > li');
        await expect(parts).toHaveCount(7);
        for (const li of await parts.all()) await expect(li).toBeVisible();
      });
    });
  }
});
