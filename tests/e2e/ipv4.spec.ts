// The IPv4 and ARP explorer (W4) in Chromium: the explorer follows what is typed and refuses bad
// addresses in the reader's language; the ARP presets step through the run the model gives (caches,
// both headers); a host clicked in the picture (or its button) becomes the destination or sender and
// the run restarts at step 0; a state link round-trips; a garbled link starts from the default and
// says so; nothing reaches the console as an error; axe finds nothing, light and dark.
// Run after a build: E2E_DIST=/tmp/ip-dist E2E_PORT=4641 npx playwright test tests/e2e/ipv4.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Page } from '../support/test.ts';
import { ARP_PRESETS, DEFAULT_STATE, arpRun, encodeState, parseIPv4 } from '../../src/widgets/ipv4/model.ts';

const EN = '/en/ip-arp/arp/';
const ZH = '/zh/ip-arp/arp/';

async function open(page: Page, url: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  const fig = page.locator('figure#ipv4');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return { fig, errors };
}

test('JS off: the build-time figure shows the bits, the default ARP run and the off-subnet frame', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(EN);
  const fig = page.locator('figure#ipv4 .widget-static');
  await expect(fig.locator('.kit-bits')).toBeVisible();
  await expect(fig.locator('.ip-lanes svg')).toBeVisible();
  await expect(fig.locator('ol > li')).toHaveCount(arpRun(ARP_PRESETS.miss).length);
  await expect(fig).toContainText('ff:ff:ff:ff:ff:ff');
  await ctx.close();
});

test('the explorer follows what is typed: bits, range, mask compare', async ({ page }) => {
  const { fig, errors } = await open(page, EN);
  await fig.getByLabel('Address', { exact: true }).fill('172.16.5.4');
  await fig.getByLabel('Prefix length or mask').fill('255.255.240.0');
  await fig.getByLabel('Compare with').fill('172.16.18.1');
  const ex = fig.locator('.widget-live .ip-explorer');
  await expect(ex.locator('.ip-verdict')).toHaveAttribute('data-same', 'false');
  await expect(ex).toContainText('172.16.16.0');
  await expect(ex).toContainText('private (RFC 1918');
  // 20 network bits, 12 host bits, in every one of the five rows.
  await expect.poll(() => ex.locator('.kit-bits-row .kit-bn').allTextContents().then((a) => a.join('').length)).toBe(5 * 20);
  await fig.getByLabel('Compare with').fill('172.16.12.9');
  await expect(ex.locator('.ip-verdict')).toHaveAttribute('data-same', 'true');
  await fig.getByLabel('Address', { exact: true }).fill('100.64.0.1');
  await expect(ex).toContainText('shared (100.64.0.0/10');
  expect(errors).toEqual([]);
});

test('bad input gets a clear message in the reader’s language, and the last good picture stays', async ({ page }) => {
  const { fig, errors } = await open(page, ZH);
  const addr = fig.getByLabel('地址', { exact: true });
  const err = fig.locator('#ipv4-addr-err');
  for (const [typed, says] of [
    ['1.2.3.4.5', '正好是 4 个数'],
    ['192.168.1.256', '0 到 255'],
    ['010.0.0.1', '前导 0'],
    ['', '需要填'],
    ['abc', '只能有数字和点'],
  ] as const) {
    await addr.fill(typed);
    await expect(addr).toHaveAttribute('aria-invalid', 'true');
    await expect(err).toContainText(says);
  }
  await expect(fig.locator('.widget-live .ip-explorer .kit-bits')).toBeVisible();
  await fig.getByLabel('前缀长度或掩码').fill('33');
  await expect(fig.locator('#ipv4-prefix-err')).toContainText('0 到 32');
  await fig.getByLabel('前缀长度或掩码').fill('255.0.255.0');
  await expect(fig.locator('#ipv4-prefix-err')).toContainText('掩码');
  await fig.getByLabel('目的 IP').fill('1.2.3');
  await expect(fig.locator('#ipv4-dst-err')).toContainText('3 个点');
  await addr.fill('x'.repeat(40));
  await expect(err).not.toBeEmpty();
  expect(errors).toEqual([]);
});

test('the off-subnet preset: ARP for the gateway, the frame to its MAC, the packet to the far host', async ({ page }) => {
  const { fig } = await open(page, EN);
  await fig.getByLabel('Scenario').selectOption('gateway');
  const total = arpRun(ARP_PRESETS.gateway).length - 1;
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  await fig.locator('.kit-player .forward').click();
  await expect(fig.locator('.kit-live')).toContainText('next hop is the gateway 192.168.1.1');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.kit-counter')).toHaveText(`Step ${total} of ${total}`);
  const frame = fig.locator('.widget-live .ip-frame');
  await expect(frame.locator('dt', { hasText: 'destination MAC' }).locator('+ dd')).toHaveText('02:00:00:00:01:01');
  await expect(frame.locator('dt', { hasText: 'destination IP' }).locator('+ dd')).toHaveText('192.168.2.20');
  await expect(fig.locator('.widget-live .ip-caches')).toContainText('192.168.1.1');
});

