// W10 socketserver timeline: the reader picks the server, the kind of work, the clients and the
// platform, and steps through the events (connect, accept, done) on a chart with a row per client.
// Any change starts again at step 0. The URL holds the scenario and the step (?socketserver=t.i.0-0-0.3.4.l.2).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { gantt } from '../kit/draw/gantt.ts';
import { serverText } from './i18n.ts';
import { decodeState, encodeState, preset, PRESET_NAMES, presetOf, simulate, unavailable, type Platform, type Scenario, type ServerKind, type Timeline, type Work } from './model.ts';
import { ganttOf, narrate } from './view.ts';
import { defineWidget } from '../kit/define.ts';
import { h, selectField, pictureFirst } from '../kit/dom.ts';

const select = (label: string, options: Array<[string, string]>) => selectField('ss-field', label, options);

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = serverText[lang];
  const id = host.dataset.id ?? 'socketserver';
  let sc: Scenario = preset('io-tcp');
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ scenario: sc, step: start } = d);
    else notice = kitText[lang].badState;
  }
  let tl: Timeline = simulate(sc);

  const body = h('div', 'widget-body ss', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const [presetL, presetS] = select(t.preset, [...PRESET_NAMES, 'custom'].map((p) => [p, t.presets[p]!]));
  const [serverL, serverS] = select(t.server, (['tcp', 'threading', 'forking'] as const).map((k) => [k, t.servers[k]!]));
  const [workL, workS] = select(t.work, (['io', 'cpu'] as const).map((k) => [k, t.works[k]!]));
  const [clientsL, clientsS] = select(t.clients, ['3', '4', '5'].map((k) => [k, k]));
  const [needL, needS] = select(t.need, [1, 2, 3, 4, 5, 6, 7, 8].map((k) => [String(k), (k / 10).toFixed(1)]));
  const [arrL, arrS] = select(t.arrivals, (['together', 'apart'] as const).map((k) => [k, t.arrivalModes[k]!]));
  const [coresL, coresS] = select(t.cores, [1, 2, 3, 4, 5, 6, 7, 8].map((k) => [String(k), String(k)]));
  const [platL, platS] = select(t.platform, (['linux', 'macos', 'windows'] as const).map((k) => [k, t.platforms[k]!]));
  const forkNote = h('p', 'ss-note', { id: `${id}-nofork` }, t.noFork);
  const gilNote = h('p', 'ss-note', {}, t.gilNote);
  body.append(h('div', 'ss-form', { role: 'group', 'aria-label': t.settings }, presetL, serverL, workL, clientsL, needL, arrL, coresL, platL), forkNote, gilNote);
  const chart = h('div', 'kit-pic ss-chart', { tabindex: 0, role: 'group', 'aria-label': t.chart });
  const totalP = h('p', 'ss-total');
  const finishes = h('ul', 'ss-finish', { 'aria-label': t.finishes });
  const slot = h('div', 'ss-player');
  body.append(slot, h('div', 'kit-stage', {}, h('p', 'ss-cap', {}, t.tick), chart), totalP, finishes);

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (fitted) chart.innerHTML = gantt(ganttOf(tl, shown, t), fitted);
  };
  const render = (p: number): string => {
    shown = p;
    const done = p >= tl.events.length;
    totalP.textContent = done ? t.total(tl.total) : '';
    const finished = tl.events.slice(0, p).filter((e) => e.kind === 'finish').flatMap((e) => e.clients);
    finishes.replaceChildren(...finished.map((i) => h('li', '', {}, t.finishLine(i, tl.clients[i]!.finish))));
    draw();
    return narrate(tl, p, t);
  };
  const encode = (p: number) => encodeState(sc, p);
  const player = new Player(body, { id, lang, total: tl.events.length, render, encode, barHost: slot, liveHost: slot });

  const showForm = () => {
    presetS.value = presetOf(sc) ?? 'custom';
    serverS.value = sc.server;
    workS.value = sc.work;
    clientsS.value = String(sc.arrivals.length);
    needS.value = String(sc.need);
    arrS.value = sc.arrivals.some((a) => a > 0) ? 'apart' : 'together';
    coresS.value = String(sc.cores);
    platS.value = sc.platform;
    const noFork = unavailable('forking', sc.platform) !== null;
    const fork = serverS.querySelector<HTMLOptionElement>('option[value=forking]')!;
    fork.disabled = noFork;
    forkNote.hidden = !noFork;
    if (noFork) serverS.setAttribute('aria-describedby', forkNote.id);
    else serverS.removeAttribute('aria-describedby');
    coresL.hidden = !(sc.work === 'cpu' && sc.server === 'forking');
    gilNote.hidden = !(sc.work === 'cpu' && sc.server === 'threading');
  };
  const restart = (next: Scenario, said?: string) => {
    sc = next;
    tl = simulate(sc);
    showForm();
    player.setTotal(tl.events.length, 0);
    if (said) player.say(said);
    writeState(id, encode(0));
  };
  const fromForm = (): Scenario => {
    const n = Number(clientsS.value);
    return {
      server: serverS.value as ServerKind,
      work: workS.value as Work,
      arrivals: Array.from({ length: n }, (_, i) => (arrS.value === 'apart' ? i : 0)),
      need: Number(needS.value),
      cores: Number(coresS.value),
      platform: platS.value as Platform,
    };
  };
  presetS.addEventListener('change', () => presetS.value !== 'custom' && restart(preset(presetS.value as (typeof PRESET_NAMES)[number])));
  for (const s of [serverS, workS, clientsS, needS, arrS, coresS]) s.addEventListener('change', () => restart(fromForm()));
  platS.addEventListener('change', () => {
    const next = fromForm();
    if (unavailable(next.server, next.platform)) restart({ ...next, server: 'threading' }, t.movedToThreads);
    else restart(next);
  });

  showForm();
  player.setTotal(tl.events.length, Math.min(start, tl.events.length));
  pictureFirst(body, slot, totalP, finishes);
  host.replaceChildren(body);
  fit(chart, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('socketserver-widget', mount);
