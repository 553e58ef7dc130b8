import type { Heading, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { isSectionId, parseHeadingId } from './heading-id.ts';

function headingText(node: Heading): string {
  const parts: string[] = [];
  const walk = (n: { value?: unknown; children?: unknown[] }) => {
    if (typeof n.value === 'string') parts.push(n.value);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(node as never);
  return parts.join('').trim();
}

function* headings(nodes: RootContent[]): Generator<Heading> {
  for (const node of nodes) {
    if (node.type === 'heading') yield node;
    else if ('children' in node && Array.isArray(node.children)) yield* headings(node.children as RootContent[]);
  }
}

/**
 * Takes `{#id}` off the end of each heading and makes it the heading's id. Every h2 and h3 of a
 * chapter must carry one, ids must be ASCII slugs and unique within the file: the build fails
 * with a message naming the file otherwise. The ids are also recorded as `sectionIds` in the
 * remark frontmatter so the twin check can compare the zh and en files.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const where = file.path || 'unknown file';
    const seen = new Map<string, string>();
    const sectionIds: string[] = [];
    for (const node of headings(tree.children)) {
      const last = node.children.at(-1);
      const parsed = last?.type === 'text' ? parseHeadingId(last.value) : null;
      const label = headingText(node);
      if (!parsed) {
        if (node.depth === 2 || node.depth === 3) {
          file.fail(
            `${where}: the h${node.depth} "${label}" has no section id. ` +
              `Write it as "${'#'.repeat(node.depth)} ${label} \\{#some-ascii-id\\}" (the same id in the zh and en files).`,
            node,
          );
        }
        continue;
      }
      if (!isSectionId(parsed.id)) {
        file.fail(`${where}: the section id "${parsed.id}" of "${label}" must be lower-case ASCII words joined by "-".`, node);
      }
      const before = seen.get(parsed.id);
      if (before !== undefined) {
        file.fail(`${where}: the section id "${parsed.id}" is used twice, by "${before}" and by "${label}".`, node);
      }
      seen.set(parsed.id, label);
      (last as Text).value = parsed.text;
      if (!parsed.text) node.children.pop();
      const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
      node.data = { ...data, hProperties: { ...data.hProperties, id: parsed.id } } as typeof node.data;
      if (node.depth === 2 || node.depth === 3) sectionIds.push(parsed.id);
    }
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    (astro.frontmatter ??= {}).sectionIds = sectionIds;
  };
}
