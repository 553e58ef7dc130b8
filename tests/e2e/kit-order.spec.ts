// A widget is a picture first and a form second (the kit's order, src/widgets/kit/dom.ts's
// pictureFirst and kit.css). For every stepping or state widget, in a real Chromium:
// - on a phone (360×800) the picture (.kit-stage) starts before any field the reader types in or
//   picks from, and the player's bar, when there is one, comes right after the picture, before the
//   fields;
// - on a 1280×720 projector, in presenter mode, the picture is the left column and starts at the
//   top of the screen, and the bar is in the right column, beside it, also on the first screen.
// One page load per widget; the languages alternate so both are seen.
import { expect, test, type Page } from '../support/test.ts';

/** [figure id, page path (after /<lang>/), whether presenter mode gets two columns, the part holding the stepped picture (default: the whole widget)] */
const WIDGETS: Array<[string, string, boolean, string?]> = [
  ['layers', 'layers/', true],
  ['encap', 'layers/encapsulation/', true],
  ['mac', 'ethernet/', true],
  ['switch', 'ethernet/hub-and-switch/', true],
  ['storm', 'ethernet/broadcast-storm/', true],
  ['port-lab', 'tcp-udp/', true],
  ['handshake', 'tcp-udp/data-and-close/', true],
  ['sticky', 'framing/', true],
  // The ARP half of the IP lab (its first half, the address calculator, is a form with its answer).
  ['ipv4', 'ip-arp/arp/', true, '.ip-part:has(.kit-stage)'],
  ['upload', 'framing/large-file-upload/', true],
  ['socketserver', 'socketserver/five-clients/', true],
  ['multiprog-lab', 'os-history/io-vs-cpu-bound/', true],
  ['state-lab', 'processes/process-states/', true],
  ['scheduler', 'processes/scheduling/', true],
  ['sync-async-lab', 'processes/sync-async-blocking/', true],
  ['lifecycle', 'multiprocessing/process-api/', true],
  ['isolation-lab', 'multiprocessing/daemon/', true],
  ['locks', 'locks/', true],
  ['counter', 'locks/count-plus-one/', true],
  ['sharing', 'threads/', true],
  ['queue', 'queues/', true],
  ['evloop', 'io-models/selectors/', true],
];

/** Positions (document order and boxes) of the stage, the bar and the first field outside both. */
async function parts(page: Page, id: string, scope = '.widget-live') {
  return page.evaluate(([id, scope]) => {
    const fig = document.getElementById(id)!;
    const live = fig.querySelector(scope)!;
    const shown = (e: Element) => e.getBoundingClientRect().height > 0;
    const stage = [...live.querySelectorAll('.kit-stage')].find(shown) ?? null;
    const bar = live.querySelector('.kit-player');
    const field = [...live.querySelectorAll('input:not([type=range]), select, textarea')].find((f) => shown(f) && !f.closest('.kit-stage, .kit-player')) ?? null;
    const box = (e: Element | null) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom) };
    };
    const before = (a: Element | null, b: Element | null) => !!a && !!b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    return {
      stage: box(stage),
      bar: box(bar),
      field: box(field),
      hasField: field !== null,
      stageBeforeBar: bar ? before(stage, bar) : true,
      stageBeforeField: field ? before(stage, field) : true,
      barBeforeField: bar && field ? before(bar, field) : true,
      innerHeight: window.innerHeight,
    };
  }, [id, scope] as const);
}

for (const [i, [id, path, twoColumns, scope]] of WIDGETS.entries()) {
  const lang = i % 2 ? 'en' : 'zh';
  test(`${id} (${lang}): the picture first on a phone, the left column on a projector`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/${lang}/${path}#${id}`);
    const fig = page.locator(`figure#${id}`);
    await expect(fig).toHaveAttribute('data-live', '');
    const phone = await parts(page, id, scope);
    expect(phone.stage, 'a shown .kit-stage').not.toBeNull();
    expect(phone.stageBeforeBar, 'the picture before the player').toBe(true);
    expect(phone.stageBeforeField, 'the picture before the fields').toBe(true);
    expect(phone.barBeforeField, 'the player before the fields').toBe(true);

    await page.setViewportSize({ width: 1280, height: 720 });
    // From the keyboard: the widget lays itself out again for the new width just then, and a click
    // could land on a control that moved under it (it did once, in a CI run).
    await fig.locator('.kit-btn.present').first().focus();
    await page.keyboard.press('Enter');
    await expect(fig).toHaveAttribute('data-present', '');
    // The layout settles once the pictures have been laid out again for the new width and scale.
    await page.waitForTimeout(150);
    const wide = await parts(page, id, scope);
    const stage = wide.stage!;
    expect(stage.top, 'the picture starts near the top of the screen').toBeLessThan(160);
    expect(stage.top).toBeGreaterThanOrEqual(0);
    if (twoColumns) {
      expect(stage.right, 'the picture is the left column').toBeLessThan(900);
      if (wide.bar) {
        expect(wide.bar.left, 'the bar is beside the picture').toBeGreaterThanOrEqual(stage.right);
        expect(wide.bar.bottom, 'the bar is on the first screen').toBeLessThanOrEqual(wide.innerHeight);
      }
    }
  });
}
