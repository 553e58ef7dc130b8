// W13 scheduler simulator in the built chapter 9 (/en/processes/scheduling/): stepping RR with its
// queue, MLFQ's levels and the gaming preset, bad typed input, a state link round-trip, keyboard and
// Chinese narration, the JS-off figure, axe light and dark. One page load per test.
// Run after a build: E2E_PORT=4661 npx playwright test tests/e2e/scheduler.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/processes/scheduling/';
const ZH = '/zh/processes/scheduling/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#scheduler');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const label = (fig: Locator, name: string) => fig.getByLabel(name, { exact: true });
const forward = (fig: Locator) => fig.locator('.kit-player .forward').click();

test('RR q = 2: C queues ahead of the preempted A, the table fills in, the averages at the end', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('t = 0: A arrives. A runs. Queue empty.');
  await forward(fig);
  await forward(fig);
  await expect(live(fig)).toHaveText('t = 2: C arrives. A’s slice is over: it goes to the back of the queue, behind any job that arrived just now. B runs. Queue: C, A.');
  await expect(fig.locator('.sc-queues')).toContainText('on the CPU: B');
  await expect(fig.locator('.sc-queues svg text')).toHaveText(['C', 'A', '…', 'next']);
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toHaveText('t = 9: A finishes. All done. Average turnaround 5, average response 1.');
  await expect(fig.locator('.sc-table tbody tr').last()).toHaveText(/average\s*1\s*5\s*2/);
});

test('MLFQ: a queue row per level, bars named by level; the gaming preset says old rule 4a', async ({ page }) => {
  const fig = await open(page, EN);
  await label(fig, 'Scenario').selectOption('abc-mlfq');
  await expect(fig.locator('.sc-qhead')).toHaveCount(3);
  await expect(fig.locator('.sc-qhead').first()).toHaveText('Level 0 · slice 1 · allotment 1 · on the CPU: A');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.sc-chart svg')).toContainText('L2');
  await label(fig, 'Scenario').selectOption('gaming-old');
  await expect(counter(fig)).toHaveText('Before the first step');
  for (let i = 0; i < 4; i++) await forward(fig);
  await expect(live(fig)).toContainText('A used a whole slice: down to level 1 (old rule 4a).');
  await expect(page).toHaveURL(/scheduler=m\.2\.4-4-4\.4-4-4\.0\.o\.0-12_0-12-3-1\.4/);
});

test('bad input: a slice of 0, a negative arrival, a word, 10,000 jobs: each refused with its reason, the run kept', async ({ page }) => {
  const fig = await open(page, EN);
  const err = fig.locator('.sc-err');
  const jobs = fig.getByRole('textbox', { name: /Jobs, one per line/ });
  await label(fig, 'Time slice q').fill('0');
  await fig.getByRole('button', { name: 'Run these settings' }).click();
  await expect(err).toHaveText('A time slice of 0 is not allowed: it must be 1 to 20 ticks. With a slice of 0 no job could ever run.');
  await expect(label(fig, 'Time slice q')).toHaveAttribute('aria-invalid', 'true');
  await label(fig, 'Time slice q').fill('3');
  await jobs.fill('0 6\n-1 2');
  await fig.getByRole('button', { name: 'Run these settings' }).click();
  await expect(err).toHaveText('Job B (line 2): an arrival time cannot be negative; time starts at 0.');
  await jobs.fill('0 six');
  await fig.getByRole('button', { name: 'Run these settings' }).click();
  await expect(err).toHaveText('Line 1: “six” is not a whole number.');
  // Pasted, not typed: 10,000 lines in one go.
  await jobs.evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), Array.from({ length: 10_000 }, () => '0 1').join('\n'));
  await fig.getByRole('button', { name: 'Run these settings' }).click();
  await expect(err).toHaveText('10,000 jobs is too many: this simulator takes at most 10 (each is a row of the chart).');
  await expect(counter(fig)).toHaveText('Before the first step');
  await jobs.fill('0 3\n0 3');
  await fig.getByRole('button', { name: 'Run these settings' }).click();
  await expect(err).toBeHidden();
  await expect(label(fig, 'Scenario')).toHaveValue('custom');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('All done. Average turnaround 4.50, average response 1.50.');
});

test('a state link opens that step; a garbled one starts from the default and says so', async ({ page }) => {
  let fig = await open(page, `${EN}?scheduler=m.2.4-4-4.4-4-4.0.o.0-12_0-12-3-1.16#scheduler`);
  await expect(counter(fig)).toHaveText('Step 16 of 24');
  await expect(label(fig, 'Scenario')).toHaveValue('gaming-old');
  await expect(label(fig, 'Rule 4')).toHaveValue('old');
  fig = await open(page, `${EN}?scheduler=r.0.1-2-4.1-2-4.0.n.0-6_1-2_2-1.0#scheduler`);
  await expect(fig.locator('.kit-notice')).toContainText('not understood');
  await expect(label(fig, 'Scenario')).toHaveValue('abc-rr');
});

test('keyboard: ← → End with focus on the chart; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.sc-chart').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toHaveText('t = 1：B 到达。 A 继续运行。 队列：B。');
  await page.keyboard.press('End');
  await expect(live(fig)).toContainText('全部完成。平均周转时间 5，平均响应时间 1。');
  await page.keyboard.press('ArrowLeft');
  await expect(counter(fig)).toHaveText('第 8 / 9 步');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: A, B, C under FIFO, RR and MLFQ, with finish times', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#scheduler .widget-static');
    await expect(fig.locator('svg')).toHaveCount(3);
    await expect(fig).toContainText('Finish: B = 4, C = 5 and A = 9.');
    await expect(fig).toContainText('Finish: C = 3, B = 6 and A = 9.');
  });
});

test('axe in light and dark: MLFQ mid-run, with an input error shown', async ({ page }) => {
  test.setTimeout(60_000);
  const fig = await open(page, `${EN}?scheduler=m.2.1-2-4.1-2-4.0.n.0-6_1-2_2-1.3`);
  await label(fig, 'Slice per level').fill('1 x');
  await fig.getByRole('button', { name: 'Run these settings' }).click();
  await expect(fig.locator('.sc-err')).toHaveText('Slice per level: type whole numbers only.');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('figure#scheduler').withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
