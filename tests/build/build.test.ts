// Builds of the real site in throw-away folders (one file, so they never run at the same time):
// a broken chapter must stop the build with a message that names the file, and a build under a
// sub-path must keep every URL under it.
import { describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseManifest } from '../../src/lib/offline.ts';
import { LANGS } from '../../src/i18n/ui.ts';

const good = (lang: 'zh' | 'en', body = '## 端口 \\{#ports\\}\n\n文字。\n') => `---
title: ${lang === 'zh' ? '传输层' : 'Transport'}
order: 4
part: 2
summary: ${lang === 'zh' ? '摘要。' : 'Summary.'}
---

${body}`;

function build(files: Record<string, string>, keep?: (dist: string) => void, captures?: (dir: string) => void): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'course-build-'));
  try {
    if (captures) {
      mkdirSync(join(dir, 'captures'));
      for (const f of readdirSync('content/captures')) writeFileSync(join(dir, 'captures', f), readFileSync(join('content/captures', f)));
      captures(join(dir, 'captures'));
    }
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, 'chapters', name.split('/')[0]!), { recursive: true });
      writeFileSync(join(dir, 'chapters', name), text);
    }
    const r = spawnSync('npx', ['astro', 'build', '--outDir', join(dir, 'dist')], {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        COURSE_CHAPTERS: join(dir, 'chapters'),
        ...(captures ? { COURSE_CAPTURES: join(dir, 'captures') } : {}),
        ASTRO_CACHE_DIR: join(dir, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    });
    if (r.status === 0) keep?.(join(dir, 'dist'));
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the build refuses bad packet captures (content/captures), naming the file', { timeout: 150_000 }, () => {
  const pair = { 'zh/04-transport.mdx': good('zh'), 'en/04-transport.mdx': good('en', '## Ports \\{#ports\\}\n\nText.\n') };
  const edit = (dir: string, name: string, change: (c: { segments: Array<Record<string, unknown>> } & Record<string, unknown>) => void) => {
    const file = join(dir, `${name}.json`);
    const c = JSON.parse(readFileSync(file, 'utf8'));
    change(c);
    writeFileSync(file, JSON.stringify(c));
  };

  test('the copied captures, unchanged, pass (the fixture itself is sound)', () => {
    const r = build(pair, undefined, () => {});
    expect(r.output).toMatch(/5 packet captures checked/);
    expect(r.status).toBe(0);
  });
  test('a capture that is not JSON', () => {
    const r = build(pair, undefined, (dir) => writeFileSync(join(dir, 'sticky.json'), '{"scenario": "sticky", '));
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/sticky\.json: .*JSON/);
  });
  test('a missing capture', () => {
    const r = build(pair, undefined, (dir) => rmSync(join(dir, 'refused.json')));
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/refused\.json: missing/);
  });
  test('a segment with flags TCP has not, and a file for no known scenario', () => {
    const flags = build(pair, undefined, (dir) => edit(dir, 'echo', (c) => (c.segments[0]!['flags'] = 'SYN+BOGUS')));
    expect(flags.status).not.toBe(0);
    expect(flags.output).toMatch(/echo\.json: .*flags/);
    const stray = build(pair, undefined, (dir) => writeFileSync(join(dir, 'stray.json'), '{}'));
    expect(stray.status).not.toBe(0);
    expect(stray.output).toMatch(/stray\.json: not a known scenario/);
  });
});

