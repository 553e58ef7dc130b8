// Offline reading, for real: each test serves the built site from its own server process, lets the
// service worker do its work, then stops the server, so every later request has no network to go
// to. What must hold: a page read once opens again; an unsaved page gets a clear answer in its
// language that lists what is saved; "save for offline" on the course home saves one language whole,
// and then chapters, widgets and search all work with the server gone; deleting the copy works.
import { test, expect, type Page } from '../support/test.ts';
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.env.E2E_DIST ?? 'dist';

test.use({ serviceWorkers: 'allow' });
// Each test saves up to a megabyte through a service worker and restarts a server: on a busy
// two-core machine that took over 30 s once, so these get 90 s.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function startServer(dir = dist): Promise<{ origin: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['scripts/serve.mjs', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  return { origin, proc };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  await new Promise((r) => {
    proc.once('exit', r);
    proc.kill('SIGTERM');
  });
}

const SAVE = { en: ['Save for offline', /^Saved:/], zh: ['保存离线副本', /^已保存/] } as const;

/** Opens the course home in `lang` and saves that language with the card; returns the card. */
async function saveCopy(page: Page, origin: string, lang: 'zh' | 'en') {
  await page.goto(`${origin}/${lang}/`);
  await controlled(page);
  const card = page.locator('.offline-card');
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('button', { name: SAVE[lang][0] }).click();
  await expect(card.locator('.offline-status')).toHaveText(SAVE[lang][1], { timeout: 30_000 });
  return card;
}

