// The link and presenter buttons for a widget without a player (a state you set, not a sequence
// you step): "copy a link to this state" and presenter mode, as the player offers them. Presenter
// mode is present.ts, fetched the first time it is used, and opened by a link as the player does
// (?present=<id>, or ?present with #<id>); F toggles it while the picture (.kit-stage) has focus.
import { kitText, type Lang } from './i18n.ts';
import { flushState, linkWantsPresent, stateUrl } from './url-state.ts';

export interface ToolsOptions {
  id: string;
  lang: Lang;
  /** The state's link value now. */
  encode: () => string;
  /** Says something in the widget's live region. */
  say: (message: string) => void;
  /** The copy button's words ("Copy a link to this address"). */
  copyLabel: string;
}

export function tools(host: HTMLElement, opts: ToolsOptions): HTMLElement {
  const t = kitText[opts.lang];
  const bar = document.createElement('div');
  bar.className = 'kit-tools';
  const mk = (label: string, cls: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `kit-btn ${cls}`;
    b.textContent = label;
    return b;
  };
  const copy = mk(opts.copyLabel, 'copy');
  const present = mk(t.present, 'present');
  present.setAttribute('aria-pressed', 'false');
  bar.append(copy, present);

  copy.addEventListener('click', () => {
    flushState();
    const url = stateUrl(opts.id, opts.encode());
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(url))
      .then(
        () => opts.say(t.copied),
        () => opts.say(t.copyFailed),
      );
  });

  const toggle = (fullscreen: boolean) => {
    const figure = host.closest<HTMLElement>('.widget');
    if (!figure) return;
    void import('./present.ts').then(({ enterPresenter, leavePresenter, presenting }) => {
      if (presenting(figure)) return leavePresenter();
      const show = (on: boolean) => {
        present.textContent = on ? t.leave : t.present;
        present.setAttribute('aria-pressed', String(on));
      };
      enterPresenter(figure, fullscreen, () => {
        show(false);
        present.focus({ preventScroll: true });
      });
      show(true);
      present.focus({ preventScroll: true });
    });
  };
  present.addEventListener('click', () => toggle(true));
  host.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'f' && e.key !== 'F')) return;
    if (!target.closest('.kit-stage, .kit-tools')) return;
    e.preventDefault();
    toggle(true);
  });
  if (linkWantsPresent(opts.id)) requestAnimationFrame(() => toggle(false));
  return bar;
}
