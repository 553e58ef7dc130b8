// What a search means, over Pagefind's JS API: which queries to ask Pagefind, in what order to
// show its results, and what to mark in them. Pure (no DOM), so the search dialog, the search
// page and the tests (tests/build/search-precision.test.ts, against the built index) run the
// same ranking.
//
// Why not Pagefind's order as it is: Pagefind splits a Chinese query into words or single
// characters and ranks pages by those, so 粘包 matches 拆包 and 半包, and 全局解释器锁 puts the
// chapter on locks (锁 on every line) above the one that explains the GIL. Pagefind also answers
// a quoted query ("粘包") with only the pages holding the exact phrase: those come first here.
// And Pagefind indexes TIME-WAIT as time, wait and timewait, but TIME_WAIT as one word
// time_wait, so a reader's spelling decides what is found unless both are asked for.

/**
 * Pagefind's ranking, the same in the dialog and in the tests. Long chapters are read in pages, so
 * a section's page can be short or long by accident of where the chapter was cut; Pagefind's
 * default pageLength (0.75) then favoured any short page over the long one that teaches the term
 * (handshake found the lab's page before the three-way handshake). 0.5 weighs length less.
 */
export const RANKING = { pageLength: 0.5 } as const;

/** Results loaded and shown at once: what the dialog shows without scrolling. Each costs its page's fragment. */
export const SHOWN_AT_ONCE = 4;

/** The part of Pagefind's API this module uses (pagefind.js in the browser and in Node). */
export interface PagefindApi {
  search(term: string): Promise<{ results: RawResult[] } | null>;
}
export interface RawResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<ResultData>;
}
export interface ResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { url: string; title: string; excerpt: string; locations?: number[] }[];
}

/** A result as the reader sees it: a page, then the sections (or widget) that hold the query. */
export interface Shown {
  url: string;
  title: string;
  /** HTML: text escaped, the phrase in <mark>. */
  excerpt: string;
  subs: { url: string; title: string; excerpt: string; widget?: boolean }[];
  /** Does the page hold the whole query (not just its characters or words apart)? */
  phrase: boolean;
}

