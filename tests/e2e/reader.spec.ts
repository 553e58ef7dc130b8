// The reader on a phone and elsewhere (issue 10), in a real Chromium: the chapter contents fold
// away on a narrow screen, the sidebar shows its labs and glossary links at any height, keyboard
// hints stay off touch-only screens, and the home's cube rests upright, stops for the pointer and
// focus, fits a phone, and never moves under reduced motion.
// Run after `npm run build`: npx playwright test tests/e2e/reader.spec.ts
import { expect, test, type Page } from '../support/test.ts';

/** The box of an element, rounded, in CSS px of the viewport. */
const box = (page: Page, sel: string) =>
  page.locator(sel).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });

/** Is the element itself what a click at its centre reaches (not clipped, not covered)? */
const reachable = (page: Page, sel: string) =>
  page.locator(sel).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  });

test('chapter contents: folded on a phone (with JS off too), open beside the text on a wide screen; the sidebar reaches labs and glossary at 1280×720 and 1440×900', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/zh/tcp-udp/');
  const toc = page.locator('details.toc');
  const list = page.locator('.toc nav');
  await expect(toc).not.toHaveAttribute('open');
  await expect(list).toBeHidden();
  expect((await box(page, 'details.toc')).height).toBeLessThan(80);
  // The prose starts on the first screen.
  expect((await box(page, '.prose > p')).top).toBeLessThan(844 - 60);
  // A tap opens it (no script involved), and closes it again.
  await page.locator('.toc summary').click();
  await expect(list).toBeVisible();
  await expect(page.locator('.toc a[href="#three-way-handshake"]')).toBeVisible();
  await page.locator('.toc summary').click();
  await expect(list).toBeHidden();

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    // Beside the text the list shows, though the details element is still closed.
    await expect(toc).not.toHaveAttribute('open');
    await expect(page.locator('.toc a[href="#three-way-handshake"]')).toBeVisible();
    expect((await box(page, '.toc')).left).toBeGreaterThan((await box(page, '.prose')).right);
    // The labs and glossary links are on screen in the sidebar, not scrolled out of it.
    for (const sel of ['#site-nav a[href="/zh/labs/"]', '#site-nav a[href="/zh/glossary/"]']) {
      expect(await reachable(page, sel), `${sel} at ${width}×${height}`).toBe(true);
    }
  }
  await context.close();
});

test('keyboard hints are hidden on a touch-only screen and shown with a mouse', async ({ browser }) => {
  const url = '/en/tcp-udp/data-and-close/#handshake';
  for (const touch of [true, false]) {
    const context = await browser.newContext(touch ? { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } } : {});
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(touch);
    const keys = page.locator('#handshake .kit-keys');
    await expect(keys).toHaveCount(1); // the live widget is there
    if (touch) await expect(keys).toBeHidden();
    else await expect(keys).toBeVisible();
    await context.close();
  }
});

/** The six faces' boxes, their number/title order and the part each shows, with the cube (and face 2's
 * labels, which turn with it) held at `ms` into its turn. */
async function facesAt(page: Page, ms: number) {
  return page.evaluate((ms) => {
    // Measured in the same task: the turn does not move on before the next frame. (Not paused
    // through the API, which would take the play state away from the stylesheet.)
    for (const a of document.querySelector('.cube')!.getAnimations({ subtree: true })) a.currentTime = ms;
    return [...document.querySelectorAll('.cube .face')].map((f) => {
      const r = f.getBoundingClientRect();
      const label = [...f.querySelectorAll('.face-label')].filter((l) => getComputedStyle(l).visibility === 'visible');
      const n = (label[0] ?? f).querySelector('.face-n')!.getBoundingClientRect();
      const t = (label[0] ?? f).querySelector('.face-t')!.getBoundingClientRect();
      return {
        face: f.className,
        part: label.map((l) => l.querySelector('.face-n')!.textContent).join(),
        width: r.width,
        height: r.height,
        upright: n.bottom <= t.top + 0.5 && Math.abs((n.left + n.right) / 2 - (t.left + t.right) / 2) < 2,
      };
    });
  }, ms);
}

