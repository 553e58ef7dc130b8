import type { Root } from 'mdast';
import type { VFile } from 'vfile';

function hasMath(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'math' || node.type === 'inlineMath') return true;
  return (node.children ?? []).some((c) => hasMath(c as typeof node));
}

/** Marks chapters that contain math, so only their pages link the KaTeX stylesheet and fonts. */
export function remarkMathFlag() {
  return (tree: Root, file: VFile) => {
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    (astro.frontmatter ??= {}).hasMath = hasMath(tree);
  };
}
