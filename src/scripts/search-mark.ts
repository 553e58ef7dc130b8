// Arriving from a search result (?highlight=TIME_WAIT): marks the whole query in the chapter,
// as the result did, and nothing else (not its characters or words apart). Built on its own
// into dist/pagefind/search-mark.js; the site script imports it only on such a visit.
import { phraseRe } from './search-core.ts';

export function mark(query: string, root: Element): number {
  const re = phraseRe(query);
  if (!re) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script,style,mark,.widget-live,math') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const matches = [...text.matchAll(re)].filter((m) => m[0]);
    if (!matches.length) continue;
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of matches) {
      frag.append(text.slice(last, m.index));
      const el = document.createElement('mark');
      el.className = 'search-hit';
      el.textContent = m[0];
      frag.append(el);
      last = m.index + m[0].length;
      count++;
    }
    frag.append(text.slice(last));
    node.replaceWith(frag);
  }
  // A result for the page as a whole (no #section): show the first place the query is.
  if (!location.hash) root.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
  return count;
}
