import { describe, expect, test } from 'vitest';
import { buildCourse, chaptersOfPart, CourseError, neighbours, parseChapterId, type ChapterSource } from '../../src/lib/course.ts';

const src = (id: string, over: Partial<ChapterSource> = {}): ChapterSource => {
  const order = Number(id.split('/')[1]?.slice(0, 2));
  return { id, filePath: `content/chapters/${id}.mdx`, title: id, order, part: 2, summary: 's', sectionIds: ['a', 'b'], ...over };
};
const pair = (file: string, over: Partial<ChapterSource> = {}) => [src(`zh/${file}`, over), src(`en/${file}`, over)];

describe('parseChapterId', () => {
  test('reads language, file and URL slug from the collection id', () => {
    expect(parseChapterId('zh/04-tcp-udp')).toEqual({ lang: 'zh', file: '04-tcp-udp', slug: 'tcp-udp' });
    expect(parseChapterId('en/13-queues')).toEqual({ lang: 'en', file: '13-queues', slug: 'queues' });
  });
  test('rejects a file outside zh/ and en/, or not named NN-slug', () => {
    expect(() => parseChapterId('fr/04-x', 'content/chapters/fr/04-x.mdx')).toThrow(/fr\/04-x\.mdx: chapters live in/);
    expect(() => parseChapterId('zh/tcp')).toThrow(/NN-slug/);
    expect(() => parseChapterId('zh/4-tcp')).toThrow(/NN-slug/);
    expect(() => parseChapterId('zh/04-TCP')).toThrow(/NN-slug/);
  });
});

describe('buildCourse', () => {
  test('orders each language by chapter order', () => {
    const course = buildCourse([...pair('05-sockets'), ...pair('04-tcp-udp'), ...pair('01-layers', { part: 1 })]);
    expect(course.chapters.zh.map((c) => c.slug)).toEqual(['layers', 'tcp-udp', 'sockets']);
    expect(course.chapters.en.map((c) => c.lang)).toEqual(['en', 'en', 'en']);
  });
  test('a chapter without its twin names the file to add', () => {
    expect(() => buildCourse([src('zh/04-tcp-udp')])).toThrow(
      'content/chapters/zh/04-tcp-udp.mdx has no en twin: add content/chapters/en/04-tcp-udp.mdx.',
    );
    expect(() => buildCourse([src('en/04-tcp-udp')])).toThrow(/has no zh twin/);
  });
  test('twins must share section ids in the same order', () => {
    expect(() => buildCourse([src('zh/04-x', { sectionIds: ['a', 'b'] }), src('en/04-x', { sectionIds: ['b', 'a'] })])).toThrow(
      /same section ids in the same order:\n {2}zh: a, b\n {2}en: b, a/,
    );
  });
  test('twins must agree on part and order', () => {
    expect(() => buildCourse([src('zh/04-x'), src('en/04-x', { part: 3 })])).toThrow(/disagree on part\/order/);
  });
  test('two chapters of one language may not share an order or a slug', () => {
    expect(() => buildCourse([...pair('04-x'), ...pair('05-y', { order: 4 })])).toThrow(/same order 4/);
  });
  test('reports every problem at once', () => {
    try {
      buildCourse([src('zh/04-x'), src('en/05-y')]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CourseError);
      expect(String(e)).toMatch(/04-x\.mdx has no en twin[\s\S]*05-y\.mdx has no zh twin/);
    }
  });
});

describe('neighbours and parts', () => {
  const { chapters } = buildCourse([...pair('04-a'), ...pair('05-b', { part: 3 }), ...pair('06-c', { part: 3 })]);
  test('prev and next follow reading order; the ends have none', () => {
    expect(neighbours(chapters.zh, 'a')).toEqual({ prev: undefined, next: chapters.zh[1] });
    expect(neighbours(chapters.zh, 'b').prev?.slug).toBe('a');
    expect(neighbours(chapters.zh, 'c').next).toBeUndefined();
    expect(neighbours(chapters.zh, 'nope')).toEqual({});
  });
  test('chaptersOfPart keeps reading order', () => {
    expect(chaptersOfPart(chapters.en, 3).map((c) => c.slug)).toEqual(['b', 'c']);
    expect(chaptersOfPart(chapters.en, 6)).toEqual([]);
  });
});
