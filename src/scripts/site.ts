// The one script every page loads (kept under 2 KB brotli: `npm run bench` checks it). Each
// part enhances HTML that already works without it: links stay links, details stay details.
// The search dialog (src/scripts/search-ui.ts, built into pagefind/search-ui.js) and the marker for
// ?highlight= load only when a reader searches or arrives from a result.

import { base, searchModule } from './search-load.ts';

const d = document;
const root = d.documentElement;
const body = d.body;
const lang = root.dataset.lang;
const $ = <T extends Element = HTMLElement>(s: string, r: ParentNode = d) => r.querySelector<T>(s);
const $$ = <T extends Element = HTMLElement>(s: string) => [...d.querySelectorAll<T>(s)];

function store(key: string, value?: string): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    /* private mode: nothing to remember */
  }
}

function announce(message: string): void {
  const live = $('#announcer');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => (live.textContent = message), 60);
}

/** False where the Clipboard API is refused (an insecure origin): the reader is told to copy by hand. */
function copyText(text: string): Promise<boolean> {
  return Promise.resolve()
    .then(() => navigator.clipboard.writeText(text))
    .then(() => true, () => false);
}

/** Shows "已复制" (or why copying failed) beside the control for a moment and says it in the live region. */
function flash(el: HTMLElement, ok: boolean): void {
  el.dataset.tip = (ok ? article?.dataset.copied : article?.dataset.copyFailed) ?? '';
  announce(el.dataset.tip);
  setTimeout(() => delete el.dataset.tip, 2000);
}

// Remember the reader's language for "/" (the chooser) and follow explicit choices.
if (lang && !body.matches('.chooser-page,.notfound-page')) store('lang', lang);

// Theme: system → light → dark → system. The inline head script applied the stored choice.
const themeButton = $<HTMLButtonElement>('.theme-toggle');
const themes = ['auto', 'light', 'dark'] as const;
function showTheme(): void {
  if (!themeButton) return;
  const mode = root.dataset.theme || 'auto';
  themeButton.dataset.mode = mode;
  themeButton.setAttribute('aria-label', themeButton.dataset[mode] ?? mode);
}
showTheme();

// The section the reader is in: the last h2/h3 above the top fifth of the window.
const sections = $$('.prose :is(h2,h3)[id]');
const tocLinks = new Map($$<HTMLAnchorElement>('.toc a,a.moved').map((a) => [a.hash.slice(1), a]));
// A link from before its chapter was read in pages: the #id is on a later page now. Also when
// only the #id changes (a link pasted while reading the chapter's first page).
const moved = () => {
  const a = tocLinks.get(location.hash.slice(1));
  if (a && a.pathname != location.pathname) location.replace(a.pathname + location.search + a.hash);
};
moved();
addEventListener('hashchange', moved);
let current = '';
function spy(): void {
  // At the very bottom the last sections may never reach the line: take the last one in view.
  const atEnd = innerHeight + scrollY >= root.scrollHeight - 2;
  const line = atEnd ? innerHeight : innerHeight / 5;
  let id = '';
  for (const h of sections) {
    if (h.getBoundingClientRect().top > line) break;
    id = h.id;
  }
  if (id === current) return;
  tocLinks.get(current)?.removeAttribute('aria-current');
  current = id;
  tocLinks.get(id)?.setAttribute('aria-current', 'location');
}
if (sections.length) {
  let queued = false;
  addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => ((queued = false), spy()));
  }, { passive: true });
  spy();
}

const navToggle = $('.nav-toggle');
navToggle?.setAttribute('role', 'button');
navToggle?.setAttribute('aria-expanded', 'false');

// Code blocks: reveal the copy buttons (they are useless without JS, so they start hidden).
for (const b of $$('.copy-code')) b.hidden = false;

const article = $('article[data-copied]');

// Without the dialog's code (offline, blocked) the trigger's link still leads to the search page.
const openSearch = () => searchModule('ui').then((m) => m.open(lang), () => (location.href = `${base}${lang}/search/`));

// Arriving from a search result: mark the whole query inside the chapter.
const highlight = new URLSearchParams(location.search).get('highlight');
const prose = $('article .prose');
if (highlight && prose) searchModule('mark').then((m) => m.mark(highlight, prose), () => {});

