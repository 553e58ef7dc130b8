import { describe, expect, test } from 'vitest';
import { basePath, chapterUrl, homeUrl, withBase } from '../../src/lib/urls.ts';
import { langOfPath, otherLang } from '../../src/i18n/ui.ts';
import { partId, partTitle, PARTS } from '../../src/lib/parts.ts';

describe('URLs follow the base path', () => {
  test('at the root', () => {
    expect(chapterUrl('zh', 'tcp-udp', '/')).toBe('/zh/tcp-udp/');
    expect(homeUrl('en', '/')).toBe('/en/');
  });
  test('under a sub-path, with or without its trailing slash', () => {
    expect(basePath('/course')).toBe('/course/');
    expect(chapterUrl('en', 'tcp-udp', '/course')).toBe('/course/en/tcp-udp/');
    expect(withBase('/favicon.svg', '/course/')).toBe('/course/favicon.svg');
  });
});

describe('languages and parts', () => {
  test('a chapter file tells its language by its folder', () => {
    expect(langOfPath('/x/content/chapters/en/04-a.mdx')).toBe('en');
    expect(langOfPath('/x/content/chapters/zh/04-a.mdx')).toBe('zh');
    expect(otherLang('zh')).toBe('en');
  });
  test('seven parts, each titled in both languages', () => {
    expect(PARTS).toHaveLength(7);
    expect(partTitle(2, 'zh')).toBe('传输层');
    expect(partTitle(6, 'en')).toBe('Threads and queues');
    expect(partId(3)).toBe('part-3');
    expect(partTitle(7, 'en')).toBe('I/O models');
    expect(() => partTitle(8, 'zh')).toThrow(RangeError);
  });
});
