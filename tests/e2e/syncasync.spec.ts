// W14 sync/async lab in the built chapter 9 (/en/processes/sync-async-blocking/): stepping the four
// callers, typed timings and a bad one, a state link round-trip, keyboard, JS off, axe light and dark.
// Run after a build: E2E_PORT=4663 npx playwright test tests/e2e/syncasync.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/processes/sync-async-blocking/';
const ZH = '/zh/processes/sync-async-blocking/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#sync-async-lab');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const nowLine = (fig: Locator, cell: string) => fig.locator(`.widget-live .sa-cell[data-cell=${cell}] .sa-now .sa-line`);

test('stepping: blocking callers sit in Blocked, the async one goes on, the poller counts wasted polls', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('Time 0.0 s, before the calls. Step forward.');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('① pool.apply hands the task to a worker and waits inside the call');
  await expect(nowLine(fig, 'apply')).toHaveText('result = pool.apply(task, (i, s))');
  await expect(fig.locator('.widget-live .sa-cell[data-cell=apply] .sa-status')).toContainText('Blocked');
  await expect(fig.locator('.widget-live .sa-cell[data-cell=poll] .sa-status')).toHaveText(/Running.*Wasted polls: 1/);
  await expect(fig.locator('.sa-chart svg')).toContainText('Blocked in the call');
  await fig.locator('.kit-player .forward').click();
  await fig.locator('.kit-player .forward').click();
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('0.5 s: ① the result is back');
  await expect(nowLine(fig, 'async')).toHaveText(["    say(f'callback got: {result}')", "say('main goes on with other work')"]);
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toHaveText('0.6 s: ④ this poll finds the data, 0.1 s after it arrived, after 3 wasted polls.');
  await expect(page).toHaveURL(/sync-async-lab=5\.2\.5/);
});

test('typed timings restart the run; a bad one gets a message and changes nothing', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Result / data ready at (× 0.1 s)').fill('2');
  await fig.getByLabel('Poll every (× 0.1 s)').fill('5');
  await expect(counter(fig)).toHaveText('Before the first step');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.widget-live .sa-cell[data-cell=poll] .sa-wasted')).toHaveText('Wasted polls: 1');
  await expect(live(fig)).toContainText('0.3 s after it arrived');
  const poll = fig.getByLabel('Poll every (× 0.1 s)');
  await poll.fill('0');
  await expect(poll).toHaveAttribute('aria-invalid', 'true');
  await expect(fig.locator('.sa-err:visible')).toHaveText('Type a whole number from 1 to 10; the lab keeps the last good value.');
  await expect(live(fig)).toHaveText('Type a whole number from 1 to 10; the lab keeps the last good value.');
  await expect(counter(fig)).toHaveText('Step 3 of 3');
  await poll.fill('3');
  await expect(poll).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/sync-async-lab=2\.3\.0/);
});

test('a state link opens that step; a garbled one starts from the default and says so', async ({ page }) => {
  let fig = await open(page, `${EN}?sync-async-lab=7.3.2#sync-async-lab`);
  await expect(counter(fig)).toHaveText('Step 2 of 5');
  await expect(fig.getByLabel('Result / data ready at (× 0.1 s)')).toHaveValue('7');
  await expect(fig.getByLabel('Poll every (× 0.1 s)')).toHaveValue('3');
  await expect(live(fig)).toContainText('0.3 s: ④ recv raises BlockingIOError at once (the 2nd wasted poll)');
  fig = await open(page, `${EN}?sync-async-lab=5.0.1#sync-async-lab`);
  await expect(fig.locator('.kit-notice')).toContainText('not understood');
  await expect(counter(fig)).toHaveText('Before the first step');
  await expect(fig.getByLabel('Poll every (× 0.1 s)')).toHaveValue('2');
});

test('keyboard: ← → Home End with focus on the chart; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.sa-chart').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toContainText('0.0 秒：① pool.apply 把任务交给工作进程');
  await page.keyboard.press('End');
  await expect(live(fig)).toHaveText('0.6 秒：④ 这一次问到了数据，比数据到达晚了 0.1 秒，之前白问了 3 次。');
  await page.keyboard.press('ArrowLeft');
  await expect(counter(fig)).toContainText('4');
  await page.keyboard.press('Home');
  await expect(live(fig)).toHaveText('时刻 0.0 秒，调用之前。点“下一步”。');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: the four callers at the end of the default run, with their code', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#sync-async-lab');
    await expect(fig.locator('.widget-static svg')).toHaveCount(1);
    await expect(fig.locator('.widget-static .sa-cell')).toHaveCount(4);
    await expect(fig.locator('.widget-static')).toContainText('after 3 wasted polls');
  });
});

test('axe, light then dark, with a bad timing showing its message', async ({ page }) => {
  test.setTimeout(90_000);
  const fig = await open(page, `${ZH}?sync-async-lab=5.2.4`);
  await fig.getByRole('spinbutton').first().fill('0');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('figure#sync-async-lab').withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
