// Issue 12's layout check for the chapter 6 widgets: every step of the default run and of each
// preset, at a phone's width, a tablet's and a laptop's, and in presenter mode on a 1280×720
// projector. At each step nothing in the widget may be under the minimum type size, overlap other
// text, sit on a drawn line or be cut off; the first problems are reported with preset, step and width.
import { layoutProblems } from '../support/layout.ts';
import { expect, test, type Locator, type Page } from '../support/test.ts';

type Preset = { name: string; set: (w: Locator) => Promise<void> };
const FRAMING: Preset[] = [
  { name: 'default', set: async () => {} },
  {
    name: 'Chinese name, prefix split 3+1, hex',
    set: async (w) => {
      await w.locator('[name=name]').fill('网络编程笔记.pdf');
      await w.locator('[name=split]').check();
      await w.locator('[data-act=hex]').click();
    },
  },
  {
    name: "ensure_ascii, 'i', extra keys, mistake b",
    set: async (w) => {
      await w.locator('[name=ascii]').check();
      await w.locator('select[name=fmt]').selectOption('i');
      await w.locator('[name=extra]').fill('{"md5": "0cc175b9c0f1b6a831c399e269772661"}');
      await w.locator('[data-m=b]').click();
    },
  },
];
const STICKY: Preset[] = [
  { name: 'default', set: async () => {} },
  { name: 'framing', set: async (w) => w.locator('[name=framing]').check() },
  // The run recorded on Linux (content/captures/sticky.json).
  { name: 'recorded on Linux', set: (w) => w.locator('[name=rec]').check() },
  {
    name: 'Chinese, recv(4), Nagle, framing',
    set: async (w) => {
      await w.locator('.lab-msgs input').first().fill('你好，世界');
      await w.locator('[name=recv]').fill('4');
      await w.locator('[name=nagle]').check();
      await w.locator('[name=framing]').check();
    },
  },
];
const PAGE = { framing: 'message-framing/', sticky: '' };

async function walk(page: Page, lang: 'zh' | 'en', id: 'framing' | 'sticky', presets: Preset[], minPx: number, where: string, query = ''): Promise<string[]> {
  const found: string[] = [];
  for (const preset of presets) {
    await page.goto(`/${lang}/framing/${PAGE[id]}${query}#${id}`);
    const w = page.locator(`#${id} .widget-live`);
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${id}`)).toHaveAttribute('data-live', '');
    await preset.set(w);
    const total = Number(await w.locator('.kit-scrub').getAttribute('max'));
    for (let step = 0; step <= total; step++) {
      if (step > 0) await w.locator('.kit-player .forward').click();
      for (const p of await layoutProblems(page, `#${id} .widget-live`, { minPx })) found.push(`${lang} ${where} ${id} "${preset.name}" step ${step}: ${p}`);
      if (found.length > 5) return found;
    }
  }
  return found;
}

// A phone, and a wide window (the prose's measure, 46rem, is what a widget gets at 768 px too).
for (const [width, height] of [
  [360, 800],
  [1440, 900],
] as const)
  for (const id of ['framing', 'sticky'] as const)
    test(`${id}: every step of every preset at ${width} px: text ≥ 12 px, no overlaps, nothing cut`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height });
      const lang = width === 1440 ? 'en' : 'zh';
      expect(await walk(page, lang, id, id === 'framing' ? FRAMING : STICKY, 12, `${width}px`)).toEqual([]);
    });

for (const id of ['framing', 'sticky'] as const)
  test(`${id}: presenter mode on a 1280×720 projector: text ≥ 18 px, no overlaps, nothing cut`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const presets = id === 'framing' ? FRAMING : STICKY;
    // The first and last presets, and for the sticky lab the recording.
    const walked = [presets[0]!, ...presets.filter((p) => p.name === 'recorded on Linux'), presets[presets.length - 1]!];
    expect(await walk(page, 'en', id, walked, 18, 'presenter', '?present')).toEqual([]);
  });
