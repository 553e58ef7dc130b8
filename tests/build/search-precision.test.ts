// Search precision over the built index (dist/pagefind, made by `npm run build`), ranked by
// src/scripts/search-core.ts exactly as the search dialog ranks it: for 30 questions students
// ask (15 in each language), the section that answers them must be the first link the dialog
// shows (the first page's first section). Also: a page holding the whole query ranks above pages
// holding its characters apart, only the whole query is marked, spellings of one term find the
// same section, and a widget's title opens the widget.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openIndex } from '../support/pagefind-node.ts';
import type { Shown } from '../../src/scripts/search-core.ts';

const DIST = process.env.E2E_DIST ?? 'dist';
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

/** The first link the dialog shows: the first page's first section (or the page itself). */
const first = (shown: Shown[]) => shown[0] && (shown[0].subs[0]?.url ?? shown[0].url);

const ZH: Array<[string, string]> = [
  ['三次握手', '/zh/tcp-udp/#three-way-handshake'],
  ['四次挥手', '/zh/tcp-udp/closing/#closing'],
  ['粘包', '/zh/framing/#why-sticky'],
  ['TIME_WAIT', '/zh/tcp-udp/time-wait/#time-wait'],
  ['GIL', '/zh/threads/gil/#gil'],
  ['全局解释器锁', '/zh/threads/gil/#gil'],
  ['守护进程', '/zh/multiprocessing/daemon/#daemon'],
  ['生产者消费者', '/zh/queues/producer-consumer/#producer-consumer'],
  ['端口', '/zh/tcp-udp/#ports'],
  ['ARP', '/zh/ip-arp/arp/#arp'],
  ['子网掩码', '/zh/ip-arp/subnet-mask/#subnet-mask'],
  ['Nagle', '/zh/framing/#nagle'],
  ['socketserver', '/zh/socketserver/#socketserver-parts'],
  ['fork', '/zh/multiprocessing/#three-methods'],
  ['互斥锁', '/zh/locks/#critical-section'],
];
const EN: Array<[string, string]> = [
  ['three-way handshake', '/en/tcp-udp/#three-way-handshake'],
  ['handshake', '/en/tcp-udp/#three-way-handshake'],
  ['sticky packets', '/en/framing/#why-sticky'],
  ['TIME_WAIT', '/en/tcp-udp/time-wait/#time-wait'],
  ['GIL', '/en/threads/gil/#gil'],
  ['global interpreter lock', '/en/threads/gil/#gil'],
  ['daemon', '/en/multiprocessing/daemon/#daemon'],
  ['producer consumer', '/en/queues/producer-consumer/#producer-consumer'],
  ['port', '/en/tcp-udp/#ports'],
  ['ARP', '/en/ip-arp/arp/#arp'],
  ['SO_REUSEADDR', '/en/sockets/reuse-address/#reuse-address'],
  ['Nagle', '/en/framing/#nagle'],
  ['socketserver', '/en/socketserver/#socketserver-parts'],
  ['fork', '/en/multiprocessing/#three-methods'],
  ['mutex', '/en/locks/#critical-section'],
];

describe('search precision: the section that answers comes first', () => {
  test.each(ZH)('zh: %s → %s', async (q, section) => {
    expect(first(await zh.ranked(q, 5))).toBe(section);
  });
  test.each(EN)('en: %s → %s', async (q, section) => {
    expect(first(await en.ranked(q, 5))).toBe(section);
  });
});

describe('a query is a phrase, not a bag of characters', () => {
  test('粘包: every page holding 粘包 ranks above every page holding only 粘 or 包, and only 粘包 is marked', async () => {
    const shown = await zh.ranked('粘包');
    const holds = shown.map((s) => s.phrase);
    expect(holds[0]).toBe(true);
    expect(holds.indexOf(false) === -1 || holds.slice(holds.indexOf(false)).every((p) => !p), holds.join()).toBe(true);
    const marks = shown.flatMap((s) => [s.excerpt, ...s.subs.map((x) => x.excerpt)]).join('').match(/<mark>[^<]*<\/mark>/g) ?? [];
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['<mark>粘包</mark>']));
  });

  test('动画 marks nothing in pages that only hold 动 (滑动窗口): they hold the characters apart', async () => {
    const shown = await zh.ranked('动画');
    for (const s of shown.filter((x) => !x.phrase)) {
      expect(s.excerpt, s.url).not.toContain('<mark>');
      for (const sub of s.subs) expect(sub.excerpt, sub.url).not.toContain('<mark>');
    }
  });

  test('全局解释器锁: the threads chapter that explains it ranks above the locks chapter', async () => {
    const urls = (await zh.ranked('全局解释器锁')).map((s) => s.url);
    expect(urls.indexOf('/zh/threads/gil/')).toBeGreaterThanOrEqual(0);
    const locks = urls.findIndex((u) => u.startsWith('/zh/locks/'));
    expect(locks === -1 || urls.indexOf('/zh/threads/gil/') < locks).toBe(true);
  });

  test('section titles carry no stray "#" from the heading links', async () => {
    for (const s of [...(await zh.ranked('握手')), ...(await en.ranked('handshake'))]) {
      for (const sub of s.subs) expect(sub.title, sub.url).not.toMatch(/#\s*$/);
    }
  });
});

describe('one term, any spelling', () => {
  test.each([
    ['zh-CN', ['TIME_WAIT', 'time-wait', 'TIME-WAIT', 'ＴＩＭＥ＿ＷＡＩＴ', 'ｔｉｍｅ－ｗａｉｔ']],
    ['en', ['TIME_WAIT', 'time-wait', 'TIME-WAIT', 'ＴＩＭＥ＿ＷＡＩＴ']],
  ] as const)('%s: TIME_WAIT, time-wait, TIME-WAIT and full-width forms find the TIME-WAIT section first', async (lang, spellings) => {
    const index = lang === 'en' ? en : zh;
    const prefix = lang === 'en' ? '/en/' : '/zh/';
    for (const q of spellings) expect(first(await index.ranked(q, 5)), q).toBe(`${prefix}tcp-udp/time-wait/#time-wait`);
  });

  test('ｓｏｃｋｅｔ (full-width) finds what socket finds', async () => {
    const urls = async (q: string) => (await en.ranked(q, 5)).map((s) => s.url);
    expect(await urls('ｓｏｃｋｅｔ')).toEqual(await urls('socket'));
    expect((await urls('socket')).length).toBeGreaterThan(0);
  });
});

describe('widgets are found by their title and open at the widget', () => {
  test.each([
    [() => zh, 'TCP 连接的一生', '/zh/tcp-udp/data-and-close/#handshake'],
    [() => en, "TCP connection's life", '/en/tcp-udp/data-and-close/#handshake'],
  ])('%#: %s', async (index, q, widget) => {
    const top = (await index().ranked(q, 5))[0]!;
    expect(top.subs[0]).toMatchObject({ url: widget, widget: true });
  });
});
