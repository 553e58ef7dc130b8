// Queries the built Pagefind index from Node, the way a browser would, so tests can check what
// the index holds (recall, exclusions) without a browser. pagefind.js fetches its files by URL
// and picks its language from <html lang>; both are shimmed here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { present, rank, RANKING, settle, SHOWN_AT_ONCE, type PagefindApi, type Shown } from '../../src/scripts/search-core.ts';

export interface Hit {
  url: string;
  title: string;
  excerpt: string;
  /** Everything Pagefind indexed for the page. */
  content: string;
  subs: { url: string; title: string; excerpt: string }[];
}

export async function openIndex(dist: string, lang: 'zh-CN' | 'en') {
  const bundle = join(dist, 'pagefind');
  if (!existsSync(join(bundle, 'pagefind.js'))) throw new Error(`${bundle}/pagefind.js is missing: run "npm run build" first.`);
  const g = globalThis as Record<string, unknown>;
  const realFetch = globalThis.fetch;
  g.fetch = async (input: string | URL) => {
    const url = String(input);
    if (!url.startsWith('file:')) return realFetch(input);
    const path = decodeURIComponent(new URL(url).pathname);
    return new Response(readFileSync(path));
  };
  g.document = { querySelector: () => ({ getAttribute: () => lang }), currentScript: null };
  g.location = { href: pathToFileURL(join(bundle, 'pagefind.js')).href, origin: 'null' };
  // A fresh module instance per language (the query string defeats the module cache).
  const pf = await import(`${pathToFileURL(join(bundle, 'pagefind.js')).href}?lang=${lang}`);
  await pf.options({ baseUrl: '/', basePath: pathToFileURL(bundle).href + '/', ranking: RANKING });
  await pf.init();
  return {
    async search(term: string): Promise<Hit[]> {
      const r = await pf.search(term);
      const data = await Promise.all(r.results.map((x: { data(): Promise<unknown> }) => x.data()));
      return data.map((d) => {
        const { url, meta, excerpt, content, sub_results } = d as { url: string; meta: { title: string }; excerpt: string; content: string; sub_results: Hit['subs'] };
        return { url, title: meta.title, excerpt, content, subs: sub_results.map((s) => ({ url: s.url, title: s.title, excerpt: s.excerpt })) };
      });
    },
    /**
     * What the search dialog shows for `term`: search-core's ranking over this index, every
     * result loaded (the dialog loads them SHOWN_AT_ONCE at a time, in the same order).
     */
    async ranked(term: string, first = Infinity): Promise<Shown[]> {
      const all = await rank(pf as PagefindApi, term);
      const shown: Shown[] = [];
      for (let i = 0; i < all.length && i < first; i += SHOWN_AT_ONCE) {
        const batch = await Promise.all(all.slice(i, i + SHOWN_AT_ONCE).map(async (r) => present(await r.data(), term, r.phrase)));
        shown.push(...settle(batch, term));
      }
      return shown;
    },
    async close() {
      await pf.destroy?.();
    },
  };
}
