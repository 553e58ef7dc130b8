import { LANGS, type Lang } from '../i18n/ui.ts';
import { pageOf, planPages, WHOLE, type ChapterPage } from './chapter-pages.ts';
import { chapterUrl } from './urls.ts';

/** What the site needs to know of one chapter file, already read and parsed. */
export interface ChapterSource {
  /** Collection id, e.g. `zh/04-tcp-udp`. */
  id: string;
  /** Path of the file, for error messages, e.g. `content/chapters/zh/04-tcp-udp.mdx`. */
  filePath: string;
  title: string;
  order: number;
  part: number;
  summary: string;
  /** A short title for the hidden-tab title. */
  short?: string;
  /** The h2/h3 ids in document order. */
  sectionIds: string[];
  /** Ids of the glossary terms the chapter uses (src/lib/rehype-glossary.ts), in order of first use. */
  terms?: string[];
  /** The h2 ids where a new page starts (frontmatter `splitAt`). */
  splitAt?: string[];
  /** The h2 ids in order (src/lib/rehype-anchors.ts). */
  h2Ids?: string[];
  /** Every id of the chapter → the h2 section it is in, '' before the first h2. */
  anchors?: Record<string, string>;
}

export interface Chapter extends ChapterSource {
  lang: Lang;
  /** The file name without extension, shared by the twins, e.g. `04-tcp-udp`. */
  file: string;
  /** The URL segment, e.g. `tcp-udp`. */
  slug: string;
  /** The pages it is read in: one unless the frontmatter splits it (src/lib/chapter-pages.ts). */
  pages: ChapterPage[];
}

export interface Course {
  /** Chapters of each language in reading order. */
  chapters: Record<Lang, Chapter[]>;
}

export class CourseError extends Error {
  override name = 'CourseError';
}

