// What the built search index (dist/pagefind, made by `npm run build`) holds: chapter text in the
// page's language, found inside longer Chinese phrases; never KaTeX markup or site chrome.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openIndex, type Hit } from '../support/pagefind-node.ts';

let zh: Awaited<ReturnType<typeof openIndex>>;
let en: Awaited<ReturnType<typeof openIndex>>;
beforeAll(async () => {
  zh = await openIndex('dist', 'zh-CN');
  en = await openIndex('dist', 'en');
});
afterAll(async () => {
  await zh?.close();
  await en?.close();
});

const urls = (hits: Hit[]) => hits.map((h) => h.url);

describe('the search index', () => {
  test('a Chinese word inside a longer phrase is found (握手 in 三次握手), with the section as a sub-result', async () => {
    const hits = await zh.search('握手');
    expect(urls(hits)).toContain('/zh/tcp-udp/');
    const page = hits.find((h) => h.url === '/zh/tcp-udp/')!;
    expect(page.subs.map((s) => s.url)).toContain('/zh/tcp-udp/#three-way-handshake');
  });

  test('each language searches only its own pages', async () => {
    expect(urls(await zh.search('握手')).every((u) => u.startsWith('/zh/'))).toBe(true);
    const hits = await en.search('handshake');
    expect(urls(hits)).toContain('/en/tcp-udp/');
    expect(urls(hits).every((u) => u.startsWith('/en/'))).toBe(true);
  });

  test('KaTeX markup is not indexed: the math text appears once, as the reader sees it, never as TeX or MathML', async () => {
    for (const [index, term] of [[zh, '端口'], [en, 'port']] as const) {
      const page = (await index.search(term)).find((h) => h.url.endsWith('/tcp-udp/'))!;
      expect(page.content.length).toBeGreaterThan(1000);
      expect(page.content).not.toMatch(/\\(le|times|mathrm|text)\b/);
      expect(page.content).not.toMatch(/2\^\{?16/);
      expect(page.content).not.toContain('216−1');
    }
  });

  test('site chrome is not indexed (skip link, header, sidebar, TOC, copy buttons)', async () => {
    for (const [index, term, chrome] of [
      [zh, '端口', ['跳到正文', '课程目录', '本页内容', '复制', '阅读英文版', '上一章']],
      [en, 'port', ['Skip to content', 'Course contents', 'On this page', 'Copy', 'Read this in Chinese', 'Previous']],
    ] as const) {
      const page = (await index.search(term)).find((h) => h.url.endsWith('/tcp-udp/'))!;
      for (const s of chrome) expect(page.content, s).not.toContain(s);
    }
  });
});
