// /zh/search/?q=握手: the search page shows Pagefind's box and results in place, with the query
// from the URL, so an instructor can link to a search. Without JavaScript the page says why
// there is no search box and lists the chapters.
import { loadSearch } from './pagefind.ts';

const $ = <T extends Element = HTMLElement>(s: string) => document.querySelector<T>(s);
const here = $('#search-here');
const q = new URLSearchParams(location.search).get('q') ?? '';
$('.search-nojs')?.setAttribute('hidden', '');
loadSearch().then(async () => {
  here?.insertAdjacentHTML('beforeend', '<pagefind-input autofocus></pagefind-input><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results>');
  if (!q) return;
  await customElements.whenDefined('pagefind-input');
  const input = $<HTMLInputElement>('#search-here input');
  if (input) {
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}, () => $('.search-nojs')?.removeAttribute('hidden'));

