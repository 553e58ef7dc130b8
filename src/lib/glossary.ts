// The course's bilingual terms (content/glossary.json): 三次握手 ⇄ three-way handshake. One list
// feeds the glossary pages and the first-use notes in chapters (src/lib/rehype-glossary.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Lang } from '../i18n/ui.ts';

export interface Term {
  /** ASCII id: the anchor on the glossary page and of the first use in a chapter (`term-<id>`). */
  id: string;
  zh: string;
  en: string;
  /** Other spellings that count as a use of the term (synonyms, abbreviations). */
  zhAlt?: string[];
  enAlt?: string[];
  /** Terms that are also ordinary words in one language (`port`) are only matched in the other. */
  only?: Lang;
  /** One line that says what the term is, for a student (the glossary page and the first-use tooltip). */
  zhDef: string;
  enDef: string;
  /** The pinyin initial of `zh` (A–Z), for the glossary's letter index; derived when `zh` starts with a Latin letter. */
  py: string;
}

/** The glossary file: the terms, and Chinese compounds that hold a term's characters but are other words. */
export interface Glossary {
  terms: Term[];
  words: string[];
}

export class GlossaryError extends Error {
  override name = 'GlossaryError';
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks the shape and that no id, zh term or en term (case-insensitively) appears twice. Every
 * term needs its two definitions and, when its Chinese name starts with a Han character, its
 * pinyin initial (`py`), which no package can be trusted to get right for 重传 (chóng) or 调度 (diào).
 */
export function parseGlossary(data: unknown, file = 'content/glossary.json'): Term[] {
  return parseGlossaryFile(data, file).terms;
}

export function parseGlossaryFile(data: unknown, file = 'content/glossary.json'): Glossary {
  const fail = (msg: string): never => {
    throw new GlossaryError(`${file}: ${msg}`);
  };
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { terms?: unknown }).terms)) fail('expected { "terms": [ … ] }.');
  const terms = (data as { terms: unknown[] }).terms;
  const seen = new Map<string, string>();
  const claim = (key: string, id: string) => {
    const prev = seen.get(key);
    if (prev !== undefined) fail(`"${key.slice(3)}" is used by both "${prev}" and "${id}".`);
    seen.set(key, id);
  };
  const words = (x: unknown, what: string, id: string): string[] => {
    if (x === undefined) return [];
    if (!Array.isArray(x) || x.some((s) => typeof s !== 'string' || !s.trim())) fail(`term "${id}": ${what} must be a list of non-empty strings.`);
    return x as string[];
  };
  const result = terms.map((raw, i): Term => {
    if (typeof raw !== 'object' || raw === null) return fail(`entry ${i} is not an object.`);
    const t = raw as Record<string, unknown>;
    const extra = Object.keys(t).filter((k) => !['id', 'zh', 'en', 'zhAlt', 'enAlt', 'only', 'zhDef', 'enDef', 'py'].includes(k));
    if (extra.length) fail(`entry ${i}: unknown key(s) ${extra.join(', ')}.`);
    if (typeof t.id !== 'string' || !ID.test(t.id)) fail(`entry ${i}: "id" must be lowercase ASCII words joined by "-".`);
    const id = t.id as string;
    if (typeof t.zh !== 'string' || !t.zh.trim() || typeof t.en !== 'string' || !t.en.trim()) fail(`term "${id}": "zh" and "en" are required.`);
    if (t.only !== undefined && t.only !== 'zh' && t.only !== 'en') fail(`term "${id}": "only" is "zh" or "en".`);
    const zh = (t.zh as string).trim();
    for (const k of ['zhDef', 'enDef'] as const) {
      const d = t[k];
      if (typeof d !== 'string' || !d.trim() || /[<>\n]/.test(d)) fail(`term "${id}": "${k}" must be one line of plain text (no <, > or line break).`);
    }
    const latin = /^[A-Za-z]/.test(zh) ? zh[0]!.toUpperCase() : undefined;
    if (t.py !== undefined && (typeof t.py !== 'string' || !/^[A-Z]$/.test(t.py))) fail(`term "${id}": "py" is one capital letter A–Z.`);
    if (latin && t.py !== undefined && t.py !== latin) fail(`term "${id}": "py" must be "${latin}", the first letter of "${zh}", or be left out.`);
    if (!latin && t.py === undefined) fail(`term "${id}": "py" (the pinyin initial of "${zh}") is required.`);
    const term: Term = { id, zh, en: (t.en as string).trim(), zhDef: (t.zhDef as string).trim(), enDef: (t.enDef as string).trim(), py: latin ?? (t.py as string) };
    const zhAlt = words(t.zhAlt, 'zhAlt', id);
    const enAlt = words(t.enAlt, 'enAlt', id);
    if (zhAlt.length) term.zhAlt = zhAlt;
    if (enAlt.length) term.enAlt = enAlt;
    if (t.only) term.only = t.only as Lang;
    claim(`id:${id}`, id);
    for (const z of [term.zh, ...zhAlt]) claim(`zh:${z}`, id);
    for (const e of [term.en, ...enAlt]) claim(`en:${e.toLowerCase()}`, id);
    return term;
  });
  const compounds = (data as { words?: unknown }).words ?? [];
  if (!Array.isArray(compounds) || compounds.some((w) => typeof w !== 'string' || !/^\p{Script=Han}{2,}$/u.test(w))) fail('"words" must be a list of Chinese words (Han characters only).');
  return { terms: result, words: compounds as string[] };
}

