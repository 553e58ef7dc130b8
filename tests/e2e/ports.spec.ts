// Ports and the four-tuple (W5) in the built chapter 4 (/zh/tcp-udp/, /en/tcp-udp/): a typed port
// on the line of 0–65535 and the messages for bad ones; clients connecting to 127.0.0.1:8000, each
// a distinct four-tuple; UDP 8000 beside TCP 8000; the second bind's EADDRINUSE; the state link,
// presenter mode, axe light and dark, and the JavaScript-off figure.
// Run after a build: E2E_DIST=/tmp/mp-dist E2E_PORT=4631 npx playwright test tests/e2e/ports.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/tcp-udp/';
const ZH = '/zh/tcp-udp/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#port-lab');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  await expect(fig.locator('.widget-live .pt-line svg')).toBeVisible();
  return fig;
}
const live = (fig: Locator) => fig.locator('.widget-live .kit-live');
const field = (fig: Locator) => fig.locator('.widget-live input.pt-input');
const err = (fig: Locator) => fig.locator('.widget-live .pt-err');
const rows = (fig: Locator) => fig.locator('.widget-live .kit-tbl tbody tr');
const line = (fig: Locator) => fig.locator('.widget-live .pt-line svg');

test('a typed port is classified and marked on the line', async ({ page }) => {
  const fig = await open(page, EN);
  const cases: Array<[string, string, string]> = [
    ['80', '80 · system port', '80 is a system port'],
    ['8000', '8000 · user port', "Django's runserver"],
    ['40000', '40000 · user port · in Linux’s ephemeral range', "in Linux's default ephemeral range"],
    ['50000', '50000 · dynamic port · in Linux’s ephemeral range', '50000 is a dynamic port'],
    ['65535', '65535 · dynamic port', "outside Linux's default ephemeral range"],
  ];
  for (const [text, mark, fact] of cases) {
    await field(fig).fill(text);
    await expect(line(fig)).toContainText(mark);
    await expect(fig.locator('.widget-live .pt-facts')).toContainText(fact);
    await expect(live(fig)).toHaveText(`Port ${text}: ${mark}`);
  }
  await expect(page).toHaveURL(/[?&]port-lab=65535\.3(&|#|$)/);
});

test('a bad port says what is wrong, in the reader’s language', async ({ page }) => {
  const fig = await open(page, EN);
  const cases: Array<[string, string]> = [
    ['70000', '70000 is out of range'],
    ['-1', '-1 is out of range'],
    ['abc', '"abc" is not a number'],
    ['8000.5', '8000.5 is not a whole number'],
    ['', 'Type a port number'],
  ];
  for (const [text, said] of cases) {
    await field(fig).fill(text);
    await expect(err(fig)).toContainText(said);
    await expect(field(fig)).toHaveAttribute('aria-invalid', 'true');
    await expect(line(fig)).toContainText('8000 · user port');
  }
  const zh = await open(page, ZH);
  await field(zh).fill('70000');
  await expect(err(zh)).toContainText('70000 超出了范围');
  await field(zh).fill('8000.5');
  await expect(err(zh)).toContainText('8000.5 不是整数');
  await field(zh).press('Enter');
  await expect(live(zh)).toContainText('8000.5 不是整数');
});

test('each new client is a new row: a distinct four-tuple, all on 127.0.0.1:8000', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByRole('button', { name: 'Disconnect all' }).click();
  await expect(rows(fig)).toHaveCount(2); // the listener and the UDP socket
  const connect = fig.getByRole('button', { name: 'New client connect()' });
  for (let n = 1; n <= 4; n++) {
    await connect.click();
    await expect(rows(fig)).toHaveCount(2 + n);
    await expect(fig.locator('.widget-live .kit-tbl tr[data-mark="added"]')).toHaveCount(1);
    await expect(live(fig)).toContainText('A new client connected');
  }
  const cells = await rows(fig).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)));
  const estab = cells.filter((c) => c[3] === 'ESTAB');
  expect(estab).toHaveLength(4);
  for (const c of cells) expect(c[1]).toBe('127.0.0.1:8000');
  expect(new Set(estab.map((c) => c[2])).size).toBe(4);
  for (const c of estab) {
    const port = Number(c[2]!.split(':')[1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
  }
  expect(cells.filter((c) => c[0] === 'udp')).toEqual([['udp', '127.0.0.1:8000', '0.0.0.0:*', 'UNCONN']]);
  await expect(page).toHaveURL(/port-lab=8000\.4(&|#|$)/);
});

test('a second TCP bind to :8000 fails with EADDRINUSE, and the keyboard does it all', async ({ page }) => {
  const fig = await open(page, EN);
  const rebind = fig.getByRole('button', { name: 'Bind a second TCP socket to 8000' });
  await rebind.focus();
  await page.keyboard.press('Enter');
  await expect(rebind).toHaveAttribute('aria-pressed', 'true');
  await expect(fig.locator('.widget-live .pt-rebind-out')).toContainText("bind(('127.0.0.1', 8000)) → OSError: [Errno 98] Address already in use (EADDRINUSE)");
  await expect(live(fig)).toContainText('EADDRINUSE');
  await expect(page).toHaveURL(/port-lab=8000\.3\.b/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(rows(fig)).toHaveCount(6);
});

test('a state link opens that state; a garbled one says so and starts from the default', async ({ page }) => {
  const fig = await open(page, `${EN}?port-lab=443.5.b#port-lab`);
  await expect(field(fig)).toHaveValue('443');
  await expect(rows(fig)).toHaveCount(7);
  await expect(fig.locator('.widget-live .pt-rebind-out')).toBeVisible();
  for (const bad of ['70000.1', 'x', '80.99']) {
    const f = await open(page, `${EN}?port-lab=${bad}#port-lab`);
    await expect(f.locator('.kit-notice')).toContainText('was not understood');
    await expect(field(f)).toHaveValue('8000');
    await expect(rows(f)).toHaveCount(5);
  }
});

test('presenter mode from the button and from a link', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByRole('button', { name: 'Presenter mode (F)' }).click();
  await expect(fig).toHaveAttribute('data-present', '');
  await page.keyboard.press('Escape');
  await expect(fig).not.toHaveAttribute('data-present', '');
  const linked = await open(page, `${EN}?port-lab=22.1&present=port-lab`);
  await expect(linked).toHaveAttribute('data-present', '');
});

for (const scheme of ['light', 'dark'] as const)
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const [where, url, act] of [
      ['default', EN, false],
      ['bind refused, bad input (zh)', `${ZH}?port-lab=50000.6.b`, true],
      ['bad link', `${EN}?port-lab=zzz`, false],
    ] as const)
      test(where, async ({ page }) => {
        const fig = await open(page, url);
        if (act) await field(fig).fill('abc');
        const { violations } = await new AxeBuilder({ page }).include('figure#port-lab').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the figure shows the server host’s sockets with three clients', async ({ page }) => {
    await page.goto(ZH);
    const fig = page.locator('figure#port-lab');
    await expect(fig).not.toHaveAttribute('data-live', '');
    await expect(fig.locator('.widget-static tbody tr')).toHaveCount(5);
    await expect(fig.locator('.widget-static')).toContainText('不同的四元组');
  });
});
