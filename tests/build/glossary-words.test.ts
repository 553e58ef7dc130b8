// The glossary never splits a word (issue 10): in every built chapter page, zh and en, the marked
// first use of a term (src/lib/rehype-glossary.ts) starts and ends on a word boundary of the text
// a reader sees, so no twin lands inside a longer word (信号（signal）量). Reads dist/: run
// `npm run build` first.
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseSegmenter, loadGlossary, wordBoundaries } from '../../src/lib/glossary.ts';

// Words that hold a term's characters but are other words: the three the issue found, and more.
// Independent of the segmenter: none of them may be cut by a mark.
const COMPOUNDS = ['信号量', '字节序号', '字节序列', '端口号', '进程号', '多线程', '多进程', '线程池', '进程池', '序号位'];

const MARK = /<a class="gl" id="term-([^"]+)"[^>]*>([^<]*)(?:<span class="gl-twin"[^>]*>[^<]*<\/span>)?<\/a>(?:<span class="gd"[^>]*>[^<]*<\/span>)?/g;
const BLOCK = /<\/?(?:p|li|td|th|h[1-6]|div|dd|dt|figcaption|blockquote|pre|summary|br|table|tr|ul|ol|section|article|header|footer|nav|main|aside|details)\b[^>]*>/gi;

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');

/**
 * The marks of a page that sit inside a word: "<term id>: <text before>[<word>]<text after>" for
 * each. The page becomes the text a reader sees (marks reduced to their word, twin and definition
 * dropped, blocks on their own lines), and each mark's ends must be word boundaries of its line.
 */
export function marksInsideWords(html: string, lang: 'zh' | 'en'): string[] {
  const body = html.replace(/<(script|style|template|svg|math)\b[\s\S]*?<\/\1>/gi, '');
  const marks: Array<{ id: string }> = [];
  const text = decode(
    body
      .replace(MARK, (_, id: string, word: string) => {
        marks.push({ id });
        return `\u0001${marks.length - 1}\u0002${word}\u0003`;
      })
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/g, ''),
  );
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('\u0001')) continue;
    // The line as read, and where each mark starts and ends in it.
    let plain = '';
    const spans: Array<{ id: string; start: number; end: number }> = [];
    for (const m of line.split(/(\u0001\d+\u0002[^\u0003]*\u0003)/)) {
      const mm = /^\u0001(\d+)\u0002([^\u0003]*)\u0003$/.exec(m);
      if (mm) {
        spans.push({ id: marks[Number(mm[1])]!.id, start: plain.length, end: plain.length + mm[2]!.length });
        plain += mm[2];
      } else plain += m;
    }
    const bounds = lang === 'zh' ? wordBoundaries(plain, courseSegmenter()) : undefined;
    for (const s of spans) {
      const at = (i: number) => {
        if (bounds) return bounds.has(i);
        return !(/[\p{L}\p{N}_-]/u.test(plain[i - 1] ?? ' ') && /[\p{L}\p{N}_-]/u.test(plain[i] ?? ' '));
      };
      const cutsCompound = COMPOUNDS.some((w) => {
        for (let i = plain.indexOf(w); i >= 0; i = plain.indexOf(w, i + 1)) {
          const e = i + w.length;
          if ((i < s.start && s.start < e) || (i < s.end && s.end < e)) return true;
        }
        return false;
      });
      if (!at(s.start) || !at(s.end) || cutsCompound) {
        problems.push(`${s.id}: ${plain.slice(Math.max(0, s.start - 8), s.start)}[${plain.slice(s.start, s.end)}]${plain.slice(s.end, s.end + 8)}`);
      }
    }
  }
  return problems;
}

const mark = (id: string, word: string, twin: string, lang = 'en') =>
  `<a class="gl" id="term-${id}" href="../glossary/#${id}" aria-describedby="gd-${id}" interestfor="gd-${id}">${word}<span class="gl-twin" lang="${lang}">${twin}</span></a><span class="gd" id="gd-${id}" popover="hint">…</span>`;

describe('marksInsideWords (the check itself)', () => {
  test.each([
    ['信号量', `<p>底层是一根管道加几把锁和${mark('signal', '信号', '（signal）')}量。</p>`],
    ['字节序号', `<p>A 随后发的第一个数据${mark('byte-order', '字节序', '（byte order）')}号仍然是 101。</p>`],
    ['字节序列', `<p>每条消息以一个约定的${mark('byte-order', '字节序', '（byte order）')}列结尾。</p>`],
    ['a tag edge', `<p>进程进入<strong>${mark('blocking', '阻塞', '（blocking）')}</strong>态。</p>`],
  ])('finds the twin inside %s', (_, html) => {
    expect(marksInsideWords(html, 'zh')).toHaveLength(1);
  });
  test('finds an English term inside a longer word', () => {
    expect(marksInsideWords(`<p>we ${mark('port', 'port', ' (端口)', 'zh-CN')}able it</p>`, 'en')).toHaveLength(1);
    expect(marksInsideWords(`<p>an im${mark('port', 'port', ' (端口)', 'zh-CN')} statement</p>`, 'en')).toHaveLength(1);
  });
  test('accepts whole words', () => {
    expect(marksInsideWords(`<p>用${mark('semaphore', '信号量', '（semaphore）')}控制，<strong>${mark('mac-address', 'MAC 地址', '（MAC address）')}</strong>是 48 位。</p>`, 'zh')).toEqual([]);
    expect(marksInsideWords(`<p>a ${mark('port', 'port', ' (端口)', 'zh-CN')}, and ${mark('socket', 'sockets', ' (套接字)', 'zh-CN')}.</p>`, 'en')).toEqual([]);
  });
});

function pages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : []));
}

describe('the built site', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`no marked term sits inside a word on any ${lang} page`, () => {
      const files = pages(join('dist', lang));
      expect(files.length, 'run npm run build first').toBeGreaterThan(26);
      let marked = 0;
      const problems: string[] = [];
      for (const f of files) {
        const html = readFileSync(f, 'utf8');
        marked += [...html.matchAll(MARK)].length;
        for (const p of marksInsideWords(html, lang)) problems.push(`${f}: ${p}`);
      }
      expect(marked).toBeGreaterThan(300);
      expect(problems).toEqual([]);
    });

    test(`every mark on a ${lang} page links to its glossary entry (what a reader without JavaScript gets) and describes itself by its definition`, () => {
      const terms = new Map(loadGlossary().map((t) => [t.id, t]));
      const entries = new Set([...readFileSync(join('dist', lang, 'glossary', 'index.html'), 'utf8').matchAll(/<div id="([^"]+)"><dt>/g)].map((m) => m[1]));
      expect(entries.size).toBe(terms.size);
      const wrong: string[] = [];
      for (const f of pages(join('dist', lang))) {
        const html = readFileSync(f, 'utf8');
        for (const m of html.matchAll(/<a class="gl" id="term-([^"]+)"([^>]*)>[\s\S]*?<\/a>(<span class="gd"[^>]*>([^<]*)<\/span>)?/g)) {
          const [, id, attrs, tip, def] = m as unknown as [string, string, string, string | undefined, string | undefined];
          const t = terms.get(id);
          const want = `href="/${lang}/glossary/#${id}" aria-describedby="gd-${id}" interestfor="gd-${id}"`;
          if (!t || !entries.has(id) || attrs.trim() !== want || !tip?.includes(`id="gd-${id}" popover="hint"`) || decode(def ?? '') !== (lang === 'zh' ? t.zhDef : t.enDef)) wrong.push(`${f}: ${m[0].slice(0, 300)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
