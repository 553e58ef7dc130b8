// The layer mapper (W1) in the built chapter 1 (/en/layers/, /zh/layers/): pick-then-place by click
// and by keyboard, drag with a mouse, per-item verdicts in the picture and the narration, moving and
// putting back a chip, answers and clear, the state link (and a garbled one), presenter mode, the
// JavaScript-off figure, axe light and dark, and the layout at 360/1440 px and presenting.
// Run after a build: E2E_PORT=4640 npx playwright test tests/e2e/layers.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/layers/';
const ZH = '/zh/layers/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#layers');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const tray = (fig: Locator, p: string) => fig.locator(`.widget-live .ly-tray [data-item="tray:${p}"]`);
const band = (fig: Locator, model: string, i: number) => fig.locator(`.widget-live .kit-band[data-col="${model}"][data-band="${i}"]`);
const chip = (fig: Locator, model: string, p: string) => fig.locator(`.widget-live [data-item="${model}:${p}"]`);

test('pick then place: each drop is judged in the picture and the narration, and the score follows', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('The seven protocols are on top. Start with the five-layer model.');
  await tray(fig, 'tcp').click();
  await expect(tray(fig, 'tcp')).toHaveAttribute('aria-pressed', 'true');
  await expect(live(fig)).toHaveText('Picked up TCP. Now pick a layer to drop it in (Esc cancels).');
  await band(fig, 'five', 1).click();
  await expect(live(fig)).toContainText('TCP in Transport: right. TCP rides in IP packets (protocol 6)');
  await expect(chip(fig, 'five', 'tcp')).toHaveClass(/kit-chip-right/);
  await expect(chip(fig, 'five', 'tcp')).toContainText('✓');
  await tray(fig, 'arp').click();
  await band(fig, 'five', 2).click();
  await expect(fig.locator('.ly-why')).toContainText('ARP in Network: defensible, but not how this course counts it.');
  await expect(chip(fig, 'five', 'arp')).toHaveClass(/kit-chip-close/);
  await tray(fig, 'http').click();
  await band(fig, 'five', 4).click();
  await expect(live(fig)).toContainText('HTTP in Physical: wrong, it belongs in Application.');
  await expect(fig.locator('.ly-score')).toHaveText('Five-layer: 3 placed, 1 right, 1 close, 1 wrong.');
  await expect(page).toHaveURL(/layers=f\.-------\.-2-1-4-\.-------/);
  // A placed chip is picked up to move it, or put back.
  await chip(fig, 'five', 'http').click();
  await expect(live(fig)).toContainText('Picked up HTTP (it was in Physical).');
  await band(fig, 'five', 0).click();
  await expect(chip(fig, 'five', 'http')).toHaveClass(/kit-chip-right/);
  await chip(fig, 'five', 'arp').click();
  await fig.getByRole('button', { name: 'Put back' }).click();
  await expect(tray(fig, 'arp')).toBeVisible();
  await expect(live(fig)).toHaveText('ARP is back on top.');
});

