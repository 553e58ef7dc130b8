// The IPv4 and ARP explorer (W4), live. The address explorer redraws as the reader types (an
// address, a prefix or mask, a second address); the ARP part runs one scenario (a preset, or a
// sender and a destination the reader picks, also by clicking a host) through the model and the
// kit's Player walks its steps: the lanes so far, the frame of this step with both its headers,
// and every ARP cache with what this step added. Everything shown is read off the model (view.ts);
// a change of preset, sender or destination restarts the run at step 0.
import { langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import {
  ARP_PRESETS,
  DEFAULT_STATE,
  HOSTS,
  Ipv4Error,
  arpRun,
  decodeState,
  encodeState,
  formatIPv4,
  parseIPv4,
  parsePrefix,
  presetOf,
  type ArpPreset,
  type ArpScenario,
  type ArpState,
  type HostId,
  type Ipv4State,
} from './model.ts';
import { text } from './i18n.ts';
import { arpLayout, cachesHtml, explorerHtml, headersHtml, laneOrder, narrate } from './view.ts';
import { defineWidget } from '../kit/define.ts';

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = text[lang];
  const figure = host.closest('figure')!;
  const id = host.dataset.id!;
  const template = figure.querySelector<HTMLTemplateElement>('.ip-live')!;
  const body = (template.content.cloneNode(true) as DocumentFragment).firstElementChild as HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => body.querySelector<T>(s)!;

  const raw = readState(id);
  const linked = raw === null ? undefined : decodeState(raw);
  if (raw !== null && !linked) $('.kit-notice').hidden = false;
  const state: Ipv4State = { ...(linked ?? DEFAULT_STATE) };

  const addr = $<HTMLInputElement>('.ip-addr');
  const prefix = $<HTMLInputElement>('.ip-prefix');
  const other = $<HTMLInputElement>('.ip-other');
  const explorer = $('.ip-explorer');
  const preset = $<HTMLSelectElement>('.ip-preset');
  const src = $<HTMLSelectElement>('.ip-src');
  const dst = $<HTMLInputElement>('.ip-dst');
  const lanesBox = $('.ip-lanes');
  const frame = $('.ip-frame');
  const caches = $('.ip-caches');

  // ---- the address explorer: redrawn from whatever is valid; a field that is not says why
  const problem = (e: unknown) => (e instanceof Ipv4Error ? t.errors[e.key]! : t.errors.chars!);
  const check = (input: HTMLInputElement, parse: (s: string) => number): number | undefined => {
    const err = input.parentElement!.nextElementSibling!;
    try {
      const v = parse(input.value.trim());
      input.removeAttribute('aria-invalid');
      err.textContent = '';
      return v;
    } catch (e) {
      input.setAttribute('aria-invalid', 'true');
      err.textContent = problem(e);
      return undefined;
    }
  };
  const showExplorer = () => (explorer.innerHTML = explorerHtml(state.addr, state.prefix, state.other, t));
  const onExplorer = () => {
    const a = check(addr, parseIPv4);
    const p = check(prefix, parsePrefix);
    const o = check(other, parseIPv4);
    if (a === undefined || p === undefined || o === undefined) return;
    Object.assign(state, { addr: a, prefix: p, other: o });
    showExplorer();
    writeState(id, encodeState({ ...state, step: player.position }));
  };
  for (const f of [addr, prefix, other]) f.addEventListener('input', onExplorer);

  // ---- the ARP run
  let run: ArpState[] = arpRun(state.arp);
  let order: HostId[] = laneOrder(run, state.arp);
  let size: Fit = { width: 560, scale: 1 };
  let drawn: { svg: SVGSVGElement; rows: SVGGElement[]; ends: number[]; width: number } | null = null;

  const draw = () => {
    const layout = arpLayout(run, state.arp, t, size.width, size.scale);
    lanesBox.innerHTML = layout.svg;
    const svg = lanesBox.querySelector<SVGSVGElement>('svg')!;
    // The hosts' names are things to touch: a click picks the host (the buttons above are their twin).
    svg.setAttribute('role', 'group');
    for (const g of svg.querySelectorAll<SVGGElement>('.kit-lane-title')) {
      const h = order[Number(g.dataset.lane)]!;
      g.dataset.host = h;
      g.setAttribute('role', 'button');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-label', t.laneTitle[h]!);
    }
    drawn = { svg, rows: [...svg.querySelectorAll<SVGGElement>('.kit-row')], ends: layout.ends, width: layout.width };
  };

  const render = (p: number): string => {
    if (!drawn) draw();
    const d = drawn!;
    const h = d.ends[p]!;
    d.svg.setAttribute('height', String(h));
    d.svg.setAttribute('viewBox', `0 0 ${d.width} ${h}`);
    d.rows.forEach((row, i) => {
      row.classList.toggle('kit-later', i > p);
      row.classList.toggle('kit-cur', i === p);
    });
    const s = run[p]!;
    frame.innerHTML = headersHtml(s, t);
    caches.innerHTML = cachesHtml(s, t);
    return narrate(run, p, state.arp, t);
  };

  const slot = $('.ip-player');
  const player = new Player(body, { id, lang, total: run.length - 1, render, encode: (p) => encodeState({ ...state, step: p }), barHost: slot, liveHost: slot });

  const showControls = () => {
    const name = presetOf(state.arp) ?? '';
    preset.value = name;
    preset.lastElementChild!.toggleAttribute('hidden', name !== '');
    src.value = state.arp.src;
    dst.value = formatIPv4(state.arp.dst);
    dst.removeAttribute('aria-invalid');
    dst.parentElement!.nextElementSibling!.textContent = '';
    for (const b of body.querySelectorAll<HTMLButtonElement>('.ip-host')) {
      const hid = b.dataset.host as HostId;
      const on = hid === state.arp.src ? t.pickSrc : HOSTS.find((x) => x.id === hid)!.ip === state.arp.dst ? t.pickDst : '';
      b.setAttribute('aria-pressed', String(on !== ''));
      b.dataset.role = on;
    }
  };

  /** A new scenario: the run starts again from step 0. */
  const load = (sc: ArpScenario, keepDst = false) => {
    state.arp = sc;
    run = arpRun(sc);
    order = laneOrder(run, sc);
    drawn = null;
    if (keepDst) {
      const v = dst.value;
      showControls();
      dst.value = v;
    } else showControls();
    player.setTotal(run.length - 1, 0);
    writeState(id, encodeState({ ...state, step: 0 }));
  };

  preset.addEventListener('change', () => {
    const p = ARP_PRESETS[preset.value as ArpPreset];
    if (p) load(p);
  });
  src.addEventListener('change', () => load({ ...state.arp, src: src.value as 'A' | 'B', cached: false }));
  dst.addEventListener('input', () => {
    const v = check(dst, parseIPv4);
    if (v !== undefined && v !== state.arp.dst) load({ ...state.arp, dst: v, cached: false }, true);
  });
  dst.addEventListener('change', () => {
    const msg = dst.parentElement!.nextElementSibling!.textContent;
    if (msg) player.say(msg);
  });

  /** A host picked in the picture or in the list: the sender or the destination, as the radio says. */
  const pick = (h: HostId) => {
    const asSrc = body.querySelector<HTMLInputElement>('.ip-pick input:checked')?.value === 'src';
    if (asSrc) {
      if (h === 'R') return void player.say(t.rNotSender);
      if (h !== state.arp.src) load({ ...state.arp, src: h, cached: false });
    } else {
      const ipn = HOSTS.find((x) => x.id === h)!.ip;
      if (ipn !== state.arp.dst) load({ ...state.arp, dst: ipn, cached: false });
    }
  };
  body.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLElement>('.ip-host, .kit-lane-title');
    if (b?.dataset.host) pick(b.dataset.host as HostId);
  });
  lanesBox.addEventListener('keydown', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.kit-lane-title');
    if (g?.dataset.host && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      e.stopPropagation();
      pick(g.dataset.host as HostId);
    }
  });

  addr.value = formatIPv4(state.addr);
  prefix.value = String(state.prefix);
  other.value = formatIPv4(state.other);
  showExplorer();
  showControls();
  host.replaceChildren(body);
  figure.setAttribute('data-live', '');
  fit(lanesBox, (f) => {
    size = f;
    drawn = null;
    player.go(player.position, false, true);
  });
  player.go(state.step, false);
  if (linked && location.hash === `#${id}`) figure.scrollIntoView();
}

defineWidget('ipv4-widget', mount);
