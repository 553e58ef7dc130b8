// The axe builder every spec uses (tests/support/axe.ts runs axe.run() in the page) has teeth:
// violations planted in a real page are reported, by rule, inside the parts a spec names and not
// outside them, and a clean page stays clean.
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test } from '../support/test.ts';

test('planted violations are found where the check looks, and only there', async ({ page }) => {
  await page.goto('/en/tcp-udp/');
  const ids = async (b: AxeBuilder) => (await b.analyze()).violations.map((v) => v.id).sort();
  expect(await ids(new AxeBuilder({ page }).withTags(AXE_TAGS))).toEqual([]);

  await page.evaluate(() => {
    const article = document.querySelector('article')!;
    const img = document.createElement('img');
    img.src = '/favicon.svg';
    article.prepend(img); // no alt
    const faint = document.createElement('p');
    faint.textContent = 'faint text';
    faint.style.color = '#eee';
    faint.style.background = '#fff';
    document.querySelector('footer, header')!.append(faint);
  });
  expect(await ids(new AxeBuilder({ page }).withTags(AXE_TAGS))).toEqual(['color-contrast', 'image-alt']);
  expect(await ids(new AxeBuilder({ page }).withTags(AXE_TAGS).include('article'))).toEqual(['image-alt']);
  expect(await ids(new AxeBuilder({ page }).withTags(AXE_TAGS).exclude('article'))).toEqual(['color-contrast']);
  expect(await ids(new AxeBuilder({ page }).withRules(['color-contrast']))).toEqual(['color-contrast']);
  expect(await ids(new AxeBuilder({ page }).withTags(AXE_TAGS).disableRules(['image-alt']))).toEqual(['color-contrast']);

  // A new page has no axe in it: the builder puts it in again.
  await page.reload();
  expect(await ids(new AxeBuilder({ page }).withTags(AXE_TAGS))).toEqual([]);
});
