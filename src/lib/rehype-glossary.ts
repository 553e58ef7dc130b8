import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { langOfPath } from '../i18n/ui.ts';
import { firstUses, loadGlossary, type Term } from './glossary.ts';

/** Where a term's first use is not looked for: headings, code, links, math, figures, widgets. */
const SKIP = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'kbd', 'a', 'script', 'style', 'svg', 'math', 'figcaption', 'figure']);

function skipped(n: Element): boolean {
  const cls = n.properties?.className;
  return SKIP.has(n.tagName) || (Array.isArray(cls) && cls.some((c) => String(c).startsWith('katex')));
}

/**
 * Marks the first use of each glossary term in a chapter (in each of its pages, when it is read in
 * pages) with its twin in the other language:
 * 三次握手（three-way handshake） on Chinese pages, three-way handshake (三次握手) on English ones,
 * so readers learn both names and a Chinese search also finds the English page. The use gets the
 * id `term-<id>`, which the glossary page links to. The terms found go to the page's frontmatter
 * (`glossary`) for that page.
 */
export function rehypeGlossary(options: { terms?: Term[] } = {}) {
  return (tree: Root, file: VFile) => {
    const path = file.path ?? '';
    if (!/[\\/]chapters[\\/](zh|en)[\\/]/.test(path)) return;
    const lang = langOfPath(path);
    const terms = options.terms ?? loadGlossary();
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
      firstUses(values.slice(from, starts[i] ?? values.length), terms, lang).map((u) => ({ ...u, node: u.node + from })),
    );
    const byNode = new Map<number, typeof uses>();
    for (const u of uses) byNode.set(u.node, [...(byNode.get(u.node) ?? []), u]);
    for (const [i, list] of byNode) {
      const { node, parent } = texts[i]!;
      const parts: ElementContent[] = [];
      let at = 0;
      for (const u of list) {
        if (u.start > at) parts.push({ type: 'text', value: node.value.slice(at, u.start) });
        const word: ElementContent = { type: 'text', value: node.value.slice(u.start, u.end) };
        const children: ElementContent[] = [word];
        if (!u.hasTwin) {
          const twin = lang === 'zh' ? `（${u.term.en}）` : ` (${u.term.zh})`;
          children.push({ type: 'element', tagName: 'span', properties: { className: ['gl-twin'], lang: lang === 'zh' ? 'en' : 'zh-CN' }, children: [{ type: 'text', value: twin }] });
        }
        parts.push({ type: 'element', tagName: 'span', properties: { className: ['gl'], id: `term-${u.term.id}` }, children });
        at = u.end;
      }
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      const idx = parent.children.indexOf(node);
      parent.children.splice(idx, 1, ...(parts as typeof parent.children));
    }
    (astro.frontmatter ??= {}).glossary = [...new Set(uses.map((u) => u.term.id))];
  };
}
