import { test } from '../support/test.ts';
for (const [w, h, url] of [[390, 844, '/zh/tcp-udp/data-and-close/?handshake=1.6#handshake'], [1440, 900, '/zh/tcp-udp/data-and-close/?handshake=4.9#handshake'], [1280, 720, '/en/tcp-udp/data-and-close/?handshake=1.7&present#handshake']] as const)
  test(`shot ${w}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(url);
    await page.waitForSelector('#handshake[data-live]');
    await page.waitForTimeout(500);
    const seq = page.locator('#handshake .hs-seq-box');
    await seq.scrollIntoViewIfNeeded();
    await seq.screenshot({ path: `/tmp/shot-seq-${w}.png` });
    await page.locator('#handshake .hs-near, #handshake .hs-figure').first().screenshot({ path: `/tmp/shot-fig-${w}.png` }).catch(() => {});
    await page.screenshot({ path: `/tmp/shot-page-${w}.png` });
  });
