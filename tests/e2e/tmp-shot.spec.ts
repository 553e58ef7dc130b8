import { test, expect } from '../support/test.ts';
for (const [w, name, url] of [[360, 'phone', '/zh/processes/sync-async-blocking/?sync-async=5.2.5#sync-async'], [1440, 'wide', '/en/processes/sync-async-blocking/?sync-async=5.2.4#sync-async']] as const)
  test(name, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 1000 });
    await page.goto(url);
    const fig = page.locator('figure#sync-async');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-live', '');
    await page.waitForFunction(() => document.querySelector('figure#sync-async .sa-chart svg'));
    await fig.screenshot({ path: `/tmp/syncio-${name}.png` });
    await fig.locator('.sa-chart').screenshot({ path: `/tmp/syncio-${name}-chart.png` });
  });
