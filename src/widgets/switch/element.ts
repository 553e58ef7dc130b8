// Hub vs switch, and the broadcast storm (W3), live. A setup (the network, hub or switch, STP,
// the ageing time, the list of sends and waits) is run through the model once; the kit's Player
// walks its ticks. The reader sends frames by clicking a host and then another host (or
// "Broadcast"): the new send joins the run at the tick shown, later ones are dropped. Every picture
// and sentence is read off the run (view.ts); nothing here decides what a switch does.
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { netLayout, netPlan, type NetPlan } from '../kit/draw/net.ts';
import { BROADCAST, simulate, type Action, type Run } from './model.ts';
import { AGEINGS, decode, encode, MAX_ACTIONS, presetOf, presetSetup, PRESET_NAMES, scenarioOf, type PresetName, type Setup } from './presets.ts';
import { narrate, netInput, tablesHtml } from './view.ts';
import { text } from './i18n.ts';
import { defineWidget } from '../kit/define.ts';
import { h, pictureFirst } from '../kit/dom.ts';

const option = (value: string, label: string) => h('option', '', { value }, label);

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = text[lang];
  const id = host.dataset.id ?? 'switch';
  // The preset this figure starts from (the chapter's storm section starts at the storm).
  const first = (host.closest('figure')?.querySelector<HTMLElement>('[data-preset]')?.dataset.preset ?? 'figure') as PresetName;
  let setup: Setup = presetSetup(PRESET_NAMES.includes(first) ? first : 'figure');
  let at = 0;
  const raw = readState(id);
  const linked = raw === null ? null : decode(raw);
  if (linked) ({ setup, position: at } = linked);
  let run: Run = simulate(scenarioOf(setup));
  let chosen: string | undefined;

  const body = h('div', 'widget-body sw', { tabindex: -1 });
  if (raw !== null && !linked) body.append(h('p', 'kit-notice', { role: 'note' }, kitText[lang].badState));

  // ---- the options: any change starts the run again from tick 0
  const preset = h('select', 'sw-preset', {}, ...PRESET_NAMES.map((n) => option(n, t.presets[n])), option('custom', t.presets.custom));
  const device = h('select', '', {}, option('switch', t.switch), option('hub', t.hub));
  const stp = h('input', '', { type: 'checkbox' });
  const ageing = h('select', '', {}, ...AGEINGS.map((a) => option(String(a), t.ageings[a]!)));
  const devLabel = h('label', '', {}, t.device, device);
  const stpLabel = h('label', '', {}, stp, t.stp);
  body.append(h('div', 'sw-setup', {}, h('label', '', {}, t.preset, preset), devLabel, stpLabel, h('label', '', {}, t.ageing, ageing)));

  // ---- the picture: hosts are buttons; the send bar is their twin
  const pic = h('div', 'kit-pic sw-pic', { tabindex: 0 });
  const all = h('button', 'kit-btn sw-all', { type: 'button', 'aria-disabled': 'true' }, t.broadcast);
  const wait = h('button', 'kit-btn sw-wait', { type: 'button' }, t.wait);
  const cancel = h('button', 'kit-btn sw-cancel', { type: 'button', hidden: '' }, t.cancel);
  const hint = h('p', 'sw-hint', { 'aria-live': 'polite' }, t.howTo);
  const status = h('p', 'sw-status');
  body.append(h('div', 'kit-stage sw-stage', {}, pic, h('div', 'sw-send', {}, all, wait, cancel), hint, status));
  const slot = h('div', 'sw-player');
  const tables = h('div', 'sw-tables');
  body.append(slot, tables);

  let size: Fit | null = null;
  // One layout plan for the whole run at this size, with room for the frames and the labels of
  // its busiest tick: the picture keeps its shape while the reader steps (a storm's counts
  // change every tick), and each step is drawn in one pass. Made again for a new run or size.
  let plan: NetPlan | undefined;
  const draw = (p: number) => {
    if (!size) return;
    const focused = (document.activeElement as Element | null)?.closest?.('.kit-node')?.getAttribute('data-node');
    plan ??= netPlan(run.ticks.map((_, q) => netInput(setup, run, q, t)), size);
    pic.innerHTML = netLayout(netInput(setup, run, p, t, chosen), size, plan).svg;
    const svg = pic.querySelector('svg')!;
    svg.setAttribute('role', 'group');
    for (const g of svg.querySelectorAll<SVGGElement>('.kit-net-host')) {
      const name = g.dataset.node!;
      g.setAttribute('role', 'button');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-pressed', String(name === chosen));
      g.setAttribute('aria-label', t.hostName(name, name === chosen));
      if (name === focused) g.focus({ preventScroll: true });
    }
  };
  const render = (p: number): string => {
    const tick = run.ticks[p]!;
    status.textContent = t.status(p, tick.now, tick.wire.length);
    tables.innerHTML = tablesHtml(run, p, t);
    draw(p);
    return narrate(setup, run, p, t);
  };
  const player = new Player(body, { id, lang, total: run.ticks.length - 1, render, encode: (p) => encode(setup, p), barHost: slot, liveHost: slot });

  const showOptions = () => {
    preset.value = setup.preset;
    device.value = setup.device;
    stp.checked = setup.stp;
    ageing.value = String(setup.ageing);
    devLabel.hidden = setup.net !== 'single';
    stpLabel.hidden = setup.net !== 'loop';
  };
  /** A new setup: run it and show it from `position` (0 for any change of option). */
  const load = (next: Setup, position = 0) => {
    setup = next;
    run = simulate(scenarioOf(setup));
    plan = undefined;
    choose(undefined, false);
    showOptions();
    player.setTotal(run.ticks.length - 1, position);
    writeState(id, encode(setup, player.position));
  };
  const change = (patch: Partial<Setup>) => {
    const next = { ...setup, ...patch };
    load({ ...next, preset: presetOf(next) });
  };
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') load(presetSetup(preset.value as PresetName));
  });
  device.addEventListener('change', () => change({ device: device.value as Setup['device'] }));
  stp.addEventListener('change', () => change({ stp: stp.checked }));
  ageing.addEventListener('change', () => change({ ageing: Number(ageing.value) }));

  // ---- sending: pick a sender, then a receiver (or everyone)
  /** Marks the sender (or none); `redraw` false when a new run is about to be drawn anyway. */
  function choose(name: string | undefined, redraw = true): void {
    chosen = name;
    all.setAttribute('aria-disabled', String(!name));
    cancel.hidden = !name;
    hint.textContent = name ? t.from(name) : t.howTo;
    if (redraw) draw(player.position);
  }
  /** Adds an action at the tick shown: the actions begun by then stay, later ones go. */
  const act = (a: Action) => {
    const begun = run.ticks.slice(1, player.position + 1).filter((x) => x.action).length;
    if (begun >= MAX_ACTIONS) return void player.say(t.tooMany(MAX_ACTIONS));
    const actions = [...setup.actions.slice(0, begun), a];
    const next = { ...setup, actions };
    const r = simulate(scenarioOf(next));
    // The new action's first tick.
    let seen = 0;
    const start = r.ticks.findIndex((x) => x.action && ++seen === begun + 1);
    chosen = undefined;
    load({ ...next, preset: presetOf(next) }, start < 0 ? r.ticks.length - 1 : start);
  };
  const pick = (name: string) => {
    if (!chosen || chosen === name) return choose(chosen === name ? undefined : name);
    act({ kind: 'send', from: chosen, to: name });
  };
  pic.addEventListener('click', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.kit-net-host');
    if (g) pick(g.dataset.node!);
  });
  pic.addEventListener('keydown', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.kit-net-host');
    if (e.key === 'Escape' && chosen) {
      choose(undefined);
      e.preventDefault();
    } else if (g && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      e.stopPropagation();
      pick(g.dataset.node!);
    }
  });
  all.addEventListener('click', () => chosen && act({ kind: 'send', from: chosen, to: BROADCAST }));
  wait.addEventListener('click', () => act({ kind: 'wait', seconds: 60 }));
  cancel.addEventListener('click', () => choose(undefined));

  showOptions();
  pictureFirst(body, slot, tables);
  host.replaceChildren(body);
  player.go(Math.min(at, run.ticks.length - 1), false);
  fit(pic, (f) => {
    size = f;
    plan = undefined;
    draw(player.position);
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('switch-widget', mount);
