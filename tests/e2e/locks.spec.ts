// "Be the scheduler" (W17) in the built chapter 11 (/zh/locks/, /en/locks/): the ticket grab and
// count += 1, driven by keyboard and mouse in a real Chromium.
// Run after `npm run build`: E2E_PORT=4488 npx playwright test tests/e2e/locks.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/locks/';
const ZH = '/zh/locks/';

/** The chapter is read in pages: the ticket grab is on its first, the counter on a later one. */
const pageOf = (url: string, id: string) => (id === 'counter' ? url.replace('/locks/', '/locks/count-plus-one/') : url);

/** Opens the widget's page and waits until its live view has replaced its static run. */
async function open(page: Page, url: string, id = 'locks'): Promise<Locator> {
  await page.goto(pageOf(url, id));
  const fig = page.locator(`figure#${id}`);
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}

/** Presses Tab (from wherever focus is) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function keys(page: Page, ...list: string[]): Promise<void> {
  for (const k of list) await page.keyboard.press(k);
}

const run = (fig: Locator, name: string) => fig.locator('.lk-run', { hasText: name });
const live = (fig: Locator) => fig.locator('.kit-live');
const outcome = (fig: Locator) => fig.locator('.lk-outcome');
const row = (fig: Locator, name: string) => fig.locator('.lk-actors tbody tr', { has: fig.page().locator(`th:text-is("${name}")`) });

test.describe('the ticket grab', () => {
  test('keyboard alone: digits play the worst schedule, and 3 buyers win 1 ticket', async ({ page }) => {
    const fig = await open(page, EN);
    await tabTo(page, '#locks .lk-run');
    await keys(page, '1', '2', '3');
    // Every buyer has read 1 and every buyer is about to write: three ▶ on the same line.
    await expect(fig.locator('.lk-prog tr:has(code:text-is("            json.dump(data, f)")) [aria-current="step"]')).toHaveCount(3);
    await expect(live(fig)).toHaveText('P3 read 1');
    await keys(page, '1', '2', '3');
    await expect(outcome(fig)).toHaveText('Done: 3 buyers believe they got a ticket (P1, P2, P3), but only 1 ticket existed: oversold by 2!');
    await expect(outcome(fig)).toHaveAttribute('data-kind', 'bad');
    await expect(live(fig)).toContainText('P3 write 0 (believes success)');
    await expect(fig.locator('.lk-world')).toContainText('{"ticket_num": 0}');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 6 of 6');
    // Finished buyers cannot run, and say so; focus stayed in the widget.
    await expect(run(fig, 'Run P1')).toBeDisabled();
    await expect(run(fig, 'Run P1')).toContainText('finished');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#locks')))).toBe(true);
    await expect(page).toHaveURL(/locks=1\.3\.N\.123123/);
  });

  test('the same with the model words in Chinese', async ({ page }) => {
    const fig = await open(page, ZH);
    await tabTo(page, '#locks .lk-run');
    await keys(page, '1');
    await expect(live(fig)).toHaveText('P1 读到 1');
    await keys(page, '2', '3', '1', '2', '3');
    await expect(outcome(fig)).toContainText('超卖 2 张');
  });

  test('digits typed into a number input stay in the input', async ({ page }) => {
    const fig = await open(page, EN);
    const buyers = fig.getByLabel('Buyers');
    await buyers.focus();
    await buyers.press('2');
    await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  });

  test('with the lock, a blocked buyer cannot run, says why, and only 1 buyer wins', async ({ page }) => {
    const fig = await open(page, EN);
    await tabTo(page, '#locks input[type=checkbox]');
    await page.keyboard.press('Space');
    await expect(fig.locator('.lk-world')).toContainText('Lock: free');
    await tabTo(page, '#locks .lk-run');
    await keys(page, '1');
    await expect(fig.locator('.lk-world')).toContainText('Lock: held by P1');
    for (const p of ['P2', 'P3']) {
      await expect(run(fig, `Run ${p}`)).toBeDisabled();
      await expect(run(fig, `Run ${p}`)).toHaveAccessibleName(`Run ${p} waiting: P1 holds the lock`);
      await expect(row(fig, p)).toContainText('waiting for the lock');
    }
    // The blocked line is marked with ■ (not only by colour) and aria-current.
    await expect(fig.locator('.lk-mark[aria-current="step"]', { hasText: '■' })).toHaveCount(2);
    await keys(page, '2');
    await expect(live(fig)).toHaveText('P2 cannot run now: waiting: P1 holds the lock');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 1');
    // aria-disabled: focusable, clicking only explains. The click goes to the button itself, not to
    // the point where it was drawn: the explanation just shown can move it.
    await run(fig, 'Run P2').dispatchEvent('click');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 1');
    await keys(page, '1', '1', '1', '2', '2', '2', '2', '3', '3', '3', '3');
    await expect(outcome(fig)).toHaveText('Done: 1 buyer got a ticket (P1), 0 left, nothing oversold.');
    await expect(outcome(fig)).toHaveAttribute('data-kind', 'ok');
    await expect(row(fig, 'P2')).toContainText('sold out');
    await expect(page).toHaveURL(/locks=1\.3\.L\.111122223333/);
  });

  test('undo: the u key, the Undo button and the player step back; a new step drops the redo steps', async ({ page }) => {
    const fig = await open(page, EN);
    await tabTo(page, '#locks .lk-run');
    await keys(page, '1', '2', '1');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 3 of 3');
    await keys(page, 'u');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 2 of 3');
    await expect(live(fig)).toHaveText('P2 read 1');
    await expect(fig.locator('.lk-sched')).toHaveText('Schedule: P1 P2 (redo: P1)');
    await fig.getByRole('button', { name: 'Undo' }).click();
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 3');
    await expect(row(fig, 'P2')).toContainText('not read yet');
    await fig.getByRole('button', { name: 'Step forward' }).click();
    await expect(fig.locator('.kit-counter')).toHaveText('Step 2 of 3');
    await fig.getByRole('button', { name: 'Step back' }).click();
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 3');
    // Choosing P3 here replaces P2 P1: the history is P1 P3 now.
    await run(fig, 'Run P3').click();
    await expect(fig.locator('.kit-counter')).toHaveText('Step 2 of 2');
    await expect(fig.locator('.lk-sched')).toHaveText('Schedule: P1 P3');
    await keys(page, 'ArrowLeft', 'ArrowLeft', 'u');
    await expect(live(fig)).toHaveText('At the start already: nothing to undo.');
    // "Go to the end" disables itself when pressed; focus stays in the widget, so u still works.
    await fig.getByRole('button', { name: 'Go to the end' }).focus();
    await page.keyboard.press('Enter');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 2 of 2');
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('#locks')))).toBe(true);
    await keys(page, 'u');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 2');
  });

  test('explore counts every schedule: 4 of 6 oversell for 2 buyers and 1 ticket, none with the lock', async ({ page }) => {
    const fig = await open(page, EN);
    await fig.getByLabel('Buyers').fill('2');
    await fig.getByLabel('Buyers').press('Enter');
    await expect(fig.locator('.lk-actors tbody tr')).toHaveCount(2);
    await fig.getByRole('button', { name: 'Explore all schedules' }).click();
    const all = fig.locator('.lk-all');
    await expect(all).toContainText('Every schedule for 1 ticket, 2 buyers:');
    await expect(all.locator('li').nth(0)).toContainText('Without the lock: 4 of 6 schedules oversell');
    await expect(all.locator('li').nth(0)).toContainText('1 sold: 2 · 2 sold: 4');
    await expect(all.locator('li').nth(1)).toContainText('With the lock: 0 of 2 schedules oversell');
    await expect(live(fig)).toContainText('Without the lock: 4 of 6 schedules oversell.');
    // Beyond the limits of explore(): a clear message, not a hang.
    await fig.getByLabel('Buyers').fill('8');
    await fig.getByLabel('Buyers').press('Enter');
    await expect(all).toContainText('Without the lock: too many schedules to count here');
  });

  test('a number outside the limits is refused with a message; the run is kept', async ({ page }) => {
    const fig = await open(page, EN);
    await run(fig, 'Run P1').click();
    await fig.getByLabel('Tickets').fill('12');
    await fig.getByLabel('Tickets').press('Enter');
    await expect(fig.locator('.lk-err')).toHaveText('Tickets: enter a whole number from 0 to 9');
    await expect(fig.getByLabel('Tickets')).toHaveAttribute('aria-invalid', 'true');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 1');
  });

  test('copy link restores the exact step in a new page, future steps included', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const fig = await open(page, EN);
    await tabTo(page, '#locks .lk-run');
    await keys(page, '1', '2', '3', '1', 'ArrowLeft');
    await fig.getByRole('button', { name: 'Copy a link to this step' }).click();
    await expect(live(fig)).toHaveText('Copied');
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/\?locks=1\.3\.N\.1231\.3#locks$/);
    const other = await context.newPage();
    const fig2 = await open(other, url);
    await expect(fig2.locator('.kit-counter')).toHaveText('Step 3 of 4');
    await expect(fig2.locator('.lk-sched')).toHaveText('Schedule: P1 P2 P3 (redo: P1)');
    await expect(row(fig2, 'P3')).toContainText('{"ticket_num": 1}');
    await expect(fig2.locator('.kit-notice')).toHaveCount(0);
    await expect(other.getByRole('figure', { name: 'Be the scheduler: the ticket grab' })).toBeInViewport();
  });

  test('garbled or impossible URL state starts from the default and says so', async ({ page }) => {
    for (const bad of ['zzz', '1.3.L.12', '1.9.N', '1.3.N.12.7']) {
      const fig = await open(page, `${EN}?locks=${bad}`);
      await expect(fig.locator('.kit-notice')).toHaveText(/The state in the link was not understood/);
      await expect(fig.getByLabel('Buyers')).toHaveValue('3');
      await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
    }
    const fig = await open(page, `${ZH}?locks=zzz`);
    await expect(fig.locator('.kit-notice')).toHaveText(/链接里的状态无法识别/);
  });
});

test.describe('count += 1', () => {
  test('both LOADs before either STORE lose an update; explore counts 18 of 20', async ({ page }) => {
    const fig = await open(page, EN, 'counter');
    await tabTo(page, '#counter .lk-run');
    await keys(page, '1', '2', '1', '2', '1', '2');
    await expect(outcome(fig)).toHaveText('Done: count = 1, but it should be 2: 1 update lost!');
    await expect(live(fig)).toContainText('T2 STORE: count = 1');
    await fig.getByRole('button', { name: 'Explore all schedules' }).click();
    await expect(fig.locator('.lk-all li').nth(0)).toContainText('Without the lock: 18 of 20 schedules lose an update');
    await expect(fig.locator('.lk-all li').nth(1)).toContainText('With the lock: 0 of 2 schedules lose an update');
    await expect(page).toHaveURL(/counter=2\.1\.N\.121212/);
  });

  test('with the lock T2 waits for T1, and nothing is lost', async ({ page }) => {
    const fig = await open(page, `${EN}?counter=2.1.L`, 'counter');
    await run(fig, 'Run T1').click();
    await expect(run(fig, 'Run T2')).toBeDisabled();
    await expect(run(fig, 'Run T2')).toContainText('waiting: T1 holds the lock');
    for (const t of ['T1', 'T1', 'T1', 'T1', 'T2', 'T2', 'T2', 'T2', 'T2']) await run(fig, `Run ${t}`).click();
    await expect(outcome(fig)).toHaveText('Done: count = 2, no update lost.');
  });

  test('garbled counter state starts from the default and says so', async ({ page }) => {
    const fig = await open(page, `${EN}?counter=9.9.N`, 'counter');
    await expect(fig.locator('.kit-notice')).toBeVisible();
    await expect(fig.getByLabel('Threads')).toHaveValue('2');
  });
});

test.describe('motion', () => {
  test('the worst schedule plays, pauses when the tab is hidden', async ({ page }) => {
    const fig = await open(page, EN);
    await fig.getByRole('button', { name: 'Worst schedule' }).click();
    await expect(live(fig)).toContainText('Playing');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 6', { timeout: 5000 });
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(fig.locator('.kit-btn.play')).toHaveAttribute('aria-pressed', 'false');
    const at = await fig.locator('.kit-counter').textContent();
    await page.waitForTimeout(1500);
    await expect(fig.locator('.kit-counter')).toHaveText(at ?? '');
  });

  test('reduced motion: no autoplay and no running animations', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const fig = await open(page, EN);
    await fig.getByRole('button', { name: 'Worst schedule' }).click();
    await expect(live(fig)).toContainText('Press → to step');
    await page.waitForTimeout(1500);
    await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
    await keys(page, 'ArrowRight');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await run(fig, 'Run P1').click();
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });
});

// Issue 12: you are the scheduler by touching the program itself, and the schedule is a picture.
const line = (fig: Locator, actor: string) => fig.locator(`.lk-go[aria-label^="Run ${actor}'s next line"]`);
const bars = (fig: Locator, kind = 'run') => fig.locator(`.widget-live .lk-gantt .kit-bar[data-kind="${kind}"]`);

test.describe('be the scheduler on the program and the chart', () => {
  test("clicking a buyer's current line runs that buyer's next step", async ({ page }) => {
    const fig = await open(page, EN);
    await line(fig, 'P2').click({ force: true });
    await expect(live(fig)).toHaveText('P2 read 1');
    await expect(row(fig, 'P2')).toContainText('{"ticket_num": 1}');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 1');
    // P2 now stands on its write line; P1 and P3 still on the read.
    await expect(line(fig, 'P2')).toHaveAccessibleName("Run P2's next line: json.dump(data, f)");
    // Enter on a focused line runs it too, and focus follows the buyer to its next line.
    await line(fig, 'P1').focus();
    await page.keyboard.press('Enter');
    await expect(live(fig)).toHaveText('P1 read 1');
    await expect(line(fig, 'P1')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(live(fig)).toHaveText('P1 write 0 (believes success)');
    await expect(fig.locator('.lk-world')).toContainText('{"ticket_num": 0}');
    await expect(fig.locator('.lk-sched')).toHaveText('Schedule: P2 P1 P1');
    await expect(page).toHaveURL(/locks=1\.3\.N\.211/);
  });

  test("clicking a blocked buyer's line refuses and says why, in the reader's language", async ({ page }) => {
    const fig = await open(page, `${EN}?locks=1.3.L.1`);
    await expect(line(fig, 'P2')).toHaveText('■');
    await expect(line(fig, 'P2')).toHaveAttribute('aria-disabled', 'true');
    await line(fig, 'P2').click({ force: true });
    await expect(live(fig)).toHaveText('P2 cannot run now: waiting: P1 holds the lock');
    await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 1');
    const zh = await open(page, `${ZH}?locks=1.3.L.1`);
    await zh.locator('.lk-go[aria-label^="让 P3"]').click({ force: true });
    await expect(live(zh)).toHaveText('P3 现在不能运行：等锁，P1 持有');
  });

  test('count += 1: clicking LOAD, ADD, STORE lines runs each thread', async ({ page }) => {
    const fig = await open(page, EN, 'counter');
    for (const [th, said] of [['T1', 'T1 LOAD: tmp = count = 0'], ['T2', 'T2 LOAD: tmp = count = 0'], ['T1', 'T1 ADD: tmp = 1'], ['T2', 'T2 ADD: tmp = 1'], ['T1', 'T1 STORE: count = 1'], ['T2', 'T2 STORE: count = 1']]) {
      await line(fig, th!).click();
      await expect(live(fig)).toContainText(said!);
    }
    await expect(outcome(fig)).toHaveText('Done: count = 1, but it should be 2: 1 update lost!');
    // Drawn row by row: T1's three bars, then T2's.
    await expect(bars(fig)).toHaveText(['LOAD 0', 'ADD 1', 'STORE 1', 'LOAD 0', 'ADD 1', 'STORE 1']);
  });

  test('the chart draws one bar per step taken, named by what ran, in its row, and follows the player', async ({ page }) => {
    const fig = await open(page, `${EN}?locks=1.3.N.123123`);
    await expect(bars(fig)).toHaveCount(6);
    for (const r of ['0', '1', '2']) await expect(fig.locator(`.widget-live .lk-gantt .kit-bar[data-row="${r}"][data-kind="run"]`)).toHaveText(['read 1', 'write 0']);
    // Bar k covers tick k: P3's bars are at ticks 2 and 5.
    await expect(fig.locator('.widget-live .lk-gantt .kit-bar[data-row="2"][data-kind="run"]').last()).toHaveAttribute('data-start', '5');
    await expect(fig.locator('.widget-live .lk-gantt svg')).toHaveAttribute('aria-label', /6 steps/);
    await fig.getByRole('button', { name: 'Step back' }).click();
    await expect(bars(fig)).toHaveCount(5);
    // Text in the picture is never under 12 px.
    const sizes = await fig.locator('.widget-live .lk-gantt text').evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  });

  test('with the lock the chart shows who waited: a dashed "waiting" bar and the row\'s state', async ({ page }) => {
    const fig = await open(page, `${EN}?locks=1.3.L.111`);
    await expect(bars(fig, 'blocked')).toHaveCount(2);
    await expect(bars(fig, 'blocked').first()).toHaveText('waiting');
    await expect(fig.locator('.widget-live .lk-gantt svg')).toContainText('holds the lock');
    await expect(fig.locator('.widget-live .lk-gantt svg')).toContainText(/waiting: P1 holds the\s*lock/);
  });

  test('a change of setup restarts at step 0 with an empty chart', async ({ page }) => {
    const fig = await open(page, `${EN}?locks=1.3.N.123`);
    await expect(bars(fig)).toHaveCount(3);
    await fig.getByLabel('Use the lock').check();
    await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
    await expect(bars(fig)).toHaveCount(0);
  });

  test('an old state link (before the chart) opens at its step, chart drawn', async ({ page }) => {
    const fig = await open(page, `${EN}?locks=1.3.N.1231.3`);
    await expect(fig.locator('.kit-counter')).toHaveText('Step 3 of 4');
    await expect(bars(fig)).toHaveCount(3);
  });
});

// Light and dark from the system. The site's toggle sets the same custom properties as the
// system's dark scheme (one stylesheet of light-dark() pairs; features.spec checks the toggle).
for (const [scheme, stored] of [['light', null], ['dark', null]] as const) {
  test.describe(`axe, ${scheme}${stored ? `, theme toggle ${stored}` : ''}`, () => {
    test.use({ colorScheme: scheme });
    test.beforeEach(async ({ page }) => {
      if (stored) await page.addInitScript((theme) => localStorage.setItem('theme', theme), stored);
    });
    const STATES: Array<[string, (page: Page) => Promise<void>]> = [
      ['default', async (page) => void (await open(page, EN))],
      ['counter, default', async (page) => void (await open(page, EN, 'counter'))],
      ['blocked with the lock', async (page) => void (await open(page, `${EN}?locks=1.3.L.11`))],
      ['counter, blocked with the lock', async (page) => void (await open(page, `${EN}?counter=2.1.L.1`, 'counter'))],
      [
        'finished, explored, log open (zh)',
        async (page) => {
          const fig = await open(page, `${ZH}?locks=1.3.N.123123`);
          await fig.getByRole('button', { name: '穷举所有调度' }).click();
          await fig.locator('.lk-log summary').click();
        },
      ],
      [
        'bad URL state, bad input, focus inside',
        async (page) => {
          const fig = await open(page, `${EN}?locks=zzz`);
          await fig.getByLabel('Tickets').fill('42');
          await fig.getByLabel('Tickets').press('Enter');
          await fig.locator('.lk-run').first().focus();
        },
      ],
      ['counter, bad URL state', async (page) => void (await open(page, `${EN}?counter=1`, 'counter'))],
      ['counter, finished with the lock (zh)', async (page) => void (await open(page, `${ZH}?counter=2.1.L.1111122222`, 'counter'))],
    ];
    for (const [where, setup] of STATES) {
      test(where, async ({ page }) => {
        test.setTimeout(60_000);
        await setup(page);
        const { violations } = await new AxeBuilder({ page }).include('figure.widget').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static run: the worst interleaving, its outcome and the counts', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#locks');
    await expect(fig).not.toHaveAttribute('data-live', '');
    const steps = fig.locator('.widget-static ol li');
    await expect(steps).toHaveText([
      'P1 read 1',
      'P2 read 1',
      'P3 read 1',
      'P1 write 0 (believes success)',
      'P2 write 0 (believes success)',
      'P3 write 0 (believes success)',
    ]);
    await expect(fig.locator('.widget-static')).toContainText('oversold by 2');
    // The picture comes first even without JavaScript: the worst run's chart, a bar per step.
    await expect(fig.locator('.widget-static .lk-gantt .kit-bar[data-kind="run"]')).toHaveCount(6);
    await expect(fig.locator('.widget-static')).toContainText('Without the lock: 4 of 6 schedules oversell');
    await expect(fig.locator('.widget-static')).toContainText('With the lock: 0 of 2 schedules oversell');
    await page.goto(pageOf(EN, 'counter'));
    const counter = page.locator('figure#counter .widget-static');
    await expect(counter.locator('ol li')).toHaveCount(6);
    await expect(counter).toContainText('T2 STORE: count = 1');
    await expect(counter).toContainText('18 of 20 schedules lose an update');
    await page.goto(ZH);
    await expect(page.locator('figure#locks .widget-static ol li').first()).toHaveText('P1 读到 1');
    await expect(page.locator('figure#locks .widget-static')).toContainText('超卖 2 张');
  });
});
