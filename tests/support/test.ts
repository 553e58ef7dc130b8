// The `test` every browser spec uses: Playwright's, plus a guard that runs around every test. It
// records each Content-Security-Policy violation any page of the test reports (the server sends the
// build's CSP, dist/_headers, on every response) and fails the test if there was one, naming the
// directive, what was blocked and where. So every page visit and widget interaction in the suite is
// also a check that the site works under its policy.
import { test as base, expect } from '@playwright/test';

export { expect };
export type { Browser, BrowserContextOptions, Locator, Page, TestInfo } from '@playwright/test';

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCsp', (_source, v: string) => void violations.push(v));
      await context.addInitScript(() => {
        addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCsp?: (v: string) => void }).__reportCsp;
          report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || location.href}:${e.lineNumber}`);
        });
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
