// The reader's way around the built site (issue 10), read from dist/ (run `npm run build` first):
// page titles, the labs page and every way to it, the labs marked in the chapters' contents lists
// and linked from the sections that teach them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABS } from '../../src/lib/course.ts';
import { openIndex } from '../support/pagefind-node.ts';

const DIST = 'dist';
const html = (path: string) => {
  const file = join(DIST, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  return readFileSync(file, 'utf8');
};
const title = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];
/** The page of a chapter that holds `id="…"`, among its pages in dist/. */
function pageWith(lang: string, slug: string, id: string): string {
  const dir = join(DIST, lang, slug);
  const pages = [`${lang}/${slug}/`, ...readdirPages(dir).map((p) => `${lang}/${slug}/${p}/`)];
  const found = pages.filter((p) => new RegExp(`\\sid="${id}"`).test(html(p)));
  expect(found, `#${id} in ${lang}/${slug}`).toHaveLength(1);
  return found[0]!;
}
function readdirPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'all' && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name);
}
const SLUG: Record<string, string> = Object.fromEntries(LABS.map((l) => [l.file, l.file.replace(/^\d+-/, '')]));

describe('titles', () => {
  test('the root page names the site once in each language, without repeating it', () => {
    expect(title(html(''))).toBe('网络与并发 · Networks &amp; Concurrency');
    expect(title(html('zh'))).toBe('网络与并发');
    expect(title(html('en/labs'))).toBe('Labs · Networks &amp; Concurrency');
  });
});

