// The layout check for the MAC dissector (W2): every preset, and each with its I/G and U/L bits
// flipped, at 360 and 1440 px and in presenter mode at 1280×720, measured in Chromium by
// layoutProblems() (text ≥ 12 px, or 18 px presenting; no text on text or on a line; nothing clipped).
// Run after a build: E2E_DIST=/tmp/mp-dist E2E_PORT=4631 npx playwright test tests/e2e/mac-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';
import { PRESETS } from '../../src/widgets/mac/model.ts';

async function walk(page: Page, lang: 'en' | 'zh', width: number, present = false): Promise<string[]> {
  await page.setViewportSize({ width, height: present ? 720 : 900 });
  await page.goto(`/${lang}/ethernet/${present ? '?present=mac' : ''}#mac`);
  const fig = page.locator('figure#mac');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  if (present) await expect(fig).toHaveAttribute('data-present', '');
  const found: string[] = [];
  const check = async (what: string) => {
    await expect(fig.locator('.widget-live .mac-bits svg')).toBeVisible();
    for (const p of await layoutProblems(page, 'figure#mac', { minPx: present ? 18 : 12 })) found.push(`${lang} ${what}, ${present ? 'presenter ' : ''}${width} px: ${p}`);
  };
  for (const [name, mac] of Object.entries(PRESETS)) {
    await fig.locator(`.widget-live [data-preset="${name}"]`).click();
    await expect(fig.locator('.widget-live .mac-input')).toHaveValue(mac);
    await check(name);
    for (const bit of [0, 1]) {
      await fig.locator(`.widget-live .kit-bit[data-bit="${bit}"]`).click();
      await check(`${name}, b${bit} flipped`);
    }
    if (found.length) break;
  }
  await fig.locator('.widget-live .mac-input').fill('00:00:5e-00-53-01');
  await check('a bad address');
  return found;
}

for (const width of [360, 1440])
  test.describe(`layout at ${width} px`, () => {
    // At 1440 px a widget gets the prose's measure (46rem), as at 768, and the unit tests lay its
    // pictures out at that width in Node; here English confirms it in Chromium.
    for (const lang of width === 360 ? (['en', 'zh'] as const) : (['en'] as const))
      test(`${lang}: every preset, each bit flipped`, async ({ page }) => {
        test.setTimeout(120_000);
        expect(await walk(page, lang, width)).toEqual([]);
      });
  });

test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walk(page, 'en', 1280, true)).toEqual([]);
});
