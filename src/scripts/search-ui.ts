// The search dialog (Ctrl+K, /, or the header's search link) and the search page's box: a thin
// layer over Pagefind's JS API. Built on its own by esbuild into dist/pagefind/search-ui.js (see
// package.json's build script) and imported by the site script the first time a reader searches,
// so no page pays for it before that.
//
// Pattern: an input with role=combobox that owns a listbox of links (role=option), one per page
// and one per section under it; ↑ ↓ move the active option (aria-activedescendant), Enter opens
// it, Esc closes the dialog. Only the results on screen load their fragment (their page's text):
// four at first (what the dialog shows without scrolling), four more on request.
import { searchUi, type Lang } from '../i18n/ui.ts';
import { normalize, present, rank, RANKING, resultHref, settle, SHOWN_AT_ONCE as PAGE, type PagefindApi, type Ranked, type Shown } from './search-core.ts';
import '../styles/search.css';

const d = document;

const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text = '') => {
  const el = d.createElement(tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
};

const DEBOUNCE_MS = 60;
/** This file lives in <base>pagefind/, beside pagefind.js. */
const bundle = new URL('./', import.meta.url);
const base = new URL('../', bundle).pathname;

// esbuild writes the imported CSS beside this file; the box is shown once it has arrived.
const css = h('link', { rel: 'stylesheet', href: `${bundle.href}search-ui.css` });
const styled = new Promise((done) => (css.onload = css.onerror = done));
d.head.append(css);

type Pagefind = PagefindApi & {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
};
let pagefind: Promise<Pagefind> | undefined;
/** Pagefind on the main thread: its worker would be 11 KB more to fetch for a search that takes milliseconds. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${bundle.href}pagefind.js`).then(async (pf: Pagefind) => {
    await pf.options({ noWorker: true, baseUrl: base, excerptLength: 22, ranking: RANKING });
    await pf.init();
    return pf;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

let uid = 0;

/**
 * Builds the search box and its results inside `host`. Returns the input and a function that
 * runs a query (the search page fills in ?q=).
 */
export function mount(host: HTMLElement, lang: Lang, onQuery?: (q: string) => void) {
  // Pages outside both languages (the language chooser) search in the default one.
  const t = searchUi[lang] ?? searchUi.zh;
  const id = `search-${++uid}`;
  const input = h('input', {
    type: 'search', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
    'aria-autocomplete': 'list', 'aria-label': t.label, 'aria-describedby': `${id}-hint`,
    placeholder: t.placeholder, autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
  }) as HTMLInputElement;
  const hint = h('p', { id: `${id}-hint`, class: 'search-hint' }, t.hint);
  const status = h('p', { class: 'search-status', role: 'status' });
  const list = h('div', { id: `${id}-list`, role: 'listbox', 'aria-label': t.results, class: 'search-results' });
  const more = h('button', { type: 'button', class: 'search-more', hidden: '' }, t.more);
  host.append(input, hint, status, list, more);

  let ranked: Ranked[] = [];
  let shown = 0;
  let query = '';
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role=option]')];
  function activate(i: number): void {
    const all = options();
    all[active]?.setAttribute('aria-selected', 'false');
    active = all.length ? (i + all.length) % all.length : -1;
    const el = all[active];
    if (!el) return input.removeAttribute('aria-activedescendant');
    el.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', el.id);
    el.scrollIntoView({ block: 'nearest' });
  }

  function option(href: string, cls: string, title: string, excerpt: string, tag = ''): HTMLAnchorElement {
    const a = h('a', { href, role: 'option', class: cls, id: `${id}-o${list.childElementCount}`, 'aria-selected': 'false', tabindex: '-1' });
    const head = h('span', { class: 'search-title' }, title);
    if (tag) head.prepend(h('span', { class: 'search-tag' }, tag));
    a.append(head);
    if (excerpt) {
      const x = h('span', { class: 'search-excerpt' });
      x.innerHTML = excerpt; // escaped text with <mark>, from present()
      a.append(x);
    }
    return a;
  }

  function render(items: Shown[]): void {
    for (const s of items) {
      list.append(option(resultHref(s.url, query), 'search-page', s.title, s.excerpt));
      for (const sub of s.subs.slice(0, 3)) {
        list.append(option(resultHref(sub.url, query), 'search-sub', sub.title, sub.excerpt, sub.widget ? t.widget : ''));
      }
    }
  }

  async function showMore(mine: number): Promise<void> {
    const next = ranked.slice(shown, shown + PAGE);
    shown += next.length;
    const items = await Promise.all(next.map(async (r) => present(await r.data(), query, r.phrase)));
    if (mine !== run) return;
    render(settle(items, query));
    more.hidden = shown >= ranked.length;
  }

  async function search(raw: string): Promise<void> {
    const mine = ++run;
    query = normalize(raw);
    onQuery?.(query);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    try {
      const pf = await loadPagefind();
      const results = await rank(pf, query);
      // Let keys typed meanwhile arrive first: a query already replaced loads no fragments.
      await new Promise((next) => setTimeout(next));
      if (mine !== run) return;
      ranked = results;
      shown = 0;
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.replaceChildren();
      await showMore(mine);
      if (mine !== run) return;
      const phrase = ranked.some((r) => r.phrase) || list.querySelector('mark') !== null;
      status.textContent = !ranked.length ? t.none(query) : phrase ? t.found(ranked.length) : `${t.found(ranked.length)} ${t.apart(query)}`;
      input.setAttribute('aria-expanded', String(ranked.length > 0));
    } catch {
      if (mine !== run) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t.failed;
      input.setAttribute('aria-expanded', 'false');
    }
  }

  input.addEventListener('input', () => {
    // Fetch the index chunk for what is typed so far while the debounce waits.
    const q = normalize(input.value);
    if (q) void loadPagefind().then((pf) => pf.preload(q)).catch(() => {});
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      activate(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Escape' && dialog?.open) {
      // A search field would only clear itself on Esc: in the dialog, Esc closes.
      e.preventDefault();
      dialog.close();
    } else if (e.key === 'Enter') {
      // Nothing chosen yet: the best answer, the first page's first section (or that page).
      const first = list.querySelector<HTMLAnchorElement>('[role=option]');
      const next = first?.nextElementSibling;
      const a = options()[active] ?? (next?.matches('.search-sub') ? (next as HTMLAnchorElement) : first);
      if (a) {
        e.preventDefault();
        a.click();
      }
    }
  });
  more.addEventListener('click', () => {
    const before = options().length;
    void showMore(run).then(() => {
      // Keep the keyboard where the new results begin.
      input.focus();
      activate(before);
    });
  });
  // Start fetching Pagefind while the reader is still typing the first word.
  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  return { input, search: (q: string) => ((input.value = q), search(q)) };
}