/** Waits until the service worker controls the page (it claims pages as soon as it activates). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 15_000 });
}

test('a page read once opens again offline; a page never read says so in its language', async ({ page }) => {
  const { origin, proc } = await startServer();
  try {
    await page.goto(`${origin}/zh/tcp-udp/`);
    await controlled(page);
    // Read a second chapter while online: the worker keeps it as it passes.
    await page.goto(`${origin}/zh/locks/#ticket-race`);
    await expect(page.locator('h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
  } finally {
    await stop(proc);
  }
  // The server is gone. Read pages come back with their styles; a query (widget state) does not matter.
  await page.goto(`${origin}/zh/locks/?locks=whatever`);
  await expect(page.locator('h1')).toHaveText(/锁/);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('');
  const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href).length);
  expect(sheets).toBeGreaterThan(0);

  // A chapter never opened: the worker's own page, in Chinese, listing what is saved.
  const res = await page.goto(`${origin}/zh/threads/`);
  expect(res?.status()).toBe(503);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('h1')).toContainText('没有网络');
  await expect(page.getByRole('link', { name: /锁/ })).toBeVisible();
  await page.getByRole('link', { name: /锁/ }).click();
  await expect(page).toHaveURL(/\/zh\/locks\/$/);

  // The same in English: nothing English is saved, and it says so.
  await page.goto(`${origin}/en/threads/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toContainText('offline');
  await expect(page.locator('main')).toContainText('No English pages');
});

test('save for offline keeps a whole language: chapters, widgets and search work with the server gone', async ({ page }) => {
  const { origin, proc } = await startServer();
  try {
    await page.goto(`${origin}/en/`);
    await controlled(page);
    await page.locator('.offline-card').scrollIntoViewIfNeeded();
    await expect(page.locator('.offline-status')).toContainText(/Save the whole course in English \(about [\d.]+ (MB|KB)\)/);
    const card = await saveCopy(page, origin, 'en');
    // Focus moves to the button that is still there, not to the page's start.
    await expect(card.getByRole('button', { name: 'Delete the offline copy' })).toBeFocused();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('.offline-card').withTags(AXE_TAGS).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    const manifest = (await (await page.request.get(`${origin}/offline.json`)).json()) as { langs: { en: { files: string[] } } };
    const cached = await page.evaluate(async () => (await (await caches.open('nc-course-v1')).keys()).length);
    expect(cached).toBeGreaterThanOrEqual(manifest.langs.en.files.length);
  } finally {
    await stop(proc);
  }

  // A chapter never opened before, with its widget.
  await page.goto(`${origin}/en/framing/#framing`);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('#framing framing-widget .fr-tag').first()).toHaveText('Length prefix · 4 bytes', { timeout: 10_000 });

  // A state link and presenter mode: the files a widget fetches only when asked (the link's decoder,
  // presenter mode) are in the saved copy too.
  await page.goto(`${origin}/en/tcp-udp/data-and-close/?handshake=1~p.7&present#handshake`);
  const hs = page.locator('figure#handshake');
  await expect(hs.locator('.kit-counter')).toHaveText('Step 7 of 9', { timeout: 10_000 });
  await expect(hs).toHaveAttribute('data-present', '');
  await expect(hs.locator('.kit-notice')).toBeHidden();

  await page.goto(`${origin}/en/framing/#framing`);
  // Search: Pagefind's code, its index and the page fragments all come from the saved copy.
  await page.keyboard.press('Control+K');
  const input = page.locator('dialog.search-dialog').getByRole('combobox');
  await expect(input).toBeVisible();
  await input.fill('handshake');
  const first = page.locator('dialog.search-dialog a[href*="/en/"]').first();
  await expect(first).toBeVisible({ timeout: 15_000 });

  // The home still knows the copy is whole.
  await page.goto(`${origin}/en/`);
  const card = page.locator('.offline-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('.offline-status')).toHaveText(/^Saved:/);
});

test('deleting the offline copy empties it, and the card says so', async ({ page }) => {
  const { origin, proc } = await startServer();
  try {
    const card = await saveCopy(page, origin, 'zh');
    await card.getByRole('button', { name: '删除离线副本' }).click();
    await expect(card.locator('.offline-status')).toHaveText(/离线副本已删除/);
    await expect(card.getByRole('button', { name: '保存离线副本' })).toBeFocused();
    const left = await page.evaluate(async () =>
      (await (await caches.open('nc-course-v1')).keys()).map((r) => new URL(r.url).pathname).filter((p) => p.startsWith('/zh/')),
    );
    expect(left).toEqual([]);
  } finally {
    await stop(proc);
  }
});

test('a new build moves a saved copy to its new files and never leaves a page without its stylesheet', async ({ page }) => {
  // A copy of the build to "deploy" again, with a stylesheet under a new hashed name.
  const dir = mkdtempSync(join(tmpdir(), 'offline-update-'));
  const site = join(dir, 'dist');
  cpSync(dist, site, { recursive: true });
  const html = readFileSync(join(site, 'en', 'queues', 'index.html'), 'utf8');
  const oldCss = /href="\/(_astro\/[^"]+\.css)"/.exec(html)![1]!;
  const newCss = oldCss.replace(/\.[\w-]+\.css$/, '.rebuilt1.css');
  const { origin, proc } = await startServer(site);
  try {
    await saveCopy(page, origin, 'en');

    renameSync(join(site, oldCss), join(site, newCss));
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const f of walk(site).filter((f) => f.endsWith('.html'))) writeFileSync(f, readFileSync(f, 'utf8').replaceAll(oldCss, newCss));
    const rebuilt = spawnSync(process.execPath, ['scripts/offline.mjs', site], { encoding: 'utf8' });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);

    // The next visit finds the new worker; it brings the saved copy up to the new build.
    await page.reload();
    const cachedCss = () =>
      page.evaluate(async () => (await (await caches.open('nc-course-v1')).keys()).map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.css')));
    await expect.poll(cachedCss, { timeout: 30_000 }).toContain(`/${newCss}`);
    await expect.poll(cachedCss, { timeout: 10_000 }).not.toContain(`/${oldCss}`);
  } finally {
    await stop(proc);
  }
  // Offline: a saved page of the new build, styled by the new stylesheet.
  await page.goto(`${origin}/en/queues/`);
  await expect(page.locator('h1')).toBeVisible();
  const styled = await page.evaluate((css) => [...document.styleSheets].some((s) => s.href?.endsWith(css) && s.cssRules.length > 0), newCss);
  expect(styled).toBe(true);
  rmSync(dir, { recursive: true, force: true });
});