describe('the build refuses broken chapters', { timeout: 150_000 }, () => {
  test('a well-formed pair builds (the fixture itself is sound)', () => {
    const r = build({ 'zh/04-transport.mdx': good('zh'), 'en/04-transport.mdx': good('en', '## Ports \\{#ports\\}\n\nText.\n') });
    expect(r.output).not.toMatch(/error/i);
    expect(r.status).toBe(0);
  });

  test('bad frontmatter fails and names the file and the field', () => {
    const r = build({
      'zh/04-transport.mdx': good('zh').replace('part: 2', 'part: 9'),
      'en/04-transport.mdx': good('en', '## Ports \\{#ports\\}\n'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/zh\/04-transport/);
    expect(r.output).toMatch(/part/);
  });

  test('a chapter without its twin fails and names the missing file', () => {
    const r = build({ 'zh/04-transport.mdx': good('zh') });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('zh/04-transport.mdx has no en twin');
    expect(r.output).toContain('content/chapters/en/04-transport.mdx');
  });

  test('a duplicate section id fails and names the file and the id', () => {
    const r = build({
      'zh/04-transport.mdx': good('zh', '## 端口 \\{#ports\\}\n\n## 再谈端口 \\{#ports\\}\n'),
      'en/04-transport.mdx': good('en', '## Ports \\{#ports\\}\n'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/zh\/04-transport\.mdx/);
    expect(r.output).toContain('"ports" is used twice');
  });

  test('a heading without an id fails and says how to write one', () => {
    const r = build({
      'zh/04-transport.mdx': good('zh', '## 端口\n'),
      'en/04-transport.mdx': good('en', '## Ports \\{#ports\\}\n'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/zh\/04-transport\.mdx: the h2 "端口" has no section id/);
  });

  test('twins whose section ids differ fail and list both', () => {
    const r = build({
      'zh/04-transport.mdx': good('zh', '## 端口 \\{#ports\\}\n'),
      'en/04-transport.mdx': good('en', '## Ports \\{#port-numbers\\}\n'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('must have the same section ids');
    expect(r.output).toContain('en: port-numbers');
  });

  const split = (lang: 'zh' | 'en', splitAt: string, link = '[见下一页](#udp)') =>
    good(lang, `## 端口 \\{#ports\\}\n\n${link}\n\n## TCP \\{#tcp\\}\n\n文字。\n\n## UDP \\{#udp\\}\n\n[回到端口](../transport/#ports)\n`).replace(
      'summary:',
      `splitAt: [${splitAt}]\nsummary:`,
    );

  test('a chapter split into pages builds each page at its URL, and links go to the page that holds their target', () => {
    let pages: Record<string, string> = {};
    const r = build({ 'zh/04-transport.mdx': split('zh', 'udp'), 'en/04-transport.mdx': split('en', 'udp') }, (dist) => {
      pages = { one: readFileSync(join(dist, 'zh/transport/index.html'), 'utf8'), two: readFileSync(join(dist, 'zh/transport/udp/index.html'), 'utf8') };
    });
    expect(r.output).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(pages.one).toContain('id="tcp"');
    expect(pages.one).not.toContain('id="udp"');
    expect(pages.one).toContain('href="/zh/transport/udp/#udp">见下一页');
    expect(pages.two).toContain('id="udp"');
    expect(pages.two).toContain('href="/zh/transport/#ports">回到端口');
    expect(pages.two).toContain('第 2 页，共 2 页');
  });

  test('a split at a section that is not an h2, or a link to an id no page has, fails and names the file', () => {
    const bad = build({ 'zh/04-transport.mdx': split('zh', 'nope'), 'en/04-transport.mdx': split('en', 'nope') });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/zh\/04-transport\.mdx: splitAt names "nope", which is not the id of an h2/);
    const dangling = build({ 'zh/04-transport.mdx': split('zh', 'udp', '[坏链接](#no-such-section)'), 'en/04-transport.mdx': split('en', 'udp') });
    expect(dangling.status).not.toBe(0);
    expect(dangling.output).toMatch(/zh\/04-transport\.mdx: the link "#no-such-section" points at no id of this chapter/);
  });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

describe('a sub-path deploy (BASE_PATH=/course/)', { timeout: 240_000 }, () => {
  test('every URL in every page stays under /course/, and every link answers 200 when served there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-base-'));
    const out = join(dir, 'dist');
    try {
      const env = { ...process.env, BASE_PATH: '/course/', ASTRO_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
      // The whole build, every step (search UI, headers, offline files, precompression) under the base.
      const b = spawnSync(process.execPath, ['scripts/build.mjs', '--outDir', out], { encoding: 'utf8', env, timeout: 200_000 });
      expect(b.status, b.stderr).toBe(0);

      const outside: string[] = [];
      const links = new Set<string>();
      for (const file of htmlFiles(out).filter((f) => !f.includes(`${join(out, 'pagefind')}`))) {
        const html = readFileSync(file, 'utf8');
        // The page's own URL under the base, so relative links (../tcp-udp/#udp) resolve as a browser would.
        const rel = relative(out, file).replace(/(^|\/)index\.html$/, '$1');
        const pageUrl = new URL(`/course/${rel}`, 'http://x');
        for (const m of html.matchAll(/\s(?:href|src|action|bundle-path|base-url|data-src)="([^"]*)"/g)) {
          const raw = m[1]!;
          if (/^(https?:|mailto:|#|data:)/.test(raw)) continue;
          const url = new URL(raw, pageUrl).pathname;
          if (!url.startsWith('/course/')) outside.push(`${relative(out, file)}: ${raw}`);
          else links.add(url);
        }
        // Scripts build URLs at run time from the base the bundler put in.
        for (const m of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
          if (/pagefind\//.test(m[1]!)) expect(m[1], relative(out, file)).toContain('/course/');
        }
      }
      expect(outside, 'URLs that escape the base path').toEqual([]);
      expect(links.size).toBeGreaterThan(10);

      const server = spawn(process.execPath, ['scripts/serve.mjs', out, '--port', '0'], { env: { ...process.env, BASE_PATH: '/course/' } });
      try {
        const origin = await new Promise<string>((resolve, reject) => {
          server.stdout.on('data', (d: Buffer) => {
            const m = /at (http:\/\/[^/]+)/.exec(String(d));
            if (m) resolve(m[1]!);
          });
          server.on('exit', () => reject(new Error('server exited')));
        });
        const broken: string[] = [];
        for (const url of links) {
          const res = await fetch(origin + url);
          if (res.status !== 200) broken.push(`${url} → ${res.status}`);
        }
        expect(broken).toEqual([]);
        expect((await fetch(`${origin}/zh/tcp-udp/`)).status, 'nothing is served outside the base').toBe(404);
        // The site's search UI is built beside Pagefind's files, and the build's headers apply under the base.
        expect((await fetch(`${origin}/course/pagefind/search-ui.js`)).status).toBe(200);
        const page = await fetch(`${origin}/course/zh/`, { headers: { 'accept-encoding': 'br' } });
        expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect(page.headers.get('content-encoding')).toBe('br');
        const asset = [...links].find((u) => u.startsWith('/course/_astro/'))!;
        expect((await fetch(origin + asset)).headers.get('cache-control')).toContain('immutable');

        // Offline copies: the worker and every file each language's copy lists are there under the base.
        expect((await fetch(`${origin}/course/sw.js`)).status).toBe(200);
        const manifest = parseManifest(await (await fetch(`${origin}/course/offline.json`)).json());
        const missing: string[] = [];
        for (const lang of LANGS) {
          expect(manifest.langs[lang].pages.map((p) => p.path)).toContain(`${lang}/tcp-udp/`);
          for (const f of manifest.langs[lang].files) {
            const res = await fetch(`${origin}/course/${f}`);
            if (res.status !== 200) missing.push(`${lang}: ${f} → ${res.status}`);
          }
        }
        expect(missing).toEqual([]);
      } finally {
        server.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
