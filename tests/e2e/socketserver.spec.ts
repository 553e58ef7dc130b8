// W10 socketserver timeline in the built chapter 7 (/en/socketserver/five-clients/): stepping,
// presets, Windows disabling ForkingTCPServer, a state link round-trip, keyboard, axe light and dark.
// Run after a build: E2E_DIST=/tmp/up-dist E2E_PORT=4651 npx playwright test tests/e2e/socketserver.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/socketserver/five-clients/';
const ZH = '/zh/socketserver/five-clients/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#socketserver');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');
const label = (fig: Locator, name: string) => fig.getByLabel(name, { exact: true });

test('TCPServer: clients served one after another, each finish time and the total', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toHaveText('Before the first client connects. Step forward.');
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toContainText('clients 0, 1 and 2 connect');
  await expect(fig.locator('.ss-chart svg')).toContainText('in the backlog');
  await fig.locator('.kit-player .end').click();
  await expect(live(fig)).toHaveText('0.9 s: client 2 is done. Total: 0.9 s.');
  await expect(fig.locator('.ss-finish li')).toHaveText(['client 0: 0.3 s', 'client 1: 0.6 s', 'client 2: 0.9 s']);
  await expect(fig.locator('.ss-chart svg')).toContainText('done at 0.9 s');
});

test('threads overlap I/O; CPU under threads takes turns for the GIL, processes run in parallel', async ({ page }) => {
  const fig = await open(page, EN);
  await label(fig, 'Scenario').selectOption('io-threading');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.ss-total')).toHaveText('Total: 0.3 s.');
  await label(fig, 'Scenario').selectOption('cpu-threading');
  await expect(counter(fig)).toHaveText('Before the first step');
  await expect(fig.locator('.ss-note', { hasText: 'GIL' })).toBeVisible();
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.ss-total')).toHaveText('Total: 0.9 s.');
  await expect(fig.locator('.ss-chart svg')).toContainText('GIL');
  await label(fig, 'Scenario').selectOption('cpu-forking');
  await label(fig, 'CPU cores').selectOption('1');
  await expect(fig.locator('.kit-player .end')).toBeVisible();
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.ss-total')).toHaveText('Total: 0.9 s.');
  await expect(page).toHaveURL(/socketserver=f\.c\.0-0-0\.3\.1\.l\.5/);
});

test('Windows: ForkingTCPServer is disabled, with the reason', async ({ page }) => {
  const fig = await open(page, EN);
  await label(fig, 'Scenario').selectOption('io-forking');
  await label(fig, 'Platform').selectOption('windows');
  await expect(live(fig)).toHaveText('Windows has no os.fork: switched to ThreadingTCPServer.');
  await expect(label(fig, 'Server')).toHaveValue('threading');
  await expect(fig.locator('option[value=forking]')).toBeDisabled();
  await expect(fig.locator('.ss-note', { hasText: 'os.fork' })).toBeVisible();
});

test('a state link opens that step; a garbled one (or forking on Windows) starts from the default and says so', async ({ page }) => {
  let fig = await open(page, `${EN}?socketserver=t.i.0-0-0-0-0.3.4.l.5#socketserver`);
  await expect(counter(fig)).toHaveText('Step 5 of 11');
  await expect(label(fig, 'Clients')).toHaveValue('5');
  for (const bad of ['zz', 'f.i.0-0-0.3.4.w.0']) {
    fig = await open(page, `${EN}?socketserver=${bad}#socketserver`);
    await expect(fig.locator('.kit-notice')).toContainText('not understood');
    await expect(counter(fig)).toHaveText('Before the first step');
  }
});

test('keyboard: ← → step with focus on the chart; Chinese narration', async ({ page }) => {
  const fig = await open(page, ZH);
  await fig.locator('.ss-chart').focus();
  await page.keyboard.press('ArrowRight');
  await expect(live(fig)).toContainText('客户端 0、1、2 连上来');
  await page.keyboard.press('End');
  await expect(fig.locator('.ss-total')).toHaveText('总共 0.9 秒。');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static figure: TCPServer and ThreadingTCPServer with five clients, and their totals', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#socketserver');
    await expect(fig.locator('.widget-static svg')).toHaveCount(2);
    await expect(fig.locator('.widget-static')).toContainText('Total: 1.5 s.');
    await expect(fig.locator('.widget-static')).toContainText('Total: 0.3 s.');
  });
});

for (const scheme of ['light', 'dark'] as const)
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const [where, url] of [['default', EN], ['CPU threads at the end', `${EN}?socketserver=h.c.0-0-0.3.4.l.7`], ['Windows (zh)', `${ZH}?socketserver=h.i.0-1-2.3.4.w.3`], ['bad link', `${EN}?socketserver=x`]] as const)
      test(where, async ({ page }) => {
        test.setTimeout(60_000);
        await open(page, url);
        const { violations } = await new AxeBuilder({ page }).include('figure#socketserver').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });
