// The layout check every widget's layout spec runs at each step, width and preset: what a reader
// would call "broken" in a picture, measured in the real browser with its real fonts.
// - every visible text is at least `minPx` CSS px (an SVG's text counts at its rendered size);
// - no two text boxes intersect;
// - no SVG text is crossed by a drawn line (a stroked path or line with no fill);
// - no text is clipped: an SVG text lies inside its own <svg>; an HTML text inside every ancestor
//   that hides overflow (a frame that scrolls is fine: the reader can scroll it); a <select> is wide
//   enough for the option it shows;
// - nothing in the widget reaches past the window's right edge (the page would scroll sideways).
// It returns the problems, each naming the text, so a failure reads as the first offender.
import type { Page } from '@playwright/test';

export interface LayoutOptions {
  /** The smallest font size allowed, in CSS px (12 on the page, 18 in presenter mode). */
  minPx?: number;
  /** Texts to leave out (a selector), for a known problem the spec names. */
  ignore?: string;
}

export async function layoutProblems(page: Page, rootSelector: string, opts: LayoutOptions = {}): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, minPx, ignore }) => {
      const root = document.querySelector(rootSelector);
      if (!root) return [`no element matches ${rootSelector}`];
      const problems: string[] = [];
      const say = (s: string) => problems.length < 20 && problems.push(s);
      type R = { x: number; y: number; w: number; h: number };
      const rect = (r: DOMRect): R => ({ x: r.left, y: r.top, w: r.width, h: r.height });
      const shrink = (r: R, by: number): R => ({ x: r.x + by, y: r.y + by, w: r.w - 2 * by, h: r.h - 2 * by });
      const meet = (a: R, b: R) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      const within = (a: R, b: R, tol = 1) => a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.w <= b.x + b.w + tol && a.y + a.h <= b.y + b.h + tol;
      const label = (s: string | null) => JSON.stringify((s ?? '').trim().slice(0, 60));
      // checkVisibility() answers true for an SVG shape inside a display:none group (Chromium):
      // look up the ancestors as well.
      const visible = (el: Element) => {
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions)) return false;
        for (let a: Element | null = el; a && a !== root; a = a.parentElement) if (getComputedStyle(a).display === 'none') return false;
        return true;
      };

      // ---- the texts: SVG <text> elements, and HTML text nodes (one box per line)
      // `el`: the node the text is (an HTML text node: its own element's overflow frames it too).
      const texts: Array<{ r: R; what: string; svg?: SVGTextElement; el: Node }> = [];
      for (const t of root.querySelectorAll<SVGTextElement>('svg text')) {
        if (!visible(t) || !t.textContent?.trim() || (ignore && t.matches(ignore))) continue;
        const r = rect(t.getBoundingClientRect());
        if (r.w === 0 || r.h === 0) continue;
        const scale = t.getScreenCTM()?.a ?? 1;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < minPx - 0.05) say(`text ${label(t.textContent)} is ${px.toFixed(1)} px (< ${minPx})`);
        texts.push({ r, what: label(t.textContent), svg: t, el: t });
        const svg = t.ownerSVGElement;
        if (svg && !within(r, rect(svg.getBoundingClientRect()), 2)) say(`text ${label(t.textContent)} is cut off by its picture`);
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('svg, script, style, template, option, [hidden]') || !visible(el)) continue;
        // Text for screen readers only (clipped to a pixel on purpose) is not on the screen.
        const srOnly = (a: Element | null): boolean => {
          for (; a && a !== root; a = a.parentElement) {
            const cs = getComputedStyle(a);
            const r = a.getBoundingClientRect();
            if (cs.clipPath.startsWith('inset(50%') || cs.clip === 'rect(0px, 0px, 0px, 0px)' || (r.width <= 1 && r.height <= 1 && cs.overflow === 'hidden')) return true;
          }
          return false;
        };
        if (srOnly(el)) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < minPx - 0.05) say(`text ${label(n.textContent)} is ${px.toFixed(1)} px (< ${minPx})`);
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const cr of range.getClientRects()) {
          if (cr.width < 1 || cr.height < 1) continue;
          const r = rect(cr);
          texts.push({ r, what: label(n.textContent), el: n });
          // Clipped by an ancestor that hides its overflow (not one the reader can scroll).
          for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
            const cs = getComputedStyle(a);
            const hides = [cs.overflowX, cs.overflowY].some((o) => o === 'hidden' || o === 'clip');
            if (hides && !within(r, rect(a.getBoundingClientRect()), 1)) {
              say(`text ${label(n.textContent)} is cut off by <${a.tagName.toLowerCase()} class="${a.className}">`);
              break;
            }
          }
        }
      }
      // ---- nothing makes the page scroll sideways (a frame that scrolls may hold wider things)
      const page = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > page + 1)
        for (const el of root.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right <= page + 1 || !visible(el)) continue;
          let scrolls = false;
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) scrolls = true;
          if (scrolls) continue;
          say(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> reaches ${Math.round(r.right)} px, past the ${page} px window: the page scrolls sideways`);
          break;
        }
      // ---- a <select> must be wide enough for the option it shows (the arrow takes about 28 px)
      const ctx = document.createElement('canvas').getContext('2d')!;
      for (const s of root.querySelectorAll('select')) {
        if (!visible(s)) continue;
        const cs = getComputedStyle(s);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = s.selectedOptions[0]?.textContent ?? '';
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        if (ctx.measureText(text).width > room) say(`select shows ${label(text)} cut off (${Math.round(room)} px of room)`);
      }
      // ---- no two texts intersect (a pixel of slack for antialiasing and line boxes). Two texts in
      // the same frame that scrolls are compared whole (scrolling never separates them); a text in
      // a frame the other is not in counts only with what that frame shows of it (a wide program
      // scrolled out of a picture column cannot collide with the column beside it).
      const frames = new Map<Node, Element[]>();
      const framesOf = (el: Node) => {
        let f = frames.get(el);
        if (!f) {
          f = [];
          for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
            const cs = getComputedStyle(a);
            if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') f.push(a);
          }
          frames.set(el, f);
        }
        return f;
      };
      const shown = (t: (typeof texts)[number], other: Node): R | null => {
        let x0 = t.r.x, y0 = t.r.y, x1 = t.r.x + t.r.w, y1 = t.r.y + t.r.h;
        for (const a of framesOf(t.el)) {
          if (a.contains(other)) continue;
          const b = a.getBoundingClientRect();
          x0 = Math.max(x0, b.left);
          x1 = Math.min(x1, b.right);
          y0 = Math.max(y0, b.top);
          y1 = Math.min(y1, b.bottom);
        }
        return x1 - x0 < 1 || y1 - y0 < 1 ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
      };
      // A part of the widget that floats over the rest just now (a sticky player stuck at the
      // bottom of a phone's screen while a tall picture scrolls under it) covers what is under it
      // with its background: its texts are compared with its own texts only. A sticky part that
      // sits where it would sit anyway is not floating.
      const stuck = new Map<Element, boolean>();
      const isStuck = (a: Element) => {
        let v = stuck.get(a);
        if (v === undefined) {
          const cs = getComputedStyle(a);
          v = cs.position === 'fixed';
          if (cs.position === 'sticky') {
            const el = a as HTMLElement;
            const was = el.getBoundingClientRect();
            const keep = el.style.position;
            el.style.position = 'relative';
            const would = el.getBoundingClientRect();
            el.style.position = keep;
            v = Math.abs(was.top - would.top) > 1 || Math.abs(was.left - would.left) > 1;
          }
          stuck.set(a, v);
        }
        return v;
      };
      const floating = (el: Node): Element | null => {
        let f: Element | null = null;
        for (let a = el.parentElement; a && a !== root; a = a.parentElement) if (isStuck(a)) f = a;
        return f;
      };
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!;
          const b = texts[j]!;
          if (!meet(shrink(a.r, 1.5), shrink(b.r, 1.5))) continue;
          if (floating(a.el) !== floating(b.el)) continue;
          const ra = shown(a, b.el);
          const rb = shown(b, a.el);
          if (ra && rb && meet(shrink(ra, 1.5), shrink(rb, 1.5))) say(`text ${a.what} overlaps text ${b.what}`);
        }
      // ---- no drawn line runs through an SVG text: sample each stroked, unfilled shape every 2 px
      const svgTexts = texts.filter((t) => t.svg);
      for (const shape of root.querySelectorAll<SVGGeometryElement>('svg path, svg line, svg polyline')) {
        if (!visible(shape)) continue;
        const cs = getComputedStyle(shape);
        // Invisible strokes (a finger-sized hit area) and filled shapes are not lines.
        if (cs.stroke === 'none' || cs.stroke === 'transparent' || /^rgba\(.*,\s*0\)$/.test(cs.stroke)) continue;
        if (cs.fill !== 'none' && !shape.matches('line')) continue;
        const ctm = shape.getScreenCTM();
        if (!ctm) continue;
        const len = shape.getTotalLength();
        const svg = shape.ownerSVGElement;
        for (let d = 0; d <= len; d += 2) {
          const p = shape.getPointAtLength(d).matrixTransform(ctm);
          for (const t of svgTexts) {
            if (t.svg!.ownerSVGElement !== svg) continue;
            const r = shrink(t.r, 2);
            if (p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h) {
              say(`a line crosses text ${t.what}`);
              d = len + 1;
              break;
            }
          }
        }
      }
      return problems;
    },
    { rootSelector, minPx: opts.minPx ?? 12, ignore: opts.ignore ?? '' },
  );
}