test('a cache miss: broadcast request, caches marked as they are added; a hit sends at once', async ({ page }) => {
  const { fig } = await open(page, EN);
  const fwd = fig.locator('.kit-player .forward');
  for (let i = 0; i < 3; i++) await fwd.click();
  await expect(fig.locator('.widget-live .ip-frame')).toContainText('ff:ff:ff:ff:ff:ff (broadcast)');
  await fwd.click();
  await fwd.click();
  await expect(fig.locator('.widget-live .ip-caches tr[data-mark="added"]')).toHaveCount(1);
  await expect(fig.locator('.widget-live .ip-caches tr[data-mark="added"]')).toContainText('192.168.1.10');
  await fig.getByLabel('Scenario').selectOption('hit');
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.kit-counter')).toHaveText('Step 3 of 3');
  await expect(fig.locator('.widget-live .ip-caches tr[data-mark]')).toHaveCount(0);
});

test('clicking a host in the picture picks it, and the run starts again at step 0; the keyboard does the same', async ({ page }) => {
  const { fig } = await open(page, EN);
  await fig.locator('.kit-player .forward').click();
  // Destination mode (the default): the router's title in the picture.
  await fig.locator('.widget-live .ip-lanes .kit-lane-title[data-host="R"]').click();
  await expect(fig.getByLabel('Destination IP')).toHaveValue('192.168.1.1');
  await expect(fig.locator('.kit-counter')).toHaveText('Before the first step');
  await expect(fig.getByLabel('Scenario')).toHaveValue('');
  // Sender mode, by keyboard: B's title, Enter.
  await fig.getByLabel('sender', { exact: true }).check();
  const b = fig.locator('.widget-live .ip-lanes .kit-lane-title[data-host="B"]');
  await b.focus();
  await page.keyboard.press('Enter');
  await expect(fig.locator('.widget-live select.ip-src')).toHaveValue('B');
  // The router cannot send: said, nothing changes.
  await fig.locator('.ip-host[data-host="R"]').click();
  await expect(fig.locator('.kit-live')).toContainText('only forwards');
  await expect(fig.locator('.widget-live select.ip-src')).toHaveValue('B');
});

test('a state link round-trips, in either language; a garbled one starts from the default and says so', async ({ page }) => {
  const state = encodeState({ ...DEFAULT_STATE, addr: parseIPv4('10.1.2.3'), prefix: 8, arp: ARP_PRESETS.gateway, step: 5 });
  const { fig } = await open(page, `${EN}?ipv4=${state}#ipv4`);
  await expect(fig.getByLabel('Address', { exact: true })).toHaveValue('10.1.2.3');
  await expect(fig.getByLabel('Scenario')).toHaveValue('gateway');
  await expect(fig.locator('.kit-counter')).toHaveText(`Step 5 of ${arpRun(ARP_PRESETS.gateway).length - 1}`);
  await fig.locator('.kit-player .forward').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('ipv4')).toBe(encodeState({ ...DEFAULT_STATE, addr: parseIPv4('10.1.2.3'), prefix: 8, arp: ARP_PRESETS.gateway, step: 6 }));
  const zh = await open(page, `${ZH}?ipv4=${state}`);
  await expect(zh.fig.getByLabel('场景')).toHaveValue('gateway');
  for (const bad of ['zzz', '1.2.3.4_33_1.2.3.4.A1.2.3.4.m.0', `${state.replace(/\d+$/, '99')}`]) {
    const g = await open(page, `${EN}?ipv4=${encodeURIComponent(bad)}`);
    await expect(g.fig.locator('.kit-notice')).toBeVisible();
    await expect(g.fig.getByLabel('Address', { exact: true })).toHaveValue('192.168.1.10');
    expect(g.errors).toEqual([]);
  }
});

test('← → step with the picture focused, not in a field', async ({ page }) => {
  const { fig } = await open(page, EN);
  await fig.locator('.widget-live .ip-lanes').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('.kit-counter')).toHaveText(/^Step 2 of/);
  await fig.getByLabel('Destination IP').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('.kit-counter')).toHaveText(/^Step 2 of/);
});

for (const scheme of ['light', 'dark'] as const)
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    const STATES: Array<[string, string, (page: Page) => Promise<void>]> = [
      ['default', EN, async () => {}],
      ['off-subnet, last step (zh)', `${ZH}?ipv4=${encodeState({ ...DEFAULT_STATE, arp: ARP_PRESETS.gateway, step: arpRun(ARP_PRESETS.gateway).length - 1 })}`, async () => {}],
      [
        'bad link, bad input, a step with a cache marked',
        `${EN}?ipv4=zzz`,
        async (page) => {
          const fig = page.locator('figure#ipv4');
          await fig.getByLabel('Address', { exact: true }).fill('010.1.1.1');
          for (let i = 0; i < 5; i++) await fig.locator('.kit-player .forward').click();
        },
      ],
    ];
    for (const [where, url, setup] of STATES)
      test(where, async ({ page }) => {
        test.setTimeout(60_000);
        await open(page, url);
        await setup(page);
        const { violations } = await new AxeBuilder({ page }).include('figure#ipv4').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });

test('a link to the lab made on the page it used to be on (before ARP had its own page) lands on it, at its step', async ({ page }) => {
  const state = encodeState({ ...DEFAULT_STATE, arp: ARP_PRESETS.gateway, step: 4 });
  await page.goto(`/en/ip-arp/subnet-mask/?ipv4=${state}#ipv4`);
  await expect(page).toHaveURL(new RegExp(`/en/ip-arp/arp/\\?ipv4=${state.replace(/\./g, '\\.')}#ipv4$`));
  const fig = page.locator('figure#ipv4');
  await expect(fig).toHaveAttribute('data-live', '');
  await expect(fig.locator('.kit-counter')).toHaveText(/^Step 4 of/);
  await expect(fig).toBeInViewport();
});
