// Presenter mode, for a classroom projector: one widget fills the screen (the browser's full
// screen when the reader asked for it with a click or F; the whole window when a link opened it),
// the page around it is hidden from sight and from the keyboard (inert), and the type scale goes
// up by TYPE.presenter (html font-size 150%, and fit() lays pictures out at 1.5×). Esc, the
// button again, or leaving full screen ends it. The widget's state link stays what it was.

let current: { figure: HTMLElement; inerted: Element[]; onKey: (e: KeyboardEvent) => void; onFs: () => void; done: () => void } | null = null;

export const presenting = (figure: Element): boolean => current?.figure === figure;

/**
 * Shows `figure` in presenter mode. `fullscreen`: also ask the browser for full screen (only
 * allowed in answer to a click or a key). `done` runs when presenter mode ends.
 */
export function enterPresenter(figure: HTMLElement, fullscreen: boolean, done: () => void): void {
  if (current) leavePresenter();
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
