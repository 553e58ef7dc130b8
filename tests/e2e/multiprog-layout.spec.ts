// W11's layout in Chromium: every step of the figure's jobs under uniprogramming and switching on
// I/O at 360 and 1440 px (resized in place), of a three-job run with slices at 360 px, in both
// languages, and presenter mode at 1280×720 (18 px least), measured by layoutProblems.
// Run after a build: E2E_PORT=4662 npx playwright test tests/e2e/multiprog-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';
import { DEFAULT_SETUP, encodeState, simulate, stepTimes, type Setup } from '../../src/widgets/multiprog/model.ts';

const THREE: Setup = { mode: 'both', jobs: [[5, 30, 25], [40], [10, 10, 10, 10, 10]], switchCost: 2, quantum: 8 };

async function walk(page: Page, lang: 'en' | 'zh', setups: Setup[], widths: number[], present = false): Promise<string[]> {
  const found: string[] = [];
  const fig = page.locator('figure#multiprog-lab');
  for (const s of setups) {
    await page.goto(`/${lang}/os-history/io-vs-cpu-bound/?multiprog-lab=${encodeState(s, 0)}${present ? '&present=multiprog-lab' : ''}#multiprog-lab`);
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-live', '');
    if (present) await expect(fig).toHaveAttribute('data-present', '');
    const steps = stepTimes(simulate(s)).length - 1;
    for (const width of widths) {
      await page.setViewportSize({ width, height: present ? 720 : 900 });
      const restart = fig.locator('.kit-player .restart');
      if ((await restart.getAttribute('aria-disabled')) !== 'true') await restart.click();
      for (let step = 0; step <= steps; step++) {
        if (step > 0) await fig.locator('.kit-player .forward').click();
        if (step > 0) await expect(fig.locator('.kit-counter')).toContainText(String(step));
        for (const pr of await layoutProblems(page, 'figure#multiprog-lab', { minPx: present ? 18 : 12 })) found.push(`${lang} ${s.mode}, ${present ? 'presenter ' : ''}${width} px, step ${step}: ${pr}`);
        if (found.length) return found;
      }
    }
  }
  return found;
}

// Uniprogramming (holds, no switches) and switching on I/O (switches, idle) on a phone and a laptop;
// the three-job run with slices (the most bars, the narrowest ones) on a phone; 768 px and the rest
// of the widths are the timeline's unit test's (tests/unit/multiprog-view.test.ts).
test('en: uni and switch on I/O at 360 and 1440 px, the three-job slice run at 360 px', async ({ page }) => {
  test.setTimeout(180_000);
  expect(await walk(page, 'en', [{ ...DEFAULT_SETUP, mode: 'uni' }, DEFAULT_SETUP], [360, 1440])).toEqual([]);
  expect(await walk(page, 'en', [THREE], [360])).toEqual([]);
});
test('zh: switch on I/O at 360 and 1440 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walk(page, 'zh', [DEFAULT_SETUP], [360, 1440])).toEqual([]);
});
test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walk(page, 'en', [DEFAULT_SETUP], [1280], true)).toEqual([]);
});
