// The course's bilingual terms (content/glossary.json): 三次握手 ⇄ three-way handshake. One list
// feeds the glossary pages and the first-use notes in chapters (src/lib/rehype-glossary.ts).
import { readFileSync } from 'node:fs';
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
}

export class GlossaryError extends Error {
  override name = 'GlossaryError';
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks the shape and that no id, zh term or en term (case-insensitively) appears twice. */
export function parseGlossary(data: unknown, file = 'content/glossary.json'): Term[] {
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
  return terms.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return fail(`entry ${i} is not an object.`);
    const t = raw as Record<string, unknown>;
    const extra = Object.keys(t).filter((k) => !['id', 'zh', 'en', 'zhAlt', 'enAlt', 'only'].includes(k));
    if (extra.length) fail(`entry ${i}: unknown key(s) ${extra.join(', ')}.`);
    if (typeof t.id !== 'string' || !ID.test(t.id)) fail(`entry ${i}: "id" must be lowercase ASCII words joined by "-".`);
    const id = t.id as string;
    if (typeof t.zh !== 'string' || !t.zh.trim() || typeof t.en !== 'string' || !t.en.trim()) fail(`term "${id}": "zh" and "en" are required.`);
    if (t.only !== undefined && t.only !== 'zh' && t.only !== 'en') fail(`term "${id}": "only" is "zh" or "en".`);
    const term: Term = { id, zh: (t.zh as string).trim(), en: (t.en as string).trim() };
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
}

let cached: Term[] | undefined;
/** The glossary of this checkout, read once per build. */
export function loadGlossary(root = process.cwd()): Term[] {
  if (!cached) {
    const file = join(root, 'content', 'glossary.json');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new GlossaryError(`content/glossary.json: ${(e as Error).message}`);
    }
    cached = parseGlossary(data);
  }
  return cached;
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
 * The first use of each term in a page's texts (in reading order). A match inside a use of a
 * longer term does not count (端口 inside 临时端口), and a term whose twin already stands right
 * next to it (“临时端口（ephemeral port）”) is found but marked `hasTwin`, so nothing is added.
 */
export function firstUses(texts: string[], terms: Term[], lang: Lang): Array<Use & { hasTwin: boolean }> {
  const patterns = terms.map((t) => ({ t, re: termPattern(t, lang), len: Math.max(0, ...spellings(t, lang).map((s) => s.length)) })).filter((x) => x.re);
  // Every match of every term, per text: a shorter term's match inside any of them is not a use.
  const all: Array<Array<{ start: number; end: number; len: number }>> = texts.map((s) => {
    const out: Array<{ start: number; end: number; len: number }> = [];
    for (const p of patterns) for (const m of s.matchAll(p.re!)) out.push({ start: m.index, end: m.index + m[0].length, len: p.len });
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
