import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// The built site (dist/) served on loopback by scripts/serve.mjs, driven in the system Chromium.
// Playwright never downloads a browser here: CHROMIUM_PATH or /usr/bin/chromium is used.
const port = Number(process.env.E2E_PORT ?? 4455);
// E2E_DIST serves another build (a private --outDir) without touching dist/.
const dist = process.env.E2E_DIST ?? 'dist';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  // Two workers on a 2-core machine (this one, and CI's as far as we know); up to four where there
  // are more cores, so a bigger suite still fits CI's 30 minutes.
  workers: Math.max(2, Math.min(4, availableParallelism() - 1)),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    // The service worker would answer later tests from what earlier pages cached; the offline spec
    // turns it on for itself.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node scripts/serve.mjs ${dist} --port ${port}`,
    url: `http://127.0.0.1:${port}/zh/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
