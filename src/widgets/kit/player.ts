// The controls every stepping widget shares: restart, back, play/pause, forward, end, a scrubber,
// "copy a link to this step", keyboard (← → Space Home End) and a polite live region that
// narrates each step. The player only moves an index; the widget renders the model's state at
// that index. Nothing plays by itself; playing stops at the end, when the tab is hidden, and on
// any manual step.
import { kitText, type Lang } from './i18n.ts';
import { flushState, stateUrl, writeState } from './url-state.ts';

export interface PlayerOptions {
  /** The widget's id: its query-string key and its element id. */
  id: string;
  lang: Lang;
  /** Number of steps; positions run from 0 (before the first step) to total. */
  total: number;
  /** Called with the new position; the widget renders and returns the narration. */
  render: (position: number) => string;
  /** The URL value for a position (the scenario plus the step), or null to leave the URL alone. */
  encode?: (position: number) => string | null;
  /** Milliseconds between steps while playing. */
  interval?: number;
  /** Where the control bar goes (default: appended to the host). */
  barHost?: HTMLElement;
  /** Where the narration and key hints go (default: appended to the host). */
  liveHost?: HTMLElement;
}

// Icons as SVG paths (24×24): fonts without ⏮ ⏵ ⏭ would show empty boxes.
const ICONS = {
  restart: 'M6 5v14M19 5 9 12l10 7z',
  back: 'M16 5 7 12l9 7z',
  play: 'M8 5v14l11-7z',
  pause: 'M8 5v14M16 5v14',
  forward: 'M8 5l9 7-9 7z',
  end: 'M18 5v14M5 5l10 7-10 7z',
  copy: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
} as const;
const SVG = 'http://www.w3.org/2000/svg';

function setIcon(b: HTMLButtonElement, icon: keyof typeof ICONS): void {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[icon]);
  svg.append(path);
  b.replaceChildren(svg);
}

function button(label: string, icon: keyof typeof ICONS, cls: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `kit-btn ${cls}`;
  b.setAttribute('aria-label', label);
  b.title = label;
  setIcon(b, icon);
  return b;
}

/**
 * aria-disabled rather than disabled: a control that becomes unavailable keeps the focus, so
 * the keyboard shortcuts (handled on the widget) keep working after "go to the end".
 */
function setDisabled(b: HTMLButtonElement, off: boolean): void {
  if (off) b.setAttribute('aria-disabled', 'true');
  else b.removeAttribute('aria-disabled');
}
const isOff = (b: HTMLButtonElement) => b.getAttribute('aria-disabled') === 'true';

export class Player {
  readonly el: HTMLElement;
  position = 0;
  private total: number;
  private readonly opts: PlayerOptions;
  private readonly t: (typeof kitText)[Lang];
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly live: HTMLElement;
  private readonly counter: HTMLOutputElement;
  private readonly scrub: HTMLInputElement;
  private readonly playBtn: HTMLButtonElement;
  private readonly buttons: Record<'restart' | 'back' | 'forward' | 'end', HTMLButtonElement>;
  private readonly onVisibility = () => {
    if (document.hidden) this.pause();
  };

  constructor(host: HTMLElement, opts: PlayerOptions) {
    this.opts = opts;
    this.total = opts.total;
    const t = (this.t = kitText[opts.lang]);
    const bar = (this.el = document.createElement('div'));
    bar.className = 'kit-player';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', t.controls);
    this.buttons = {
      restart: button(t.restart, 'restart', 'restart'),
      back: button(t.back, 'back', 'back'),
      forward: button(t.forward, 'forward', 'forward'),
      end: button(t.end, 'end', 'end'),
    };
    this.playBtn = button(t.play, 'play', 'play');
    this.playBtn.setAttribute('aria-pressed', 'false');
    this.scrub = document.createElement('input');
    this.scrub.type = 'range';
    this.scrub.min = '0';
    this.scrub.className = 'kit-scrub';
    this.scrub.setAttribute('aria-label', t.step(0, this.total).replace(/\d+/, '#'));
    this.counter = document.createElement('output');
    this.counter.className = 'kit-counter';
    const copy = button(t.copyStep, 'copy', 'copy');
    this.live = document.createElement('p');
    this.live.className = 'kit-live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    const keys = document.createElement('p');
    keys.className = 'kit-keys';
    keys.textContent = t.keys;
    bar.append(this.buttons.restart, this.buttons.back, this.playBtn, this.buttons.forward, this.buttons.end, this.scrub, this.counter, copy);
    (opts.barHost ?? host).append(bar);
    (opts.liveHost ?? host).append(this.live, keys);

    const on = (b: HTMLButtonElement, f: () => void) => b.addEventListener('click', () => isOff(b) || f());
    on(this.buttons.restart, () => this.go(0));
    on(this.buttons.back, () => this.go(this.position - 1));
    on(this.buttons.forward, () => this.go(this.position + 1));
    on(this.buttons.end, () => this.go(this.total));
    this.playBtn.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    this.scrub.addEventListener('input', () => this.go(Number(this.scrub.value)));
    copy.addEventListener('click', () => this.copyLink(copy));
    host.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('visibilitychange', this.onVisibility);
    this.setTotal(this.total);
  }

