// A long chapter is read as a few pages, so that each page's HTML fits in one TCP initial window
// (14 KB brotli, issue 2's budget). The author names in the frontmatter the h2 sections where a new
// page starts (`splitAt`); the first page keeps the chapter's URL (`/zh/framing/`) and page k lives
// under the id of its first section (`/zh/framing/large-file-upload/`). Every id keeps working:
// links in the course are pointed at the page that holds their target when the site is built, and
// an old link to the chapter's URL with a later page's #id is sent on to that page (site.ts, by the
// table of contents, which lists every section of the chapter with its page).

/** One page of a chapter, or (n = 0) the whole chapter on one page. */
export interface ChapterPage {
  /** 1, 2, …; 0 for the whole chapter on one page (its URL segment is WHOLE). */
  n: number;
  /** '' for the first page, else the id of the h2 it starts with (its URL segment). */
  slug: string;
  /** The ids of the h2 sections it holds, in order. */
  h2Ids: string[];
}

/**
 * The URL segment of a chapter read in pages shown whole on one page (/zh/framing/all/): for
 * printing it, or for finding a word anywhere in it. No section may take this id as its page's.
 */
export const WHOLE = 'all';

/** The whole of a chapter read in pages, as one page. */
export function wholePage(pages: ChapterPage[]): ChapterPage {
  return { n: 0, slug: WHOLE, h2Ids: pages.flatMap((p) => p.h2Ids) };
}

/**
 * The pages of a chapter from its h2 ids in order and the ids where pages start. Returns the
 * problems (for a message that names the file) instead of pages when `splitAt` does not fit.
 */
export function planPages(h2Ids: string[], splitAt: string[]): { pages: ChapterPage[]; problems: string[] } {
  const problems: string[] = [];
  let last = 0;
  for (const id of splitAt) {
    const at = h2Ids.indexOf(id);
    if (id === WHOLE) problems.push(`splitAt names "${WHOLE}", which is the URL of the whole chapter on one page: give that section another id.`);
    else if (at < 0) problems.push(`splitAt names "${id}", which is not the id of an h2 of this chapter (its h2 ids: ${h2Ids.join(', ')}).`);
    else if (at === 0) problems.push(`splitAt names "${id}", the first h2: the first page would hold only the introduction.`);
    else if (at <= last) problems.push(`splitAt must list h2 ids in the order of the chapter, each once ("${id}" is out of order).`);
    else last = at;
  }
  if (problems.length) return { pages: [], problems };
  const pages: ChapterPage[] = [];
  let start = 0;
  for (const [i, id] of [...splitAt, ''].entries()) {
    const end = id ? h2Ids.indexOf(id) : h2Ids.length;
    pages.push({ n: i + 1, slug: i === 0 ? '' : (splitAt[i - 1] as string), h2Ids: h2Ids.slice(start, end) });
    start = end;
  }
  return { pages, problems };
}

/**
 * The page that holds `id`, given `anchors` (every id of the chapter → the h2 section it is in,
 * '' before the first h2). Undefined when the chapter has no such id.
 */
export function pageOf(pages: ChapterPage[], anchors: Record<string, string>, id: string): ChapterPage | undefined {
  const h2 = Object.hasOwn(anchors, id) ? anchors[id] : undefined;
  if (h2 === undefined) return undefined;
  if (h2 === '') return pages[0];
  return pages.find((p) => p.h2Ids.includes(h2));
}

const h2Open = (id: string) => new RegExp(`<h2\\b[^>]*?\\sid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);

/**
 * Cuts a chapter's rendered HTML into its pages' HTML, each page starting at the opening tag of
 * its first h2. Throws, naming `where`, when a page's h2 is not in the HTML.
 */
export function splitHtml(html: string, pages: ChapterPage[], where: string): string[] {
  // (The whole chapter, n = 0, is not one of `pages`: its part is `html` itself.)
  const cuts = pages.slice(1).map((p) => {
    const m = h2Open(p.slug).exec(html);
    if (!m) throw new Error(`${where}: the page that starts at "${p.slug}" has no <h2 id="${p.slug}"> in the rendered chapter.`);
    return m.index;
  });
  return [0, ...cuts].map((from, i) => html.slice(from, cuts[i] ?? html.length));
}

/**
 * The whole chapter on one page keeps only the first marked use of each glossary term: each page of
 * the chapter marks its own first use (src/lib/rehype-glossary.ts), and on one page a second
 * `id="term-…"` would repeat an id and the twin and definition would be said twice. Later ones
 * become plain words.
 */
export function firstTermsOnly(html: string): string {
  const seen = new Set<string>();
  // The mark is the link, its twin and the definition after it (termMark in src/lib/rehype-glossary.ts).
  return html.replace(/<a class="gl" id="term-([^"]+)"[^>]*>([^<]*)(?:<span class="gl-twin"[^>]*>[^<]*<\/span>)?<\/a>(?:<span class="gd"[^>]*>[^<]*<\/span>)?/g, (m, id: string, word: string) => {
    if (seen.has(id)) return word;
    seen.add(id);
    return m;
  });
}

/** Every id="…" in a piece of HTML, in order. */
export function idsIn(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
}

/** `html` with each href="…" replaced by `to(href)` (attribute values as written, &amp; and all). */
export function rewriteHrefs(html: string, to: (href: string) => string): string {
  return html.replace(/(\shref=")([^"]*)(")/g, (_, a: string, href: string, z: string) => a + to(href) + z);
}

