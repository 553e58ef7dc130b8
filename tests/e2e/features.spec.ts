// What a student or an instructor does with the site, one behaviour per test, in real Chromium
// against the built site. The starter chapter is /zh/tcp-udp/ and /en/tcp-udp/.
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Page } from '../support/test.ts';

const ZH = '/zh/tcp-udp/';
const EN = '/en/tcp-udp/';

async function pagefindRequests(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) seen.push(r.url());
  });
  return seen;
}

test.describe('both languages', () => {
  test('the zh and en chapter render with their language, title and sections', async ({ page }) => {
    await page.goto(ZH);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toContainText('端口');
    await expect(page.locator('#three-way-handshake')).toBeVisible();
    await page.goto(EN);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toContainText('ports');
    await expect(page.locator('#three-way-handshake')).toBeVisible();
  });

  test('the language switch goes to the twin page at the same #section', async ({ page }) => {
    await page.goto(`${ZH}#three-way-handshake`);
    await page.locator('.lang-switch').click();
    await expect(page).toHaveURL(/\/en\/tcp-udp\/#three-way-handshake$/);
    await expect(page.locator('#three-way-handshake')).toBeInViewport();
    await page.locator('.lang-switch').click();
    await expect(page).toHaveURL(/\/zh\/tcp-udp\/#three-way-handshake$/);
  });

  test('the language switch keeps the section being read, even without a #hash', async ({ page }) => {
    await page.goto(EN);
    await page.locator('#three-way-handshake').evaluate((h) => h.scrollIntoView({ behavior: 'instant' }));
    await expect(page.locator('.toc a[href="#three-way-handshake"]')).toHaveAttribute('aria-current', 'location');
    // A keyboard press, not a mouse click: Playwright scrolls the page before clicking a sticky
    // element, which would move the reader to another section first.
    await page.locator('.lang-switch').evaluate((a: HTMLElement) => a.focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh\/tcp-udp\/#three-way-handshake$/);
  });

  test('"/" offers both languages, then remembers the last one chosen', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.doors a')).toHaveCount(2);
    await page.goto('/en/');
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await page.goto('/?choose');
    await expect(page.locator('.doors a')).toHaveCount(2);
  });

  test('an unknown URL answers 404 in the language of its path', async ({ page }) => {
    const en = await page.goto('/en/no-such-chapter/');
    expect(en?.status()).toBe(404);
    await expect(page.locator('.nf-en h1')).toBeVisible();
    await expect(page.locator('.nf-zh h1')).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Page not found · Networks & Concurrency');
    await page.goto('/zh/no-such-chapter/');
    await expect(page).toHaveTitle('找不到这个页面 · 网络与并发');
    await expect(page.locator('.nf-zh h1')).toHaveText('找不到这个页面');
    await expect(page.locator('.nf-en h1')).toBeHidden();
  });
});

test.describe('links for instructors', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const [path, word] of [[ZH, '已复制'], [EN, 'Copied']] as const) {
    test(`copy-link writes the section's full URL and says "${word}"`, async ({ page, baseURL }) => {
      await page.goto(path);
      const anchor = page.locator('#ports .h-anchor');
      await expect(anchor).toHaveAttribute('aria-label', path === ZH ? '复制本节链接' : 'Copy link to this section');
      await anchor.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}#ports`);
      await expect(anchor).toHaveAttribute('data-tip', word);
      await expect(page.locator('#announcer')).toHaveText(word);
      await expect(page).toHaveURL(new RegExp(`${path}#ports$`));
    });
  }

  test('a code block copy button copies the code', async ({ page }) => {
    await page.goto(ZH);
    const fig = page.locator('figure.code').first();
    await fig.locator('.copy-code').click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('import socket');
    expect(text.split('\n').length).toBe(await fig.locator('pre .line').count());
  });

  test('the on-page contents follow the scroll', async ({ page }) => {
    await page.goto(ZH);
    await expect(page.locator('.toc a[href="#ports"]')).not.toHaveAttribute('aria-current', 'location');
    await page.locator('#ports').evaluate((h) => h.scrollIntoView());
    await expect(page.locator('.toc a[href="#ports"]')).toHaveAttribute('aria-current', 'location');
  });
});

