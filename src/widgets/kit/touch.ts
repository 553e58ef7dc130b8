// What a player needs on a phone or a touch screen, fetched by player.ts only there (every widget's
// bundle stays lean for the rest).
import { addStyle } from './dom.ts';

// A touch screen shows the swipe hint in place of the key list. On a phone a picture is often
// taller than the screen: the player and the narration under it float at the bottom of the screen
// while the picture scrolls past and settle in their place under it at its end (sticky inside the
// widget: they never cover the prose around it), in two rows at 360 px (the buttons, then the
// scrubber with its count; the narration shows three lines and scrolls). Only in the kit's order, the player's slot right after the stage. A
// control in the picture scrolls clear of them when it takes the focus.
const CSS = `.kit-swipe{display:none;margin:0.4rem 0 0;font-size:0.8rem;color:var(--text-soft)}@media (hover:none) and (pointer:coarse){.widget .kit-swipe{display:block}}@media (max-width:40rem){.kit-stage + :has(>.kit-player){position:sticky;bottom:0;z-index:3;padding-bottom:0.4rem;border-top:1px solid var(--line);background:var(--bg)}.kit-stage + :has(>.kit-player) .kit-player{margin-top:0.4rem}.kit-stage + :has(>.kit-player) .kit-scrub{flex-basis:4rem;min-width:0}.kit-stage + :has(>.kit-player) .kit-counter{flex:1 1 4.5em;min-width:0;line-height:1.2}.kit-stage + :has(>.kit-player) .kit-live{margin-top:0.4rem;min-height:0;max-height:5.6em;overflow-y:auto}.kit-stage:has(+ :has(>.kit-player)) *{scroll-margin-bottom:15rem}}`;

/**
 * A quick sideways swipe across the picture (.kit-stage) steps: to the left for the next step, to
 * the right for the one before, like turning a page. Not when the finger started on a control
 * (a button in the picture keeps its tap), not when the swipe scrolled a picture wider than its
 * frame, and not a slow drag or a mostly vertical one (the page scrolls).
 */
export function touchPlayer(host: HTMLElement, step: (by: 1 | -1) => void): void {
  addStyle('kit-touch-style', CSS);
  // On a phone a long narration scrolls inside its box (three lines show), so the floating player
  // never hides the picture it narrates; a box that scrolls is a keyboard stop.
  for (const live of host.querySelectorAll<HTMLElement>('.kit-stage + * > .kit-live')) live.tabIndex = 0;
  let from: { x: number; y: number; at: number; pic: Element | null; left: number } | null = null;
  host.addEventListener(
    'touchstart',
    (e) => {
      const target = e.target as Element;
      const touch = e.touches[0];
      from = null;
      if (e.touches.length !== 1 || !touch || !target.closest('.kit-stage') || target.closest('button, a, input, select, textarea, label, summary, [role=button]')) return;
      const pic = target.closest('.kit-pic');
      from = { x: touch.clientX, y: touch.clientY, at: e.timeStamp, pic, left: pic?.scrollLeft ?? 0 };
    },
    { passive: true },
  );
  host.addEventListener(
    'touchend',
    (e) => {
      const touch = e.changedTouches[0];
      const f = from;
      from = null;
      if (!f || !touch) return;
      const dx = touch.clientX - f.x;
      const dy = touch.clientY - f.y;
      if (e.timeStamp - f.at > 800 || Math.abs(dx) < 40 || Math.abs(dx) < 2 * Math.abs(dy)) return;
      if (f.pic && f.pic.scrollLeft !== f.left) return;
      step(dx < 0 ? 1 : -1);
    },
    { passive: true },
  );
}
