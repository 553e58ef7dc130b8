// Issue 12's layout check for the handshake: every step of every scenario, at a phone's width, a
// tablet's, a laptop's, and in presenter mode on a 1280×720 projector. At each step nothing in the
// widget may be under the minimum type size, overlap other text, sit on a drawn line or be cut off.
// The first problems found are reported with the scenario, step and width.
import { PRESETS } from '../../src/widgets/handshake/model.ts';
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Page } from '../support/test.ts';

const URL = { zh: '/zh/tcp-udp/data-and-close/', en: '/en/tcp-udp/data-and-close/' };
// The model's presets, and the runs recorded on Linux (recorded.ts).
// recorded.ts's RECORDING_NAMES (not imported: it imports the capture JSON, which this loader refuses).
const RECORDED = ['linux', 'linux-upload', 'linux-first', 'linux-refused'];
const NAMES = [...Object.keys(PRESETS), ...RECORDED];

async function walk(page: Page, lang: 'zh' | 'en', names: string[], minPx: number, where: string): Promise<string[]> {
  const widget = page.locator('#handshake');
  const found: string[] = [];
  for (const name of names) {
    await widget.locator('.hs-preset').selectOption(name);
    // The recording comes in its own file: wait until it is shown.
    await expect(widget.locator('.hs[data-rec]')).toHaveCount(RECORDED.includes(name) ? 1 : 0);
    const total = Number(await widget.locator('.kit-scrub').getAttribute('max'));
    for (let step = 0; step <= total; step++) {
      if (step > 0) await widget.locator('.kit-player .forward').click();
      for (const p of await layoutProblems(page, '#handshake .widget-live', { minPx })) found.push(`${lang} ${where} ${name} step ${step}: ${p}`);
      if (found.length > 5) return found;
    }
  }
  return found;
}

for (const [width, height, names, lang] of [
  [360, 800, NAMES, 'zh'],
  [360, 800, NAMES, 'en'],
  [768, 1000, NAMES.slice(0, 4), 'en'],
  // The prose's measure (46rem) is what a widget gets at 768 px and at 1440 alike: four scenarios.
  [1440, 900, NAMES.slice(0, 4), 'zh'],
] as const)
  test(`every step of ${names.length} scenarios at ${width} px (${lang}): text ≥ 12 px, no overlaps, nothing cut`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    await page.goto(URL[lang] + '#handshake');
    await expect(page.locator('#handshake')).toHaveAttribute('data-live', '');
    expect(await walk(page, lang, [...names], 12, `${width}px`)).toEqual([]);
  });

test('presenter mode on a 1280×720 projector: text ≥ 18 px, no overlaps, nothing cut', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(URL.en + '?present#handshake');
  await expect(page.locator('#handshake')).toHaveAttribute('data-present', '');
  expect(await walk(page, 'en', ['normal', 'simultaneous-open', 'lost-final-ack', 'syn-timeout', ...RECORDED], 18, 'presenter')).toEqual([]);
});

test('the whole of Figure 5 (when the reader asks for it): words ≥ 13 px, no overlaps, nothing on a line', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(URL.en + '#handshake');
  const widget = page.locator('#handshake');
  await expect(widget).toHaveAttribute('data-live', '');
  await widget.locator('.hs-whole').check();
  await expect(widget.locator('.hs-figure')).toBeVisible();
  const found: string[] = [];
  for (const name of ['normal', 'simultaneous-open', 'lost-final-ack', 'rst-closed-port']) {
    await widget.locator('.hs-preset').selectOption(name);
    const total = Number(await widget.locator('.kit-scrub').getAttribute('max'));
    for (let step = 0; step <= total; step++) {
      await widget.locator('.kit-scrub').fill(String(step));
      // The A/B letters too: they go where no edge runs (on an arriving edge they once sat on
      // a box's corner: simultaneous open, step 7; RST, step 1).
      for (const p of await layoutProblems(page, '#handshake .hs-figure', { minPx: 13 })) found.push(`${name} step ${step}: ${p}`);
    }
  }
  expect(found.slice(0, 8)).toEqual([]);
});
