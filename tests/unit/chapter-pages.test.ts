import { describe, expect, test } from 'vitest';
import { firstTermsOnly, idsIn, pageOf, planPages, rewriteHrefs, splitHtml } from '../../src/lib/chapter-pages.ts';
import { anchorUrl, buildCourse, contents, pageUrl, type ChapterSource } from '../../src/lib/course.ts';
import { wholePage } from '../../src/lib/chapter-pages.ts';

const H2 = ['intro', 'frames', 'errors', 'summary'];

describe('planPages', () => {
  test('one page when the chapter is not split', () => {
    expect(planPages(H2, [])).toEqual({ pages: [{ n: 1, slug: '', h2Ids: H2 }], problems: [] });
  });
  test('each split starts a page named by its h2 id', () => {
    expect(planPages(H2, ['frames', 'summary']).pages).toEqual([
      { n: 1, slug: '', h2Ids: ['intro'] },
      { n: 2, slug: 'frames', h2Ids: ['frames', 'errors'] },
      { n: 3, slug: 'summary', h2Ids: ['summary'] },
    ]);
  });
  test('names what is wrong: not an h2, the first h2, out of order, twice', () => {
    expect(planPages(H2, ['nope']).problems[0]).toMatch(/"nope", which is not the id of an h2 .*intro, frames, errors, summary/);
    expect(planPages(H2, ['intro']).problems[0]).toMatch(/the first h2/);
    expect(planPages(H2, ['errors', 'frames']).problems[0]).toMatch(/in the order of the chapter.*"frames"/);
    expect(planPages(H2, ['frames', 'frames']).problems[0]).toMatch(/each once/);
    expect(planPages(H2, ['nope']).pages).toEqual([]);
    expect(planPages([...H2, 'all'], ['all']).problems[0]).toMatch(/"all", which is the URL of the whole chapter/);
  });
});

describe('pageOf', () => {
  const { pages } = planPages(H2, ['errors']);
  const anchors = { lead: '', intro: 'intro', 'term-x': 'frames', errors: 'errors', 'q-1': 'summary' };
  test('an id is on the page of its h2 section; before the first h2 is page 1', () => {
    expect(pageOf(pages, anchors, 'lead')?.n).toBe(1);
    expect(pageOf(pages, anchors, 'term-x')?.n).toBe(1);
    expect(pageOf(pages, anchors, 'errors')?.n).toBe(2);
    expect(pageOf(pages, anchors, 'q-1')?.n).toBe(2);
  });
  test('unknown ids, and names of Object.prototype, are on no page', () => {
    expect(pageOf(pages, anchors, 'nope')).toBeUndefined();
    expect(pageOf(pages, anchors, 'constructor')).toBeUndefined();
    expect(pageOf(pages, anchors, '__proto__')).toBeUndefined();
  });
});

describe('splitHtml', () => {
  const html = '<p id="lead">a</p><h2 id="intro">I</h2><p>b</p><h2 class="x" id="frames">F</h2><p>c</p><h2 id="errors">E</h2>';
  test('cuts at the opening tag of each page\'s first h2, losing nothing', () => {
    const { pages } = planPages(['intro', 'frames', 'errors'], ['frames', 'errors']);
    const parts = splitHtml(html, pages, 'x.mdx');
    expect(parts).toEqual(['<p id="lead">a</p><h2 id="intro">I</h2><p>b</p>', '<h2 class="x" id="frames">F</h2><p>c</p>', '<h2 id="errors">E</h2>']);
    expect(parts.join('')).toBe(html);
  });
  test('does not take an id that merely ends the same way, and names the file when an h2 is missing', () => {
    const { pages } = planPages(['a', 'rames'], ['rames']);
    expect(() => splitHtml('<h2 id="a"></h2><h2 id="frames"></h2>', pages, 'content/x.mdx')).toThrow(/content\/x\.mdx: .*"rames"/);
  });
});

test('the whole chapter on one page keeps the first marked use of a term, later ones become plain words', () => {
  // The markup of src/lib/rehype-glossary.ts's termMark: the link with its twin, then the definition.
  const use = '<a class="gl" id="term-port" href="../glossary/#port" aria-describedby="gd-port" interestfor="gd-port">端口<span class="gl-twin" lang="en">（port）</span></a><span class="gd" id="gd-port" popover="hint" data-pagefind-ignore>传输层……</span>';
  const tcp = '<a class="gl" id="term-tcp" href="../glossary/#tcp" aria-describedby="gd-tcp" interestfor="gd-tcp">TCP</a><span class="gd" id="gd-tcp" popover="hint" data-pagefind-ignore>……</span>';
  const html = `<p>${use}与${use}，${tcp}和${tcp}</p>`;
  expect(firstTermsOnly(html)).toBe(`<p>${use}与端口，${tcp}和TCP</p>`);
});

