// Encapsulation (W1) in the built chapter 1 (/zh/layers/encapsulation/, /en/…): typed messages,
// TCP/UDP and the timestamps option, the five layers stepped in a real Chromium, state links,
// bad input, the layout rules at every step, and axe.
// Run after a build: E2E_DIST=/tmp/lead-dist E2E_PORT=4612 npx playwright test tests/e2e/encap.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const ZH = '/zh/layers/encapsulation/';
const EN = '/en/layers/encapsulation/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#encap');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const rows = (fig: Locator) => fig.locator('.widget-live .enc-row');
const forward = (fig: Locator) => fig.locator('.kit-player .forward');

test('stepping down the layers adds each header with the real sizes, and says what the data is called', async ({ page }) => {
  const fig = await open(page, ZH);
  await expect(rows(fig)).toHaveCount(1);
  await expect(fig.locator('.kit-live')).toContainText('5 字节');
  const want = ['报文段 25 字节', '分组 45 字节', '帧 64 字节', '比特 72 字节'];
  for (let i = 0; i < 4; i++) {
    await forward(fig).click();
    await expect(rows(fig)).toHaveCount(i + 2);
    await expect(rows(fig).nth(i + 1)).toContainText(want[i]!);
  }
  // The padding step, and the wire: 84 byte times, 6.0 % data.
  await expect(fig.locator('.widget-live [data-layer="link"] [data-kind="pad"]')).toHaveCount(1);
  await expect(fig.locator('.kit-live')).toContainText('84 个字节的时间');
  await expect(fig.locator('.kit-live')).toContainText('6.0%');
  await expect(page).toHaveURL(/[?&]encap=t~xaGVsbG8\.4/);
});

test('a new message, UDP or the timestamps option starts again at the top; sizes follow', async ({ page }) => {
  const fig = await open(page, EN);
  await forward(fig).click();
  await forward(fig).click();
  await fig.locator('.enc-text').fill('你好');
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  await expect(rows(fig).first()).toContainText('message, 6 B');
  await fig.getByLabel('UDP', { exact: true }).check();
  await expect(fig.locator('.enc-ts-box')).toBeDisabled();
  await fig.locator('.kit-player .end').click();
  await expect(rows(fig).nth(3)).toContainText('frame, 64 B');
  await fig.getByLabel('TCP', { exact: true }).check();
  await fig.locator('.enc-ts-box').check();
  await fig.locator('.kit-player .end').click();
  // 6 bytes + 32 + 20 = 58: no padding, a 76-byte frame.
  await expect(rows(fig).nth(3)).toContainText('frame, 76 B');
  await expect(fig.locator('.widget-live [data-kind="pad"]')).toHaveCount(0);
  await fig.getByRole('button', { name: '1460 bytes: a full frame' }).click();
  await expect(fig.locator('.enc-error')).toContainText('More than the 1448 bytes');
  await fig.locator('.enc-ts-box').uncheck();
  await fig.getByRole('button', { name: '1460 bytes: a full frame' }).click();
  await fig.locator('.kit-player .end').click();
  await expect(rows(fig).nth(3)).toContainText('frame, 1518 B');
});

test('bad input is explained in the reader\u2019s language and the picture keeps the last good message', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.enc-text').fill('2000');
  await expect(fig.locator('.enc-error')).toHaveText(/超过一帧能装的 1460 字节（MSS）/);
  await expect(fig.locator('.enc-text')).toHaveAttribute('aria-invalid', 'true');
  await expect(rows(fig).first()).toContainText('5 字节');
  await fig.locator('.enc-text').fill('x'.repeat(5000));
  await expect(fig.locator('.enc-error')).toContainText('超过');
  await fig.locator('.enc-text').fill('hi');
  await expect(fig.locator('.enc-error')).toBeHidden();
  await expect(rows(fig).first()).toContainText('2 字节');
});

test('a state link opens at its step in either language; a garbled one says so and starts from hello', async ({ page }) => {
  let fig = await open(page, `${EN}?encap=u~n100.3#encap`);
  await expect(fig.locator('.kit-counter')).toHaveText('Step 3 of 4');
  await expect(fig.getByLabel('UDP', { exact: true })).toBeChecked();
  await expect(fig.locator('.enc-text')).toHaveValue('100');
  fig = await open(page, `${ZH}?encap=u~n100.4#encap`);
  await expect(rows(fig).nth(3)).toContainText('帧 146 字节');
  fig = await open(page, `${ZH}?encap=t~n99999.9#encap`);
  await expect(fig.locator('.kit-notice')).toBeVisible();
  await expect(fig.locator('.enc-text')).toHaveValue('hello');
});

test('every step of each example meets the layout rules on a phone, a laptop and a projector in presenter mode', async ({ page }) => {
  test.setTimeout(300_000);
  const found: string[] = [];
  for (const [width, height, present] of [[360, 800, false], [1440, 900, false], [1280, 720, true]] as const) {
    await page.setViewportSize({ width, height });
    for (const lang of ['zh', 'en'] as const) {
      for (const state of ['t~xaGVsbG8', 'u~n26', 'ts~n1448', 't~x5L2g5aW9']) {
        const fig = await open(page, `/${lang}/layers/encapsulation/?encap=${state}.0${present ? '&present=encap' : ''}#encap`);
        if (present) await expect(fig).toHaveAttribute('data-present', '');
        for (let step = 0; step <= 4; step++) {
          if (step) await forward(fig).click();
          await expect(rows(fig)).toHaveCount(step + 1);
          for (const p of await layoutProblems(page, 'figure#encap', { minPx: present ? 18 : 12 })) found.push(`${lang} ${state} ${width} px${present ? ' presenter' : ''} step ${step}: ${p}`);
        }
      }
    }
  }
  expect(found.slice(0, 8)).toEqual([]);
});

test('axe finds nothing, light and dark, at the start and at the end', async ({ page }) => {
  const fig = await open(page, ZH);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const end of [false, true]) {
      await fig.locator(end ? '.kit-player .end' : '.kit-player .restart').dispatchEvent('click');
      const { violations } = await new AxeBuilder({ page }).include('figure#encap').withTags(AXE_TAGS).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  }
});
