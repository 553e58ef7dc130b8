// W13's layout in Chromium: every step of the scenarios that draw distinct pictures (one queue;
// MLFQ levels with I/O bars; five jobs with boosts), at 360 and 1440 px in one
// page per language (the kit's fit() redraws on resize), and presenter mode at 1280×720 (18 px least).
// Run after a build: E2E_PORT=4661 npx playwright test tests/e2e/scheduler-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';
import { preset, trace, type PresetName } from '../../src/widgets/scheduler/model.ts';

// English: one queue (RR); five jobs, two levels, I/O and boosts. Chinese: three levels with I/O bars
// (the old rules), the widest words.
const SCENARIOS: PresetName[] = ['abc-rr', 'starve-boost'];

async function walk(page: Page, fig: Locator, lang: string, name: PresetName, where: string, minPx: number): Promise<string[]> {
  await fig.locator('select').first().selectOption(name);
  await expect(fig.locator('.kit-counter')).not.toContainText(/\d/);
  const found: string[] = [];
  const steps = trace(preset(name)).end;
  await fig.locator('.sc-chart').focus();
  for (let step = 0; step <= steps && !found.length; step++) {
    // A step renders synchronously in the key's handler: the picture is there when press() returns.
    if (step > 0) await page.keyboard.press('ArrowRight');
    for (const pr of await layoutProblems(page, 'figure#scheduler', { minPx })) found.push(`${lang} ${name}, ${where}, step ${step}: ${pr}`);
  }
  return found;
}

for (const [lang, scenarios] of [['en', SCENARIOS], ['zh', ['gaming-old']]] as const)
  test(`${lang}: every step at 360 and 1440 px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 900 });
    await page.goto(`/${lang}/processes/scheduling/#scheduler`);
    const fig = page.locator('figure#scheduler');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-live', '');
    const found: string[] = [];
    for (const width of [360, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      for (const s of scenarios) found.push(...(await walk(page, fig, lang, s, `${width} px`, 12)));
    }
    expect(found).toEqual([]);
    await expect(fig.locator('.kit-counter')).toContainText(String(trace(preset(scenarios.at(-1)!)).end));
  });

test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/en/processes/scheduling/?present=scheduler#scheduler');
  const fig = page.locator('figure#scheduler');
  await expect(fig).toHaveAttribute('data-present', '');
  const found: string[] = [];
  for (const s of ['abc-mlfq'] as const) found.push(...(await walk(page, fig, 'en', s, 'presenter', 18)));
  expect(found).toEqual([]);
});
