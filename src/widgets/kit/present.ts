// Presenter mode, for a classroom projector: one widget fills the screen (the browser's full
// screen when the reader asked for it with a click or F; the whole window when a link opened it),
// the page around it is hidden from sight and from the keyboard (inert), and the type scale goes
// up by TYPE.presenter (html font-size 150%, and fit() lays pictures out at 1.5×). Esc, the
// button again, or leaving full screen ends it. The widget's state link stays what it was.

import { addStyle } from './dom.ts';

// Presenter mode's styles come with it: a chapter's critical CSS pays nothing for a mode most
// readers never open. The widget fills the window, type ×1.5; the player's bar stays at the top
// with its buttons' names opening below it (the last one, leave, on its left: over the bar, not
// the narration). On a landscape screen 1000 px or wider the picture (.kit-stage) is the left two
// thirds and stays in view, scrolling on its own when taller than the screen (type is never
// shrunk to fit); its siblings (the player, the narration, the settings, the tables) stack in the
// right third. The 1fr last row takes the picture's height, so the right column's rows keep theirs.
const CSS = `.widget[data-present] .kit-player .kit-btn:is(:hover,:focus-visible):not([data-tip])::before{bottom:auto;top:calc(100% + 6px)}.widget[data-present] .kit-player .kit-btn:last-child:is(:hover,:focus-visible):not([data-tip])::before{top:50%;right:calc(100% + 6px);translate:0 -50%}html.kit-presenting{font-size:150%;overflow:hidden}.widget[data-present]{position:fixed;inset:0;z-index:100;margin:0;border:0;border-radius:0;overflow:auto;overscroll-behavior:contain;background:var(--bg)}.widget[data-present] .kit-player{position:sticky;top:0;z-index:2;padding:0.3rem 0;background:var(--bg)}@media (min-width:1000px) and (orientation:landscape){.widget[data-present] :is(.widget-live,.widget-live *):has(>.kit-stage){display:grid;grid-template-columns:minmax(0,2fr) minmax(17rem,1fr);grid-template-rows:repeat(14,auto) 1fr;column-gap:1.5rem;align-items:start}.widget[data-present] .widget-live .kit-stage{grid-column:1;grid-row:1 / -1;position:sticky;top:0;max-height:100dvh;overflow:auto;overscroll-behavior:contain}.widget[data-present] :is(.widget-live,.widget-live *):has(>.kit-stage)>:not(.kit-stage){grid-column:2;min-width:0}}`;

let current: { figure: HTMLElement; inerted: Element[]; onKey: (e: KeyboardEvent) => void; onFs: () => void; done: () => void } | null = null;

export const presenting = (figure: Element): boolean => current?.figure === figure;

/**
 * Shows `figure` in presenter mode. `fullscreen`: also ask the browser for full screen (only
 * allowed in answer to a click or a key). `done` runs when presenter mode ends.
 */
export function enterPresenter(figure: HTMLElement, fullscreen: boolean, done: () => void): void {
  if (current) leavePresenter();
  addStyle('kit-present-style', CSS);
  // Everything but the figure and its ancestors goes inert: no focus, no screen reader, no clicks.
  const inerted: Element[] = [];
  for (let el: Element = figure; el.parentElement && el !== document.body; el = el.parentElement)
    for (const sib of el.parentElement.children)
      if (sib !== el && !sib.hasAttribute('inert') && !(sib instanceof HTMLScriptElement)) {
        sib.setAttribute('inert', '');
        inerted.push(sib);
      }
  const onKey = (e: KeyboardEvent) => {
    // In full screen the browser may take Esc itself (then fullscreenchange ends the mode).
    if (e.key === 'Escape') leavePresenter();
  };
  const onFs = () => {
    if (!document.fullscreenElement && current) leavePresenter();
  };
  current = { figure, inerted, onKey, onFs, done };
  figure.setAttribute('data-present', '');
  document.documentElement.classList.add('kit-presenting');
  document.addEventListener('keydown', onKey);
  // Open at the picture or the player's bar, whichever comes first (the kit puts the picture
  // first; on a wide screen the two sit side by side). The caption is one scroll up.
  const tops = [...figure.querySelectorAll('.widget-live .kit-stage, .widget-live .kit-player')]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.height > 0)
    .map((r) => r.top);
  if (tops.length) figure.scrollTop += Math.min(...tops) - figure.getBoundingClientRect().top;
  if (fullscreen && figure.requestFullscreen)
    figure.requestFullscreen().then(
      () => document.addEventListener('fullscreenchange', onFs),
      () => undefined, // refused (a policy, an iframe): the window-filling mode stays
    );
}

export function leavePresenter(): void {
  const c = current;
  if (!c) return;
  current = null;
  for (const el of c.inerted) el.removeAttribute('inert');
  c.figure.removeAttribute('data-present');
  document.documentElement.classList.remove('kit-presenting');
  document.removeEventListener('keydown', c.onKey);
  document.removeEventListener('fullscreenchange', c.onFs);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  c.done();
  c.figure.scrollIntoView({ block: 'start' });
}
