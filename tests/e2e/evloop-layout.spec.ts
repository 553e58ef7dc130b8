// The event loop's layout in Chromium: every step of every preset at 360 px (and one at 1440 px),
// in both languages, and presenter mode at 1280×720 (18 px least), measured by layoutProblems.
// Run after a build: E2E_PORT=4712 npx playwright test tests/e2e/evloop-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';
import { encodeState, preset, PRESET_NAMES, simulate, type Scenario } from '../../src/widgets/evloop/model.ts';

const SETUPS: Array<[string, Scenario]> = [
  ...PRESET_NAMES.map((p): [string, Scenario] => [p, preset(p)]),
  ['two lines, C2 blocks 8', { ...preset('time-sleep'), slowClient: 1, sleep: 8, lines: 2, arrivals: [0, 2, 3] }],
];

async function walk(page: Page, lang: 'en' | 'zh', [name, s]: [string, Scenario], width: number, present = false): Promise<string[]> {
  await page.setViewportSize({ width, height: present ? 720 : 900 });
  const steps = simulate(s).steps.length - 1;
  await page.goto(`/${lang}/io-models/selectors/?evloop=${encodeState(s, 0)}${present ? '&present=evloop' : ''}#evloop`);
  const fig = page.locator('figure#evloop');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  if (present) await expect(fig).toHaveAttribute('data-present', '');
  const found: string[] = [];
  for (let step = 0; step <= steps; step++) {
    if (step > 0) await fig.locator('.kit-player .forward').click();
    if (step > 0) await expect(fig.locator('.kit-counter')).toContainText(String(step));
    for (const pr of await layoutProblems(page, 'figure#evloop', { minPx: present ? 18 : 12 })) found.push(`${lang} ${name}, ${present ? 'presenter ' : ''}${width} px, step ${step}: ${pr}`);
    if (found.length) break;
  }
  return found;
}

for (const width of [360, 1440])
  test.describe(`layout at ${width} px`, () => {
    for (const s of width === 360 ? SETUPS : SETUPS.slice(-1))
      test(s[0], async ({ page }) => {
        test.setTimeout(120_000);
        expect(await walk(page, 'en', s, width)).toEqual([]);
      });
    test('Chinese, time.sleep', async ({ page }) => {
      test.setTimeout(120_000);
      expect(await walk(page, 'zh', SETUPS[2]!, width)).toEqual([]);
    });
  });

test.describe('presenter mode on a 1280×720 projector: text ≥ 18 px', () => {
  for (const s of [SETUPS[2]!, SETUPS[1]!])
    test(s[0], async ({ page }) => {
      test.setTimeout(120_000);
      expect(await walk(page, 'en', s, 1280, true)).toEqual([]);
    });
});
