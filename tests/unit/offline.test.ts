// The offline rules (src/lib/offline.ts): which built files a saved copy of each language holds and
// how the service worker answers each request.
import { describe, expect, test } from 'vitest';
import { drain, fileLang, filesFor, formatBytes, langOfPath, pageUrl, parseManifest, stale, strategy } from '../../src/lib/offline.ts';

const BUILD = [
  'index.html', '404.html', 'favicon.svg', 'site.webmanifest', 'offline.json', 'sw.js',
  'zh/index.html', 'zh/tcp-udp/index.html', 'en/index.html', 'en/tcp-udp/index.html',
  'zh/tcp-udp/reliability/index.html', 'zh/tcp-udp/all/index.html', 'en/tcp-udp/all/index.html',
  '_astro/BaseLayout.abc.css', '_astro/page.def.js',
  '_widgets/locks.zh.0123456789.js', '_widgets/locks.en.9876543210.js',
  'figures/09-gantt.svg', 'figures/zh/01-models.svg', 'figures/en/01-models.svg',
  'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/pagefind-worker.js',
  'pagefind/pagefind-component-ui.js', 'pagefind/pagefind-component-ui.css', 'pagefind/pagefind-highlight.js',
  'pagefind/pagefind-ui.js', 'pagefind/pagefind-modular-ui.css',
  'pagefind/search-ui.js', 'pagefind/search-ui.css', 'pagefind/search-mark.js',
  'pagefind/pagefind.zh-cn_539f952ef57ba.pf_meta', 'pagefind/pagefind.en_eee9183010.pf_meta',
  'pagefind/wasm.en.pagefind', 'pagefind/wasm.unknown.pagefind',
  'pagefind/index/zh-cn_5ffbfdf.pf_index', 'pagefind/index/en_51152ba.pf_index',
  'pagefind/fragment/zh-cn_1.pf_fragment', 'pagefind/fragment/en_18bbdbb.pf_fragment',
];

describe('which files a saved copy holds', () => {
  test('each built file belongs to one language or to both', () => {
    expect(fileLang('zh/tcp-udp/index.html')).toBe('zh');
    expect(fileLang('en/index.html')).toBe('en');
    expect(fileLang('_widgets/locks.en.9876543210.js')).toBe('en');
    // What a widget fetches on demand (presenter mode, a state link's decoder) goes with its language.
    expect(fileLang('_widgets/handshake.zh.view-link-12f0af9bb4.js')).toBe('zh');
    expect(fileLang('_widgets/locks.en.present-2e71c4b1db.js')).toBe('en');
    expect(fileLang('figures/zh/01-models.svg')).toBe('zh');
    expect(fileLang('pagefind/fragment/zh-cn_1.pf_fragment')).toBe('zh');
    expect(fileLang('pagefind/pagefind.en_eee9183010.pf_meta')).toBe('en');
    expect(fileLang('pagefind/wasm.en.pagefind')).toBe('en');
    for (const shared of ['index.html', '_astro/page.def.js', 'figures/09-gantt.svg', 'pagefind/pagefind-entry.json', 'pagefind/wasm.unknown.pagefind']) {
      expect(fileLang(shared), shared).toBeNull();
    }
    // A page whose slug starts like a language is still the language of its folder.
    expect(fileLang('zh/english-notes/index.html')).toBe('zh');
  });

  test('a language gets its own files and the shared ones, never the other language\'s or unused ones', () => {
    for (const [lang, other] of [['zh', 'en'], ['en', 'zh']] as const) {
      const mine = filesFor(BUILD, lang);
      expect(mine.filter((f) => fileLang(f) === other)).toEqual([]);
      expect(mine).toContain(`${lang}/tcp-udp/index.html`);
      expect(mine).toContain('pagefind/pagefind.js');
      expect(mine).toContain('_astro/BaseLayout.abc.css');
      for (const unused of ['offline.json', 'sw.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-modular-ui.css']) expect(mine).not.toContain(unused);
      // The site's own search layer is saved; Pagefind's UIs, highlighter and worker, which it does not use, are not.
      for (const used of ['pagefind/search-ui.js', 'pagefind/search-ui.css', 'pagefind/search-mark.js']) expect(mine).toContain(used);
      for (const unused of ['pagefind/pagefind-component-ui.js', 'pagefind/pagefind-component-ui.css', 'pagefind/pagefind-highlight.js', 'pagefind/pagefind-worker.js']) expect(mine).not.toContain(unused);
      // A chapter's later pages are saved; the same chapter whole on one page is not saved twice.
      if (lang === 'zh') expect(mine).toContain('zh/tcp-udp/reliability/index.html');
      expect(mine).not.toContain(`${lang}/tcp-udp/all/index.html`);
      expect(mine).toEqual([...mine].sort());
    }
  });

  test('pages are saved at their URLs', () => {
    expect(pageUrl('index.html')).toBe('');
    expect(pageUrl('zh/index.html')).toBe('zh/');
    expect(pageUrl('en/tcp-udp/index.html')).toBe('en/tcp-udp/');
    expect(pageUrl('404.html')).toBe('404.html');
  });
});

