// W18's layout in Chromium: every step of the presets that draw something different (a put waiting;
// two producers and two consumers under JoinableQueue) and a hand run, at
// 360 and 1440 px in one page per language, and presenter mode at 1280×720 (18 px least).
// Run after a build: E2E_PORT=4664 npx playwright test tests/e2e/queue-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';
import { preset, simulate, type PresetName } from '../../src/widgets/queue/model.ts';

const HAND = 'PPpPGGgG';

async function walk(page: Page, fig: Locator, where: string, steps: number, minPx: number, found: string[]) {
  for (let step = 0; step <= steps; step++) {
    if (step > 0) await fig.locator('.kit-player .forward').click();
    await expect(fig.locator('.kit-counter')).toContainText(step === 0 ? /./ : ` ${step} `);
    for (const pr of await layoutProblems(page, 'figure#queue', { minPx })) found.push(`${where}, step ${step}: ${pr}`);
    if (found.length) return;
  }
}

async function walkAll(page: Page, lang: 'en' | 'zh', presets: PresetName[], widths: number[], { present = false, hand = true } = {}): Promise<string[]> {
  await page.setViewportSize({ width: widths[0]!, height: present ? 720 : 900 });
  await page.goto(`/${lang}/queues/?queue=h.2.f.${HAND}.0${present ? '&present=queue' : ''}#queue`);
  const fig = page.locator('figure#queue');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-live', '');
  if (present) await expect(fig).toHaveAttribute('data-present', '');
  const found: string[] = [];
  const minPx = present ? 18 : 12;
  for (const width of widths) {
    await page.setViewportSize({ width, height: present ? 720 : 900 });
    if (hand) {
      // The mode select starts the hand run again at step 0 (its operations are kept).
      await fig.locator('select').first().selectOption('hand');
      await walk(page, fig, `${lang} hand, ${width} px`, HAND.length, minPx, found);
      if (found.length) return found;
    }
    await fig.locator('select').first().selectOption('run');
    for (const p of presets) {
      await fig.locator('select').nth(1).selectOption(p);
      await walk(page, fig, `${lang} ${p}, ${present ? 'presenter ' : ''}${width} px`, simulate(preset(p)).steps.length, minPx, found);
      if (found.length) return found;
    }
  }
  return found;
}

// The LifoQueue preset draws nothing the others do not (the same slots, marks and bars), so it is
// left to the unit test of the view, which lays out every step of every preset in Node.
test('English: a hand run and two presets, every step, at 360 and 1440 px', async ({ page }) => {
  test.setTimeout(180_000);
  expect(await walkAll(page, 'en', ['slow-consumer', 'joinable'], [360, 1440])).toEqual([]);
});
test('Chinese: the slow consumer (the longest blocked box), every step, at 360 and 1440 px', async ({ page }) => {
  test.setTimeout(180_000);
  expect(await walkAll(page, 'zh', ['slow-consumer'], [360, 1440], { hand: false })).toEqual([]);
});
test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walkAll(page, 'en', ['joinable'], [1280], { present: true })).toEqual([]);
});
