// W16 isolation vs sharing in the built chapters: chapter 10's lab (/en/multiprocessing/daemon/,
// #isolation-lab, narrates the process) and chapter 12's (/zh/threads/, #sharing, the thread):
// stepping and narration, the start method and a bad n, Chinese words, a state link round trip and
// a garbled one, axe light and dark, and the layout of every step at 360/1440 px and presenter.
// Real python3 runs of every start method are in vitest (tests/unit/isolation.model.test.ts).
// Run after a build: E2E_PORT=4665 npx playwright test tests/e2e/isolation.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/multiprocessing/daemon/';
const ZH12 = '/zh/threads/';

async function open(page: Page, url: string, id: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator(`figure#${id}`);
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const pic = (fig: Locator) => fig.locator('.iso-pic svg');
async function axe(page: Page, id: string) {
  const { violations } = await new AxeBuilder({ page }).include(`figure#${id}`).withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a process: the child writes its own n, the parent prints 100; spawn starts the child at 100; a bad n is refused', async ({ page }) => {
  const fig = await open(page, EN, 'isolation-lab');
  await expect(live(fig)).toContainText('its global n is 100');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText("with fork the child is a copy of the parent as it is now, so the child's n starts at 100");
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText("the parent's n is still 100");
  await expect(pic(fig)).toContainText('n = 0');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toHaveText('The parent prints 100: its own n, which the child never touched.');
  await expect(pic(fig)).toContainText('print(n) → 100');
  await expect(pic(fig)).toContainText('print(n) → 0');
  await fig.getByLabel('Start method').selectOption('spawn');
  await fig.getByLabel('n before start()').fill('7');
  await fig.getByLabel('n before start()').press('Enter');
  await expect(counter(fig)).toHaveText('Before the first step');
  await fig.locator('.iso-pic').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toContainText("so the child's n starts at 100");
  await expect(page).toHaveURL(/isolation-lab=p\.spawn\.7\.1/);
  await fig.getByLabel('n before start()').fill('1.5');
  await fig.getByLabel('n before start()').press('Enter');
  await expect(fig.locator('.kit-error')).toHaveText('n must be a whole number from −1000000 to 1000000. The run is unchanged.');
  await expect(counter(fig)).toHaveText('Step 1 of 4');
  await axe(page, 'isolation-lab');
});

test('chapter 12 in Chinese: the thread is narrated; the main thread prints 0', async ({ page }) => {
  const fig = await open(page, ZH12, 'sharing');
  await expect(fig.getByLabel('讲解')).toHaveValue('thread');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('子线程在同一个进程里运行');
  await expect(pic(fig)).toContainText('子线程');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toHaveText('主线程打印 0：子线程改的正是它们共用的那个 n。');
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('a state link opens that step; a garbled one starts from the default and says so; axe dark', async ({ page }) => {
    let fig = await open(page, `${EN}?isolation-lab=t.forkserver.42.2#isolation-lab`, 'isolation-lab');
    await expect(counter(fig)).toHaveText('Step 2 of 4');
    await expect(fig.getByLabel('Start method')).toHaveValue('forkserver');
    await expect(fig.getByLabel('n before start()')).toHaveValue('42');
    await expect(pic(fig)).toContainText('n = 42');
    fig = await open(page, `${EN}?isolation-lab=p.vfork.1.9#isolation-lab`, 'isolation-lab');
    await expect(fig.locator('.kit-notice')).toContainText('not understood');
    await expect(counter(fig)).toHaveText('Before the first step');
    await axe(page, 'isolation-lab');
  });
});

test('layout: every step of spawn and of fork at 360 and 1440 px, then presenter at 1280×720', async ({ page }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  await page.setViewportSize({ width: 360, height: 900 });
  const fig = await open(page, `${EN}?isolation-lab=p.spawn.7.0#isolation-lab`, 'isolation-lab');
  const walk = async (tag: string, minPx: number) => {
    await fig.locator('.iso-pic').focus();
    await page.keyboard.press('Home');
    for (let step = 0; step <= 4; step++) {
      if (step > 0) await fig.locator('.kit-player .forward').click();
      await expect(counter(fig)).toHaveText(step === 0 ? 'Before the first step' : `Step ${step} of 4`);
      for (const p of await layoutProblems(page, 'figure#isolation-lab', { minPx })) found.push(`${tag}, step ${step}: ${p}`);
    }
  };
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await walk(`${width} px`, 12);
  }
  await fig.getByLabel('Start method').selectOption('fork');
  await walk('fork, 1440 px', 12);
  await page.setViewportSize({ width: 1280, height: 720 });
  await fig.locator('.kit-player .present').click();
  await expect(fig).toHaveAttribute('data-present', '');
  await walk('presenter', 18);
  expect(found).toEqual([]);
});
