// src/lib/glossary.ts: the bilingual term list and where a chapter first uses each term.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { courseSegmenter, firstUses, glossaryLetters, loadGlossary, parseGlossary, termPattern, wordBoundaries, type Term } from '../../src/lib/glossary.ts';

const T = (id: string, zh: string, en: string, more: Partial<Term> = {}): Term => ({ id, zh, en, zhDef: `${zh}：……`, enDef: `${en}: …`, py: 'A', ...more });
const entry = (more: Record<string, unknown> = {}) => ({ id: 'a', zh: '甲', en: 'a', py: 'J', zhDef: '定义。', enDef: 'A definition.', ...more });
const port = T('port', '端口', 'port');
const eph = T('ephemeral-port', '临时端口', 'ephemeral port');
const hs = T('three-way-handshake', '三次握手', 'three-way handshake');
const sw = T('switch', '交换机', 'switch', { only: 'zh' });

describe('parseGlossary', () => {
  test('reads the course glossary: every id, Chinese term and English term is unique', () => {
    const terms = loadGlossary();
    expect(terms.length).toBeGreaterThanOrEqual(60);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  });

  test.each([
    [{}, 'expected { "terms"'],
    [{ terms: [entry({ id: 'Port' })] }, 'lowercase ASCII'],
    [{ terms: [entry({ en: undefined })] }, '"zh" and "en" are required'],
    [{ terms: [entry({ colour: 1 })] }, 'unknown key(s) colour'],
    [{ terms: [entry(), entry({ id: 'b', zh: '乙', en: 'A' })] }, '"a" is used by both "a" and "b"'],
    [{ terms: [entry(), entry({ zh: '乙', en: 'b' })] }, 'used by both'],
    [{ terms: [entry({ zhAlt: [''] })] }, 'zhAlt must be a list'],
    [{ terms: [entry({ only: 'fr' })] }, '"only" is "zh" or "en"'],
    [{ terms: [entry({ zhDef: undefined })] }, '"zhDef" must be one line of plain text'],
    [{ terms: [entry({ enDef: 'two\nlines' })] }, '"enDef" must be one line of plain text'],
    [{ terms: [entry({ enDef: 'a <b>tag</b>' })] }, '"enDef" must be one line of plain text'],
    [{ terms: [entry({ py: undefined })] }, '"py" (the pinyin initial of "甲") is required'],
    [{ terms: [entry({ py: 'j' })] }, '"py" is one capital letter'],
    [{ terms: [entry({ zh: 'MAC 地址', py: 'D' })] }, '"py" must be "M"'],
    [{ terms: [entry()], words: ['port'] }, '"words" must be a list of Chinese words'],
  ])('%j fails naming the problem', (data, message) => {
    expect(() => parseGlossary(data)).toThrow(message);
  });
});

describe('definitions and pinyin initials', () => {
  const terms = loadGlossary();
  test('every term has a one-line definition in both languages, short enough for a tooltip', () => {
    for (const t of terms) {
      expect(t.zhDef.length, t.id).toBeLessThanOrEqual(80);
      expect(t.enDef.length, t.id).toBeLessThanOrEqual(150);
      expect(t.zhDef, t.id).toMatch(/\p{Script=Han}/u);
      expect(t.zhDef, t.id).toMatch(/。$/);
      expect(t.enDef, t.id).toMatch(/^[A-Z0-9].*\.$/);
    }
  });
  test('a Latin-initial Chinese term files under its own letter (MAC 地址 under M)', () => {
    expect(terms.find((t) => t.id === 'mac-address')?.py).toBe('M');
    expect(terms.find((t) => t.id === 'fork-server')?.py).toBe('F');
  });
  // ICU's pinyin collation orders a Han character among the others by its reading; the first
  // character at or after each letter's first syllable (阿 a, 八 ba, 嚓 ca …) gives the initial. It
  // knows one reading per character, so the polyphones the course uses are listed by hand.
  const POLYPHONES: Record<string, string> = { 重传: 'C', 长度前缀: 'C' };
  const col = new Intl.Collator('zh-CN-u-co-pinyin');
  const starts: Array<[string, string]> = [['A', '阿'], ['B', '八'], ['C', '嚓'], ['D', '哒'], ['E', '妸'], ['F', '发'], ['G', '旮'], ['H', '哈'], ['J', '讥'], ['K', '咔'], ['L', '垃'], ['M', '妈'], ['N', '拏'], ['O', '噢'], ['P', '妑'], ['Q', '七'], ['R', '呥'], ['S', '仨'], ['T', '他'], ['W', '屲'], ['X', '夕'], ['Y', '丫'], ['Z', '帀']];
  const initial = (c: string) => starts.reduce((got, [letter, first]) => (col.compare(c, first) >= 0 ? letter : got), '?');
  test('the pinyin initial ("py") of every Han-initial term agrees with ICU, except the listed polyphones', () => {
    expect(initial('端')).toBe('D');
    expect(initial('线')).toBe('X');
    for (const t of terms.filter((t) => /^\p{Script=Han}/u.test(t.zh))) {
      expect(`${t.zh} ${t.py}`).toBe(`${t.zh} ${POLYPHONES[t.zh] ?? initial(t.zh[0]!)}`);
    }
  });
});

describe('glossaryLetters', () => {
  const terms = [T('port', '端口', 'port', { py: 'D' }), T('retransmission', '重传', 'retransmission', { py: 'C' }), T('arp-cache', 'ARP 缓存', 'ARP cache', { py: 'A' }), T('checksum', '校验和', 'checksum', { py: 'X' })];
  test('Chinese: by pinyin initial (重传 under C, not Z), letters in order', () => {
    expect(glossaryLetters(terms, 'zh').map(([l, ts]) => [l, ts.map((t) => t.zh)])).toEqual([['A', ['ARP 缓存']], ['C', ['重传']], ['D', ['端口']], ['X', ['校验和']]]);
  });
  test('English: by first letter, alphabetical inside a letter', () => {
    expect(glossaryLetters(terms, 'en').map(([l, ts]) => [l, ts.map((t) => t.en)])).toEqual([['A', ['ARP cache']], ['C', ['checksum']], ['P', ['port']], ['R', ['retransmission']]]);
  });
  test('every course term is filed under exactly one letter in each language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const groups = glossaryLetters(loadGlossary(), lang);
      expect(groups.flatMap(([, ts]) => ts).length).toBe(loadGlossary().length);
      expect(groups.every(([l]) => /^[A-Z]$/.test(l))).toBe(true);
    }
  });
});

describe('wordBoundaries (jieba with the course\'s terms and compounds)', () => {
  const cuts = (s: string) => [...wordBoundaries(s, courseSegmenter())].sort((a, b) => a - b);
  test.each([
    ['几把锁和信号量。', '信号量', 4],
    ['第一个数据字节序号仍然是 101', '字节序号', 5],
    ['约定的字节序列结尾', '字节序列', 3],
    ['端口号', '端口号', 0],
    ['时间片轮转法和多级反馈队列', '时间片轮转法', 0],
  ])('%s keeps %s whole', (text, word, at) => {
    const b = cuts(text);
    expect(b).toContain(at);
    expect(b).toContain(at + word.length);
    for (let i = at + 1; i < at + word.length; i++) expect(b).not.toContain(i);
  });
  test('a glossary term is one word (字节序, 三次握手), and Latin words are never cut', () => {
    expect(cuts('网络字节序（大端）')).toEqual(expect.arrayContaining([2, 5]));
    expect(cuts('网络字节序（大端）')).not.toContain(3);
    expect(cuts('先三次握手')).not.toContain(3);
    expect(cuts('import socket')).toEqual([0, 6, 7, 13]);
  });
});

describe('termPattern', () => {
  test('English matches whole words in any case, with a plural', () => {
    const re = termPattern(port, 'en')!;
    expect('Ports and a port, PORT'.match(re)).toEqual(['Ports', 'port', 'PORT']);
    expect('portable passport report'.match(re)).toBeNull();
    expect('import socket; export it'.match(re)).toBeNull();
    expect('port-range'.match(re)).toBeNull();
  });

  test('Chinese matches the characters anywhere', () => {
    expect('临时端口和端口'.match(termPattern(port, 'zh')!)).toEqual(['端口', '端口']);
  });

  test('a term limited to one language is not looked for in the other', () => {
    expect(termPattern(sw, 'en')).toBeNull();
    expect(termPattern(sw, 'zh')).not.toBeNull();
  });
});

