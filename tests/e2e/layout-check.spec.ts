// The layout check every widget's layout spec runs (tests/support/layout.ts) has teeth: problems
// planted in a real page are reported, and a text scrolled out of a frame is compared only with
// what the frame shows of it, except against texts in the same frame.
import { layoutProblems } from '../support/layout.ts';
import { expect, test } from '../support/test.ts';

test('planted overlaps, small type and clipped frames are found; a text scrolled out of sight beside a column is not an overlap', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/en/tcp-udp/');
  const plant = (html: string) =>
    page.evaluate((html) => {
      document.getElementById('planted')?.remove();
      const div = document.createElement('div');
      div.id = 'planted';
      div.style.cssText = 'position:relative;width:600px;min-height:300px;font:16px sans-serif';
      div.innerHTML = html;
      document.querySelector('article')!.prepend(div);
    }, html);

  await plant('<p style="position:absolute;top:0;left:0;margin:0">first words</p><p style="position:absolute;top:4px;left:10px;margin:0">second words</p>');
  expect(await layoutProblems(page, '#planted')).toEqual(['text "first words" overlaps text "second words"']);

  await plant('<p style="margin:0;font-size:10px">tiny</p>');
  expect(await layoutProblems(page, '#planted')).toEqual(['text "tiny" is 10.0 px (< 12)']);

  // A long line in a frame that scrolls sideways, beside a column: what sticks out is out of sight.
  const column = (inner: string) =>
    `<div style="display:flex;gap:10px"><div style="width:200px;overflow:auto"><p style="white-space:pre;margin:0">${inner}</p></div><p style="margin:0;width:300px">the column beside it</p></div>`;
  await plant(column('a very long line of code that runs on past its frame'));
  expect(await layoutProblems(page, '#planted')).toEqual([]);
  // The same frame without scrolling (overflow visible): the line runs over the column.
  await plant(column('a very long line of code that runs on past its frame').replace('overflow:auto', 'overflow:visible'));
  expect((await layoutProblems(page, '#planted')).join()).toContain('overlaps text "the column beside it"');
  // Two texts that overlap inside one frame, out of its sight: still an overlap.
  await plant('<div style="width:200px;height:40px;overflow:auto;position:relative"><p style="position:absolute;top:100px;left:0;margin:0">hidden one</p><p style="position:absolute;top:104px;left:8px;margin:0">hidden two</p></div>');
  expect(await layoutProblems(page, '#planted')).toEqual(['text "hidden one" overlaps text "hidden two"']);
  // A bar stuck at the bottom of the screen over a long text covers it (its background hides
  // what is under it): not an overlap. Where it sits in its own place, it is compared as usual.
  const floating = (margin: number) =>
    `<div><p style="margin:0;line-height:20px">${'word '.repeat(500)}</p><div style="position:sticky;bottom:0;background:#fff;margin-top:${margin}px"><p style="margin:0">the floating bar</p></div></div>`;
  await plant(floating(0));
  await page.evaluate(() => document.getElementById('planted')!.scrollIntoView());
  expect(await page.evaluate(() => document.querySelector('#planted p + div')!.getBoundingClientRect().bottom)).toBeCloseTo(600, -1);
  expect(await layoutProblems(page, '#planted')).toEqual([]);
  await plant(floating(-15));
  await page.evaluate(() => document.querySelector('#planted p + div')!.scrollIntoView({ block: 'end' }));
  await page.evaluate(() => window.scrollBy(0, 400));
  expect((await layoutProblems(page, '#planted')).join()).toContain('overlaps text "the floating bar"');
  // A frame that hides what does not fit cuts the text off.
  await plant('<div style="width:60px;overflow:hidden"><p style="white-space:pre;margin:0">cut off here, no scrolling</p></div>');
  expect((await layoutProblems(page, '#planted')).join()).toContain('is cut off by <div');
});