let cached: Glossary | undefined;
/** The glossary of this checkout, read once per build. */
export function loadGlossary(root = process.cwd()): Term[] {
  return loadGlossaryFile(root).terms;
}

export function loadGlossaryFile(root = process.cwd()): Glossary {
  if (!cached) {
    const file = join(root, 'content', 'glossary.json');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new GlossaryError(`content/glossary.json: ${(e as Error).message}`);
    }
    cached = parseGlossaryFile(data);
  }
  return cached;
}

/** Cuts Chinese text into words: the list of words, in order, that join back into the text. */
export type Segmenter = (text: string) => string[];

/**
 * jieba (@node-rs/jieba, build time only) with the course's terms and compounds in its dictionary,
 * so that a term is one word (字节序) and a longer word that holds it stays whole (字节序号, 字节序列).
 * Measured: Intl.Segmenter's ICU dictionary cuts 信号量 as 信号|量 and 端口号 as 端|口号; jieba gets
 * them right, and the project's list (`words` in content/glossary.json) covers what it misses.
 */
export function zhSegmenter(extra: string[]): Segmenter {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  // Each word gets the least frequency that makes it one word (3, 30, 300…), not a big one: a
  // boosted 端口 would cut 端口号 as 端口|号, a boosted 字节序 cut 字节序号. The compounds come last,
  // so they are whole again after the terms.
  for (const w of extra.flatMap((x) => x.split(/[^\p{Script=Han}]+/u)).filter((x) => x.length > 1)) {
    for (let f = 3; jieba.cut(w, false).length > 1 && f < 1e8; f *= 10) jieba.loadDict(Buffer.from(`${w} ${f} n\n`));
  }
  return (text) => jieba.cut(text, false);
}

let cachedSegmenter: Segmenter | undefined;
/** The segmenter for this checkout's glossary: its terms (every spelling) and its compounds. */
export function courseSegmenter(root = process.cwd()): Segmenter {
  if (!cachedSegmenter) {
    const { terms, words } = loadGlossaryFile(root);
    cachedSegmenter = zhSegmenter([...terms.flatMap((t) => [t.zh, ...(t.zhAlt ?? [])]), ...words]);
  }
  return cachedSegmenter;
}

/**
 * The positions in `text` where a word may start or end: its two ends, every change between Han and
 * other characters, and inside a run of Han characters the segmenter's cuts. Latin words are kept
 * whole (a term never starts inside "import").
 */
export function wordBoundaries(text: string, segment: Segmenter): Set<number> {
  const cuts = new Set<number>([0, text.length]);
  let at = 0;
  for (const w of segment(text)) {
    at += w.length;
    cuts.add(at);
  }
  const han = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c) && !han(c);
  const out = new Set<number>();
  for (let i = 0; i <= text.length; i++) {
    const a = text[i - 1];
    const b = text[i];
    if (han(a) && han(b)) {
      if (cuts.has(i)) out.add(i);
    } else if (!(word(a) && word(b))) out.add(i);
  }
  return out;
}