test.describe('reading comfort', () => {
  test('the theme toggle cycles system → light → dark, persists, and applies before first paint', async ({ page }) => {
    await page.goto(ZH);
    const html = page.locator('html');
    const toggle = page.locator('.theme-toggle');
    await expect(toggle).toHaveAttribute('aria-label', '主题：跟随系统');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-label', '主题：深色');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(17, 22, 29)');
    // No flash: the stored theme is on <html> before any stylesheet or body is parsed.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.dataset.theme ?? '';
      });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)).toBe('dark');
    await toggle.click();
    await expect(html).not.toHaveAttribute('data-theme', /./);
  });

  test('the dark system theme is followed when nothing is stored', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(ZH);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 22, 29)');
    await context.close();
  });

  test('at 360 px the course menu opens from the header and closes with Escape', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(ZH);
    const nav = page.locator('#site-nav');
    await expect(nav).toBeHidden();
    await page.locator('.nav-toggle').click();
    await expect(nav).toBeVisible();
    await expect(page.locator('.nav-toggle')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
  });

  test('print shows the text only and prints where links go', async ({ page }) => {
    await page.goto(ZH);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-header', '#site-nav', '.toc', '.prev-next', '.copy-code']) {
      await expect(page.locator(sel).first()).toBeHidden();
    }
    await expect(page.locator('article h1')).toBeVisible();
    const links = page.locator('article .eyebrow a');
    expect(await links.first().evaluate((a) => getComputedStyle(a, '::after').content)).toBe('" (/zh/#part-2)"');
    // Chapter 4 is read in pages: a printed page says where the whole chapter is, to print that.
    expect(await links.last().evaluate((a) => getComputedStyle(a, '::after').content)).toBe('" (/zh/tcp-udp/all/)"');
  });

  test('math is native MathML: drawn by the browser, with no KaTeX stylesheet or font fetched', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(ZH);
    const display = page.locator('.katex-display math[display="block"]').first();
    await display.scrollIntoViewIfNeeded();
    await expect(display).toBeVisible();
    // Laid out as MathML (not as the raw text of its tokens): a fraction or union has real height.
    const box = (await display.boundingBox())!;
    expect(box.height).toBeGreaterThan(14);
    expect(await display.evaluate((m) => getComputedStyle(m).display)).toBe('block math');
    await expect(display.locator('annotation')).toBeHidden();
    await expect(page.locator('link[href*="katex"]')).toHaveCount(0);
    expect(fetched.filter((u) => /katex|\.woff2?$/.test(u))).toEqual([]);
  });
});