describe('how the worker answers', () => {
  test('pages go to the network first, hashed files come from the copy, the rest refresh behind', () => {
    expect(strategy('zh/tcp-udp/', true)).toBe('page');
    expect(strategy('', true)).toBe('page');
    expect(strategy('404.html', false)).toBe('page');
    expect(strategy('_astro/page.def.js', false)).toBe('immutable');
    expect(strategy('_widgets/locks.zh.0123456789.js', false)).toBe('immutable');
    expect(strategy('pagefind/fragment/en_18bbdbb.pf_fragment', false)).toBe('immutable');
    expect(strategy('pagefind/pagefind.en_eee9183010.pf_meta', false)).toBe('immutable');
    // Fixed names: Pagefind's entry file says which index is current, so it must refresh.
    expect(strategy('pagefind/pagefind-entry.json', false)).toBe('refresh');
    expect(strategy('pagefind/pagefind.js', false)).toBe('refresh');
    expect(strategy('figures/zh/01-models.svg', false)).toBe('refresh');
    expect(strategy('offline.json', false)).toBe('network');
    expect(strategy('sw.js', false)).toBe('network');
  });

  test('a new build drops the hashed files it no longer has, and keeps pages', () => {
    const now = new Set(['_astro/new.js', 'zh/tcp-udp/']);
    expect(stale(['_astro/old.js', '_astro/new.js', 'zh/tcp-udp/', 'zh/gone/', 'pagefind/fragment/zh-cn_old.pf_fragment'], now))
      .toEqual(['_astro/old.js', 'pagefind/fragment/zh-cn_old.pf_fragment']);
  });

  test('the offline answer speaks the language of the path', () => {
    expect(langOfPath('en/threads/')).toBe('en');
    expect(langOfPath('en')).toBe('en');
    expect(langOfPath('zh/')).toBe('zh');
    expect(langOfPath('english/')).toBe('zh');
    expect(langOfPath('')).toBe('zh');
  });
});

describe('the manifest and sizes', () => {
  const good = { version: 'abc', langs: { zh: { files: ['zh/'], bytes: 10, pages: [] }, en: { files: ['en/'], bytes: 10, pages: [] } } };
  test('a manifest this site wrote is accepted', () => {
    expect(parseManifest(good)).toBe(good);
    // Vite names the chunk of the route file [...page].astro "_..<hash>.css": a name, not a way up.
    const dots = { ...good, langs: { ...good.langs, zh: { ...good.langs.zh, files: ['_astro/_..DYeDPvJm.css', 'zh/framing/server-steps/'] } } };
    expect(parseManifest(dots)).toBe(dots);
  });
  test.each([
    ['nothing', undefined],
    ['a string', 'offline'],
    ['a language missing', { version: 'a', langs: { zh: good.langs.zh } }],
    ['a path outside the site', { ...good, langs: { ...good.langs, en: { ...good.langs.en, files: ['../etc/passwd'] } } }],
    ['a way up inside a path', { ...good, langs: { ...good.langs, en: { ...good.langs.en, files: ['en/../../x'] } } }],
    ['an absolute path', { ...good, langs: { ...good.langs, en: { ...good.langs.en, files: ['/en/'] } } }],
  ])('%s is refused with an error', (_, json) => {
    expect(() => parseManifest(json)).toThrow(/offline\.json/);
  });
  test('sizes read in KB and MB', () => {
    expect(formatBytes(0)).toBe('1 KB');
    expect(formatBytes(840_400)).toBe('840 KB');
    expect(formatBytes(1_070_000)).toBe('1.1 MB');
  });
});

describe('drain: fetching a queue four at a time', () => {
  test('every item runs once, at most four at a time, including items pushed while it runs', async () => {
    const queue = [1, 2, 3, 4, 5, 6];
    const seen: number[] = [];
    let running = 0;
    let most = 0;
    const ok = await drain(queue, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      if (n === 2) queue.push(20); // a page naming a file it needs
      running -= 1;
    });
    expect(ok).toBe(true);
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 20]);
  });

  test('a failed item does not stop the others, and the result says it failed', async () => {
    const seen: number[] = [];
    const ok = await drain([1, 2, 3], async (n) => {
      if (n === 2) throw new Error('offline');
      seen.push(n);
    });
    expect(ok).toBe(false);
    expect(seen.sort()).toEqual([1, 3]);
  });
});