test('keyboard: Enter picks, Tab to a layer, Enter drops; Esc lets go; columns switch', async ({ page }) => {
  const fig = await open(page, EN);
  await tray(fig, 'ip').focus();
  await page.keyboard.press('Enter');
  await expect(tray(fig, 'ip')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(tray(fig, 'ip')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await fig.getByRole('button', { name: 'Put it in Internet packet (TCP/IP (4 layers))' }).focus();
  await page.keyboard.press('Enter');
  await expect(live(fig)).toContainText('IP in Internet: right.');
  await expect(fig.getByRole('button', { name: 'TCP/IP (4 layers)', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // Focus moves on to the next protocol still in the tray.
  await expect(tray(fig, 'ethernet')).toBeFocused();
  await fig.getByRole('button', { name: 'OSI (7 layers)', exact: true }).click();
  await expect(live(fig)).toContainText('Now filling OSI (7 layers). OSI (7 layers): nothing placed yet.');
  await fig.getByRole('button', { name: 'Show answers' }).click();
  await expect(fig.locator('.ly-score')).toHaveText('OSI (7 layers): all 7 right!');
  await expect(fig.locator('.ly-done')).toBeVisible();
  await fig.getByRole('button', { name: 'Clear this column' }).click();
  await expect(fig.locator('.ly-tray .kit-chip')).toHaveCount(7);
});

test('drag with the mouse drops a chip on the layer under it', async ({ page }) => {
  const fig = await open(page, EN);
  const from = (await tray(fig, 'udp').boundingBox())!;
  const to = (await band(fig, 'five', 1).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 8, { steps: 5 });
  await page.mouse.up();
  await expect(chip(fig, 'five', 'udp')).toHaveClass(/kit-chip-right/);
  await expect(live(fig)).toContainText('UDP in Transport: right.');
  await expect(page.locator('.kit-chip-ghost')).toHaveCount(0);
});

test('a state link opens those placements; a garbled one says so; Chinese words; presenter from a link', async ({ page }) => {
  const fig = await open(page, `${EN}?layers=o.0123456.-------.-------#layers`);
  await expect(fig.getByRole('button', { name: 'OSI (7 layers)', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(fig.locator('.ly-score')).toHaveText('OSI (7 layers): 7 placed, 1 right, 6 wrong.');
  const bad = await open(page, `${EN}?layers=o.0123459.-------.-------#layers`);
  await expect(bad.locator('.kit-notice')).toContainText('was not understood');
  await expect(bad.locator('.ly-tray .kit-chip')).toHaveCount(7);
  const zh = await open(page, `${ZH}?layers=f.-------.-2-----.-------&present=layers#layers`);
  await expect(zh).toHaveAttribute('data-present', '');
  await chip(zh, 'five', 'arp').click();
  await expect(zh.locator('.ly-why')).toContainText('ARP 放在网络层：说得通，但本课程不这么算。');
});

test('with JavaScript off: the answer key, three models lined up', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(ZH);
  const still = page.locator('figure#layers .widget-static');
  await expect(still.locator('.kit-col-h')).toHaveText(['OSI 七层', '教学五层', 'TCP/IP 四层']);
  await expect(still.locator('.kit-chip')).toHaveCount(21);
  await expect(still.locator('.kit-chip-dashed')).toHaveCount(3);
  // The TCP/IP application band spans OSI's three upper rows: its top and bottom line up with theirs.
  const app = (await still.locator('.kit-band').nth(12).boundingBox())!;
  const osiApp = (await still.locator('.kit-band').nth(0).boundingBox())!;
  const osiSession = (await still.locator('.kit-band').nth(2).boundingBox())!;
  expect(Math.abs(app.y - osiApp.y)).toBeLessThan(1);
  expect(Math.abs(app.y + app.height - (osiSession.y + osiSession.height))).toBeLessThan(1);
  await ctx.close();
});

for (const scheme of ['light', 'dark'] as const)
  test(`axe, ${scheme}: the live widget with a chip in hand and verdicts shown`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const fig = await open(page, `${EN}?layers=f.-------.0214-3-.-------#layers`);
    await tray(fig, 'udp').click();
    const r = await new AxeBuilder({ page }).include('figure#layers').withTags(AXE_TAGS).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

test('layout at 360 and 1440 px and presenting at 1280×720: every verdict on the picture, both languages', async ({ page }) => {
  test.setTimeout(90_000);
  const found: string[] = [];
  // Every column full, with right, close and wrong chips (and a chip in hand), then the answers.
  const states = ['o.6543210.2244332.3300011', 'f.-------.0214-3-.-------', 't.1111111.0000000.0001230'];
  for (const lang of ['en', 'zh'] as const)
    for (const s of states) {
      const fig = await open(page, `/${lang}/layers/?layers=${s}#layers`);
      for (const width of [360, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        for (const p of await layoutProblems(page, 'figure#layers', { minPx: 12 })) found.push(`${lang} ${s} ${width} px: ${p}`);
      }
      if (lang === 'en' && s === states[0]) {
        await page.setViewportSize({ width: 1280, height: 720 });
        await fig.getByRole('button', { name: 'Presenter mode (F)' }).click();
        await expect(fig).toHaveAttribute('data-present', '');
        for (const p of await layoutProblems(page, 'figure#layers', { minPx: 18 })) found.push(`${lang} ${s} presenter: ${p}`);
        await page.keyboard.press('Escape');
      }
    }
  expect(found).toEqual([]);
});