describe('the labs page', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`/${lang}/labs/ and /${lang}/labs/processes/ list every lab with a line, a still and a link that lands on the widget`, () => {
      // Two pages: chapters 1–7, then 8–13; each sends a #lab link for the other page on to it.
      const pages = [html(`${lang}/labs`), html(`${lang}/labs/processes`)];
      const sections = pages.flatMap((page) => [...page.matchAll(/<section class="lab"[^>]* id="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)]);
      expect(sections.map((m) => m[1])).toEqual(LABS.map((l) => l.id));
      for (const [i, page] of pages.entries()) {
        const other = pages[1 - i]!;
        const moved = [...page.matchAll(/<a class="moved" href="([^"]+)"[^>]*\shidden[\s>]/g)].map((m) => m[1]);
        const there = [...other.matchAll(/<section class="lab"[^>]* id="([^"]+)"/g)].map((m) => m[1]);
        expect(moved.map((h) => h!.split('#')[1])).toEqual(there);
        expect(moved.every((h) => h!.startsWith(`/${lang}/labs/${i === 0 ? 'processes/' : ''}#`))).toBe(true);
      }
      for (const [, id, body] of sections) {
        const lab = LABS.find((l) => l.id === id)!;
        expect(body, id).toContain(lab[lang]);
        // A still drawn at build time: an SVG, the run's rows or steps, or the kit's columns.
        expect(body, id).toMatch(/<figure class="lab-still"[^>]*>[\s\S]*(<svg|<dl class="lab-rows"|<ol class="lab-steps"|<div class="kit-cols")/);
        const href = /<p class="lab-go"[^>]*><a href="([^"]+)"/.exec(body!)?.[1];
        expect(href, id).toBeDefined();
        const [path, hash] = href!.split('#');
        expect(hash).toBe(id);
        // The link's page is the one that holds the widget, with its data-widget frame.
        expect(`${path!.replace(/^\//, '')}`).toBe(pageWith(lang, SLUG[lab.file]!, id!));
        expect(html(path!.replace(/^\//, ''))).toMatch(new RegExp(`<figure class="widget" id="${id}" data-widget=`));
      }
    });
  }

  test('the sidebar of every kind of page, and the course home, link to the labs', () => {
    for (const lang of ['zh', 'en']) {
      for (const path of [lang, `${lang}/glossary`, `${lang}/tcp-udp`, `${lang}/labs`]) {
        expect(html(path), path).toMatch(new RegExp(`<ul class="sidebar-extras">.*?href="/${lang}/labs/"`));
      }
      expect(html(lang)).toMatch(new RegExp(`<p class="home-links"><a href="/${lang}/labs/">`));
      expect(html(`${lang}/labs`)).toMatch(new RegExp(`href="/${lang}/labs/" aria-current="page"`));
    }
  });

  test('the offline copy of each language includes its labs page', () => {
    const offline = JSON.parse(readFileSync(join(DIST, 'offline.json'), 'utf8'));
    for (const lang of ['zh', 'en']) {
      const l = offline.langs?.[lang] ?? offline[lang];
      expect(l.pages.map((p: { path: string }) => p.path)).toContain(`${lang}/labs/`);
      expect(l.files).toContain(`${lang}/labs/`);
    }
  });
});

describe('search finds the labs page', () => {
  let zh: Awaited<ReturnType<typeof openIndex>>;
  let en: Awaited<ReturnType<typeof openIndex>>;
  beforeAll(async () => {
    zh = await openIndex(DIST, 'zh-CN');
    en = await openIndex(DIST, 'en');
  });
  afterAll(async () => {
    await zh?.close();
    await en?.close();
  });
  test('in both languages', async () => {
    expect((await zh.search('实验')).map((h) => h.url)).toContain('/zh/labs/');
    expect((await en.search('labs')).map((h) => h.url)).toContain('/en/labs/');
  });
});

describe('labs in the chapters', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`${lang}: the contents list marks the section holding each lab with a link to the lab itself, on every page of the chapter`, () => {
      const mark = lang === 'zh' ? '实验' : 'lab';
      for (const lab of LABS) {
        const slug = SLUG[lab.file]!;
        for (const path of [`${lang}/${slug}/`, ...readdirPages(join(DIST, lang, slug)).map((p) => `${lang}/${slug}/${p}/`)]) {
          const toc = /<details class="toc"[\s\S]*?<\/details>/.exec(html(path))?.[0] ?? '';
          const m = new RegExp(`#${lab.section}">[^<]*(?:<[^>]+>[^<]*</[^>]+>)*[^<]*</a> <a class="toc-lab" href="([^"]*#${lab.id})">${mark}</a>`).exec(toc);
          expect(m, `${path} #${lab.section}`).not.toBeNull();
          // The mark's link leads to the page that holds the widget.
          const target = new URL(m![1]!, `http://x/${path}`).pathname.slice(1);
          expect(html(target), `${path} → ${m![1]}`).toContain(`id="${lab.id}"`);
        }
      }
      // Only those: one mark per lab section.
      const marks = LABS.map((l) => l.file).filter((f, i, a) => a.indexOf(f) === i)
        .map((f) => (html(`${lang}/${SLUG[f]}`).match(/class="toc-lab"/g) ?? []).length);
      expect(marks).toEqual(LABS.map((l) => l.file).filter((f, i, a) => a.indexOf(f) === i).map((f) => LABS.filter((l) => l.file === f).length));
      expect(marks.length).toBeGreaterThanOrEqual(4);
    });

    test(`${lang}: the section that teaches each lab links to it`, () => {
      const teaches: Array<[string, string, string]> = [
        ['layers', 'encapsulation', 'encap'],
        ['ip-arp', 'arp-on-link', 'ipv4'],
        ['ethernet', 'ig-ul-bits', 'mac'],
        ['tcp-udp', 'four-tuple', 'port-lab'],
        ['ethernet', 'hub-and-switch', 'switch'],
        ['ethernet', 'broadcast-storm', 'storm'],
        ['tcp-udp', 'three-way-handshake', 'handshake'],
        ['framing', 'why-sticky', 'sticky'],
        ['framing', 'message-framing', 'framing'],
        ['framing', 'chunked-receive', 'upload'],
        ['socketserver', 'five-clients', 'socketserver'],
        ['locks', 'race-condition', 'locks'],
        ['locks', 'count-plus-one', 'counter'],
        ['threads', 'widening-the-race', 'counter'],
      ];
      for (const [slug, section, lab] of teaches) {
        const path = pageWith(lang, slug, section);
        const page = html(path);
        // The section's first paragraph, right under its heading.
        const start = page.search(new RegExp(`<h[23][^>]*\\sid="${section}"`));
        const para = /<p>([\s\S]*?)<\/p>/.exec(page.slice(start))?.[1] ?? '';
        const href = /<a href="([^"]*#[^"]*)"/.exec(para)?.[1] ?? '';
        expect(href, `${path}#${section}`).toMatch(new RegExp(`#${lab}$`));
        const target = href.startsWith('#') ? path : href.split('#')[0]!.replace(/^\//, '');
        expect(target, `${path}#${section} → ${href}`).toBe(pageWith(lang, lab === 'counter' ? 'locks' : slug, lab));
      }
    });
  }
});