test.describe('search', () => {
  const cases = [
    { path: ZH, query: '握手', lang: 'zh' },
    { path: EN, query: 'handshake', lang: 'en' },
  ];
  for (const { path, query, lang } of cases) {
    test(`finds "${query}" in the ${lang} index and lands on the section, the query marked whole`, async ({ page }) => {
      const fetched = await pagefindRequests(page);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(fetched, 'Pagefind loads nothing before the reader searches').toEqual([]);
      await page.keyboard.press('Control+k');
      const dialog = page.locator('dialog.search-dialog');
      const input = dialog.getByRole('combobox');
      await expect(input).toBeFocused();
      await input.fill(query);
      const sub = dialog.locator('a[role=option][href*="#three-way-handshake"]').first();
      await expect(sub).toBeVisible({ timeout: 10_000 });
      const links = await dialog.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links.every((p) => p.startsWith(`/${lang}/`)), `only ${lang} results: ${links.join(' ')}`).toBe(true);
      // Only the whole query (or its plural) is marked in the results.
      const marks = await dialog.locator('mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => m.toLowerCase() === query || m.toLowerCase() === `${query}s`), marks.join(' ')).toBe(true);
      // Pagefind's Component UI, highlighter and worker are never fetched; only the fragments of
      // the results on screen are (four pages at first).
      expect(fetched.filter((u) => /pagefind-(component-ui|highlight|worker)/.test(u))).toEqual([]);
      expect(fetched.filter((u) => u.includes('/fragment/')).length).toBeLessThanOrEqual(4);
      if (lang === 'en') {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const { violations } = await new AxeBuilder({ page }).include('dialog.search-dialog').withTags(AXE_TAGS).analyze();
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        }
        // Keyboard: ↓ makes an option active (the input keeps focus), Enter opens the active one.
        const subId = await sub.getAttribute('id');
        await input.press('ArrowDown');
        await expect(input).toHaveAttribute('aria-activedescendant', /.+/);
        while ((await input.getAttribute('aria-activedescendant')) !== subId) await input.press('ArrowDown');
        await expect(sub).toHaveAttribute('aria-selected', 'true');
        await input.press('Enter');
      } else {
        await sub.click();
      }
      await expect(page).toHaveURL(new RegExp(`/${lang}/tcp-udp/\\?highlight=.*#three-way-handshake$`));
      const mark = page.locator('article .prose mark').first();
      await expect(mark).toBeVisible();
      expect((await page.locator('article .prose mark').allTextContents()).every((m) => m.toLowerCase().includes(query))).toBe(true);
    });
  }

  test('"/" types a slash inside the search box instead of reopening search; Esc closes it', async ({ page }) => {
    await page.goto(EN);
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog').getByRole('combobox');
    await expect(input).toBeFocused();
    await page.keyboard.type('tcp/udp');
    await expect(input).toHaveValue('tcp/udp');
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.search-dialog')).toBeHidden();
  });

  test('the search page takes a query from the URL, and the phrase comes first', async ({ page }) => {
    await page.goto('/zh/search/?q=%E7%B2%98%E5%8C%85');
    const first = page.locator('#search-here a[role=option]').first();
    await expect(first).toHaveAttribute('href', /^\/zh\/framing\//, { timeout: 10_000 });
    await expect(page.locator('#search-here .search-status')).toContainText('找到');
    // Nothing found: said in the reader's language, and the address bar keeps the query.
    await page.locator('#search-here').getByRole('combobox').fill('鳄鱼');
    await expect(page.locator('#search-here .search-status')).toContainText('没有找到“鳄鱼”');
    await expect(page.locator('#search-here a[role=option]')).toHaveCount(0);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=鳄鱼');
    // Enter with nothing chosen opens the best answer: the first page's first section.
    const input = page.locator('#search-here').getByRole('combobox');
    await input.fill('粘包');
    await expect(page.locator('#search-here a.search-sub').first()).toHaveAttribute('href', /#why-sticky$/, { timeout: 10_000 });
    await input.press('Enter');
    await expect(page).toHaveURL(/\/zh\/framing\/\?highlight=.+#why-sticky$/);
    await expect(page.locator('#why-sticky ~ p mark.search-hit').first()).toHaveText('粘包');
  });

  test('when Pagefind cannot load, the search page says so in the reader\'s language', async ({ page }) => {
    await page.route('**/pagefind/pagefind.js', (r) => r.abort());
    await page.goto('/en/search/?q=udp');
    await expect(page.locator('#search-here .search-status')).toContainText('Search could not load');
  });
});

test.describe('the seed page features', () => {
  test('the tab title says where the reader left off while hidden, and comes back', async ({ page }) => {
    await page.goto(ZH);
    const title = await page.title();
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    expect(await page.title()).toBe('⏸ 三次握手 · 回来继续');
    await expect(page.locator('html')).toHaveClass(/tab-hidden/);
    await setHidden(false);
    expect(await page.title()).toBe(title);
    await expect(page.locator('html')).not.toHaveClass(/tab-hidden/);
  });

  test('the cube turns, pauses on hover, on the pause box, and while the tab is hidden', async ({ page }) => {
    await page.goto('/zh/');
    const state = () => page.evaluate(() => document.querySelector('.cube')!.getAnimations().map((a) => a.playState).join());
    expect(await state()).toBe('running');
    await page.locator('.cube-pause input').check();
    expect(await state()).toBe('paused');
    await page.locator('.cube-pause input').uncheck();
    expect(await state()).toBe('running');
    await page.locator('.cube-scene').hover();
    expect(await state()).toBe('paused');
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.documentElement.classList.add('tab-hidden'));
    expect(await state()).toBe('paused');
  });

  test('a focused face stops the cube and turns to the front; its link goes to the part', async ({ page }) => {
    await page.goto('/en/');
    await page.locator('.cube-parts .to-f3').focus();
    expect(await page.evaluate(() => document.querySelector('.cube')!.getAnimations().length)).toBe(0);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/#part-3$/);
  });

  test('under reduced motion the cube does not move, and the seven parts are a plain list too', async ({ browser }) => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto('/zh/');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await expect(page.locator('.cube-parts a')).toHaveCount(7);
    await expect(page.locator('ol.part-list > li')).toHaveCount(7);
    await context.close();
  });

  test('the favicon, touch icon and manifest are ours and load', async ({ page, request }) => {
    await page.goto(ZH);
    for (const sel of ['link[rel=icon][type="image/svg+xml"]', 'link[rel=icon][type="image/png"]', 'link[rel=apple-touch-icon]', 'link[rel=manifest]']) {
      const href = await page.locator(sel).getAttribute('href');
      expect(href, sel).toBeTruthy();
      const res = await request.get(href!);
      expect(res.status(), `${sel} → ${href}`).toBe(200);
    }
    const manifest = await (await request.get('/site.webmanifest')).json();
    for (const icon of manifest.icons) expect((await request.get(`/${icon.src}`)).status(), icon.src).toBe(200);
  });
});
