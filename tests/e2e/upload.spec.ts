// W9 Upload progress in the built chapter 6 (/en/framing/large-file-upload/): stepping, presets,
// options restarting at step 0, bad input, a state link round-trip, keyboard, axe light and dark.
// Run after a build: E2E_DIST=/tmp/up-dist E2E_PORT=4651 npx playwright test tests/e2e/upload.spec.ts
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

const EN = '/en/framing/large-file-upload/';
const ZH = '/zh/framing/large-file-upload/';

async function open(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const fig = page.locator('figure#upload');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  return fig;
}
const live = (fig: Locator) => fig.locator('.kit-live');
const counter = (fig: Locator) => fig.locator('.kit-counter');

test('steps the normal loop: the bar moves by what each recv returned, and the end says so', async ({ page }) => {
  const fig = await open(page, EN);
  await expect(live(fig)).toContainText("recv_header has read frame 1's length prefix and header: file_size is 3,000");
  await fig.locator('.kit-player .forward').click();
  await expect(live(fig)).toHaveText(/^recv call 1: asked for 1,024, \d+ waiting in the kernel, got \d+\. remaining = [\d,]+\.$/);
  await expect(fig.locator('.up-bar svg')).toContainText(/recv\(1024\) → \d+/);
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.up-verdict')).toContainText('remaining is 0: the loop ends with exactly 3,000 bytes');
  await expect(fig.locator('.up-window svg')).toContainText('last recv ends');
});

test('without min: bytes of frame 2 land in file 1, named by their frame', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.getByLabel('Scenario', { exact: true }).selectOption('no-min');
  await expect(counter(fig)).toHaveText('Before the first step');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.up-verdict')).toContainText('file 1 ends with 72 bytes of frame 2');
  await expect(fig.locator('.up-bar svg')).toContainText('72 B of frame 2');
  for (const w of ['b.txt len', 'b.txt header', 'in file 1', 'left in the socket']) await expect(fig.locator('.up-window svg')).toContainText(w);
  await expect(fig.locator('.widget-live .up-code')).toContainText('conn.recv(1024)');
  await expect(fig.locator('.up-note')).toBeVisible();
});

test('a drop mid-way ends in ConnectionError; md5 mismatch is reported (Chinese)', async ({ page }) => {
  let fig = await open(page, EN);
  await fig.getByLabel('Scenario', { exact: true }).selectOption('drop');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.up-verdict')).toContainText('ConnectionError: peer closed after 1,800 of 3,000 bytes');
  fig = await open(page, ZH);
  await fig.getByLabel('场景', { exact: true }).selectOption('md5-bad');
  await fig.locator('.kit-player .end').click();
  await expect(fig.locator('.up-verdict')).toContainText('md5 不一致');
});

test('any option change restarts at step 0, and the link follows', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.locator('.kit-player .forward').click();
  await fig.locator('.kit-player .forward').click();
  await expect(counter(fig)).toHaveText(/^Step 2 of/);
  await fig.getByLabel('Chunk size', { exact: true }).fill('512');
  await fig.getByLabel('Chunk size', { exact: true }).press('Enter');
  await expect(counter(fig)).toHaveText('Before the first step');
  await expect(page).toHaveURL(/upload=3000\.512\.m\.7\.0/);
  await fig.getByLabel('Use min(chunk, remaining)', { exact: true }).uncheck();
  await expect(counter(fig)).toHaveText('Before the first step');
  await expect(page).toHaveURL(/upload=3000\.512\.n\.7\.0/);
  await expect(fig.getByLabel('Scenario', { exact: true })).toHaveValue('custom');
});

test('bad sizes get a clear message and change nothing', async ({ page }) => {
  const fig = await open(page, EN);
  for (const bad of ['10 GB', '-1', 'abc', '10000000000']) {
    await fig.getByLabel('File size (bytes)', { exact: true }).fill(bad);
    await fig.getByLabel('File size (bytes)', { exact: true }).press('Enter');
    await expect(fig.locator('.kit-error')).toHaveText('File size: enter a whole number of bytes from 1 to 1,000,000 (not 10 GB, not -1, not text).');
    await expect(fig.getByLabel('File size (bytes)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  }
  await fig.getByLabel('Chunk size', { exact: true }).fill('1');
  await fig.getByLabel('Chunk size', { exact: true }).press('Enter');
  await expect(fig.locator('.kit-error')).toContainText('too many recv calls');
  await expect(page).not.toHaveURL(/upload=/);
});

test('a state link opens that step; a garbled one starts from the default and says so', async ({ page }) => {
  let fig = await open(page, `${EN}?upload=3000.1024.n.0.3#upload`);
  await expect(counter(fig)).toHaveText('Step 3 of 4');
  await expect(fig.getByLabel('Scenario', { exact: true })).toHaveValue('no-min');
  await expect(fig.locator('.up-bar svg')).toContainText('72 B of frame 2');
  fig = await open(page, `${EN}?upload=3000.1024.zz.7.99#upload`);
  await expect(fig.locator('.kit-notice')).toContainText('not understood');
  await expect(counter(fig)).toHaveText('Before the first step');
});

test('keyboard: ← → step with focus on the picture; the options are reachable', async ({ page }) => {
  const fig = await open(page, EN);
  await fig.locator('.up-bar').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(counter(fig)).toHaveText(/^Step 2 of/);
  await page.keyboard.press('ArrowLeft');
  await expect(counter(fig)).toHaveText(/^Step 1 of/);
  // In a field the arrows are the field's own: no step.
  await fig.getByLabel('File size (bytes)', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(counter(fig)).toHaveText(/^Step 1 of/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static run: the pictures and every step in words', async ({ page }) => {
    await page.goto(EN);
    const fig = page.locator('figure#upload');
    await expect(fig.locator('.widget-static svg')).toHaveCount(2);
    await expect(fig.locator('.widget-static ol li').last()).toContainText('remaining is 0');
  });
});

for (const scheme of ['light', 'dark'] as const)
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const [where, url] of [['default', EN], ['no-min at the end', `${EN}?upload=3000.1024.n.0.4`], ['drop at the end (zh)', `${ZH}?upload=3000.1024.md1800.7.7`], ['bad link', `${EN}?upload=x`]] as const)
      test(where, async ({ page }) => {
        test.setTimeout(60_000);
        await open(page, url);
        const { violations } = await new AxeBuilder({ page }).include('figure#upload').withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
  });
