// The multiprogramming lab's own styles, put in the page by the element when it starts (as the
// ports widget does): the chapter's page pays nothing for them before the lab is live.
export const CSS = `.mp p,.mp ul{margin:.4rem 0}.mp-form{display:flex;flex-wrap:wrap;align-items:end;gap:.5rem 1rem}.mp-field{display:flex;flex-direction:column;gap:.2rem;max-width:100%}.mp-field.mp-jobs{flex:1 1 16rem}.mp input,.mp select{min-height:44px;padding:0 .4rem;border:1px solid var(--text-soft);border-radius:6px;background:var(--bg);color:var(--text);font:inherit;max-width:100%}.mp input{font-family:var(--mono)}.mp input.mp-num{width:6em}.mp input[aria-invalid=true]{border:2px solid var(--kit-bad)}.mp .kit-error:empty{display:none}.mp .kit-btn{min-height:44px}.mp-total{font-weight:700}.mp-total:empty,.mp-finish:empty{display:none}.mp [hidden]{display:none}.mp-cap{font-weight:600}`;

export function addStyles(): void {
  if (document.getElementById('mp-style')) return;
  const s = document.createElement('style');
  s.id = 'mp-style';
  s.textContent = CSS;
  document.head.append(s);
}
