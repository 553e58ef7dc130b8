// The ports widget's own styles, put in the page by the element when it starts. Not a .css file:
// a widget's stylesheet would be loaded by every page of chapter 4 before anything renders, and
// the chapter's first page is at its 20 KB critical budget (the build-time figure needs only the
// kit's table and picture styles). CSP allows it (style-src 'unsafe-inline').
export const CSS = `.pt p,.pt li{margin:0}.pt>*+*{margin-top:.6rem}.pt ul{padding-left:1.25rem}.pt input{width:8em;min-height:44px;padding:0 .5rem;font:1rem var(--mono);color:var(--text);background:var(--bg);border:1px solid var(--text-soft);border-radius:6px}.pt input[aria-invalid=true]{border:2px solid var(--kit-bad)}.pt .kit-error:empty{display:none}.pt-tools,.kit-tools{display:flex;flex-wrap:wrap;gap:.4rem}.pt .kit-btn{min-height:44px}.pt [aria-pressed=true]{background:var(--accent-soft);border-color:var(--accent)}.pt .kit-span{stroke:var(--kit-s)}.pt td{font-family:var(--mono)}`;

/** Adds the styles to the document once. */
export function addStyles(): void {
  if (document.getElementById('pt-style')) return;
  const s = document.createElement('style');
  s.id = 'pt-style';
  s.textContent = CSS;
  document.head.append(s);
}
