// A long chapter read in pages (frontmatter splitAt; src/lib/chapter-pages.ts): the reader can go
// through it page by page and find every section from any page, links made before the split still
// land on their section (and a widget's step), and the language switch keeps page and section.
import { expect, test, type Page } from '../support/test.ts';

const errors = (page: Page) => {
  const seen: string[] = [];
  page.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
  page.on('pageerror', (e) => seen.push(String(e)));
  return seen;
};

test('chapter 6 reads as six pages, in order, from its first page to the next chapter', async ({ page }) => {
  await page.goto('/zh/framing/');
  await expect(page.locator('.eyebrow')).toContainText('第 1 页，共 6 页');
  await expect(page.locator('.summary')).toBeVisible();
  const seen: string[] = [];
  for (let n = 1; n <= 6; n++) {
    await expect(page.locator('.eyebrow')).toContainText(`第 ${n} 页，共 6 页`);
    seen.push(new URL(page.url()).pathname);
    // The self-check is on the last page only.
    await expect(page.locator('#self-check')).toHaveCount(n === 6 ? 1 : 0);
    if (n > 1) await expect(page.locator('.summary')).toHaveCount(0);
    const next = page.locator('.prev-next .next');
    await expect(next.locator('span')).toHaveText(n < 6 ? '下一页 →' : '下一章 →');
    // Followed from the keyboard: a widget that comes alive as the link scrolls into view may move
    // the link under a click (the upload lab on page 4 did, on a busy machine).
    await next.focus();
    await page.keyboard.press('Enter');
  }
  expect(seen).toEqual(['/zh/framing/', '/zh/framing/message-framing/', '/zh/framing/server-steps/', '/zh/framing/large-file-upload/', '/zh/framing/verify-and-rename/', '/zh/framing/summary/']);
  await expect(page).toHaveURL(/\/zh\/socketserver\/$/);
  // And back: the previous chapter's link goes to its first page, a page's to the page before.
  await page.goto('/zh/framing/server-steps/');
  await expect(page.locator('.prev-next .prev')).toHaveAttribute('href', '/zh/framing/message-framing/');
  await expect(page).toHaveTitle('服务端五步 · 粘包与自定义报头 · 网络与并发');
});

test('every page lists the whole chapter; sections on other pages link to their page', async ({ page }) => {
  await page.goto('/en/framing/large-file-upload/');
  const toc = page.locator('.toc');
  await expect(toc.locator('summary')).toHaveText('In this chapter');
  const hrefs = await toc.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('/en/framing/#why-sticky');
  expect(hrefs).toContain('/en/framing/server-steps/#recv-exact');
  expect(hrefs).toContain('#upload-protocol');
  expect(hrefs.at(-1)).toBe('/en/framing/summary/#self-check');
  // The sidebar marks the chapter (it is not this page's own URL, so not aria-current=page).
  await expect(page.locator('.sidebar a[aria-current]')).toHaveAttribute('href', '/en/framing/');
  await toc.locator('a[href="/en/framing/server-steps/#recv-exact"]').click();
  await expect(page).toHaveURL(/\/en\/framing\/server-steps\/#recv-exact$/);
  await expect(page.locator('#recv-exact')).toBeInViewport();
});

test('a link made before the split (chapter URL, later #section) lands on the section\'s page', async ({ page }) => {
  const seen = errors(page);
  await page.goto('/zh/framing/#upload-protocol');
  await expect(page).toHaveURL(/\/zh\/framing\/large-file-upload\/#upload-protocol$/);
  await expect(page.locator('#upload-protocol')).toBeInViewport();
  // The self-check, which every chapter page used to end with.
  await page.goto('/en/tcp-udp/#self-check');
  await expect(page).toHaveURL(/\/en\/tcp-udp\/reliability\/#self-check$/);
  // Pasted while the reader is on the first page: only the #id changes, no page loads.
  await page.goto('/zh/framing/');
  await page.evaluate(() => (location.hash = '#path-traversal'));
  await expect(page).toHaveURL(/\/zh\/framing\/verify-and-rename\/#path-traversal$/);
  await expect(page.locator('#path-traversal')).toBeInViewport();
  expect(seen).toEqual([]);
});

test('a widget step linked before the split opens on the widget\'s page at that step', async ({ page }) => {
  await page.goto('/en/tcp-udp/?handshake=1.5#handshake');
  await expect(page).toHaveURL(/\/en\/tcp-udp\/data-and-close\/\?handshake=1\.5#handshake$/);
  const widget = page.locator('#handshake');
  await expect(widget).toHaveAttribute('data-live', '');
  await expect(widget.locator('.hs-state')).toHaveText(['ESTABLISHED', 'ESTABLISHED']);
  await expect(widget).toBeInViewport();
});

test('ids that are no section stay on the first page without an error', async ({ page }) => {
  const seen = errors(page);
  for (const hash of ['#constructor', '#__proto__', '#%E0%A4%A', '#why-sticky', '#']) {
    await page.goto(`/zh/framing/${hash}`);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname, hash).toBe('/zh/framing/');
  }
  expect(seen).toEqual([]);
});

test('the language switch on a later page goes to the same page and section of the twin', async ({ page }) => {
  await page.goto('/zh/framing/server-steps/#recv-exact');
  await page.locator('.lang-switch').click();
  await expect(page).toHaveURL(/\/en\/framing\/server-steps\/#recv-exact$/);
  await expect(page.locator('.eyebrow')).toContainText('page 3 of 6');
});

test('without JavaScript a later page reads on its own, and its links are plain links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/zh/tcp-udp/data-and-close/');
  await expect(page.locator('h1')).toHaveText('传输层：端口、TCP 与 UDP');
  await expect(page.locator('#data-and-close')).toBeVisible();
  await expect(page.locator('.hs-static ol li').first()).toBeVisible();
  await page.locator('.prev-next .next').click();
  await expect(page).toHaveURL(/\/zh\/tcp-udp\/closing\/$/);
  await context.close();
});

test('a chapter read in pages can be read whole on one page, to print or search it', async ({ page }) => {
  await page.goto('/zh/framing/server-steps/');
  await page.locator('.eyebrow a', { hasText: '整章单页' }).click();
  await expect(page).toHaveURL(/\/zh\/framing\/all\/$/);
  await expect(page).toHaveTitle('粘包与自定义报头 · 整章单页 · 网络与并发');
  // Every section and both widgets are here, the contents link within the page, ids are unique.
  for (const id of ['why-sticky', 'message-framing', 'recv-exact', 'upload-protocol', 'summary', 'self-check', 'sticky', 'framing']) {
    await expect(page.locator(`#${id}`).first(), id).toBeAttached();
  }
  const hrefs = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
  const dupes = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  expect(dupes).toEqual([]);
  // Each glossary twin once, as on a chapter of one page.
  await expect(page.locator('.prose .gl-twin', { hasText: 'socket' })).toHaveCount(1);
  // Search engines and the course's own search keep to the pages.
  await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
  // Printed: the text without the site around it.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.locator('.toc')).toBeHidden();
  await page.locator('.eyebrow a', { hasText: '回到分页阅读' }).click();
  await expect(page).toHaveURL(/\/zh\/framing\/$/);
});
