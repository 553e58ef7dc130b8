// The controls every stepping widget shares: restart, back, play/pause, forward, end, a scrubber,
// "copy a link to this step", keyboard (← → Space Home End) and a polite live region that
// narrates each step. The player only moves an index; the widget renders the model's state at
// that index. Nothing plays by itself; playing stops at the end, when the tab is hidden, and on
// any manual step.
import { kitText, type Lang } from './i18n.ts';
import { flushState, linkWantsPresent, stateUrl, writeState } from './url-state.ts';

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

// Icons as SVG paths (24×24): fonts without ⏮ ⏵ ⏭ would show empty boxes. Play is the one plain
// triangle; a single step is a small triangle against a bar (one frame), the ends a bar and two
// triangles, so no two buttons look alike.
const ICONS = {
  restart: 'M4 5v14M20 6l-7 6 7 6zM13 6l-7 6 7 6z',
  back: 'M17 5v14M14 7l-7 5 7 5z',
  play: 'M7 4v16l13-8z',
  pause: 'M8 5v14M16 5v14',
  forward: 'M7 5v14M10 7l7 5-7 5z',
  end: 'M20 5v14M4 6l7 6-7 6zM11 6l7 6-7 6z',
  copy: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  // Four corners pointing out (enter) and in (leave).
  present: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  leave: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
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

/** Playback speeds the reader can choose; 1× is one step every 1.2 s. */
export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];
const SPEED_KEY = 'kit-speed';
const BASE_INTERVAL_MS = 1200;

