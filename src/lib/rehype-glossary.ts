import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { langOfPath } from '../i18n/ui.ts';
import { courseSegmenter, firstUses, loadGlossary, type Segmenter, type Term } from './glossary.ts';

/** Where a term's first use is not looked for: headings, code, links, math, figures, widgets. */
const SKIP = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'kbd', 'a', 'script', 'style', 'svg', 'math', 'figcaption', 'figure']);

function skipped(n: Element): boolean {
  const cls = n.properties?.className;
  return SKIP.has(n.tagName) || (Array.isArray(cls) && cls.some((c) => String(c).startsWith('katex')));
}

/**
 * The marked first use of a term: a link to its glossary entry (what a reader without JavaScript,
 * or on paper, gets), carrying the twin, and right after it the one-line definition as a hint
 * popover that the link shows on hover and keyboard focus (`interestfor`, no script; the CSS in
 * src/styles/global.css falls back to :hover/:focus where `interestfor` is unknown):
 *
 *   <a class="gl" id="term-port" href="../glossary/#port" aria-describedby="gd-port" interestfor="gd-port">端口<span class="gl-twin" lang="en">（port）</span></a><span class="gd" id="gd-port" popover="hint" data-pagefind-ignore>…</span>
 *
 * The href is written from the chapter's URL; the chapter's pages point it at the glossary
 * (src/components/ChapterBody.astro). Each term is marked once a page, so the definition is too.
 */
export function termMark(term: Term, word: string, lang: 'zh' | 'en', twin: boolean): ElementContent[] {
  const children: ElementContent[] = [{ type: 'text', value: word }];
  if (twin) {
    const value = lang === 'zh' ? `（${term.en}）` : ` (${term.zh})`;
    children.push({ type: 'element', tagName: 'span', properties: { className: ['gl-twin'], lang: lang === 'zh' ? 'en' : 'zh-CN' }, children: [{ type: 'text', value }] });
  }
  const tip = `gd-${term.id}`;
  return [
    { type: 'element', tagName: 'a', properties: { className: ['gl'], id: `term-${term.id}`, href: `../glossary/#${term.id}`, ariaDescribedBy: [tip], interestfor: tip }, children },
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['gd'], id: tip, popover: 'hint', dataPagefindIgnore: true },
      children: [{ type: 'text', value: lang === 'zh' ? term.zhDef : term.enDef }],
    },
  ];
}

/**
 * Marks the first use of each glossary term in a chapter (in each of its pages, when it is read in
 * pages) with its twin in the other language:
 * 三次握手（three-way handshake） on Chinese pages, three-way handshake (三次握手) on English ones,
 * so readers learn both names and a Chinese search also finds the English page. The use gets the
 * id `term-<id>`, which the glossary page links to, and its definition (termMark). A Chinese use
 * is a whole word (`segment`, jieba by default): 信号 is not marked inside 信号量. The terms found go
 * to the page's frontmatter (`glossary`) for that page.
 */
export function rehypeGlossary(options: { terms?: Term[]; segment?: Segmenter } = {}) {
  return (tree: Root, file: VFile) => {
    const path = file.path ?? '';
    if (!/[\\/]chapters[\\/](zh|en)[\\/]/.test(path)) return;
    const lang = langOfPath(path);
    const terms = options.terms ?? loadGlossary();
    const segment = lang === 'zh' ? (options.segment ?? courseSegmenter()) : undefined;
    // The page's texts in reading order, with their parents, skipping what must not change.
    const texts: Array<{ node: Text; parent: Element | Root }> = [];
    // A chapter read in pages (frontmatter splitAt) marks the first use on each page: a reader who
    // starts on page 3 meets the twin there too. `starts` holds where each later page's texts begin.
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    const splitAt = new Set(Array.isArray(astro.frontmatter?.splitAt) ? (astro.frontmatter.splitAt as string[]) : []);
    const starts: number[] = [];
    const walk = (parent: Element | Root) => {
      for (const c of parent.children) {
        if (c.type === 'text') texts.push({ node: c, parent });
        else if (c.type === 'element') {
          if (c.tagName === 'h2' && splitAt.has(String(c.properties?.id))) starts.push(texts.length);
          if (!skipped(c)) walk(c);
        }
      }
    };
    walk(tree);
    const values = texts.map((t) => t.node.value);
    const uses = [0, ...starts].flatMap((from, i) =>
      firstUses(values.slice(from, starts[i] ?? values.length), terms, lang, segment).map((u) => ({ ...u, node: u.node + from })),
    );
    const byNode = new Map<number, typeof uses>();
    for (const u of uses) byNode.set(u.node, [...(byNode.get(u.node) ?? []), u]);
    for (const [i, list] of byNode) {
      const { node, parent } = texts[i]!;
      const parts: ElementContent[] = [];
      let at = 0;
      for (const u of list) {
        if (u.start > at) parts.push({ type: 'text', value: node.value.slice(at, u.start) });
        parts.push(...termMark(u.term, node.value.slice(u.start, u.end), lang, !u.hasTwin));
        at = u.end;
      }
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      const idx = parent.children.indexOf(node);
      parent.children.splice(idx, 1, ...(parts as typeof parent.children));
    }
    (astro.frontmatter ??= {}).glossary = [...new Set(uses.map((u) => u.term.id))];
  };
}