const FILE = /^(\d{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

/** `zh/04-tcp-udp` → `{ lang: 'zh', file: '04-tcp-udp', slug: 'tcp-udp' }`. */
export function parseChapterId(id: string, filePath = id): { lang: Lang; file: string; slug: string } {
  const [lang, file, ...rest] = id.split('/');
  if (lang !== 'zh' && lang !== 'en') {
    throw new CourseError(`${filePath}: chapters live in content/chapters/zh/ or content/chapters/en/.`);
  }
  const m = file === undefined || rest.length ? null : FILE.exec(file);
  if (!m || !file) {
    throw new CourseError(`${filePath}: a chapter file is named NN-slug.mdx (two digits, a dash, lower-case ASCII words), e.g. 04-tcp-udp.mdx.`);
  }
  return { lang, file, slug: m[2] as string };
}

/**
 * Checks the chapters as a whole and puts them in reading order. Every chapter must have its twin
 * (same file name in the other language) with the same part, order and section ids, so that a
 * language switch lands on the same section. Errors name the files involved.
 */
export function buildCourse(sources: ChapterSource[]): Course {
  const problems: string[] = [];
  const byLang: Record<Lang, Map<string, Chapter>> = { zh: new Map(), en: new Map() };
  for (const src of sources) {
    const { lang, file, slug } = parseChapterId(src.id, src.filePath);
    const h2Ids = src.h2Ids ?? [];
    const plan = planPages(h2Ids, src.splitAt ?? []);
    problems.push(...plan.problems.map((p) => `${src.filePath}: ${p}`));
    byLang[lang].set(file, { ...src, lang, file, slug, pages: plan.pages });
  }
  for (const lang of LANGS) {
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    for (const [file, ch] of byLang[lang]) {
      const twin = byLang[other].get(file);
      if (!twin) {
        problems.push(`${ch.filePath} has no ${other} twin: add content/chapters/${other}/${file}.mdx.`);
        continue;
      }
      if (lang === 'en') continue; // compare each pair once
      if (twin.part !== ch.part || twin.order !== ch.order) {
        problems.push(`${ch.filePath} and ${twin.filePath} disagree on part/order (${ch.part}/${ch.order} vs ${twin.part}/${twin.order}).`);
      }
      if (ch.sectionIds.join(' ') !== twin.sectionIds.join(' ')) {
        problems.push(
          `${ch.filePath} and ${twin.filePath} must have the same section ids in the same order:\n` +
            `  zh: ${ch.sectionIds.join(', ')}\n  en: ${twin.sectionIds.join(', ')}`,
        );
      }
      if ((ch.splitAt ?? []).join(' ') !== (twin.splitAt ?? []).join(' ')) {
        problems.push(
          `${ch.filePath} and ${twin.filePath} must split into pages at the same sections (splitAt):\n` +
            `  zh: ${(ch.splitAt ?? []).join(', ') || '(one page)'}\n  en: ${(twin.splitAt ?? []).join(', ') || '(one page)'}`,
        );
      }
    }
    const slugs = new Map<string, string>();
    const orders = new Map<number, string>();
    for (const ch of byLang[lang].values()) {
      const s = slugs.get(ch.slug);
      if (s) problems.push(`${ch.filePath} and ${s} have the same URL slug "${ch.slug}".`);
      slugs.set(ch.slug, ch.filePath);
      const o = orders.get(ch.order);
      if (o) problems.push(`${ch.filePath} and ${o} have the same order ${ch.order}.`);
      orders.set(ch.order, ch.filePath);
    }
  }
  if (problems.length) throw new CourseError(`The course does not hold together:\n- ${problems.join('\n- ')}`);
  const sorted = (lang: Lang) => [...byLang[lang].values()].sort((a, b) => a.order - b.order);
  return { chapters: { zh: sorted('zh'), en: sorted('en') } };
}

export function neighbours(chapters: Chapter[], slug: string): { prev?: Chapter; next?: Chapter } {
  const i = chapters.findIndex((c) => c.slug === slug);
  if (i < 0) return {};
  return { prev: chapters[i - 1], next: chapters[i + 1] };
}

export function chaptersOfPart(chapters: Chapter[], part: number): Chapter[] {
  return chapters.filter((c) => c.part === part);
}

/**
 * The URL of page `n` (1, 2, …) of a chapter: the chapter's URL for the first, then
 * `<slug>/<first h2 id>/`; n = 0 is the whole chapter on one page, `<slug>/all/`.
 */
export function pageUrl(chapter: Pick<Chapter, 'lang' | 'slug' | 'pages'>, n = 1, base?: string): string {
  if (n === 0) return `${chapterUrl(chapter.lang, chapter.slug, base)}${WHOLE}/`;
  const page = chapter.pages[n - 1];
  return chapterUrl(chapter.lang, chapter.slug, base) + (page?.slug ? `${page.slug}/` : '');
}

/** The URL of the page that holds `#id` in a chapter, with the #id; undefined if no page has it. */
export function anchorUrl(chapter: Chapter, id: string, base?: string): string | undefined {
  const page = pageOf(chapter.pages, chapter.anchors ?? {}, id);
  return page && `${pageUrl(chapter, page.n, base)}#${id}`;
}

/** One line of a chapter page's contents list. */
export interface ContentsItem {
  depth: number;
  text: string;
  /** `#id` when the section is on the page shown, else the URL of the page that holds it. */
  href: string;
  /** The first section of a later page (the list marks where each page starts). */
  startsPage: boolean;
}

/**
 * The contents list of one page of a chapter (`page.n` 0 for the whole chapter on one page): every
 * h2 and h3 of the chapter, each linked on the page that holds it, then the self-check (titled
 * `selfCheck`) when the chapter has one, on its last page.
 */
export function contents(
  chapter: Chapter,
  page: ChapterPage,
  headings: ReadonlyArray<{ depth: number; slug: string; text: string }>,
  selfCheck?: string,
): ContentsItem[] {
  const whole = page.n === 0;
  const link = (n: number, id: string) => `${whole || n === page.n ? '' : pageUrl(chapter, n)}#${id}`;
  const items = headings
    .filter((h) => h.depth === 2 || h.depth === 3)
    .map((h) => ({
      depth: h.depth,
      text: h.text,
      href: link(pageOf(chapter.pages, chapter.anchors ?? {}, h.slug)?.n ?? 1, h.slug),
      startsPage: !whole && h.depth === 2 && chapter.pages.some((p) => p.n > 1 && p.slug === h.slug),
    }));
  if (selfCheck) items.push({ depth: 2, text: selfCheck, href: link(chapter.pages.length, 'self-check'), startsPage: false });
  return items;
}
