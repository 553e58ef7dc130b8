import { getCollection, render, type CollectionEntry } from 'astro:content';
import { buildCourse, type Course } from './course.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;

let cached: Promise<{ course: Course; entries: Map<string, ChapterEntry> }> | undefined;

/** Reads every chapter once per build, checks twins and section ids, and orders them. */
export function loadCourse() {
  cached ??= (async () => {
    const all = await getCollection('chapters');
    const sources = await Promise.all(
      all.map(async (entry) => {
        const { remarkPluginFrontmatter } = await render(entry);
        const sectionIds = (remarkPluginFrontmatter.sectionIds ?? []) as string[];
        const terms = (remarkPluginFrontmatter.glossary ?? []) as string[];
        const h2Ids = (remarkPluginFrontmatter.h2Ids ?? []) as string[];
        const anchors = (remarkPluginFrontmatter.anchors ?? {}) as Record<string, string>;
        return { id: entry.id, filePath: entry.filePath ?? entry.id, ...entry.data, sectionIds, terms, h2Ids, anchors };
      }),
    );
    const course = buildCourse(sources);
    return { course, entries: new Map(all.map((e) => [e.id, e])) };
  })();
  return cached;
}
