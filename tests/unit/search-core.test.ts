// src/scripts/search-core.ts: what a query asks Pagefind, what it marks, how results are ordered.
// The ranking against the real index is in tests/build/search-precision.test.ts.
import { describe, expect, test } from 'vitest';
import { markPhrase, normalize, phraseRe, present, queriesFor, rank, resultHref, settle, type PagefindApi, type ResultData } from '../../src/scripts/search-core.ts';

describe('normalize', () => {
  test('full-width letters, digits and underscore become half-width', () => {
    expect(normalize('ＴＩＭＥ＿ＷＡＩＴ')).toBe('TIME_WAIT');
    expect(normalize('ｓｏｃｋｅｔ　８０')).toBe('socket 80');
  });
});

describe('queriesFor', () => {
  test('a Chinese phrase is asked plain and quoted (pages holding it exactly)', () => {
    expect(queriesFor('粘包')).toEqual({ plain: ['粘包'], phrase: ['"粘包"'] });
  });
  test('one Chinese character or one English word needs no phrase query', () => {
    expect(queriesFor('锁').phrase).toEqual([]);
    expect(queriesFor('socket').phrase).toEqual([]);
  });
  test('TIME_WAIT, time-wait and TIME-WAIT ask the same: the joined word, the underscored one, the parts', () => {
    const forms = ['TIME_WAIT', 'time-wait', 'TIME-WAIT'].map((q) => queriesFor(q));
    const lower = forms.map((f) => ({ plain: f.plain.map((x) => x.toLowerCase()), phrase: f.phrase.map((x) => x.toLowerCase()) }));
    expect(lower[0]).toEqual(lower[1]);
    expect(lower[1]).toEqual(lower[2]);
    expect(lower[0]).toEqual({ plain: ['timewait', 'time_wait', 'time wait'], phrase: ['timewait', 'time_wait'] });
  });
  test('an empty query asks nothing', () => {
    expect(queriesFor('  ')).toEqual({ plain: [], phrase: [] });
  });
});

describe('phraseRe and markPhrase', () => {
  const mark = (q: string, text: string) => markPhrase(text, phraseRe(q));
  test('marks the whole phrase only, never its characters apart', () => {
    expect(mark('粘包', '粘包、拆包和半包')).toBe('<mark>粘包</mark>、拆包和半包');
    expect(mark('动画', '滑动窗口')).toBe('滑动窗口');
  });
  test('one term in any spelling', () => {
    expect(mark('TIME_WAIT', 'TIME-WAIT and time_wait')).toBe('<mark>TIME-WAIT</mark> and <mark>time_wait</mark>');
    expect(mark('生产者消费者', '生产者-消费者，生产者与消费者')).toBe('<mark>生产者-消费者</mark>，<mark>生产者与消费者</mark>');
  });
  test('an English term matches at the start of a word', () => {
    expect(mark('fork', 'forkserver, os.fork(), platform_fork')).toBe('<mark>fork</mark>server, os.<mark>fork</mark>(), platform_fork');
  });
  test('text is escaped; regex characters in the query are literal', () => {
    expect(mark('a.b', 'a.b axb <i>')).toBe('<mark>a.b</mark> axb &lt;i&gt;');
  });
});

describe('rank', () => {
  const result = (id: string, score: number) => ({ id, score, words: [], data: async () => ({ url: `/${id}/` }) as ResultData });
  const fake = (answers: Record<string, string[]>): PagefindApi => ({
    search: async (q) => ({ results: (answers[q] ?? []).map((id, i) => result(id, 10 - i)) }),
  });
  test('pages holding the exact phrase come first, each group in Pagefind’s order', async () => {
    const ranked = await rank(fake({ '全局解释器锁': ['locks', 'gil', 'other'], '"全局解释器锁"': ['gil', 'other'] }), '全局解释器锁');
    expect(ranked.map((r) => [r.id, r.phrase])).toEqual([['gil', true], ['other', true], ['locks', false]]);
  });
});

describe('present and settle', () => {
  const data = (over: Partial<ResultData>): ResultData => ({ url: '/zh/x/', content: '', excerpt: '', meta: { title: '章' }, sub_results: [], ...over });
  test('sections whose heading starts with the query come first; headings lose their "#"', () => {
    const shown = present(data({
      content: '四次挥手',
      sub_results: [
        { url: '/zh/x/#a', title: '连接的一生：三次握手、四次挥手#', excerpt: '' },
        { url: '/zh/x/#b', title: '四次挥手，有时只有三次#', excerpt: '<mark>四次</mark><mark>挥手</mark>' },
      ],
    }), '四次挥手', true);
    expect(shown.subs.map((s) => [s.url, s.title])).toEqual([['/zh/x/#b', '四次挥手，有时只有三次'], ['/zh/x/#a', '连接的一生：三次握手、四次挥手']]);
    expect(shown.subs[0]!.excerpt).toBe('<mark>四次挥手</mark>');
  });
  test('a widget whose title holds the query is offered at its #id', () => {
    const shown = present(data({ meta: { title: '章', 'widget-handshake': 'TCP 连接的一生' } }), 'TCP 连接的一生', true);
    expect(shown.subs[0]).toEqual({ url: '/zh/x/#handshake', title: 'TCP 连接的一生', excerpt: '', widget: true });
  });
  test('an excerpt that missed the phrase is rebuilt from the page text around it', () => {
    const shown = present(data({ content: '前面很长的一段话。这里讲粘包。', excerpt: '<mark>粘</mark>性' }), '粘包', true);
    expect(shown.excerpt).toContain('<mark>粘包</mark>');
  });
  test('the glossary ranks below a chapter that holds the term', () => {
    const a = present(data({ url: '/zh/glossary/', content: '守护进程' }), '守护进程', true);
    const b = present(data({ url: '/zh/multiprocessing/', content: '守护进程' }), '守护进程', true);
    expect(settle([a, b], '守护进程').map((s) => s.url)).toEqual(['/zh/multiprocessing/', '/zh/glossary/']);
  });
});

test('resultHref puts ?highlight= before the section', () => {
  expect(resultHref('/zh/tcp-udp/#three-way-handshake', ' 三次握手 ')).toBe('/zh/tcp-udp/?highlight=%E4%B8%89%E6%AC%A1%E6%8F%A1%E6%89%8B#three-way-handshake');
  expect(resultHref('/en/x/', 'udp')).toBe('/en/x/?highlight=udp');
});
