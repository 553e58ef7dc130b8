// The MAC dissector (W2) in the built chapter 2 (/zh/ethernet/, /en/ethernet/): typed addresses in
// every spelling, the messages for bad ones, presets, the I/G and U/L bits flipped by click, tap
// and keyboard, the state link, presenter mode, axe light and dark, and the JavaScript-off figure.
// Run after a build: E2E_DIST=/tmp/mp-dist E2E_PORT=4631 npx playwright test tests/e2e/mac.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/ethernet/';
const ZH = '/zh/ethernet/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#mac');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  await expect(fig.locator('.widget-live .mac-bits svg')).toBeVisible();
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const field = (fig: Locator) => fig.locator('.mac-input');
const bit = (fig: Locator, b: 0 | 1) => fig.locator(`.widget-live .kit-bit[data-bit="${b}"]`);
const facts = (fig: Locator) => fig.locator('.widget-live .mac-facts');

test('every spelling of one address shows the same dissection', async ({ page }) => {
  const fig = await open(page, EN);
  for (const text of ['00:50:56:C0:00:08', '00-50-56-c0-00-08', '0050.56c0.0008', '005056C00008']) {
    await field(fig).fill(text);
    await expect(live(fig)).toHaveText('00:50:56:c0:00:08: unicast, universal');
    await expect(facts(fig)).toContainText('VMware, Inc.');
    await expect(page).toHaveURL(/[?&]mac=00%3A50%3A56%3Ac0%3A00%3A08/);
  }
  await expect(facts(fig)).toContainText('MA-M (28-bit prefix) and MA-S (36-bit prefix)');
  await expect(fig.locator('.widget-live .mac-octets svg')).toContainText('OUI 00:50:56');
});

