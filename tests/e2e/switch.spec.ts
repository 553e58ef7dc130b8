// Hub vs switch, and the broadcast storm (W3) in the built chapter 2 (/zh/ethernet/hub-and-switch/,
// /en/…): stepping the figure's run, sending frames by mouse and keyboard, hub vs switch, STP, the
// router, state links (good and garbled), axe in light and dark, and the static figure without JS.
// Run after a build: E2E_DIST=/tmp/sw-dist E2E_PORT=4661 npx playwright test tests/e2e/switch.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/ethernet/hub-and-switch/';
const ZH = '/zh/ethernet/hub-and-switch/';
// The storm has its own page (the chapter reads in three).
const STORM = { en: '/en/ethernet/broadcast-storm/', zh: '/zh/ethernet/broadcast-storm/' };

async function open(page: Page, url: string, id = 'switch'): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator(`figure#${id}`);
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  await expect(fig.locator('.sw-pic svg')).toBeVisible();
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const rows = (fig: Locator, sw = 'S1') => fig.locator('.widget-live .sw-tables table', { hasText: sw }).first().locator('tbody tr');
const host = (fig: Locator, name: string) => fig.locator(`.sw-pic .kit-net-host[data-node="${name}"]`);
const tokens = (fig: Locator) => fig.locator('.sw-pic .kit-token');

test('the figure run: A→B floods, B→A goes one way, and the table learns', async ({ page }) => {
  const fig = await open(page, EN);
  const fwd = fig.locator('.kit-player .forward');
  await fwd.click();
  await expect(tokens(fig)).toHaveCount(1);
  await fwd.click();
  await expect(live(fig)).toHaveText('S1 learns A is on port 1, B is unknown: flood out of 2, 3 and 4.');
  await expect(tokens(fig)).toHaveCount(3);
  await expect(rows(fig)).toHaveCount(1);
  await expect(rows(fig).first()).toHaveAttribute('data-mark', 'added');
  for (let i = 0; i < 3; i++) await fwd.click();
  await expect(live(fig)).toHaveText('S1 learns B is on port 2, A is on port 1: out of port 1 only.');
  await expect(tokens(fig)).toHaveCount(1);
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('S1’s entry for A was not refreshed for 310 s: aged out');
  await expect(fig.locator('.widget-live .sw-tables tr[data-mark="removed"]')).toContainText('A');
});

test('a hub repeats to every port and learns nothing', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Device').selectOption('hub');
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  await expect(fig.getByLabel('Scenario')).toHaveValue('custom');
  await fig.locator('.kit-player .forward').click();
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toHaveText('H gets it on port 1 and repeats it out of 2, 3 and 4.');
  await expect(fig.locator('.widget-live .sw-tables table')).toHaveCount(0);
});

test('sending with the mouse: click a host, then another; then a broadcast with the keyboard', async ({ page }) => {
  const fig = await open(page, EN);
  await host(fig, 'C').click();
  await expect(host(fig, 'C')).toHaveAttribute('aria-pressed', 'true');
  await expect(fig.locator('.sw-hint')).toContainText('C will send');
  await host(fig, 'D').click();
  await expect(live(fig)).toHaveText('C sends a frame to D.');
  await expect(fig.locator('.kit-counter')).toHaveText('Step 1 of 3');
  await expect(page).toHaveURL(/switch=single\.s0\.300\.CD\.1/);
  // Keyboard: focus D, Enter, then the Broadcast button.
  await fig.locator('.kit-player .end').click();
  await host(fig, 'D').focus();
  await page.keyboard.press('Enter');
  await expect(host(fig, 'D')).toBeFocused();
  await expect(host(fig, 'D')).toHaveAttribute('aria-pressed', 'true');
  await fig.getByRole('button', { name: 'Broadcast' }).click();
  await expect(live(fig)).toHaveText('D sends a broadcast frame (to ff:ff:ff:ff:ff:ff).');
  await page.keyboard.press('Escape');
  await fig.locator('.kit-player .forward').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toHaveText('S1 learns D is on port 4, a broadcast: flood out of 1, 2 and 3.');
});

test('Escape cancels a chosen sender; the broadcast button waits for one', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(fig.getByRole('button', { name: 'Broadcast' })).toHaveAttribute('aria-disabled', 'true');
  await host(fig, 'A').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(host(fig, 'A')).toHaveAttribute('aria-pressed', 'false');
  await expect(fig.locator('.sw-hint')).toContainText('Click a host');
});

