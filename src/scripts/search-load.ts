// How the site script and the search page fetch the search code, which esbuild builds apart into
// <base>pagefind/search-ui.js and search-mark.js (package.json's build script): a plain import()
// of a URL, so Vite adds no preload helper to the script every page runs. Shared by both
// scripts, which also keeps Vite from inlining the site script into every page.
export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

export function searchModule(name: 'ui' | 'mark') {
  const src = `${base}pagefind/search-${name}.js`;
  // The dialog needs Pagefind at once: fetch it beside the dialog's code, not after it.
  const pagefind = `${base}pagefind/pagefind.js`;
  if (name === 'ui') import(/* @vite-ignore */ pagefind).catch(() => {});
  return import(/* @vite-ignore */ src);
}