/** The speed the reader chose last time, on any widget (1× when none, or storage is off). */
export function savedSpeed(): Speed {
  try {
    const v = Number(localStorage.getItem(SPEED_KEY));
    return (SPEEDS as readonly number[]).includes(v) ? (v as Speed) : 1;
  } catch {
    return 1;
  }
}

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
  private readonly speedBtn: HTMLButtonElement;
  private readonly presentBtn: HTMLButtonElement;
  private speed: Speed = savedSpeed();
  private readonly host: HTMLElement;
  private readonly onVisibility = () => {
    if (document.hidden) this.pause();
  };

  constructor(host: HTMLElement, opts: PlayerOptions) {
    this.opts = opts;
    this.host = host;
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
    this.presentBtn = button(t.present, 'present', 'present');
    this.presentBtn.setAttribute('aria-pressed', 'false');
    // One button that cycles 0.5× → 1× → 2×: its text is the speed, its name says what it does.
    this.speedBtn = document.createElement('button');
    this.speedBtn.type = 'button';
    this.speedBtn.className = 'kit-btn speed';
    this.showSpeed();
    this.live = document.createElement('p');
    this.live.className = 'kit-live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    const keys = document.createElement('p');
    keys.className = 'kit-keys';
    keys.textContent = t.keys;
    // On a touch screen the picture itself is the control: touch.ts shows this in place of the keys.
    const swipe = document.createElement('p');
    swipe.className = 'kit-swipe';
    swipe.textContent = t.swipe;
    bar.append(this.buttons.restart, this.buttons.back, this.playBtn, this.buttons.forward, this.buttons.end, this.speedBtn, this.scrub, this.counter, copy, this.presentBtn);
    (opts.barHost ?? host).append(bar);
    (opts.liveHost ?? host).append(this.live, keys, swipe);

    const on = (b: HTMLButtonElement, f: () => void) => b.addEventListener('click', () => isOff(b) || f());
    on(this.buttons.restart, () => this.go(0));
    on(this.buttons.back, () => this.go(this.position - 1));
    on(this.buttons.forward, () => this.go(this.position + 1));
    on(this.buttons.end, () => this.go(this.total));
    this.playBtn.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    this.scrub.addEventListener('input', () => this.go(Number(this.scrub.value)));
    copy.addEventListener('click', () => this.copyLink(copy));
    this.speedBtn.addEventListener('click', () => this.setSpeed(SPEEDS[(SPEEDS.indexOf(this.speed) + 1) % SPEEDS.length]!));
    this.presentBtn.addEventListener('click', () => this.togglePresent(true));
    host.addEventListener('keydown', (e) => this.onKey(e));
    // Phones and touch screens: the floating player and the swipe, fetched where they apply.
    const small = matchMedia('(max-width: 40rem), (hover: none) and (pointer: coarse)');
    const touch = () => void import('./touch.ts').then((m) => m.touchPlayer(host, (by) => this.go(this.position + by)));
    if (small.matches) touch();
    else small.addEventListener('change', touch, { once: true });
    // A link can open the widget straight in presenter mode (?present=<id>, or ?present with #<id>).
    if (linkWantsPresent(opts.id)) requestAnimationFrame(() => this.togglePresent(false));
    document.addEventListener('visibilitychange', this.onVisibility);
    this.setTotal(this.total);
  }

  /**
   * A new run (a scenario or an option changed): it starts from the beginning, since the old step
   * number means something else in the new run. `quiet` re-renders without narrating, for changes
   * the reader is typing (each keystroke need not be announced).
   */
  setTotal(total: number, position = 0, quiet = false): void {
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
    this.playBtn.setAttribute('aria-pressed', 'true');
    this.timer = setInterval(() => {
      this.go(this.position + 1, false);
      if (this.position >= this.total) this.pause();
    }, (this.opts.interval ?? BASE_INTERVAL_MS) / this.speed);
  }

  /** Sets the playback speed, remembered for every widget; a running play goes on at the new pace. */
  setSpeed(speed: Speed): void {
    this.speed = speed;
    try {
      localStorage.setItem(SPEED_KEY, String(speed));
    } catch {
      // Storage off (private mode, a policy): the speed holds for this page only.
    }
    this.showSpeed();
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.play();
    }
  }

  private showSpeed(): void {
    this.speedBtn.textContent = `${this.speed}×`;
    const label = this.t.speed(this.speed);
    this.speedBtn.setAttribute('aria-label', label);
  }

  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    setIcon(this.playBtn, 'play');
    this.playBtn.setAttribute('aria-label', this.t.play);
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
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // The keys step only where the reader is watching the run: the player bar, the picture (marked
    // .kit-stage), or the widget itself (after a skip link). Never in a select, a field or another
    // control, whose own keys they are.
    if (target !== this.host && !target.closest('.kit-player, .kit-stage')) return;
    // A field or a box inside the picture keeps its own keys (a checkbox takes Space).
    if (target.matches('input:not([type=range]), select, textarea')) return;
    const onRange = target.matches('input[type=range]');
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.go(this.position + 1),
      ArrowLeft: () => this.go(this.position - 1),
      Home: () => this.go(0),
      End: () => this.go(this.total),
      f: () => this.togglePresent(true),
      F: () => this.togglePresent(true),
    };
    if (keys[e.key] && (!onRange || e.key === 'f' || e.key === 'F')) {
      e.preventDefault();
      keys[e.key]!();
    } else if (e.key === ' ' && !target.closest('button, summary, a')) {
      e.preventDefault();
      if (this.timer) this.pause();
      else this.play();
    }
  }

  /** Enters or leaves presenter mode for this widget's figure (`fullscreen`: a click or a key asked). */
  togglePresent(fullscreen: boolean): void {
    const figure = this.host.closest<HTMLElement>('.widget');
    if (!figure) return;
    // Presenter mode is fetched the first time it is used (a click keeps its user activation for
    // seconds, so full screen is still allowed when the small file arrives).
    void import('./present.ts').then(({ enterPresenter, leavePresenter, presenting }) => {
      if (presenting(figure)) return leavePresenter();
      const show = (on: boolean) => {
        setIcon(this.presentBtn, on ? 'leave' : 'present');
        this.presentBtn.setAttribute('aria-label', on ? this.t.leave : this.t.present);
        this.presentBtn.setAttribute('aria-pressed', String(on));
      };
      enterPresenter(figure, fullscreen, () => {
        show(false);
        this.presentBtn.focus({ preventScroll: true });
      });
      show(true);
      this.presentBtn.focus({ preventScroll: true });
    });
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