test('idsIn and rewriteHrefs read and rewrite attributes, not text', () => {
  expect(idsIn('<a id="x" href="#y">id="z"</a><b data-id="w"></b>')).toEqual(['x']);
  expect(rewriteHrefs('<a href="#y">href="#t"</a><link href="a.css">', (h) => h.toUpperCase())).toBe('<a href="#Y">href="#t"</a><link href="A.CSS">');
});

describe('page URLs in the course', () => {
  const src = (lang: 'zh' | 'en', over: Partial<ChapterSource> = {}): ChapterSource => ({
    id: `${lang}/06-framing`,
    filePath: `content/chapters/${lang}/06-framing.mdx`,
    title: 't',
    order: 6,
    part: 3,
    summary: 's',
    sectionIds: H2,
    h2Ids: H2,
    anchors: { intro: 'intro', 'term-tcp': 'frames', errors: 'errors', summary: 'summary' },
    splitAt: ['errors'],
    ...over,
  });
  test('the first page keeps the chapter URL; later pages live under their first section', () => {
    const ch = buildCourse([src('zh'), src('en')]).chapters.zh[0]!;
    expect(pageUrl(ch, 1, '/')).toBe('/zh/framing/');
    expect(pageUrl(ch, 2, '/course/')).toBe('/course/zh/framing/errors/');
    expect(anchorUrl(ch, 'term-tcp', '/')).toBe('/zh/framing/#term-tcp');
    expect(anchorUrl(ch, 'summary', '/')).toBe('/zh/framing/errors/#summary');
    expect(anchorUrl(ch, 'nope', '/')).toBeUndefined();
    expect(pageUrl(ch, 0, '/')).toBe('/zh/framing/all/');
  });
  test('every page lists the whole chapter, each section linked on its page, the self-check last', () => {
    const ch = buildCourse([src('zh', { anchors: { intro: 'intro', frames: 'frames', sub: 'frames', errors: 'errors', summary: 'summary' } }), src('en')]).chapters.zh[0]!;
    const headings = [
      { depth: 2, slug: 'intro', text: 'I' },
      { depth: 2, slug: 'frames', text: 'F' },
      { depth: 3, slug: 'sub', text: 'S' },
      { depth: 4, slug: 'deep', text: 'D' },
      { depth: 2, slug: 'errors', text: 'E' },
      { depth: 2, slug: 'summary', text: 'Z' },
    ];
    const hrefs = (n: number) => contents(ch, n === 0 ? wholePage(ch.pages) : ch.pages[n - 1]!, headings, '自测').map((i) => i.href);
    expect(hrefs(1)).toEqual(['#intro', '#frames', '#sub', '/zh/framing/errors/#errors', '/zh/framing/errors/#summary', '/zh/framing/errors/#self-check']);
    expect(hrefs(2)).toEqual(['/zh/framing/#intro', '/zh/framing/#frames', '/zh/framing/#sub', '#errors', '#summary', '#self-check']);
    expect(hrefs(0)).toEqual(['#intro', '#frames', '#sub', '#errors', '#summary', '#self-check']);
    expect(contents(ch, ch.pages[0]!, headings, '自测').map((i) => i.startsPage)).toEqual([false, false, false, true, false, false]);
    expect(contents(ch, wholePage(ch.pages), headings).some((i) => i.startsPage || i.text === '自测')).toBe(false);
  });
  test('twins must split at the same sections, and a bad split names the file', () => {
    expect(() => buildCourse([src('zh'), src('en', { splitAt: ['summary'] })])).toThrow(
      /06-framing\.mdx must split into pages at the same sections \(splitAt\):\n {2}zh: errors\n {2}en: summary/,
    );
    expect(() => buildCourse([src('zh', { splitAt: ['nope'] }), src('en', { splitAt: ['nope'] })])).toThrow(
      /content\/chapters\/zh\/06-framing\.mdx: splitAt names "nope"/,
    );
  });
});