export interface Ranked {
  id: string;
  score: number;
  phrase: boolean;
  data(): Promise<ResultData>;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
/** Letters and digits joined by - or _ (TIME-WAIT, time_wait, SO_REUSEADDR): one term. */
const COMPOUND = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+/gu;

/** Full-width forms become half-width (ＴＩＭＥ＿ＷＡＩＴ → TIME_WAIT), spaces collapse. */
export function normalize(query: string): string {
  return query.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The queries to ask Pagefind for one reader's query. `plain` are merged (best score wins);
 * `phrase`, when present, names the pages that hold the whole query.
 */
export function queriesFor(query: string): { plain: string[]; phrase: string[] } {
  const q = normalize(query);
  if (!q) return { plain: [], phrase: [] };
  const compounds = q.match(COMPOUND) ?? [];
  if (compounds.length) {
    const joined = q.replace(COMPOUND, (m) => m.replace(/[-_]/g, ''));
    const underscored = q.replace(COMPOUND, (m) => m.replace(/-/g, '_'));
    const exact = [...new Set([joined, underscored])];
    // A compound alone is exact already: Pagefind has it as one word either way. Its parts apart
    // (time wait) find the sections that say it another way (producers and consumers); they
    // rank below the exact ones.
    const spaced = q.replace(COMPOUND, (m) => m.replace(/[-_]/g, ' '));
    return q.includes(' ') ? { plain: [...exact, spaced], phrase: [] } : { plain: [...exact, spaced], phrase: exact };
  }
  const multi = CJK.test(q) ? [...q.replace(/\s/g, '')].length > 1 : q.includes(' ');
  return { plain: [q], phrase: multi ? [`"${q}"`] : [] };
}

/** Chapter pages rank above the glossary's one-line entries and the labs page's one-line descriptions for the same term. */
const demoted = (url: string) => /\/(glossary|labs)\/$/.test(url);

/**
 * Pagefind's results for a query, in the order to show them: pages holding the whole query
 * first, each group by Pagefind's score. Only the fragments of results actually shown need
 * loading (`data()`), which is where most of a search's bytes go.
 */
export async function rank(pf: PagefindApi, query: string): Promise<Ranked[]> {
  const { plain, phrase } = queriesFor(query);
  const answers = await Promise.all([...plain, ...phrase].map((q) => pf.search(q)));
  const byId = new Map<string, Ranked>();
  answers.forEach((a, i) => {
    const isPhrase = phrase.includes(([...plain, ...phrase])[i]!);
    for (const r of a?.results ?? []) {
      const seen = byId.get(r.id);
      if (!seen) byId.set(r.id, { id: r.id, score: r.score, phrase: isPhrase, data: () => r.data() });
      else {
        // Keep the plain result's data (its sub-results cover every matching section).
        if (!isPhrase && r.score > seen.score) Object.assign(seen, { score: r.score, data: () => r.data() });
        seen.phrase ||= isPhrase;
      }
    }
  });
  return [...byId.values()].sort((a, b) => Number(b.phrase) - Number(a.phrase) || b.score - a.score);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches the whole query in text: any case, TIME_WAIT = time-wait = TIME-WAIT = time wait,
 * producer consumer = producers and consumers, 生产者消费者 = 生产者-消费者 = 生产者与消费者, and
 * Chinese with or without a space between its characters. Null for an empty query.
 */
export function phraseRe(query: string): RegExp | null {
  const q = normalize(query).replace(/^"|"$/g, '');
  const parts = q.split(/[\s\-_]+/).filter(Boolean);
  if (!parts.length) return null;
  const body = parts
    .map((p) => (CJK.test(p) ? [...p].map(escapeRe).join('(?:\\s?[-–—/与]\\s?|\\s)?') : `${escapeRe(p)}(?:e?s(?![\\p{L}\\p{N}]))?`))
    .join('(?:[\\s\\-–—_]*|\\s(?:and|&)\\s)');
  // A Latin query matches at the start of a word (fork: forkserver, not platform_fork).
  return new RegExp((/^[\p{L}\p{N}]/u.test(body) && !CJK.test(body[0]!) ? '(?<![\\p{L}\\p{N}_])' : '') + body, 'giu');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Escapes plain text and marks every match of the whole query (nothing else). */
export function markPhrase(text: string, re: RegExp | null): string {
  if (!re) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
    if (!m[0]) continue;
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Pagefind's excerpt (HTML, its own marks on every query word) as plain text. */
export const plainExcerpt = (html: string) => unescapeHtml(html.replace(/<\/?mark>/g, ''));
/** Heading titles end with the heading's "#" link text. */
const cleanTitle = (t: string) => t.replace(/\s*#\s*$/, '');

/** A short excerpt of `content` around the first match, when Pagefind's excerpt missed it. */
function around(content: string, re: RegExp, before = 24, after = 60): string | null {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(content);
  if (!m) return null;
  const start = Math.max(0, m.index - before);
  return (start ? '…' : '') + content.slice(start, m.index + m[0].length + after).trim() + '…';
}

const has = (re: RegExp | null, text: string) => !!re && new RegExp(re.source, re.flags.replace('g', '')).test(text);
/** How strongly a heading is about the query: 2 when it starts with it (a defining section), 1 when it holds it. */
function heading(re: RegExp | null, title: string): number {
  if (!re) return 0;
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(title);
  return !m ? 0 : m.index === 0 ? 2 : 1;
}

/**
 * One result as the reader sees it. Sections (and a widget whose title holds the query) that hold
 * the whole query come first; only the whole query is marked.
 */
export function present(d: ResultData, query: string, phrase: boolean): Shown {
  const re = phraseRe(query);
  const title = cleanTitle(d.meta.title ?? d.url);
  const text = plainExcerpt(d.excerpt);
  const excerpt = has(re, text) || !re ? markPhrase(text, re) : markPhrase(around(d.content, re) ?? text, re);
  const widgets = Object.entries(d.meta)
    .filter(([k, v]) => k.startsWith('widget-') && v && has(re, v))
    // A widget ranks with the sections whose heading holds the query, after those that start with it.
    .map(([k, v]) => ({ url: `${d.url.split('#')[0]}#${k.slice(7)}`, title: v!, excerpt: '', widget: true, key: 2.5, i: -1 }));
  const sections = d.sub_results
    .filter((s) => s.url !== d.url)
    .map((s, i) => {
      const t = cleanTitle(s.title);
      const x = plainExcerpt(s.excerpt);
      return { url: s.url, title: t, excerpt: markPhrase(x, re), widget: false, key: heading(re, t) * 2 + (has(re, x) ? 1 : 0), i };
    });
  const subs = [...widgets, ...sections]
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map(({ url, title, excerpt, widget }) => (widget ? { url, title, excerpt, widget } : { url, title, excerpt }));
  return { url: d.url, title, excerpt, subs, phrase: phrase || has(re, d.content) || has(re, title) };
}

/**
 * Orders results already loaded (the ones on screen): among pages holding the whole query, those
 * whose title or a section title or widget holds it come first. Stable otherwise.
 */
export function settle(shown: Shown[], query: string): Shown[] {
  const re = phraseRe(query);
  const key = (s: Shown) =>
    (s.phrase ? 4 : 0) +
    Math.max(heading(re, s.title.split(' · ').pop() ?? ''), ...s.subs.map((x) => heading(re, x.title) / (x.widget ? 2 : 1))) -
    (demoted(s.url) ? 8 : 0);
  return shown.map((s, i) => ({ s, i })).sort((a, b) => key(b.s) - key(a.s) || a.i - b.i).map((x) => x.s);
}

/** The link a result opens: the page, told what to mark (?highlight=), at the section. */
export function resultHref(url: string, query: string): string {
  const [path, hash] = url.split('#');
  const q = normalize(query);
  return `${path}${q ? `?highlight=${encodeURIComponent(q)}` : ''}${hash ? `#${hash}` : ''}`;
}
