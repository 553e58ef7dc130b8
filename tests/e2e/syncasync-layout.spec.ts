// W14's layout in Chromium: every step of two timings (the default, every bar named on a laptop;
// an early result polled rarely, a long axis; Chinese walks the default) at 360 and 1440 px in one page per language, and
// presenter mode at 1280×720 (18 px least), measured by layoutProblems.
// Run after a build: E2E_PORT=4663 npx playwright test tests/e2e/syncasync-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';
import { simulate, type Scenario } from '../../src/widgets/syncasync/model.ts';
import { kitText } from '../../src/widgets/kit/i18n.ts';

const TIMINGS: Scenario[] = [{ ready: 5, poll: 2 }, { ready: 1, poll: 10 }];

async function walk(page: Page, fig: Locator, lang: 'en' | 'zh', s: Scenario, where: string, minPx: number): Promise<string[]> {
  const [ready, poll] = await fig.getByRole('spinbutton').all();
  await ready!.fill(String(s.ready));
  await poll!.fill(String(s.poll));
  // The same timing again does not restart the run: go back to its start.
  if ((await fig.locator('.kit-counter').textContent()) !== kitText[lang].start) await fig.locator('.sa-chart').press('Home');
  await expect(fig.locator('.kit-counter')).toHaveText(kitText[lang].start);
  const steps = simulate(s).times.length;
  const found: string[] = [];
  for (let step = 0; step <= steps; step++) {
    if (step > 0) await fig.locator('.kit-player .forward').click();
    if (step > 0) await expect(fig.locator('.kit-counter')).toContainText(String(step));
    for (const pr of await layoutProblems(page, 'figure#sync-async-lab', { minPx })) found.push(`${lang} ready ${s.ready} poll ${s.poll}, ${where}, step ${step}: ${pr}`);
    if (found.length) break;
  }
  return found;
}

for (const lang of ['en', 'zh'] as const)
  test(`${lang}: every step of each timing at 360 and 1440 px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 900 });
    await page.goto(`/${lang}/processes/sync-async-blocking/#sync-async-lab`);
    const fig = page.locator('figure#sync-async-lab');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-live', '');
    const found: string[] = [];
    for (const width of [360, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      for (const s of lang === 'en' ? TIMINGS : TIMINGS.slice(0, 1)) found.push(...(await walk(page, fig, lang, s, `${width} px`, 12)));
    }
    expect(found).toEqual([]);
  });

test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/en/processes/sync-async-blocking/?sync-async-lab=5.2.0&present=sync-async-lab#sync-async-lab');
  const fig = page.locator('figure#sync-async-lab');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-present', '');
  expect(await walk(page, fig, 'en', TIMINGS[0]!, 'presenter', 18)).toEqual([]);
});