test('the storm: copies multiply, the run is cut short; STP blocks two ports and it ends', async ({ page }) => {
  const fig = await open(page, STORM.en, 'storm');
  await expect(fig.getByLabel('Scenario')).toHaveValue('storm');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('The simulation stops here with');
  await expect(live(fig)).toContainText('go on for ever');
  await fig.getByLabel('Spanning Tree Protocol (STP) on').check();
  await expect(fig.getByLabel('Scenario')).toHaveValue('stp');
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  await expect(fig.locator('.sw-pic .kit-x')).toHaveCount(1);
  await expect(fig.locator('.sw-pic svg')).toContainText('blocked');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toContainText('the network is quiet');
});

test('the router keeps a broadcast and routes an IP packet in a new frame', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Scenario').selectOption('router');
  for (let i = 0; i < 3; i++) await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('R takes the broadcast but does not forward it');
  for (let i = 0; i < 3; i++) await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('R takes out the IP packet (A→C) and puts it in a new frame Rb→C, out of port 2');
});

test('a state link opens at its tick, in Chinese too; a garbled one shows the notice and the default', async ({ page }) => {
  let fig = await open(page, `${STORM.zh}?storm=loop.s0.300.A*_DA.5#storm`, 'storm');
  await expect(fig.locator('.kit-counter')).toHaveText(/5/);
  await expect(fig.locator('.sw-status')).toHaveText('第 5 拍 · 时钟 5 秒 · 链路上 12 份帧');
  fig = await open(page, `${EN}?switch=single.s0.300.AZ.1`);
  await expect(fig.locator('.kit-notice')).toBeVisible();
  await expect(fig.getByLabel('Scenario')).toHaveValue('figure');
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
});

test('no figure grows shorter as it comes alive, so a link further down still lands (the self-check)', async ({ page }) => {
  for (const [width, lang] of [[360, 'en'], [1280, 'en'], [360, 'zh'], [1280, 'zh']] as const) {
    await page.setViewportSize({ width, height: 720 });
    // The storm's figure is two networks side by side when static, one live: it may come alive a
    // little shorter. site.ts lands a link on its section again either way (checked below).
    for (const [id, url] of [['switch', lang === 'en' ? EN : ZH]] as const) {
      await page.goto(url);
      const stat = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().height, id);
      const fig = await open(page, `${url}#${id}`, id);
      const live = (await fig.boundingBox())!.height;
      expect(live, `${id} at ${width} px: static ${stat}, live ${live}`).toBeGreaterThanOrEqual(stat - 24); // a line's worth of slack: what moves a reader is a screenful
    }
  }
  for (const lang of ['en', 'zh']) {
    await page.goto(`/${lang}/ethernet/`);
    await page.locator('.toc a[href$="#self-check"]').click();
    await expect(page.locator('#self-check')).toBeInViewport();
    // A section below the storm, opened from a link.
    await page.goto(`/${lang}/ethernet/broadcast-storm/#lan-and-router`);
    await expect(page.locator('figure#storm')).toHaveAttribute('data-live', '', { timeout: 10_000 });
    await expect(page.locator('#lan-and-router')).toBeInViewport();
  }
});

for (const [scheme, stored] of [['light', null], ['dark', null]] as const)
  test.describe(`axe, ${scheme}${stored ? `, theme toggle ${stored}` : ''}`, () => {
    test.use({ colorScheme: scheme });
    test.beforeEach(async ({ page }) => {
      if (stored) await page.addInitScript((theme) => localStorage.setItem('theme', theme), stored);
    });
    const STATES: Array<[string, (page: Page) => Promise<void>]> = [
      ['figure, mid-run, a sender chosen', async (page) => {
        const fig = await open(page, `${EN}?switch=single.s0.300.AB_BA.5`);
        await host(fig, 'B').click();
      }],
      ['storm with STP, blocked ports (zh)', async (page) => void (await open(page, `${STORM.zh}?storm=loop.s1.300.A*_DA.4#storm`, 'storm'))],
      ['garbled link', async (page) => void (await open(page, `${EN}?switch=zzz`))],
    ];
    for (const [where, setup] of STATES)
      test(where, async ({ page }) => {
        await setup(page);
        const { violations } = await new AxeBuilder({ page }).include('figure.widget').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figures: the network drawn, every action narrated', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#switch');
    await expect(fig.locator('.widget-static svg.kit-net')).toHaveCount(1);
    // Told action by action: what was sent and what the switch did with it.
    await expect(fig.locator('.widget-static ol li')).toHaveCount(8);
    await expect(fig.locator('.widget-static ol li').first()).toContainText('S1 learns A is on port 1, B is unknown: flood out of 2, 3 and 4.');
    await page.goto(STORM.en);
    const storm = page.locator('figure#storm');
    await expect(storm.locator('.widget-static svg.kit-net')).toHaveCount(2);
    await expect(storm.locator('.widget-static')).toContainText('blocked');
  });
});
