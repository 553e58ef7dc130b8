import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { langOfPath, ui } from '../i18n/ui.ts';

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

export function rehypeCodeFigure() {
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
        visit(node);
      });
    };
    visit(tree);
  };
}
