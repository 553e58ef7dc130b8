// W15 lifecycle lab in the built chapter 10, on its page /en/multiprocessing/process-api/ (the lab
// pushed the chapter's first page over 20 KB critical; the chapter now also splits at the h2 "The
// Process object's methods"): terminate then is_alive then join (−15), the reader's own calls and their errors, the platform/version picker and the
// unguarded script, a state link (good, garbled), keyboard and Chinese narration, the JS-off figure,
// axe light and dark. Real multiprocessing runs are in vitest (tests/unit/lifecycle-model.test.ts).
// Run after a build: E2E_PORT=4664 npx playwright test tests/e2e/lifecycle.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/multiprocessing/process-api/';
const ZH = '/zh/multiprocessing/process-api/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#lifecycle');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const label = (fig: Locator, name: string) => fig.getByLabel(name, { exact: true });
const call = (fig: Locator, name: string) => fig.getByRole('group', { name: 'Calls' }).getByRole('button', { name, exact: true }).click();
async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('figure#lifecycle').withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('terminate: is_alive() right after it says True (a race); join() gives exitcode -15', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toContainText('is_alive() is False and exitcode is None');
  for (let i = 0; i < 4; i++) await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('p.is_alive() returns True: the signal is sent but the child is not dead yet');
  await expect(fig.locator('.lc-lanes svg')).toContainText('SIGTERM');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toHaveText('p.join() waits 0.1 s until the child ends: exitcode -15.');
  await expect(fig.locator('.lc-facts')).toContainText('exitcode = -15');
  await expect(page).toHaveURL(/lifecycle=l\.3-12\.g\.6\.swtaja\.5/);
});

test('the reader’s calls: join before start, daemon after start, a daemon child ended with main', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByRole('button', { name: 'Start again' }).click();
  await call(fig, 'p.join()');
  await expect(live(fig)).toHaveText('p.join() before start(): AssertionError: can only join a started process.');
  await call(fig, 'p.start()');
  await call(fig, 'p.daemon = True');
  await expect(live(fig)).toContainText('AssertionError: process has already started');
  await label(fig, 'Scenario').selectOption('daemon');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('terminates the daemon child (exitcode −15)');
  await expect(fig.locator('.lc-lanes svg')).toContainText('exit handler: terminate() (daemon)');
});

test('the picker: Windows and macOS spawn, Linux 3.14 forkserver; the unguarded script under each', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(fig.locator('.lc-method')).toHaveText('Default start method: fork (Linux up to 3.13).');
  await label(fig, 'Script').selectOption('u');
  await expect(fig.locator('.lc-note')).toContainText('fork re-imports nothing');
  await label(fig, 'Platform').selectOption('windows');
  await expect(fig.locator('.lc-method')).toHaveText('Default start method: spawn (Windows has only spawn).');
  await expect(fig.locator('.lc-note')).toContainText('raises RuntimeError and exits with code 1');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.lc-facts')).toContainText('exitcode = 1'); // the child's RuntimeError; terminate() came too late
  await label(fig, 'Platform').selectOption('linux');
  await label(fig, 'Python').selectOption('3.14.1');
  await expect(fig.locator('.lc-method')).toHaveText('Default start method: forkserver (Linux since 3.14).');
  await fig.getByRole('button', { name: 'Start again' }).click();
  await call(fig, 'p.start()');
  await expect(live(fig)).toHaveText('p.start() raises EOFError: unexpected EOF. The fork server died importing the unguarded script.');
  await label(fig, 'Platform').selectOption('macos');
  await label(fig, 'Python').selectOption('3.7');
  await expect(fig.locator('.lc-method')).toHaveText('Default start method: fork (macOS before 3.8).');
});

test('a link opens that step (Windows, kill: -15 there); axe light', async ({ page }) => {
  const fig = await open(page, `${EN}?lifecycle=w.3-12.g.6.skj.3#lifecycle`);
  await expect(counter(fig)).toHaveText('Step 3 of 3');
  await expect(fig.locator('.lc-facts')).toContainText('exitcode = -15');
  await expect(fig.locator('.lc-lanes svg')).toContainText('TerminateProcess');
  await axe(page);
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('a garbled link starts from the default and says so; axe dark', async ({ page }) => {
    const fig = await open(page, `${EN}?lifecycle=l.2-7.g.3.${'s'.repeat(50)}.0#lifecycle`);
    await expect(fig.locator('.kit-notice')).toContainText('not understood');
    await expect(counter(fig)).toHaveText('Before the first step');
    await axe(page);
  });
});

test('keyboard: → with focus on the picture; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.lc-lanes').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toHaveText('p.start()：子进程开始执行目标函数，父进程马上接着往下走。');
  await page.keyboard.press('End');
  await expect(live(fig)).toHaveText('p.is_alive() 返回 False。');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: the default run on the lanes, every step in words', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#lifecycle .widget-static');
    await expect(fig.locator('svg')).toHaveCount(1);
    await expect(fig.locator('li')).toHaveCount(6);
    await expect(fig).toContainText('exitcode -15');
  });
});
