// The process-state lab's own styles, put in the page by the element when it starts (as the ports
// widget does): the chapter's page pays nothing for them before the lab is live.
export const CSS = `.ps p{margin:0}.ps>*+*{margin-top:.6rem}.ps-row{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem}.ps .kit-btn{min-height:44px}.ps select{min-width:0;min-height:44px;padding:0 .4rem;border:1px solid var(--text-soft);border-radius:6px;background:var(--bg);color:var(--text);font:inherit;max-width:100%}.ps-field{display:inline-flex;flex-wrap:wrap;align-items:center;gap:.4rem;min-width:0;max-width:100%}.ps [aria-pressed=true]{background:var(--accent-soft);border-color:var(--accent);font-weight:700}.ps-procs .kit-btn{text-align:start}.ps-events .kit-btn.ps-legal{border-color:var(--accent);border-width:2px}.ps-events legend,.ps-cap{font-weight:600}.ps fieldset{border:0;padding:0;margin:.6rem 0 0}.ps .kit-next{cursor:pointer;pointer-events:bounding-box}.ps .kit-next:hover .kit-state{stroke-width:3px}.ps .ps-said{border-left:4px solid var(--accent)}.ps .ps-said.ps-no{border-left-color:var(--kit-bad)}.ps [hidden]{display:none}`;

export function addStyles(): void {
  if (document.getElementById('ps-style')) return;
  const s = document.createElement('style');
  s.id = 'ps-style';
  s.textContent = CSS;
  document.head.append(s);
}
