// The glossary in the built site: first uses carry their twin in the other language, the glossary
// pages list every term and link to those first uses.
import { expect, test } from '../support/test.ts';
import { readFileSync } from 'node:fs';

const terms = JSON.parse(readFileSync('content/glossary.json', 'utf8')).terms as Array<{ id: string; zh: string; en: string }>;

// Chapter 4 is read in pages; its prose first says 三次握手 on the page that starts at #data-and-close.
test('a Chinese chapter marks the first use of a term with its English name, once', async ({ page }) => {
  await page.goto('/zh/tcp-udp/data-and-close/');
  const first = page.locator('#term-three-way-handshake');
  await expect(first).toHaveText('三次握手（three-way handshake）');
  await expect(first.locator('.gl-twin')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.prose .gl-twin', { hasText: 'three-way handshake' })).toHaveCount(1);
  // Headings and code are never touched.
  await expect(page.locator('h2 .gl, h3 .gl, pre .gl, code .gl')).toHaveCount(0);
});

test('an English chapter carries the Chinese term at first use', async ({ page }) => {
  await page.goto('/en/tcp-udp/data-and-close/');
  const first = page.locator('#term-three-way-handshake');
  await expect(first).toContainText(/three-way handshake \(三次握手\)/i);
  await expect(first.locator('.gl-twin')).toHaveAttribute('lang', 'zh-CN');
});

for (const lang of ['zh', 'en'] as const) {
  test(`the ${lang} glossary lists every term with its twin and links to first uses that exist`, async ({ page }) => {
    await page.goto(`/${lang}/glossary/`);
    await expect(page.locator('table.glossary tbody tr')).toHaveCount(terms.length);
    const hs = page.locator('tr#three-way-handshake');
    await expect(hs.locator('th')).toHaveText(lang === 'zh' ? '三次握手' : 'three-way handshake');
    await expect(hs.locator('td').first()).toHaveText(lang === 'zh' ? 'three-way handshake' : '三次握手');
    const link = hs.locator('td.where a').first();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/tcp-udp/data-and-close/#term-three-way-handshake$`));
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
