// W15's layout in Chromium: every step of every preset at 360 and 1440 px in one page per
// language, and presenter mode at 1280×720 (18 px least).
// Run after a build: E2E_PORT=4664 npx playwright test tests/e2e/lifecycle-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';
import { preset, type PresetName } from '../../src/widgets/lifecycle/model.ts';

async function walkAll(page: Page, lang: 'en' | 'zh', presets: PresetName[], widths: number[], present = false): Promise<string[]> {
  await page.setViewportSize({ width: widths[0]!, height: present ? 720 : 900 });
  await page.goto(`/${lang}/multiprocessing/process-api/${present ? '?present=lifecycle' : ''}#lifecycle`);
  const fig = page.locator('figure#lifecycle');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  if (present) await expect(fig).toHaveAttribute('data-present', '');
  const found: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: present ? 720 : 900 });
    for (const p of presets) {
      await fig.locator('select').first().selectOption(p);
      const steps = preset(p).actions.length;
      for (let step = 0; step <= steps; step++) {
        if (step > 0) await fig.locator('.kit-player .forward').click();
        if (step > 0) await expect(fig.locator('.kit-counter')).toContainText(` ${step} `);
        for (const pr of await layoutProblems(page, 'figure#lifecycle', { minPx: present ? 18 : 12 })) found.push(`${lang} ${p}, ${present ? 'presenter ' : ''}${width} px, step ${step}: ${pr}`);
        if (found.length) return found;
      }
    }
  }
  return found;
}

// 'daemon-late' draws nothing the others do not (a note, an arrow back), and the unit test lays out
// every step of every preset in Node.
test('English: four presets, every step, at 360 and 1440 px', async ({ page }) => {
  test.setTimeout(180_000);
  expect(await walkAll(page, 'en', ['terminate', 'daemon', 'unguarded', 'join'], [360, 1440])).toEqual([]);
});
test('Chinese: terminate and the unguarded script, every step, at 360 and 1440 px', async ({ page }) => {
  test.setTimeout(180_000);
  expect(await walkAll(page, 'zh', ['terminate', 'unguarded'], [360, 1440])).toEqual([]);
});
test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walkAll(page, 'en', ['terminate'], [1280], true)).toEqual([]);
});
