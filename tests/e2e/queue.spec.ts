// W18 queue lab in the built chapter 13 (/en/queues/): the producer blocked on a full queue and woken,
// the presets' endings, the reader's own calls (Full, Empty, blocked), state links (good, garbled),
// bad typed input, keyboard and Chinese narration, the JS-off figure, axe light and dark.
// Run after a build: E2E_PORT=4664 npx playwright test tests/e2e/queue.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/queues/';
const ZH = '/zh/queues/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#queue');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const label = (fig: Locator, name: string) => fig.getByLabel(name, { exact: true });
const forward = (fig: Locator) => fig.locator('.kit-player .forward').click();
async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('figure#queue').withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a slow consumer: the producer blocks in put() on a full Queue(2), and wakes when a get frees a slot', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('Tick 0: the producers start making, and the consumer calls get().');
  for (let i = 0; i < 6; i++) await forward(fig);
  await expect(live(fig)).toHaveText('Tick 5: p0 calls put(p0-4), but the queue is full: p0 is blocked until a get frees a slot.');
  await expect(fig.locator('.q-slots svg')).toContainText('p0 blocked: put(p0-4), queue full');
  await expect(fig.locator('.q-chart svg')).toContainText('blocked: put(p0-4)');
  await expect(fig.locator('.q-snap')).toContainText('full() → True empty() → False qsize() → 2');
  await expect(fig.locator('.q-badge')).toContainText('snapshots');
  await forward(fig);
  await expect(live(fig)).toContainText('p0 wakes up: put(p0-4) goes in, a slot is free.');
  await expect(page).toHaveURL(/queue=r\.2\.f\.1\.1\.5\.1\.3\.s\.7/);
});

test('endings: a LifoQueue with sentinels leaves an item behind; JoinableQueue ends with its daemon consumers terminated', async ({ page }) => {
  const fig = await open(page, EN);
  await label(fig, 'Scenario').selectOption('lifo-sentinels');
  await expect(counter(fig)).toHaveText('Before the first step');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('Left in the queue, never eaten: p0-2.');
  await label(fig, 'Scenario').selectOption('joinable');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('daemon consumers c0 and c1 are terminated');
  await expect(fig.locator('.q-unfinished')).toHaveText('unfinished tasks (for q.join()): 0');
  await expect(fig.locator('.q-chart svg')).toContainText('terminated (daemon)');
});

test('by hand: put_nowait on a full queue raises Full, get_nowait on an empty one raises Empty, a blocking call would wait forever', async ({ page }) => {
  const fig = await open(page, EN);
  await label(fig, 'Mode').selectOption('hand');
  await expect(live(fig)).toHaveText('An empty queue, one thread. Press an operation.');
  const ops = fig.getByRole('group', { name: 'Operations' });
  await ops.getByRole('button', { name: 'put(1)', exact: true }).click();
  await ops.getByRole('button', { name: 'put(2)', exact: true }).click();
  await ops.getByRole('button', { name: 'put_nowait(3)' }).click();
  await expect(live(fig)).toHaveText('put_nowait(3) raises queue.Full at once: the queue is full.');
  await ops.getByRole('button', { name: 'put(4)', exact: true }).click();
  await expect(fig.locator('.q-slots svg')).toContainText('put(4) waits forever: full');
  for (let i = 0; i < 2; i++) await ops.getByRole('button', { name: 'get()', exact: true }).click();
  await ops.getByRole('button', { name: 'get_nowait()' }).click();
  await expect(live(fig)).toHaveText('get_nowait() raises queue.Empty at once: the queue is empty.');
  await expect(fig.locator('.q-log li')).toHaveCount(7);
  await expect(fig.locator('.q-log li').nth(4)).toHaveText('get() returns 1.');
  await expect(page).toHaveURL(/queue=h\.2\.f\.PPpPGGg\.7/);
});

test('a hand-run link opens at its step (LifoQueue, unbounded); axe light', async ({ page }) => {
  const fig = await open(page, `${EN}?queue=h.-1.l.PPPG.4#queue`);
  await expect(counter(fig)).toHaveText('Step 4 of 4');
  await expect(live(fig)).toHaveText('get() returns 3.');
  await expect(label(fig, 'maxsize')).toHaveValue('-1');
  await expect(fig.locator('.q-note')).toContainText('unbounded, as in Python');
  await axe(page);
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('a garbled link (here 1000 operations, over the 40 a hand run holds) starts from the default and says so; axe dark', async ({ page }) => {
    const fig = await open(page, `${EN}?queue=h.2.f.${'P'.repeat(1000)}.0#queue`);
    await expect(fig.locator('.kit-notice')).toContainText('not understood');
    await expect(counter(fig)).toHaveText('Before the first step');
    await expect(label(fig, 'Scenario')).toHaveValue('slow-consumer');
    await axe(page);
  });
});

test('bad typed input: a rate of 0 is refused with a message; maxsize −1 is unbounded', async ({ page }) => {
  const fig = await open(page, EN);
  const make = label(fig, 'Ticks to make one');
  await make.fill('0');
  await make.dispatchEvent('change');
  await expect(fig.locator('.q-error')).toHaveText('Ticks to make one: a whole number from 1 to 5 (0 would mean infinitely fast).');
  await expect(make).toHaveAttribute('aria-invalid', 'true');
  await make.fill('2');
  await make.dispatchEvent('change');
  await expect(fig.locator('.q-error')).toBeEmpty();
  const max = label(fig, 'maxsize');
  await max.fill('-1');
  await max.dispatchEvent('change');
  await expect(fig.locator('.q-note')).toBeVisible();
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.q-chart svg')).not.toContainText('put waits');
  await expect(page).toHaveURL(/queue=r\.-1\.f\.1\.1\.5\.2\.3\.s\.\d+/);
});

test('keyboard: → and End with focus on the picture; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.q-slots').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toHaveText('第 0 格：c0 对空队列调用 get()：阻塞，直到有数据放进来。');
  await page.keyboard.press('End');
  await expect(live(fig)).toContainText('c0 拿到 None，也就是哨兵。');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: the producer waits on a full queue, the consumer on an empty one', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#queue .widget-static');
    await expect(fig.locator('svg')).toHaveCount(3);
    await expect(fig).toContainText('p0 blocked: put(p0-4), queue full');
    await expect(fig).toContainText('c0 blocked: get(), queue empty');
  });
});
