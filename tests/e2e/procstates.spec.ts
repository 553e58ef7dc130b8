// W12 process-state lab in the built chapter 9 (/en/processes/process-states/): an example played
// move by move, an edge taken on the picture itself, the illegal moves refused with the reason (in
// the reader's language), one process per core, the state link round trip and a garbled link,
// keyboard, the JavaScript-off figure, axe light and dark.
// Run after a build: E2E_PORT=4662 npx playwright test tests/e2e/procstates.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/processes/process-states/';
const ZH = '/zh/processes/process-states/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#state-lab');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  await expect(fig.locator('.ps-diagram svg')).toBeVisible();
  return fig;
}
const live = (fig: Locator) => fig.locator('.widget-live .kit-live');
const proc = (fig: Locator, i: number) => fig.locator(`.ps-procs [data-p="${i}"]`);
const ev = (fig: Locator, e: string) => fig.locator(`.ps-events [data-e="${e}"]`);

test('the recv example, move by move: blocked while P2 runs, back to Ready (not Running) when the data comes', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Example').selectOption('recv');
  await expect(live(fig)).toContainText('setup is done');
  const next = fig.locator('.ps-next');
  await next.click();
  await expect(live(fig)).toHaveText(/^P1: Running → Blocked\. It calls recv\(\) and no data has come/);
  await expect(proc(fig, 0)).toHaveText('P1 · Blocked in recv()');
  await next.click();
  await expect(live(fig)).toContainText('P2: Ready → Running');
  await next.click();
  await expect(live(fig)).toContainText('P1: Blocked → Ready. Data arrives for its recv(): it is Ready again, not Running');
  await next.click();
  await expect(live(fig)).toContainText('timer interrupt ends its time slice');
  await expect(fig.locator('.ps-chart svg')).toContainText('recv');
  await expect(page).toHaveURL(/[?&]state-lab=1\.2\.1a2a1d1r2d1w2t\.r4(&|#|$)/);
});

test('an edge on the picture is a button; legal moves of a fresh process, one after another', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('Three processes, all New, and one core. Pick a process and move it along an edge.');
  await fig.locator('.ps-diagram .kit-next[data-e="admit"]').click();
  await expect(fig.locator('.ps-procs [data-p="0"]')).toHaveText('P1 · Ready (in the queue)');
  await expect(live(fig)).toContainText('P1: New → Ready.');
  await fig.locator('.ps-diagram .kit-next[data-e="dispatch"]').click();
  await expect(live(fig)).toContainText('P1: Ready → Running.');
  await expect(fig.locator('.ps-diagram .kit-next')).toHaveCount(7);
  await fig.locator('.ps-diagram .kit-next[data-e="exit"]').click();
  await expect(live(fig)).toContainText('zombie, Z in /proc');
  await ev(fig, 'dispatch').click();
  await expect(live(fig)).toHaveText(/^Refused: P1 is Terminated, and Terminated → Running is not an edge\. Terminated is the end/);
  await fig.locator('.ps-undo').click();
  await expect(proc(fig, 0)).toHaveText('P1 · Running');
});

test('illegal moves are refused with the reason: Blocked → Running, New → Running, a busy core (zh too)', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Example').selectOption('blocked-running');
  await fig.locator('.ps-next').click();
  await expect(live(fig)).toContainText('Refused: P1 is Blocked, and Blocked → Running is not an edge. When what it waits for happens, it goes to Ready');
  await expect(fig.locator('.ps-said')).toHaveClass(/ps-no/);
  await expect(proc(fig, 0)).toHaveText('P1 · Blocked in recv()');
  await fig.getByLabel('Example').selectOption('new-running');
  await fig.locator('.ps-next').click();
  await expect(live(fig)).toContainText('Refused: P3 is New, and New → Running is not an edge. A new process is admitted to Ready first');
  const zh = await open(page, `${ZH}?state-lab=1.2.1a2a1d#state-lab`);
  await ev(zh, 'dispatch').click();
  await expect(live(zh)).toHaveText(/^不行：就绪 → 运行是合法的边，但 CPU 正忙：P1 在上面运行。/);
});

test('two cores: two running, a third refused until the timer frees a core; the link keeps states and history', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Cores').selectOption('2');
  for (const p of [0, 1, 2]) {
    await proc(fig, p).click();
    await ev(fig, 'admit').click();
  }
  for (const p of [0, 1, 2]) {
    await proc(fig, p).click();
    await ev(fig, 'dispatch').click();
  }
  await expect(live(fig)).toContainText('both cores are busy: P1 and P2 run on them');
  await proc(fig, 0).click();
  await ev(fig, 'timeout').click();
  await proc(fig, 2).click();
  await ev(fig, 'dispatch').click();
  await expect(proc(fig, 2)).toHaveText('P3 · Running on core 1');
  await expect(page).toHaveURL(/state-lab=2\.3\.1a2a3a1d2d1t3d/);
  const again = await open(page, page.url());
  await expect(proc(again, 0)).toHaveText('P1 · Ready (in the queue)');
  await expect(proc(again, 1)).toHaveText('P2 · Running on core 2');
  await expect(proc(again, 2)).toHaveAttribute('aria-pressed', 'true');
  for (const bad of ['zz', '1.1.1d']) {
    const b = await open(page, `${EN}?state-lab=${bad}#state-lab`);
    await expect(b.locator('.kit-notice')).toContainText('not understood');
    await expect(proc(b, 0)).toHaveText('P1 · New (being created)');
  }
});

test('keyboard: the event buttons and the process buttons are reachable; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await ev(fig, 'admit').focus();
  await page.keyboard.press('Enter');
  await expect(live(fig)).toContainText('P1：新建 → 就绪。');
  await page.keyboard.press('Tab');
  await expect(ev(fig, 'dispatch')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(live(fig)).toContainText('调度程序选中了它：它在 CPU 上运行。');
  await proc(fig, 1).focus();
  await page.keyboard.press('Space');
  await expect(proc(fig, 1)).toHaveAttribute('aria-pressed', 'true');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: the diagram around Running and the recv example, move by move', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#state-lab .widget-static');
    await expect(fig.locator('svg')).toHaveCount(2);
    await expect(fig).toContainText('calls recv(), no data yet');
    await expect(fig.locator('li')).toHaveCount(6);
  });
});

for (const scheme of ['light', 'dark'] as const)
  test(`axe, ${scheme}: a refusal (zh), and a bad link (en)`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [`${ZH}?state-lab=1.1.1a2a1d1r2d.b0#state-lab`, `${EN}?state-lab=x`]) {
      const fig = await open(page, url);
      if (url.includes('.b0')) await fig.locator('.ps-next').click();
      const { violations } = await new AxeBuilder({ page }).include('figure#state-lab').withTags(AXE_TAGS).analyze();
      expect(violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
