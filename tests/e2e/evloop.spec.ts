// The event loop (chapter 14) in the built site, on its own page until the chapter shows it
// (chapter 14, /en/io-models/selectors/): stepping with the narration in the live region, presets, a typed bad value,
// a state link round-trip and a garbled one, keyboard, the JS-off figure, axe light and dark.
// Run after a build: E2E_PORT=4712 npx playwright test tests/e2e/evloop.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/io-models/selectors/';
const ZH = '/zh/io-models/selectors/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#evloop');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const label = (fig: Locator, name: string) => fig.getByLabel(name, { exact: true });

test('time.sleep: step by step the loop is stuck in C1 and the other clients wait; the narration says so', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toContainText('Tick 0. start_server accepted three connections');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toHaveText('Tick 0: the loop calls select(). C1 readable: its task goes to the ready queue.');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('It calls time.sleep(5): the thread, and so the loop, is stuck for 5 ticks. C2 and C3 sent meanwhile');
  await expect(fig.locator('.kit-stage svg').first()).toContainText('time.sleep(5)');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('All done at tick 11. Waited: C1 6 ticks, C2 6 ticks, C3 6 ticks.');
  await expect(fig.locator('.ev-table td').nth(3)).toHaveText('6');
});

test('asyncio.sleep: the others are served while C1 sleeps on a timer', async ({ page }) => {
  const fig = await open(page, EN);
  await label(fig, 'Scenario').selectOption('asyncio-sleep');
  await expect(counter(fig)).toHaveText('Before the first step');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('Waited: C1 7 ticks, C2 1 tick, C3 2 ticks.');
  await expect(page).toHaveURL(/evloop=a\.1\.5\.0-1-2\.1\.13/);
});

test('a bad typed value gets a message in the reader language, and the run is kept', async ({ page }) => {
  const fig = await open(page, EN);
  const d = label(fig, 'd (ticks)');
  await d.fill('-3');
  await d.dispatchEvent('change');
  await expect(fig.locator('.ev-error')).toHaveText('d (ticks): must be at least 1.');
  await expect(d).toHaveAttribute('aria-invalid', 'true');
  await d.fill('1e9');
  await d.dispatchEvent('change');
  await expect(fig.locator('.ev-error')).toHaveText('d (ticks): at most 40.');
  await d.fill('8');
  await d.dispatchEvent('change');
  await expect(fig.locator('.ev-error')).toBeHidden();
  await expect(label(fig, 'Scenario')).toHaveValue('custom');
  const zh = await open(page, ZH);
  const a = label(zh, 'C2 在第几拍发送');
  await a.fill('2.5');
  await a.dispatchEvent('change');
  await expect(zh.locator('.ev-error')).toHaveText('C2 在第几拍发送：只能是整拍数。');
});

test('a state link opens that step; a garbled one starts from the default and says so', async ({ page }) => {
  let fig = await open(page, `${EN}?evloop=a.2.7.0-1-3.2.4#evloop`);
  await expect(counter(fig)).toHaveText(/^Step 4 of \d+$/);
  await expect(label(fig, 'Slow handler of')).toHaveValue('1');
  await expect(label(fig, 'd (ticks)')).toHaveValue('7');
  await expect(label(fig, 'Lines per client')).toHaveValue('2');
  for (const bad of ['zz', 't.1.99.0-1-2.1.0', 't.1.5.0-1-2.1.999']) {
    fig = await open(page, `${EN}?evloop=${bad}#evloop`);
    await expect(fig.locator('.kit-notice')).toContainText('not understood');
    await expect(counter(fig)).toHaveText('Before the first step');
  }
});

test('keyboard: ← → step with focus on the stage; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.kit-stage .kit-pic').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toHaveText('第 0 拍：循环调用 select()。C1 可读：对应的任务进入就绪队列。');
  await page.keyboard.press('End');
  await expect(live(fig)).toContainText('第 11 拍全部结束');
  await page.keyboard.press('Home');
  await expect(counter(fig)).toHaveText('开始前');
});

test('DOM order: the notice, one stage with every picture, the player, then the settings and the table', async ({ page }) => {
  const fig = await open(page, `${EN}?evloop=x`);
  const order = await fig.locator('.widget-body').evaluate((b) => [...b.children].map((c) => c.className.split(' ')[0]));
  expect(order).toEqual(['kit-notice', 'kit-stage', 'ev-player', 'ev-form', 'kit-error', 'ev-table']);
  expect(await fig.locator('.widget-body svg.kit-svg').count()).toBe(await fig.locator('.kit-stage svg.kit-svg').count());
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: each scenario’s timeline and its waits', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#evloop .widget-static');
    await expect(fig.locator('svg')).toHaveCount(5);
    await expect(fig).toContainText('Waited: C1 6 ticks, C2 6 ticks, C3 6 ticks.');
    await expect(fig).toContainText('Waited: C1 7 ticks, C2 1 tick, C3 2 ticks.');
  });
});

for (const scheme of ['light', 'dark'] as const)
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const [where, url] of [['default', EN], ['time.sleep blocking (zh)', `${ZH}?evloop=t.1.5.0-1-2.1.2`], ['bad link', `${EN}?evloop=x`]] as const)
      test(where, async ({ page }) => {
        test.setTimeout(60_000);
        await open(page, url);
        const { violations } = await new AxeBuilder({ page }).include('figure#evloop').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });
