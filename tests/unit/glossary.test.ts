// src/lib/glossary.ts: the bilingual term list and where a chapter first uses each term.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { firstUses, loadGlossary, parseGlossary, termPattern, type Term } from '../../src/lib/glossary.ts';

const T = (id: string, zh: string, en: string, more: Partial<Term> = {}): Term => ({ id, zh, en, ...more });
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
    [{ terms: [{ id: 'Port', zh: '端口', en: 'port' }] }, 'lowercase ASCII'],
    [{ terms: [{ id: 'port', zh: '端口' }] }, '"zh" and "en" are required'],
    [{ terms: [{ id: 'a', zh: '甲', en: 'a', colour: 1 }] }, 'unknown key(s) colour'],
    [{ terms: [{ id: 'a', zh: '甲', en: 'a' }, { id: 'b', zh: '乙', en: 'A' }] }, '"a" is used by both "a" and "b"'],
    [{ terms: [{ id: 'a', zh: '甲', en: 'a' }, { id: 'a', zh: '乙', en: 'b' }] }, 'used by both'],
    [{ terms: [{ id: 'a', zh: '甲', en: 'a', zhAlt: [''] }] }, 'zhAlt must be a list'],
    [{ terms: [{ id: 'a', zh: '甲', en: 'a', only: 'fr' }] }, '"only" is "zh" or "en"'],
  ])('%j fails naming the problem', (data, message) => {
    expect(() => parseGlossary(data)).toThrow(message);
  });
});

describe('termPattern', () => {
  test('English matches whole words in any case, with a plural', () => {
    const re = termPattern(port, 'en')!;
    expect('Ports and a port, PORT'.match(re)).toEqual(['Ports', 'port', 'PORT']);
    expect('portable passport report'.match(re)).toBeNull();
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
