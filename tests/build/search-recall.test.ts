// Search recall over the built index (dist/pagefind): for every course term, in both languages,
// every page whose indexed text contains the term must come back when a reader searches for it.
// The terms are the glossary's (both names and their alternatives) plus API names the chapters
// teach. Pagefind's Chinese segmentation has known recall gaps, so this measures term–page pairs,
// requires ≥ 95 %, and prints every miss so a regression names itself.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { openIndex, type Hit } from '../support/pagefind-node.ts';

const DIST = process.env.E2E_DIST ?? 'dist';
const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')).terms as Array<{ zh: string; en: string; zhAlt?: string[]; enAlt?: string[]; only?: string }>;
/** Names from the Python and socket APIs the chapters teach, searched as a student would type them. */
const API = ['recv', 'sendall', 'sendto', 'recvfrom', 'bind', 'listen', 'accept', 'SO_REUSEADDR', 'TIME-WAIT', 'ESTABLISHED', 'struct', 'json', 'socketserver', 'ThreadingTCPServer', 'multiprocessing', 'Process', 'Lock', 'Queue', 'join', 'daemon', 'terminate', 'threading', 'MSL', 'ARP', 'MAC', 'UDP', 'TCP', 'GIL'];

const termsFor = (lang: 'zh' | 'en') => [
  ...new Set([
    ...glossary.flatMap((t) => (lang === 'zh' ? [t.zh, ...(t.zhAlt ?? [])] : t.only === 'zh' ? [] : [t.en, ...(t.enAlt ?? [])])),
    // English pages carry the Chinese name at a term's first use: a Chinese search finds them too.
    ...(lang === 'en' ? glossary.map((t) => t.zh) : []),
    ...API,
  ]),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Does the indexed text contain the term as a reader would read it? (English: a whole word, any case.) */
function contains(text: string, term: string): boolean {
  if (/[\u4e00-\u9fff]/.test(term)) return text.includes(term);
  return new RegExp(`(?<![\\w-])${escape(term)}(?![\\w-])`, 'i').test(text);
}

type Index = Awaited<ReturnType<typeof openIndex>>;
const indexes: Partial<Record<'zh' | 'en', Index>> = {};
beforeAll(async () => {
  indexes.zh = await openIndex(DIST, 'zh-CN');
  indexes.en = await openIndex(DIST, 'en');
});
afterAll(async () => {
  await indexes.zh?.close();
  await indexes.en?.close();
});

describe.each(['zh', 'en'] as const)('search recall, %s', (lang) => {
  test('every page containing a course term is found by searching for it (≥ 95 % of term–page pairs)', async () => {
    const index = indexes[lang]!;
    const pages: Hit[] = await index.search(null as unknown as string);
    expect(pages.length, 'the index lists its pages').toBeGreaterThan(2);
    let pairs = 0;
    const misses: string[] = [];
    for (const term of termsFor(lang)) {
      const holders = pages.filter((p) => contains(`${p.title} ${p.content}`, term));
      if (!holders.length) continue;
      // Searched as the dialog searches (src/scripts/search-core.ts), not with Pagefind's bare query.
      const found = new Set((await index.ranked(term)).map((h) => h.url));
      for (const p of holders) {
        pairs++;
        if (!found.has(p.url)) misses.push(`${term} → ${p.url}`);
      }
    }
    const recall = 1 - misses.length / pairs;
    console.log(`${lang}: ${pairs - misses.length}/${pairs} term–page pairs found (${(recall * 100).toFixed(1)} %)${misses.length ? `; missed:\n  ${misses.join('\n  ')}` : ''}`);
    expect(pairs).toBeGreaterThan(50);
    expect(recall, `missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
