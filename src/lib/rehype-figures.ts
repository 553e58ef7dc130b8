import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { langOfPath, ui } from '../i18n/ui.ts';

/** A wide table scrolls inside its own box, which keyboard readers must be able to reach. */
function tableBox(table: Element, lang: 'zh' | 'en'): Element {
  // Named by its column headings, so two tables on a page are two distinct regions.
  const heads: string[] = [];
  const walk = (n: ElementContent, into: string[]): void => {
    if (n.type === 'text') into.push(n.value);
    else if (n.type === 'element') n.children.forEach((c) => walk(c, into));
  };
  const find = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'th') {
        const t: string[] = [];
        walk(c, t);
        heads.push(t.join('').trim());
      } else if (!heads.length) find(c);
    }
  };
  find(table);
  const label = `${ui[lang].tableLabel}${lang === 'zh' ? '：' : ': '}${heads.filter(Boolean).join(lang === 'zh' ? '、' : ', ')}`;
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-box'], tabIndex: 0, role: 'region', ariaLabel: label },
    children: [table],
  };
}

/** Wraps a highlighted <pre> in the figure the site styles: caption (file name) and copy button. */
export function codeFigure(pre: Element, lang: 'zh' | 'en', title?: string): Element {
  const children: ElementContent[] = [];
  if (title) {
    children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] });
  }
  children.push({
    type: 'element',
    tagName: 'button',
    properties: { type: 'button', className: ['copy-code'], hidden: true, dataPagefindIgnore: '' },
    children: [{ type: 'text', value: ui[lang].copyCode }],
  });
  children.push(pre);
  return { type: 'element', tagName: 'figure', properties: { className: ['code'] }, children };
}

/** Code figures with caption and copy button; scrollable tables and display math reachable by keyboard. */
export function rehypeFigures() {
  return (tree: Root, file: VFile) => {
    const lang = langOfPath(file.path ?? '');
    const visit = (parent: Root | Element) => {
      parent.children.forEach((node: RootContent, i: number) => {
        if (node.type !== 'element') return;
        const cls = node.properties.className ?? node.properties['class'];
        const classes = Array.isArray(cls) ? cls.map(String) : String(cls ?? '').split(/\s+/);
        if (node.tagName === 'pre' && classes.includes('astro-code')) {
          const title = node.properties['dataTitle'] ?? node.properties['data-title'];
          parent.children[i] = codeFigure(node, lang, typeof title === 'string' ? title : undefined);
          return;
        }
        if (node.tagName === 'table') {
          parent.children[i] = tableBox(node, lang);
          return;
        }
        // Display math scrolls sideways on narrow screens: let the keyboard reach it too. KaTeX's
        // MathML output marks it only by <math display="block"> inside the span.katex.
        const math = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'math');
        if (classes.includes('katex') && math?.properties['display'] === 'block') {
          parent.children[i] = { type: 'element', tagName: 'div', properties: { className: ['katex-display'], tabIndex: 0 }, children: [node] };
          return;
        }
        visit(node);
      });
    };
    visit(tree);
  };
}