// Widgets: each one's code is fetched when it comes near the screen, never on pages without it.
// The build bundles each widget into one file and names it in data-src (src/lib/widget-bundles.ts);
// the dev server has no bundles and lets Vite load the source.
const devWidgets = import.meta.env.DEV ? import.meta.glob('../widgets/*/element.ts') : {};
const widgets = $$('[data-widget]');
// A live widget is taller than its static run: when one above the section a link points at
// (#self-check) comes alive, the section would slide down out of sight. Until the reader moves
// the page themselves, land on it again once the widget has drawn. Following a #link (a click, a
// key) is a new arrival, not the reader moving the page.
let scrolled = false;
for (const ev of ['wheel', 'touchmove', 'keydown', 'pointerdown']) addEventListener(ev, () => (scrolled = true), { passive: true });
addEventListener('hashchange', () => (scrolled = false));
const reanchor = () =>
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      let target: HTMLElement | null = null;
      try {
        target = location.hash ? d.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      } catch {}
      if (!scrolled && target && !target.closest('[data-widget]')) target.scrollIntoView({ behavior: 'instant' });
    }),
  );
if (widgets.length) {
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        const { src, widget } = (e.target as HTMLElement).dataset;
        if (src) import(/* @vite-ignore */ src).then(reanchor, () => {});
        else if (import.meta.env.DEV) void devWidgets[`../widgets/${widget}/element.ts`]?.();
      }
    },
    { rootMargin: '400px' },
  );
  for (const w of widgets) io.observe(w);
}

// Every click the site handles, in one listener.
d.addEventListener('click', (e) => {
  const el = (e.target as Element).closest<HTMLElement>('a,button');
  if (!el) return;
  if (el.matches('.theme-toggle')) {
    const next = themes[(themes.indexOf((root.dataset.theme || 'auto') as (typeof themes)[number]) + 1) % 3]!;
    if (next === 'auto') delete root.dataset.theme;
    else root.dataset.theme = next;
    store('theme', next === 'auto' ? undefined : next);
    showTheme();
    announce(el.getAttribute('aria-label') ?? '');
  } else if (el.matches('.h-anchor') && article) {
    e.preventDefault();
    const id = (el as HTMLAnchorElement).hash;
    history.replaceState(history.state, '', id);
    copyText(location.origin + location.pathname + id).then((ok) => flash(el, ok));
  } else if (el.matches('.copy-code') && article) {
    const lines = [...(el.parentElement?.querySelectorAll('pre .line:not(.remove)') ?? [])];
    copyText(lines.map((l) => l.textContent).join('\n')).then((ok) => flash(el, ok));
  } else if (el.matches('.search-trigger')) {
    e.preventDefault();
    void openSearch();
  } else if (el.matches('.nav-toggle')) {
    e.preventDefault();
    const open = root.classList.toggle('nav-open');
    el.setAttribute('aria-expanded', String(open));
    if (open) $('#site-nav a')?.focus();
  } else if (el.matches('[data-lang]')) {
    store('lang', el.dataset.lang);
    if (el.matches('.lang-switch')) {
      // The twin page, at the section being read, with any widget state kept.
      const a = el as HTMLAnchorElement;
      const params = new URLSearchParams(location.search);
      params.delete('highlight');
      const query = params.toString();
      const section = location.hash || (current && `#${current}`);
      a.href = a.href.split(/[?#]/)[0] + (query && `?${query}`) + section;
    }
  }
});

d.addEventListener('keydown', (e) => {
  const t = e.composedPath()[0] as HTMLElement; // the real target, even inside a shadow root
  const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
  if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey)) {
    e.preventDefault();
    void openSearch();
  } else if (e.key === 'Escape' && root.classList.contains('nav-open')) {
    root.classList.remove('nav-open');
    navToggle?.setAttribute('aria-expanded', 'false');
    navToggle?.focus();
  }
});

// The seed page's title switch: a hidden tab says where the reader left off; CSS pauses
// anything animated while `tab-hidden` is set, and widgets listen to the same event.
let shownTitle = d.title;
d.addEventListener('visibilitychange', () => {
  root.classList.toggle('tab-hidden', d.hidden);
  if (d.hidden) {
    shownTitle = d.title;
    d.title = (body.dataset.away ?? '%s').replace('%s', body.dataset.short ?? shownTitle);
  } else {
    d.title = shownTitle;
  }
});

// Offline: a service worker keeps every page read so far (src/scripts/sw.ts; the course home can
// save the rest). There is no sw.js in the dev server. A browser without one just reads online.
if (import.meta.env.PROD) addEventListener('load', () => navigator.serviceWorker?.register(`${base}sw.js`).catch(() => {}));
