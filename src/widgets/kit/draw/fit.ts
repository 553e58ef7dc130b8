// Pictures are laid out for the width they are shown at and the type scale in force (presenter
// mode multiplies it), never scaled after the fact. `fit` calls the widget's draw function with
// both, once now and again whenever either changes (a rotated phone, a resized window, entering or
// leaving presenter mode). Redraws wait for the next frame and run once per change.
import { TYPE } from './text.ts';

export interface Fit {
  /** The width available to pictures, in CSS px. */
  width: number;
  /** 1 on the page, TYPE.presenter in presenter mode. */
  scale: number;
}

/** The scale in force for the widget around `el`. */
export const scaleOf = (el: Element): number => (el.closest('.widget')?.hasAttribute('data-present') ? TYPE.presenter : 1);

/**
 * Calls `draw` with the width of `box` and the scale, now and after every change of either.
 * Returns a function that stops watching.
 */
export function fit(box: HTMLElement, draw: (f: Fit) => void): () => void {
  let last = '';
  let frame = 0;
  const check = () => {
    frame = 0;
    const f = { width: Math.floor(box.clientWidth), scale: scaleOf(box) };
    const key = `${f.width}:${f.scale}`;
    if (key === last || f.width === 0) return;
    last = key;
    draw(f);
  };
  const ro = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(check);
  });
  ro.observe(box);
  const figure = box.closest('.widget');
  const mo = new MutationObserver(() => {
    if (!frame) frame = requestAnimationFrame(check);
  });
  if (figure) mo.observe(figure, { attributes: true, attributeFilter: ['data-present'] });
  check();
  return () => {
    ro.disconnect();
    mo.disconnect();
    cancelAnimationFrame(frame);
  };
}
