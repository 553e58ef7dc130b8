// W12's layout in Chromium: every move of the recv example and of the illegal examples at 360 px and
// of the recv example at 1440 px (resized in place), in both languages, and presenter mode at
// 1280×720 (18 px least), measured by layoutProblems.
// Run after a build: E2E_PORT=4662 npx playwright test tests/e2e/procstates-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';
import { encodeState, PRESETS, presetState, type PresetName } from '../../src/widgets/procstates/model.ts';

async function walkAll(page: Page, lang: 'en' | 'zh', widths: number[], names: readonly PresetName[], present = false): Promise<string[]> {
  const found: string[] = [];
  const fig = page.locator('figure#state-lab');
  for (const name of names) {
    await page.goto(`/${lang}/processes/process-states/?state-lab=${encodeState(presetState(name))}${present ? '&present=state-lab' : ''}#state-lab`);
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-live', '');
    if (present) await expect(fig).toHaveAttribute('data-present', '');
    for (const width of widths) {
      await page.setViewportSize({ width, height: present ? 720 : 900 });
      // Back to the preset's start, then every move of its script (each drawn, then measured).
      await fig.locator('.ps-reset').click();
      for (let step = 0; step <= PRESETS[name].script.length; step++) {
        if (step > 0) await fig.locator('.ps-next').click();
        await expect(fig.locator('.ps-next')).toHaveAttribute('aria-disabled', String(step === PRESETS[name].script.length));
        for (const pr of await layoutProblems(page, 'figure#state-lab', { minPx: present ? 18 : 12 })) found.push(`${lang} ${name}, ${present ? 'presenter ' : ''}${width} px, move ${step}: ${pr}`);
        if (found.length) return found;
      }
    }
  }
  return found;
}

// On a phone (the tightest fit): the recv example (every state, the longest narration) and the two
// illegal examples (each refusal's words), in both languages; on a laptop, the recv example. The
// timer example draws nothing those do not (running and ready bars, the same diagrams).
const PHONE: PresetName[] = ['recv', 'blocked-running', 'new-running'];
for (const lang of ['en', 'zh'] as const)
  test(`${lang}: the recv and the illegal examples at 360 px, the recv example at 1440 px`, async ({ page }) => {
    test.setTimeout(120_000);
    expect(await walkAll(page, lang, [360], lang === 'en' ? PHONE : PHONE.slice(0, 2))).toEqual([]);
    expect(await walkAll(page, lang, [1440], ['recv'])).toEqual([]);
  });

test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walkAll(page, 'en', [1280], ['recv'], true)).toEqual([]);
});
