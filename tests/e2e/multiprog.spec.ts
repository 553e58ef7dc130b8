// W11 multiprogramming in the built chapter 8 (/en/os-history/io-vs-cpu-bound/, the page with the
// worked example): the figure's run stepped (switches, idle, 102 ms at 78.4 %), uniprogramming's
// 160 ms at 50 %, slice expiry named as Running → Ready, bad input named in the reader's language,
// the state link round trip and a garbled link, keyboard, the JavaScript-off figure, axe light and dark.
// Run after a build: E2E_PORT=4662 npx playwright test tests/e2e/multiprog.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/os-history/io-vs-cpu-bound/';
const ZH = '/zh/os-history/io-vs-cpu-bound/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#multiprog-lab');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  await expect(fig.locator('.mp-chart svg')).toBeVisible();
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');

test('the figure’s two jobs, switching on I/O: each step narrated, 102 ms at 78.4 %', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('0 ms: 2 jobs wait in the ready queue, in order; A gets the CPU and runs.');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('20 ms: A makes a blocking I/O call: Running → Blocked');
  await expect(fig.locator('.mp-chart svg')).toContainText('switching to B');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('All done at 102 ms. The CPU ran jobs for 80 ms: utilization 80/102 = 78.4%. Switches: 3.');
  await expect(fig.locator('.mp-finish li')).toHaveText(['A: done at 81 ms', 'B: done at 102 ms']);
});

test('uniprogramming 160 ms at 50 %; slice expiry is the timer interrupt, Running → Ready', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Mode', { exact: true }).selectOption('uni');
  await expect(counter(fig)).toHaveText('Before the first step');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.mp-total')).toHaveText('All done at 160 ms. The CPU ran jobs for 80 ms: utilization 80/160 = 50%. Switches: 0.');
  await fig.getByLabel('Mode', { exact: true }).selectOption('slice');
  await fig.getByLabel('Slice (ms)').fill('10');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('10 ms: A’s slice expires: the timer interrupt preempts it, Running → Ready');
  await expect(page).toHaveURL(/multiprog-lab=s\.1\.10\.20-40-20_20-40-20\.1/);
});

test('bad input is named, the chart keeps the last valid run', async ({ page }) => {
  const fig = await open(page, EN);
  const err = fig.locator('.kit-error');
  const jobs = fig.getByLabel(/^Jobs:/);
  for (const [text, said] of [
    ['20 -5 20', 'Job A: a burst lasts at least 1 ms (-5 given).'],
    ['20 40 20; 20 x', 'Job B: “x” is not a number.'],
    ['1;'.repeat(10_000), 'At most 6 jobs'],
  ] as const) {
    await jobs.fill(text);
    await expect(err).toContainText(said);
    await expect(jobs).toHaveAttribute('aria-invalid', 'true');
  }
  await jobs.fill('20 40 20; 20 40 20');
  await fig.getByLabel('Mode', { exact: true }).selectOption('both');
  await fig.getByLabel('Slice (ms)').fill('0');
  await expect(err).toContainText('The slice must be a whole number from 1 to 500 ms (0 given)');
  await fig.getByLabel('Switch cost (ms)').fill('-1');
  await expect(err).toContainText('The switch cost must be a whole number from 0 to 50 ms (-1 given)');
  await expect(fig.locator('.mp-chart svg')).toBeVisible();
});

test('a state link opens that step; a garbled one starts from the default and says so (zh)', async ({ page }) => {
  let fig = await open(page, `${EN}?multiprog-lab=i.10.10.20-40-20_20-40-20.8#multiprog-lab`);
  await expect(fig.locator('.mp-total')).toContainText('All done at 120 ms');
  await expect(fig.getByLabel('Switch cost (ms)')).toHaveValue('10');
  fig = await open(page, `${ZH}?multiprog-lab=i.1.0.20.0#multiprog-lab`);
  await expect(fig.locator('.kit-notice')).toContainText('链接');
  await expect(live(fig)).toHaveText('0 毫秒：2 个作业按顺序排在就绪队列里；A 得到 CPU，开始运行。');
});

test('keyboard: ← → step with focus on the chart; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.mp-chart').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toContainText('20 毫秒：A 发出阻塞的 I/O 调用：运行 → 阻塞，让出 CPU');
  await page.keyboard.press('End');
  await expect(fig.locator('.mp-total')).toContainText('利用率 80/102 = 78.4%');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: uniprogramming and multiprogramming, each run whole with its numbers', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#multiprog-lab .widget-static');
    await expect(fig.locator('svg')).toHaveCount(2);
    await expect(fig).toContainText('utilization 80/160 = 50%');
    await expect(fig).toContainText('utilization 80/102 = 78.4%');
  });
});

for (const scheme of ['light', 'dark'] as const)
  test(`axe, ${scheme}: mid-run (zh), and bad input (en)`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    let fig = await open(page, `${ZH}?multiprog-lab=b.1.10.20-40-20_20-40-20.4#multiprog-lab`);
    let r = await new AxeBuilder({ page }).include('figure#multiprog-lab').withTags(AXE_TAGS).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    fig = await open(page, EN);
    await fig.getByLabel(/^Jobs:/).fill('20 0');
    r = await new AxeBuilder({ page }).include('figure#multiprog-lab').withTags(AXE_TAGS).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