describe('firstUses', () => {
  test('finds the first use of each term in reading order, across texts', () => {
    const uses = firstUses(['先讲三次握手。', '端口在这里，三次握手又出现了。'], [port, hs], 'zh');
    expect(uses.map((u) => [u.term.id, u.node, u.start])).toEqual([['three-way-handshake', 0, 2], ['port', 1, 0]]);
  });

  test('a use inside a longer term does not count as a use of the shorter one', () => {
    const uses = firstUses(['临时端口由内核挑选。服务器的端口是固定的。'], [port, eph], 'zh');
    expect(uses.map((u) => [u.term.id, u.start])).toEqual([['ephemeral-port', 0], ['port', 14]]);
  });

  test('a twin already written beside the term is noticed, so nothing is added twice', () => {
    const [zh] = firstUses(['内核挑一个临时端口（ephemeral port）当源端口'], [eph], 'zh');
    expect(zh!.hasTwin).toBe(true);
    const [en] = firstUses(['the three-way handshake (三次握手) opens it'], [hs], 'en');
    expect(en!.hasTwin).toBe(true);
    const [plain] = firstUses(['the three-way handshake opens it'], [hs], 'en');
    expect(plain!.hasTwin).toBe(false);
  });

  test('a twin just across a text boundary (after </strong>) counts as beside the term', () => {
    const [u] = firstUses(['有些程序是', '临时端口', '（ephemeral port），'], [eph], 'zh');
    expect(u!.hasTwin).toBe(true);
  });

  test('a term that is not used is not listed', () => {
    expect(firstUses(['nothing here'], [hs, port], 'en')).toEqual([]);
  });
});

describe('firstUses never splits a word', () => {
  const sig = T('signal', '信号', 'signal');
  const order = T('byte-order', '字节序', 'byte order');
  const seq = T('sequence-number', '序号', 'sequence number');
  const segment = courseSegmenter();
  test.each([
    // The three cases of issue 10, as the chapters say them.
    ['底层是一根管道加几把锁和信号量。', [sig], []],
    ['A 随后发的第一个数据字节序号仍然是 101。', [order, seq], []],
    ['每条消息以一个约定的字节序列结尾，例如换行', [order], []],
    ['几把锁和信号量；进程收到一个信号就退出。', [sig], [['signal', 14]]],
    ['字节序列不是字节序。', [order], [['byte-order', 6]]],
  ] as const)('%s', (text, terms, want) => {
    const uses = firstUses([text], [...terms], 'zh', segment);
    expect(uses.map((u) => [u.term.id, u.start])).toEqual(want);
  });
  test('without a segmenter the characters would match anywhere: the fixture does test something', () => {
    const uses = firstUses(['几把锁和信号量。'], [sig], 'zh', (s) => [...s]);
    expect(uses.map((u) => u.start)).toEqual([4]);
  });
});

describe('the built chapters', () => {
  test('the glossary file is valid JSON that parses without errors', () => {
    expect(() => parseGlossary(JSON.parse(readFileSync('content/glossary.json', 'utf8')))).not.toThrow();
  });
});

describe('rehypeGlossary on a chapter read in pages', () => {
  const p = (text: string) => ({ type: 'element' as const, tagName: 'p', properties: {}, children: [{ type: 'text' as const, value: text }] });
  const h2 = (id: string) => ({ type: 'element' as const, tagName: 'h2', properties: { id }, children: [{ type: 'text' as const, value: id }] });
  const run = async (splitAt?: string[]) => {
    const { rehypeGlossary } = await import('../../src/lib/rehype-glossary.ts');
    const tree = { type: 'root' as const, children: [h2('a'), p('三次握手先出现。'), h2('b'), p('又是三次握手。'), h2('c'), p('三次握手第三次。')] };
    const file = { path: '/x/content/chapters/zh/04-x.mdx', data: { astro: { frontmatter: splitAt ? { splitAt } : {} } } };
    rehypeGlossary({ terms: [hs] })(tree as never, file as never);
    const twins = tree.children.map((c) => JSON.stringify(c).includes('gl-twin'));
    return { twins, glossary: (file.data.astro.frontmatter as { glossary?: string[] }).glossary };
  };
  test('one page: the twin only at the chapter\'s first use', async () => {
    expect((await run()).twins).toEqual([false, true, false, false, false, false]);
  });
  test('in pages: the twin at the first use on each page, and the term listed once', async () => {
    const { twins, glossary } = await run(['c']);
    expect(twins).toEqual([false, true, false, false, false, true]);
    expect(glossary).toEqual(['three-way-handshake']);
  });
});
