// The layout check for ports and the four-tuple (W5): ports at both ends of the line and in every
// range, from no clients to the most, with the refused second bind, at 360 and 1440 px and in
// presenter mode at 1280×720, measured in Chromium by layoutProblems().
// Run after a build: E2E_DIST=/tmp/mp-dist E2E_PORT=4631 npx playwright test tests/e2e/ports-layout.spec.ts
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';
import { encodeState, MAX_CLIENTS } from '../../src/widgets/ports/model.ts';

const STATES = [
  { port: 8000, clients: 3, rebind: false },
  { port: 0, clients: 0, rebind: false },
  { port: 1023, clients: 1, rebind: true },
  { port: 32768, clients: 5, rebind: false },
  { port: 49152, clients: MAX_CLIENTS, rebind: true },
  { port: 65535, clients: MAX_CLIENTS, rebind: true },
];

async function walk(page: Page, lang: 'en' | 'zh', width: number, present = false): Promise<string[]> {
  await page.setViewportSize({ width, height: present ? 720 : 900 });
  const found: string[] = [];
  for (const s of STATES) {
    const state = encodeState(s);
    await page.goto(`/${lang}/tcp-udp/?port-lab=${state}${present ? '&present=port-lab' : ''}#port-lab`);
    const fig = page.locator('figure#port-lab');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-live', '');
    if (present) await expect(fig).toHaveAttribute('data-present', '');
    await expect(fig.locator('.widget-live .pt-line svg')).toContainText(String(s.port));
    for (const p of await layoutProblems(page, 'figure#port-lab', { minPx: present ? 18 : 12 })) found.push(`${lang} ${state}, ${present ? 'presenter ' : ''}${width} px: ${p}`);
    if (found.length) break;
  }
  return found;
}

for (const width of [360, 1440])
  test.describe(`layout at ${width} px`, () => {
    // At 1440 px a widget gets the prose's measure (46rem), as at 768, and the unit tests lay its
    // pictures out at that width in Node; here English confirms it in Chromium.
    for (const lang of width === 360 ? (['en', 'zh'] as const) : (['en'] as const))
      test(`${lang}: ports across the line, 0 to ${MAX_CLIENTS} clients`, async ({ page }) => {
        test.setTimeout(120_000);
        expect(await walk(page, lang, width)).toEqual([]);
      });
  });

test('presenter mode on a 1280×720 projector: text ≥ 18 px', async ({ page }) => {
  test.setTimeout(120_000);
  expect(await walk(page, 'en', 1280, true)).toEqual([]);
});