test('a bad address says what is wrong, in the reader’s language, and keeps the last good one', async ({ page }) => {
  const fig = await open(page, EN);
  const err = fig.locator('.widget-live .mac-err');
  const cases: Array<[string, string]> = [
    ['00:00:5e:00:53', 'That is 5 octets; a MAC address has 6.'],
    ['00:00:5e:00:53:zz', '"z" is not a hex digit'],
    ['00:00:5e-00-53-01', 'It mixes the separators : -'],
    ['00005e00530', 'That is 11 hex digits; a MAC address has 12.'],
  ];
  for (const [text, said] of cases) {
    await field(fig).fill(text);
    await expect(err).toContainText(said);
    await expect(field(fig)).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(fig.locator('.widget-live .mac-spell')).toContainText('00:00:5e:00:53:01');
  await field(fig).press('Enter');
  await expect(live(fig)).toContainText('That is 11 hex digits');
  const zh = await open(page, ZH);
  await field(zh).fill('00:00:5e:00:53');
  await expect(zh.locator('.widget-live .mac-err')).toContainText('这里有 5 个字节，MAC 地址是 6 个字节。');
  await field(zh).fill('00:00:5e:00:53:01');
  await expect(zh.locator('.widget-live .mac-err')).toBeHidden();
  await expect(field(zh)).not.toHaveAttribute('aria-invalid', 'true');
});

test('presets: randomized local, broadcast, IPv4 and IPv6 multicast', async ({ page }) => {
  const fig = await open(page, EN);
  const preset = (name: string) => fig.getByRole('button', { name, exact: true });
  await preset('Randomized local').click();
  await expect(preset('Randomized local')).toHaveAttribute('aria-pressed', 'true');
  await expect(live(fig)).toHaveText('a6:3f:1c:9e:20:7b: unicast, locally administered');
  await expect(facts(fig)).toContainText('second hex digit is 6');
  await expect(fig.locator('.widget-live .mac-octets svg')).toContainText('local, no OUI');
  await preset('Broadcast').click();
  await expect(facts(fig)).toContainText('All 48 bits set');
  await preset('IPv4 multicast').click();
  await expect(facts(fig)).toContainText('224.0.0.251');
  await expect(facts(fig)).toContainText('ICANN, IANA Department');
  await preset('IPv6 multicast').click();
  await expect(facts(fig)).toContainText('ff02::1');
});

test('click, tap or Enter on a bit flips it; the address, picture and narration follow', async ({ page }) => {
  const fig = await open(page, EN);
  await bit(fig, 0).click();
  await expect(live(fig)).toHaveText('Flipped the I/G bit (b0): 0 → 1. Now 01:00:5e:00:53:01. 01:00:5e:00:53:01: multicast, universal');
  await expect(field(fig)).toHaveValue('01:00:5e:00:53:01');
  await expect(fig.locator('.widget-live .mac-bits svg')).toContainText('0x01 = 0000 0001');
  await expect(page).toHaveURL(/mac=01%3A00%3A5e%3A00%3A53%3A01/);
  // Keyboard: the bit kept the focus; Enter flips it back, Tab goes on to U/L and Enter flips that.
  await expect(bit(fig, 0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(fig)).toHaveValue('00:00:5e:00:53:01');
  await bit(fig, 1).focus();
  await page.keyboard.press('Enter');
  await expect(field(fig)).toHaveValue('02:00:5e:00:53:01');
  await expect(live(fig)).toContainText('locally administered');
  await expect(bit(fig, 1)).toHaveAttribute('aria-label', 'U/L bit (b1) is 1; press to flip');
});

test('the touch targets of the bits are at least 44 px on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const fig = await open(page, EN);
  for (const b of [0, 1] as const) {
    const box = (await bit(fig, b).locator('.kit-hit').boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }
});

test('a state link opens at that address; a garbled one says so and starts from the default', async ({ page }) => {
  const fig = await open(page, `${EN}?mac=33-33-00-00-00-01#mac`);
  await expect(field(fig)).toHaveValue('33:33:00:00:00:01');
  await expect(fig.getByRole('button', { name: 'IPv6 multicast' })).toHaveAttribute('aria-pressed', 'true');
  const bad = await open(page, `${EN}?mac=zz:zz#mac`);
  await expect(bad.locator('.kit-notice')).toContainText('was not understood');
  await expect(field(bad)).toHaveValue('00:00:5e:00:53:01');
  const huge = await open(page, `${EN}?mac=${'a'.repeat(2100)}`);
  await expect(huge.locator('.kit-notice')).toBeVisible();
});

test('presenter mode from the button and from a link', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByRole('button', { name: 'Presenter mode (F)' }).click();
  await expect(fig).toHaveAttribute('data-present', '');
  await page.keyboard.press('Escape');
  await expect(fig).not.toHaveAttribute('data-present', '');
  const linked = await open(page, `${EN}?mac=ff:ff:ff:ff:ff:ff&present=mac`);
  await expect(linked).toHaveAttribute('data-present', '');
  await expect(field(linked)).toHaveValue('ff:ff:ff:ff:ff:ff');
});

for (const scheme of ['light', 'dark'] as const)
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const [where, url, act] of [
      ['default', EN, null],
      ['bad input, a bit focused (zh)', `${ZH}?mac=nonsense`, 'bad'],
      ['IPv6 multicast', `${EN}?mac=33:33:00:00:00:01`, null],
    ] as const)
      test(where, async ({ page }) => {
        const fig = await open(page, url);
        if (act === 'bad') {
          await field(fig).fill('00:00:5e:00:53');
          await bit(fig, 1).focus();
        }
        const { violations } = await new AxeBuilder({ page }).include('figure#mac').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the figure shows the default address taken apart', async ({ page }) => {
    await page.goto(ZH);
    const fig = page.locator('figure#mac');
    await expect(fig).not.toHaveAttribute('data-live', '');
    await expect(fig.locator('.widget-static .mac-octets svg')).toContainText('OUI 00:00:5E');
    await expect(fig.locator('.widget-static .mac-bits svg')).toContainText('I/G');
    await expect(fig.locator('.widget-static .mac-facts')).toContainText('MA-M');
  });
});
