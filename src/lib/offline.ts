// Offline reading: which files a saved copy of the course holds, and how the service worker answers
// each request. Pure functions over paths, shared by the build step that writes the manifest
// (scripts/offline.mjs), the service worker (src/scripts/sw.ts) and the home page's "save for
// offline" card (src/widgets/offline/element.ts). Paths are relative to the site's base, so a
// sub-path deploy needs nothing special.
import { WHOLE } from './chapter-pages.ts';
import { LANGS, type Lang } from '../i18n/ui.ts';

/** The cache every offline copy lives in. Hashed files make versions unnecessary (see prune). */
export const CACHE = 'nc-course-v1';
export const MANIFEST = 'offline.json';

export interface OfflinePage {
  /** "zh/tcp-udp/": the URL path below the base. */
  path: string;
  title: string;
}

export interface OfflineLangEntry {
  /** Every file a reader of this language needs offline, pages included. */
  files: string[];
  /** Sum of the files' sizes as served (compressed where a server would compress), for the card. */
  bytes: number;
  pages: OfflinePage[];
}

export interface OfflineManifest {
  version: string;
  langs: Record<Lang, OfflineLangEntry>;
}

/**
 * Files of the build that are never worth saving: Pagefind's own UIs and highlighter (the site
 * has its own, pagefind/search-ui.js and search-mark.js), its worker (search runs on the main
 * thread), maps, the manifest.
 */
const UNUSED = /^(pagefind\/pagefind-((modular-|component-)?ui\.(js|css)|highlight\.js|worker\.js)|.*\.map|offline\.json|sw\.js)$/;
// What only a server reads: the headers file and the precompressed twins of each text file.
const SERVER_ONLY = /^_headers$|\.(br|gz)$/;

/** A long chapter shown whole on one page (zh/framing/all/index.html): its pages are saved already. */
const wholeView = (p: string) => {
  const parts = p.split('/');
  return parts.length === 4 && parts[2] === WHOLE && parts[3] === 'index.html';
};

/**
 * The language a built file belongs to, or null for a file every language needs. Pages live under
 * zh/ and en/; widget bundles are named name.<lang>.hash.js; figures with words in them live in
 * figures/<lang>/; Pagefind names its per-language files after the language (zh-cn_…, en_…).
 */
export function fileLang(path: string): Lang | null {
  for (const lang of LANGS) {
    if (path.startsWith(`${lang}/`) || path.startsWith(`figures/${lang}/`)) return lang;
    if (new RegExp(`^_widgets/[\\w-]+\\.${lang}\\.[\\w-]+\\.js$`).test(path)) return lang;
    if (new RegExp(`^pagefind/(.*/)?(pagefind\\.|wasm\\.)?${lang}([-_.]|$)`).test(path)) return lang;
  }
  return null;
}

/** The files a saved copy in `lang` holds: its own and the shared ones, in a stable order. */
export function filesFor(all: readonly string[], lang: Lang): string[] {
  return all.filter((p) => !UNUSED.test(p) && !SERVER_ONLY.test(p) && !wholeView(p) && (fileLang(p) ?? lang) === lang).sort();
}

/**
 * The path of a URL below the worker's scope, decoded ("zh/%E4%B8%AD/" → "zh/中/"). A path whose
 * escapes do not decode (a hand-typed "%zz") stays as it came: a request never throws in the worker.
 */
export function pathBelow(pathname: string, scopePath: string): string {
  const decode = (s: string) => {
    try {
      return decodeURI(s);
    } catch {
      return s;
    }
  };
  const path = decode(pathname);
  const root = decode(scopePath);
  return path.startsWith(root) ? path.slice(root.length) : pathname.slice(scopePath.length);
}

/** The URL path a page file is served at: "zh/tcp-udp/index.html" → "zh/tcp-udp/". */
export function pageUrl(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

export type Strategy =
  /** HTML: the network first (so a new version shows), the saved copy when it fails or stalls. */
  | 'page'
  /** Files whose name changes with their content: the saved copy is always right. */
  | 'immutable'
  /** Files with a fixed name: answer from the cache at once and refresh it behind. */
  | 'refresh'
  /** Not ours to handle (the manifest, the worker itself, other sites). */
  | 'network';

const HASHED = /^(_astro\/|_widgets\/|pagefind\/(fragment|index)\/|pagefind\/pagefind\.[\w-]+\.pf_meta$)/;

/** How the service worker answers a GET for `path` (below the base, no query). */
export function strategy(path: string, navigate: boolean): Strategy {
  if (path === MANIFEST || path === 'sw.js') return 'network';
  if (navigate || path === '' || path.endsWith('/') || path.endsWith('.html')) return 'page';
  if (HASHED.test(path)) return 'immutable';
  return 'refresh';
}

/**
 * Saved files that a new build no longer has: old hashed assets (pages are kept, they are
 * refreshed whenever they are read online). `cached` and `current` are paths below the base.
 */
export function stale(cached: readonly string[], current: ReadonlySet<string>): string[] {
  return cached.filter((p) => HASHED.test(p) && !current.has(p));
}

/** The language of a page path, for the offline answer: the URL's first segment, else Chinese. */
export function langOfPath(path: string): Lang {
  return (LANGS as readonly string[]).find((l) => path === l || path.startsWith(`${l}/`)) as Lang | undefined ?? 'zh';
}

/** "1.3 MB" / "840 KB": sizes for the card, in the units both languages use. */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1000))} KB`;
}

/**
 * Runs `work` on every item of `queue`, four at a time; `work` may push more items onto the queue
 * while it runs. True when every call succeeded. The service worker's refill and the home card's
 * save both fetch files into the cache this way.
 */
export async function drain<T>(queue: T[], work: (item: T) => Promise<void>, width = 4): Promise<boolean> {
  let ok = true;
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      await work(item).catch(() => (ok = false));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return ok;
}

/** Checks a fetched manifest before trusting it: anything else gets a clear error. */
export function parseManifest(json: unknown): OfflineManifest {
  const m = json as OfflineManifest;
  const ok =
    !!m && typeof m.version === 'string' && !!m.langs &&
    LANGS.every((l) => {
      const e = m.langs[l];
      return !!e && Array.isArray(e.files) && e.files.every((f) => typeof f === 'string' && !f.startsWith('/') && !f.split('/').some((s) => s === '..' || s === '.')) &&
        typeof e.bytes === 'number' && Array.isArray(e.pages);
    });
  if (!ok) throw new Error('offline.json is not a manifest this site wrote');
  return m;
}
