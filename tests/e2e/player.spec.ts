// The player every stepping widget shares (src/widgets/kit/player.ts), as a reader meets it on the
// handshake and the sticky-packet lab: a new scenario or option starts again at step 0, the speed
// is the reader's choice and is remembered, no two controls share an icon, and each control names
// itself on hover and on keyboard focus.
import { expect, test } from '../support/test.ts';

const HANDSHAKE = '/zh/tcp-udp/data-and-close/';

test('a new scenario or option starts at step 0, not at the old step number', async ({ page }) => {
  await page.goto(`${HANDSHAKE}?handshake=1.8#handshake`);
  const widget = page.locator('#handshake');
  await expect(widget.locator('.kit-counter')).toHaveText(/第 8 \//);
  await widget.locator('.hs-preset').selectOption('simultaneous-open');
  await expect(widget.locator('.kit-counter')).toHaveText('开始前');
  await widget.getByRole('button', { name: '跳到结尾' }).click();
  await widget.locator('.hs-preset').selectOption('rst-closed-port');
  await expect(widget.locator('.kit-counter')).toHaveText('开始前');

  await page.goto('/zh/framing/#sticky');
  const lab = page.locator('#sticky');
  await expect(page.locator('#sticky[data-live]')).toBeVisible();
  await lab.getByRole('button', { name: '下一步' }).click();
  await lab.getByRole('button', { name: '下一步' }).click();
  await expect(lab.locator('.kit-counter')).toHaveText(/第 2 \//);
  await lab.locator('[name=framing]').check();
  await expect(lab.locator('.kit-counter')).toHaveText('开始前');
});

test('speed 0.5×, 1×, 2×: chosen with one button, remembered for every widget', async ({ page }) => {
  await page.goto(`${HANDSHAKE}#handshake`);
  const widget = page.locator('#handshake');
  const speed = widget.locator('.kit-btn.speed');
  await expect(speed).toHaveText('1×');
  await speed.click();
  await expect(speed).toHaveText('2×');
  await expect(speed).toHaveAccessibleName('播放速度 2×（点一下切换）');
  // Playing at 2× takes a step every 0.6 s: three steps well within 3 s.
  await widget.getByRole('button', { name: '播放', exact: true }).click();
  await expect(widget.locator('.kit-counter')).toHaveText(/第 3 \//, { timeout: 3_000 });
  await widget.getByRole('button', { name: '暂停' }).click();
  await page.goto('/zh/framing/#sticky');
  await expect(page.locator('#sticky .kit-btn.speed')).toHaveText('2×');
  await page.locator('#sticky .kit-btn.speed').click();
  await expect(page.locator('#sticky .kit-btn.speed')).toHaveText('0.5×');
});

test('a desktop window fetches no touch code and shows the keys, not the swipe hint', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(`${HANDSHAKE}#handshake`);
  await expect(page.locator('#handshake')).toHaveAttribute('data-live', '');
  await expect(page.locator('#handshake .kit-keys')).toBeVisible();
  await expect(page.locator('#handshake .kit-swipe')).toBeHidden();
  expect(fetched.filter((u) => u.includes('.touch-'))).toEqual([]);
  await expect(page.locator('#kit-touch-style')).toHaveCount(0);
});

test('no two controls share an icon, and each names itself on hover and on keyboard focus', async ({ page }) => {
  await page.goto(`${HANDSHAKE}?handshake=1.3#handshake`);
  const bar = page.locator('#handshake .kit-player');
  await expect(bar).toBeVisible();
  const icons = await bar.locator('.kit-btn svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  expect(icons.length).toBeGreaterThanOrEqual(6);
  expect(new Set(icons).size).toBe(icons.length);
  const label = (sel: string) => bar.locator(sel).evaluate((b) => getComputedStyle(b, '::before').content);
  await bar.locator('.forward').hover();
  expect(await label('.forward')).toBe('"下一步"');
  await bar.locator('.back').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await label('.back')).toBe('"上一步"');
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });

  /** A one-finger swipe from (x, y) by (dx, dy), as the browser delivers it: touchstart, then touchend. */
  const swipe = (page: import('@playwright/test').Page, selector: string, dx: number, dy: number) =>
    page.evaluate(
      ({ selector, dx, dy }) => {
        const el = document.querySelector(selector)!;
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + Math.min(r.height / 2, 40);
        const at = (cx: number, cy: number) => new Touch({ identifier: 1, target: el, clientX: cx, clientY: cy });
        el.dispatchEvent(new TouchEvent('touchstart', { touches: [at(x, y)], changedTouches: [at(x, y)], bubbles: true }));
        el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [at(x + dx, y + dy)], bubbles: true }));
      },
      { selector, dx, dy },
    );

  test('a sideways swipe across the picture steps; a vertical one, or one on a control, does not; the hint says so instead of the keys', async ({ page }) => {
    await page.goto('/en/os-history/io-vs-cpu-bound/#multiprog-lab');
    const fig = page.locator('#multiprog-lab');
    await expect(fig).toHaveAttribute('data-live', '');
    const counter = fig.locator('.kit-counter');
    await expect(counter).toHaveText('Before the first step');
    // touch.ts (the swipe, the floating player) is fetched on a phone only.
    await expect(page.locator('#kit-touch-style')).toHaveCount(1);
    await expect(fig.locator('.kit-swipe')).toBeVisible();
    await expect(fig.locator('.kit-keys')).toBeHidden();
    await swipe(page, '#multiprog-lab .mp-chart', -120, 10);
    await expect(counter).toHaveText(/^Step 1 of/);
    await swipe(page, '#multiprog-lab .mp-chart', -120, -5);
    await expect(counter).toHaveText(/^Step 2 of/);
    await swipe(page, '#multiprog-lab .mp-chart', 120, 0);
    await expect(counter).toHaveText(/^Step 1 of/);
    await expect(fig.locator('.kit-live')).not.toBeEmpty();
    // Mostly down the page: the reader is scrolling.
    await swipe(page, '#multiprog-lab .mp-chart', -60, 150);
    // Too short to be a swipe.
    await swipe(page, '#multiprog-lab .mp-chart', -20, 0);
    await expect(counter).toHaveText(/^Step 1 of/);
    // A swipe that begins on a control in the picture leaves the control its own gesture.
    await page.goto('/en/ethernet/hub-and-switch/#switch');
    const sw = page.locator('#switch');
    await expect(sw).toHaveAttribute('data-live', '');
    await expect(sw.locator('.kit-counter')).toHaveText('Before the first step');
    await expect(page.locator('#kit-touch-style')).toHaveCount(1);
    await swipe(page, '#switch .sw-send button', -120, 0);
    await expect(sw.locator('.kit-counter')).toHaveText('Before the first step');
    await swipe(page, '#switch .sw-pic', -120, 0);
    await expect(sw.locator('.kit-counter')).toHaveText(/^Step 1 of/);
  });
});
