// The policy as a <meta> element, for hosts that cannot send headers (GitHub Pages): a copy of the
// build gets it (scripts/headers.mjs --meta) and is served by a server that sends no headers at all
// (python3's http.server). A course page, a widget step and a search work with no violation (the
// guard in tests/support/test.ts), and an injected inline script does not run.
import { test, expect } from '../support/test.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.env.E2E_DIST ?? 'dist';
let dir: string;
let server: ChildProcess;
let origin: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'csp-meta-'));
  cpSync(dist, dir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  const r = spawnSync(process.execPath, ['scripts/headers.mjs', dir, '--meta'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    setTimeout(() => reject(new Error(`python3 http.server did not start: ${out}`)), 10_000);
  });
});

test.afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('with only a <meta> policy, pages, a widget and search work, and an injected script does not run', async ({ page, browser }) => {
  const res = await page.goto(`${origin}/zh/tcp-udp/data-and-close/`);
  expect(res!.headers()['content-security-policy']).toBeUndefined();
  const widget = page.locator('#handshake');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('[role="status"]').first()).toBeAttached();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('握手');
  await expect(page.getByText('三次握手').first()).toBeVisible();

  // A context without the guard: the violation is the point here.
  const other = await browser.newContext();
  const p = await other.newPage();
  await p.goto(`${origin}/en/`);
  const ran = await p.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  await other.close();
});