let dialog: HTMLDialogElement | undefined;
/** The search dialog: built once, opened on every Ctrl+K, / or click on the header's search link. */
export async function open(lang: Lang): Promise<void> {
  // Pagefind (its code, wasm and metadata) downloads while the stylesheet does and the reader types.
  void loadPagefind().catch(() => {});
  if (!dialog) {
    const t = searchUi[lang] ?? searchUi.zh;
    dialog = h('dialog', { class: 'search-dialog', 'aria-label': t.label }) as HTMLDialogElement;
    const close = h('button', { type: 'button', class: 'search-close' }, t.close);
    close.addEventListener('click', () => dialog!.close());
    // A click on the backdrop (the dialog element itself, outside its box) closes it.
    dialog.addEventListener('click', (e) => e.target === dialog && dialog!.close());
    const box = h('div', { class: 'search-box' });
    dialog.append(close, box);
    d.body.append(dialog);
    mount(box, lang);
  }
  await styled;
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input')?.focus();
}

/** /zh/search/?q=…: the same box in the page, the query kept in the address bar. */
export async function page(host: HTMLElement, lang: Lang): Promise<void> {
  void loadPagefind().catch(() => {});
  await styled;
  const { input, search } = mount(host, lang, (q) => {
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) void search(q);
  input.focus();
}
