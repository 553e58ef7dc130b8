import { test, expect } from '../support/test.ts';
for (const w of [360, 1440])
  test(`shot ${w}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto('/en/processes/scheduling/?scheduler=m.2.4-4-4.4-4-4.0.o.0-12_0-12-3-1.9#scheduler');
    const fig = page.locator('figure#scheduler');
    await expect(fig).toHaveAttribute('data-live', '');
    await fig.screenshot({ path: `/tmp/sched-${w}.png` });
  });
