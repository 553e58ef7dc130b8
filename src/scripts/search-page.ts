// /zh/search/?q=握手: the search box and its results in the page, the query from the address
// bar, so an instructor can link to a search. The box is the dialog's (src/scripts/search-ui.ts,
// built into pagefind/search-ui.js). Without JavaScript the page says why there is no box and
// lists the chapters; if the box cannot load, it says so in the reader's language.
import { isLang, searchUi } from '../i18n/ui.ts';
import { searchModule } from './search-load.ts';

const here = document.querySelector<HTMLElement>('#search-here');
const note = document.querySelector<HTMLElement>('.search-nojs');
const lang = document.documentElement.dataset.lang;
if (here && isLang(lang)) {
  note?.setAttribute('hidden', '');
  searchModule('ui').then(
    (m) => m.page(here, lang),
    () => {
      if (!note) return;
      note.textContent = searchUi[lang].failed;
      note.removeAttribute('hidden');
    },
  );
}
