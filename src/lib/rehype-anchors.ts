import type { Root } from 'hast';
import type { VFile } from 'vfile';

interface AnyNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: AnyNode[];
}

/**
 * Records where each id of a chapter is: `anchors` (id → the id of the h2 section it is in, ''
 * before the first h2) and `h2Ids` (the h2 ids in order), in the page's frontmatter. A chapter
 * split into pages (src/lib/chapter-pages.ts) uses them to point every link, from any page of the
 * course, at the page that holds its target. Runs after the plugins that add ids (glossary,
 * figures). Ids given to MDX components as a literal `id="…"` count too.
 */
export function rehypeAnchors() {
  return (tree: Root, file: VFile) => {
    if (!/[\\/]chapters[\\/](zh|en)[\\/]/.test(file.path ?? '')) return;
    const anchors: Record<string, string> = {};
    const h2Ids: string[] = [];
    let section = '';
    const walk = (n: AnyNode) => {
      let id: unknown;
      if (n.type === 'element') id = n.properties?.id;
      else if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
        id = n.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
      }
      if (n.type === 'element' && n.tagName === 'h2' && typeof id === 'string') {
        section = id;
        h2Ids.push(id);
      }
      if (typeof id === 'string' && !Object.hasOwn(anchors, id)) anchors[id] = section;
      for (const c of n.children ?? []) walk(c);
    };
    walk(tree as unknown as AnyNode);
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    Object.assign((astro.frontmatter ??= {}), { anchors, h2Ids });
  };
}