test('the cube rests on each face upright and at its own size, stops for the pointer and for focus, and its parts are still links', async ({ page }) => {
  await page.goto('/zh/');
  const size = await page.locator('.cube-scene').evaluate((el) => el.getBoundingClientRect().width);
  // The middle of each rest in the 28.5 s turn, in the order the cube shows them: seven parts on six
  // faces, part 7 on face 2 once part 2 has been shown.
  const rests: Array<[string, string, number]> = [['f1', '1', 1500], ['f2', '2', 5250], ['f3', '3', 9000], ['f4', '4', 12750], ['f5', '5', 17250], ['f6', '6', 21750], ['f2', '7', 26250]];
  for (const [face, part, ms] of rests) {
    const faces = await facesAt(page, ms);
    const front = faces.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    expect(front.face, `${ms} ms`).toContain(face);
    expect(front.part, `${ms} ms: one label, part ${part}'s`).toBe(part);
    // Drawn at its own size (no perspective blow-up: sharp text), square, and upright.
    expect(Math.abs(front.width - size), `${face} width`).toBeLessThan(0.5);
    expect(Math.abs(front.height - size), `${face} height`).toBeLessThan(0.5);
    expect(front.upright, `${face} upright`).toBe(true);
  }

  // The cube is a picture: nothing on it to click or tab to. The parts are links beside it.
  await expect(page.locator('.cube-scene')).toHaveAttribute('aria-hidden', 'true');
  expect(await page.locator('.cube-scene a, .cube-scene [tabindex]').count()).toBe(0);
  const links = page.locator('.cube-parts a');
  await expect(links).toHaveCount(7);
  for (const a of await links.all()) expect((await a.boundingBox())!.height).toBeGreaterThanOrEqual(24);

  const running = () => page.evaluate(() => document.querySelector('.cube')!.getAnimations().map((a) => a.playState).join());
  expect(await running()).toBe('running');
  // The pause box, and a hidden tab.
  await page.locator('.cube-pause input').check();
  expect(await running()).toBe('paused');
  await page.locator('.cube-pause input').uncheck();
  expect(await running()).toBe('running');
  await page.evaluate(() => document.documentElement.classList.add('tab-hidden'));
  expect(await running()).toBe('paused');
  await page.evaluate(() => document.documentElement.classList.remove('tab-hidden'));
  expect(await running()).toBe('running');
  await page.locator('.cube-scene').hover();
  expect(await running()).toBe('paused');
  // Pointing at a part stops the cube with that part's face in front, upright.
  await page.locator('.cube-parts .to-f4').hover();
  expect(await running()).toBe('');
  await page.mouse.move(0, 0);
  expect(await running()).toBe('running');
  // Focusing a part does the same, and Enter goes to the part.
  await page.keyboard.press('Tab'); // something before the cube has focus first
  await page.locator('.cube-parts .to-f5').focus();
  expect(await running()).toBe('');
  await page.waitForTimeout(600); // the turn to the face
  const front = await page.evaluate(() => {
    const f5 = document.querySelector('.cube .f5')!.getBoundingClientRect();
    return { width: f5.width, height: f5.height };
  });
  expect(Math.abs(front.width - size)).toBeLessThan(0.5);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh\/#part-5$/);
  // Part 7 shares face 2: its link turns face 2 to the front wearing part 7's label.
  await page.locator('.cube-parts .to-f7').focus();
  await page.waitForTimeout(600);
  const seventh = (await facesAt(page, 0)).find((f) => f.face.includes('f2'))!;
  expect(Math.abs(seventh.width - size)).toBeLessThan(0.5);
  expect(seventh.part).toBe('7');
});

test('on a phone the cube is small and centred beside its list, and under reduced motion it never moves', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/zh/');
  const fig = await box(page, '.cube-figure');
  const scene = await box(page, '.cube-scene');
  expect(fig.height).toBeLessThanOrEqual(230);
  expect(scene.height).toBeLessThanOrEqual(100);
  const side = await box(page, '.cube-side');
  // Cube and list side by side, the pair centred in the figure.
  expect(Math.abs(scene.top + scene.height / 2 - (side.top + side.height / 2))).toBeLessThan(side.height / 2);
  expect(Math.abs((scene.left + side.right) / 2 - (fig.left + fig.right) / 2)).toBeLessThan(6);
  // The first part's card starts on the first screen.
  expect((await box(page, 'ol.part-list > li')).top).toBeLessThan(844);
  // Reduced motion: no animation, and pointing at a part does not start a transition either.
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  await page.locator('.cube-parts .to-f3').hover();
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  await context.close();
});