  /**
   * A new run (scenario changed): keep the position where it still exists. `quiet` re-renders
   * without narrating, for changes the reader is typing (each keystroke need not be announced).
   */
  setTotal(total: number, position = Math.min(this.position, total), quiet = false): void {
    this.total = total;
    this.scrub.max = String(total);
    this.go(position, false, quiet);
  }

  go(position: number, user = true, quiet = false): void {
    if (user) this.pause();
    const p = Math.max(0, Math.min(this.total, Math.round(position)));
    this.position = p;
    const said = this.opts.render(p);
    this.scrub.value = String(p);
    this.scrub.setAttribute('aria-valuetext', this.t.step(p, this.total));
    this.counter.textContent = p === 0 ? this.t.start : this.t.step(p, this.total);
    setDisabled(this.buttons.restart, p === 0);
    setDisabled(this.buttons.back, p === 0);
    setDisabled(this.buttons.forward, p === this.total);
    setDisabled(this.buttons.end, p === this.total);
    if (!quiet) this.live.textContent = said;
    const value = this.opts.encode?.(p);
    if (user && value) writeState(this.opts.id, value);
  }

  play(): void {
    if (this.timer || this.total === 0) return;
    if (this.position >= this.total) this.go(0, false);
    setIcon(this.playBtn, 'pause');
    this.playBtn.setAttribute('aria-label', this.t.pause);
    this.playBtn.title = this.t.pause;
    this.playBtn.setAttribute('aria-pressed', 'true');
    this.timer = setInterval(() => {
      this.go(this.position + 1, false);
      if (this.position >= this.total) this.pause();
    }, this.opts.interval ?? 1200);
  }

  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    setIcon(this.playBtn, 'play');
    this.playBtn.setAttribute('aria-label', this.t.play);
    this.playBtn.title = this.t.play;
    this.playBtn.setAttribute('aria-pressed', 'false');
    const value = this.opts.encode?.(this.position);
    if (value) writeState(this.opts.id, value);
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  /** Says something in the widget's live region (errors, notices). */
  say(message: string): void {
    this.live.textContent = message;
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (target.closest('input:not([type=range]), textarea, select, [contenteditable]') || e.altKey || e.ctrlKey || e.metaKey) return;
    const onRange = target.matches('input[type=range]');
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.go(this.position + 1),
      ArrowLeft: () => this.go(this.position - 1),
      Home: () => this.go(0),
      End: () => this.go(this.total),
    };
    if (keys[e.key] && !onRange) {
      e.preventDefault();
      keys[e.key]!();
    } else if (e.key === ' ' && !target.closest('button, summary, a')) {
      e.preventDefault();
      if (this.timer) this.pause();
      else this.play();
    }
  }

  private copyLink(btn: HTMLButtonElement): void {
    const value = this.opts.encode?.(this.position);
    if (!value) return;
    flushState();
    const url = stateUrl(this.opts.id, value);
    const done = (ok: boolean) => {
      btn.dataset.tip = ok ? this.t.copied : this.t.copyFailed;
      this.say(btn.dataset.tip);
      setTimeout(() => delete btn.dataset.tip, 2000);
    };
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(url))
      .then(() => done(true), () => done(false));
  }

  destroy(): void {
    this.pause();
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}

/** True when the reader asked for less motion: no tweening, no autoplay. */
export function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
