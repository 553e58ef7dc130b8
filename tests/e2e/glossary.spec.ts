// The glossary in the built site: first uses carry their twin in the other language and show the
// term's definition on hover and keyboard focus; the glossary pages list every term with its
// definition, by letter, and link to those first uses.
import { expect, test } from '../support/test.ts';
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { readFileSync } from 'node:fs';

const terms = JSON.parse(readFileSync('content/glossary.json', 'utf8')).terms as Array<{ id: string; zh: string; en: string; zhDef: string; enDef: string }>;
const semaphore = terms.find((t) => t.id === 'semaphore')!;

// Chapter 4 is read in pages; its prose first says 三次握手 on the page that starts at #closing.
test('a Chinese chapter marks the first use of a term with its English name, once', async ({ page }) => {
  await page.goto('/zh/tcp-udp/closing/');
  const first = page.locator('#term-three-way-handshake');
  await expect(first).toHaveText('三次握手（three-way handshake）');
  await expect(first.locator('.gl-twin')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.prose .gl-twin', { hasText: 'three-way handshake' })).toHaveCount(1);
  // Headings and code are never touched.
  await expect(page.locator('h2 .gl, h3 .gl, pre .gl, code .gl')).toHaveCount(0);
});

test('an English chapter carries the Chinese term at first use', async ({ page }) => {
  await page.goto('/en/tcp-udp/closing/');
  const first = page.locator('#term-three-way-handshake');
  await expect(first).toContainText(/three-way handshake \(三次握手\)/i);
  await expect(first.locator('.gl-twin')).toHaveAttribute('lang', 'zh-CN');
});

// One visit: the mark of 信号量 (a word the glossary once split as 信号（signal）量).
test('a first use shows its definition on hover and focus, under the word, until Escape, and never on paper', async ({ page }) => {
  await page.goto('/zh/queues/');
  const word = page.locator('#term-semaphore');
  const tip = page.locator('#gd-semaphore');
  await expect(word).toHaveText('信号量（semaphore）');
  // With JavaScript off (or no tooltip support) the mark is still a link to the term's entry.
  await expect(word).toHaveAttribute('href', '/zh/glossary/#semaphore');
  await expect(word).toHaveAccessibleDescription(semaphore.zhDef);
  await expect(tip).toBeHidden();

  await word.scrollIntoViewIfNeeded();
  await word.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(semaphore.zhDef);
  const w = (await word.boundingBox())!;
  const b = (await tip.boundingBox())!;
  // Below the word (or above it), never over it.
  expect(b.y >= w.y + w.height - 1 || b.y + b.height <= w.y + 1, JSON.stringify({ w, b })).toBe(true);
  // It stays while the pointer moves onto it, to be read or selected. (One move: in steps, a
  // busy machine can take longer between them than the browser's delay for losing interest.)
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.waitForTimeout(600);
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  // Keyboard: focus shows it, Escape dismisses it, and the focus stays on the word.
  await page.mouse.move(0, 0);
  await word.focus();
  await expect(tip).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('#gd-semaphore').include('#term-semaphore').withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id}`)).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(word).toBeFocused();

  // Paper: no tooltip, and the mark prints as a word, not as a link with its address.
  await word.focus();
  await page.emulateMedia({ media: 'print' });
  await expect(tip).toBeHidden();
  expect(await word.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
});

for (const lang of ['zh', 'en'] as const) {
  test(`the ${lang} glossary lists every term with its twin and definition, by letter, and links to first uses that exist`, async ({ page }) => {
    await page.goto(`/${lang}/glossary/`);
    await expect(page.locator('dl.glossary > div')).toHaveCount(terms.length);
    const hs = page.locator('#three-way-handshake');
    await expect(hs.locator('dt')).toHaveText(lang === 'zh' ? '三次握手 three-way handshake' : 'three-way handshake 三次握手');
    await expect(hs.locator('dd').first()).toHaveText(terms.find((t) => t.id === 'three-way-handshake')![lang === 'zh' ? 'zhDef' : 'enDef']);
    // The letters: 三次握手 under S (its pinyin initial), "three-way handshake" under T.
    await expect(page.locator(`#l-${lang === 'zh' ? 'S' : 'T'} ~ dl #three-way-handshake`)).toHaveCount(1);
    const letters = page.locator('nav.az a');
    expect(await letters.count()).toBeGreaterThan(15);
    await letters.filter({ hasText: /^D$/ }).click();
    await expect(page).toHaveURL(/#l-D$/);
    await expect(page.locator('#l-D')).toBeInViewport();
    const link = hs.locator('dd.where a').first();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/tcp-udp/closing/#term-three-way-handshake$`));
    await expect(page.locator('#term-three-way-handshake')).toBeInViewport();
  });
}

test('the sidebar links the glossary in both languages, and the switch keeps the term', async ({ page }) => {
  await page.goto('/zh/tcp-udp/');
  await page.locator('#site-nav a', { hasText: '术语表' }).click();
  await expect(page).toHaveURL(/\/zh\/glossary\/$/);
  await page.goto('/zh/glossary/#port');
  await page.locator('.lang-switch').click();
  await expect(page).toHaveURL(/\/en\/glossary\/#port$/);
});