/** The spellings of a term to look for in a page of language `lang`, longest first. */
export function spellings(t: Term, lang: Lang): string[] {
  if (t.only && t.only !== lang) return [];
  const list = lang === 'zh' ? [t.zh, ...(t.zhAlt ?? [])] : [t.en, ...(t.enAlt ?? [])];
  return [...list].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A global regex for the uses of one term. Chinese: the characters anywhere (Chinese has no
 * spaces). English: whole words, any case, with a plural s/es.
 */
export function termPattern(t: Term, lang: Lang): RegExp | null {
  const list = spellings(t, lang);
  if (!list.length) return null;
  const alts = list.map(escape).join('|');
  return lang === 'zh' ? new RegExp(alts, 'g') : new RegExp(`(?<![\\w-])(?:${alts})(?:s|es)?(?![\\w-])`, 'gi');
}

export interface Use {
  term: Term;
  /** Which text (index into the list given) and where in it. */
  node: number;
  start: number;
  end: number;
}

/**
 * The first use of each term in a page's texts (in reading order). A use starts and ends on a word
 * boundary: in Chinese, where `segment` cuts the text (信号 is not used in 信号量, nor 字节序 in
 * 字节序号); in English, at the ends of whole words. A match inside a use of a longer term does not
 * count (端口 inside 临时端口), and a term whose twin already stands right next to it
 * (“临时端口（ephemeral port）”) is found but marked `hasTwin`, so nothing is added.
 */
export function firstUses(texts: string[], terms: Term[], lang: Lang, segment?: Segmenter): Array<Use & { hasTwin: boolean }> {
  const patterns = terms.map((t) => ({ t, re: termPattern(t, lang), len: Math.max(0, ...spellings(t, lang).map((s) => s.length)) })).filter((x) => x.re);
  const cut = lang === 'zh' ? (segment ?? courseSegmenter()) : undefined;
  const bounds = texts.map((s) => (cut && /\p{Script=Han}/u.test(s) ? wordBoundaries(s, cut) : undefined));
  const whole = (node: number, start: number, end: number) => !bounds[node] || (bounds[node].has(start) && bounds[node].has(end));
  // Every use of every term, per text: a shorter term's match inside any of them is not a use.
  const all: Array<Array<{ start: number; end: number; len: number }>> = texts.map((s, node) => {
    const out: Array<{ start: number; end: number; len: number }> = [];
    for (const p of patterns) {
      for (const m of s.matchAll(p.re!)) if (whole(node, m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, len: p.len });
    }
    return out;
  });
  const chosen: Array<Use & { hasTwin: boolean }> = [];
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  for (const p of [...patterns].sort((a, b) => b.len - a.len)) {
    search: for (let node = 0; node < texts.length; node++) {
      const s = texts[node]!;
      for (const m of s.matchAll(p.re!)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!whole(node, start, end)) continue;
        const inside = all[node]!.some((o) => o.len > p.len && o.start <= start && o.end >= end);
        const overlaps = chosen.some((c) => c.node === node && c.start < end && start < c.end);
        if (inside || overlaps) continue;
        // Beside it, also across neighbouring texts: "**I/O 密集型**（I/O-bound）" splits at the </strong>.
        const before = `${texts[node - 2] ?? ''}${texts[node - 1] ?? ''}${s.slice(0, start)}`.slice(-40);
        const after = `${s.slice(end)}${texts[node + 1] ?? ''}${texts[node + 2] ?? ''}`.slice(0, 40);
        const near = `${before} ${after}`.toLowerCase();
        const twins = other === 'en' ? [p.t.en, ...(p.t.enAlt ?? [])] : [p.t.zh, ...(p.t.zhAlt ?? [])];
        const hasTwin = twins.some((w) => near.includes(w.toLowerCase()));
        chosen.push({ term: p.t, node, start, end, hasTwin });
        break search;
      }
    }
  }
  return chosen.sort((a, b) => a.node - b.node || a.start - b.start);
}

/**
 * The terms filed under their letters for the glossary page, letters and terms in order: on the
 * Chinese page by the pinyin initial (`py`) and then pinyin order, on the English page by the
 * English term's first letter and then alphabetical order.
 */
export function glossaryLetters(terms: Term[], lang: Lang): Array<[string, Term[]]> {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
  const letter = (t: Term) => (lang === 'zh' ? t.py : /^[a-z]/i.test(t.en) ? t.en[0]!.toUpperCase() : '#');
  const groups = new Map<string, Term[]>();
  for (const t of [...terms].sort((a, b) => collator.compare(a[lang], b[lang]))) groups.set(letter(t), [...(groups.get(letter(t)) ?? []), t]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}
