// Loading Pagefind's Component UI on demand, shared by the site script (the search modal) and the
// search page. Nothing here runs until a reader searches.
const d = document;
export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Adds a module script once; resolves when it has run. */
export function addScript(src: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const js = d.createElement('script');
    js.type = 'module';
    js.src = src;
    js.onload = () => resolve();
    js.onerror = reject;
    d.head.append(js);
  });
}

// Search: Pagefind's Component UI, fetched the first time it is needed.
let searchReady: Promise<void> | undefined;
export function loadSearch(): Promise<void> {
  if (!searchReady) {
    const css = d.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${base}pagefind/pagefind-component-ui.css`;
    const cfg = d.createElement('pagefind-config');
    cfg.setAttribute('bundle-path', `${base}pagefind/`);
    cfg.setAttribute('base-url', base);
    cfg.setAttribute('highlight-param', 'highlight');
    d.head.append(css);
    d.body.append(cfg);
    searchReady = addScript(`${base}pagefind/pagefind-component-ui.js`).catch((e: unknown) => {
      searchReady = undefined;
      throw e;
    });
  }
  return searchReady;
}

