// W18 bounded queue lab: producers and consumers on a queue.Queue(maxsize) run by ticks (who puts,
// who gets, who is blocked, how the run ends), or the reader's own put/get calls from one thread.
// Any change starts again at step 0. The URL holds the mode, the settings and the step
// (?queue=r.2.f.1.1.5.1.3.s.4 or ?queue=h.2.f.PPpG.4).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { gantt } from '../kit/draw/gantt.ts';
import { slots } from '../kit/draw/slots.ts';
import { defineWidget } from '../kit/define.ts';
import { queueText } from './i18n.ts';
import { badField, decodeState, encodeState, HAND_MAX_OPS, handSteps, LIMITS, preset, PRESET_NAMES, presetOf, simulate, type Ending, type HandStep, type Kind, type Limited, type OpName, type Run, type Scenario, type WidgetState } from './model.ts';
import { callOf, ganttOfRun, narrateHand, narrateRun, sizeAtRun, slotsOfHand, slotsOfRun, snapshotOf, unfinishedAt } from './view.ts';
import { h, pictureFirst } from '../kit/dom.ts';

let uid = 0;
function field<E extends HTMLSelectElement | HTMLInputElement>(label: string, el: E): [HTMLElement, E] {
  el.id = `q-${++uid}`;
  return [h('span', 'q-field', {}, h('label', '', { for: el.id }, label), el), el];
}
function select(label: string, options: Array<[string, string]>) {
  const s = h('select');
  for (const [v, text] of options) s.append(h('option', '', { value: v }, text));
  return field(label, s);
}
const number = (label: string, k: Limited) => field(label, h('input', 'q-num', { type: 'number', inputmode: 'numeric', min: LIMITS[k].min, max: LIMITS[k].max, step: 1 }));
const range = (k: Limited) => Array.from({ length: LIMITS[k].max - LIMITS[k].min + 1 }, (_, i): [string, string] => [String(LIMITS[k].min + i), String(LIMITS[k].min + i)]);

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = queueText[lang];
  const id = host.dataset.id ?? 'queue';
  let st: WidgetState = { mode: 'run', scenario: preset('slow-consumer'), step: 0 };
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) st = d;
    else notice = kitText[lang].badState;
  }
  // The settings both modes share, and each mode's own.
  let sc: Scenario = st.mode === 'run' ? st.scenario : { ...preset('slow-consumer'), maxsize: st.maxsize, kind: st.kind };
  let ops: OpName[] = st.mode === 'hand' ? st.ops : [];
  let mode = st.mode;
  let run: Run = simulate(sc);
  let hand: HandStep[] = handSteps(sc.maxsize, sc.kind, ops);

  const body = h('div', 'widget-body q', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const [modeL, modeS] = select(t.mode, ['run', 'hand'].map((m) => [m, t.modes[m]!]));
  const [presetL, presetS] = select(t.preset, [...PRESET_NAMES, 'custom'].map((p) => [p, t.presets[p]!]));
  const [maxL, maxI] = number(t.maxsize, 'maxsize');
  const [kindL, kindS] = select(t.kind, ['FIFO', 'LIFO'].map((k) => [k, t.kinds[k]!]));
  const [prodL, prodS] = select(t.producers, range('producers'));
  const [consL, consS] = select(t.consumers, range('consumers'));
  const [itemsL, itemsS] = select(t.items, range('items'));
  const [makeL, makeI] = number(t.make, 'make');
  const [eatL, eatI] = number(t.eat, 'eat');
  const [endL, endS] = select(t.ending, ['sentinel', 'joinable'].map((k) => [k, t.endings[k]!]));
  const runOnly = [presetL, prodL, consL, itemsL, makeL, eatL, endL];
  const error = h('p', 'kit-error q-error', { id: `${id}-error` });
  const note = h('p', 'q-note', {}, t.unbounded);
  body.append(h('div', 'q-form', { role: 'group', 'aria-label': t.settings }, modeL, presetL, maxL, kindL, prodL, consL, itemsL, makeL, eatL, endL), error, note);

  const opBtn = (op: OpName) => h('button', 'kit-btn q-op', { type: 'button', 'data-op': op });
  const opButtons = (['put', 'put_nowait', 'get', 'get_nowait'] as const).map(opBtn);
  const again = h('button', 'kit-btn q-again', { type: 'button' }, t.again);
  const handBar = h('div', 'q-ops', { role: 'group', 'aria-label': t.opsLabel }, ...opButtons, again);
  body.append(handBar);

  const slot = h('div', 'q-player');
  const slotsPic = h('div', 'kit-pic q-slots', { tabindex: 0, role: 'group', 'aria-label': t.queueLabel(sc.kind) });
  const snap = h('p', 'q-snap');
  const unfinished = h('p', 'q-unfinished');
  const chartCap = h('p', 'q-cap', {}, t.tick);
  const chart = h('div', 'kit-pic q-chart', { tabindex: 0, role: 'group', 'aria-label': t.chart });
  const log = h('ol', 'q-log', { 'aria-label': t.opsLabel });
  const stage = h('div', 'kit-stage', {}, slotsPic, snap, unfinished, chartCap, chart, log);
  body.append(slot, stage);

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (!fitted) return;
    if (mode === 'run') {
      slotsPic.innerHTML = slots(slotsOfRun(run, shown, t), fitted);
      chart.innerHTML = gantt(ganttOfRun(run, shown, t), fitted);
    } else slotsPic.innerHTML = slots(slotsOfHand(sc.maxsize, sc.kind, hand, shown, t), fitted);
  };
  const snapText = (size: number) => {
    snap.replaceChildren(...snapshotOf(sc.maxsize, size, t).flatMap((c) => [h('code', '', {}, c), ' ']), h('span', 'q-badge', {}, t.snapshotBadge));
  };
  const render = (p: number): string => {
    shown = p;
    if (mode === 'run') {
      snapText(sizeAtRun(run, p));
      unfinished.textContent = sc.ending === 'joinable' ? t.unfinished(unfinishedAt(run, p)) : '';
      draw();
      return narrateRun(run, p, t);
    }
    snapText(p === 0 ? 0 : hand[p - 1]!.items.length);
    log.replaceChildren(...hand.slice(0, p).map((_, i) => h('li', '', {}, narrateHand(hand, i + 1, t))));
    draw();
    return narrateHand(hand, p, t);
  };
  const stateOf = (p: number): WidgetState => (mode === 'run' ? { mode, scenario: sc, step: p } : { mode, maxsize: sc.maxsize, kind: sc.kind, ops, step: p });
  const encode = (p: number) => encodeState(stateOf(p));
  const totalNow = () => (mode === 'run' ? run.steps.length : hand.length);
  const player = new Player(body, { id, lang, total: totalNow(), render, encode, barHost: slot, liveHost: slot });

  const showOps = () => {
    const next = ops.filter((o) => o.startsWith('put')).length + 1;
    for (const b of opButtons) b.textContent = callOf({ op: b.dataset.op as OpName, value: next, result: { ok: true }, items: [] }, t);
  };
  const showForm = () => {
    modeS.value = mode;
    presetS.value = presetOf(sc) ?? 'custom';
    maxI.value = String(sc.maxsize);
    kindS.value = sc.kind;
    prodS.value = String(sc.producers);
    consS.value = String(sc.consumers);
    itemsS.value = String(sc.items);
    makeI.value = String(sc.make);
    eatI.value = String(sc.eat);
    endS.value = sc.ending;
    for (const el of runOnly) el.hidden = mode !== 'run';
    handBar.hidden = mode !== 'hand';
    chart.hidden = chartCap.hidden = mode !== 'run';
    log.hidden = mode !== 'hand';
    note.hidden = sc.maxsize > 0;
    slotsPic.setAttribute('aria-label', t.queueLabel(sc.kind));
    showOps();
  };
  const restart = (step = 0) => {
    run = simulate(sc);
    hand = handSteps(sc.maxsize, sc.kind, ops);
    showForm();
    player.setTotal(totalNow(), step);
    writeState(id, encode(step));
  };
  const fail = (k: Limited, el: HTMLInputElement) => {
    error.textContent = t.bad[k];
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-describedby', error.id);
    player.say(t.bad[k]);
  };
  const ok = () => {
    error.textContent = '';
    for (const el of [maxI, makeI, eatI]) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  };
  const fromForm = () => {
    const next: Scenario = {
      maxsize: maxI.value.trim() === '' ? NaN : Number(maxI.value),
      kind: kindS.value as Kind,
      producers: Number(prodS.value),
      consumers: Number(consS.value),
      items: Number(itemsS.value),
      make: makeI.value.trim() === '' ? NaN : Number(makeI.value),
      eat: eatI.value.trim() === '' ? NaN : Number(eatI.value),
      ending: endS.value as Ending,
    };
    const bad = badField(next);
    if (bad) return fail(bad, bad === 'maxsize' ? maxI : bad === 'make' ? makeI : eatI);
    ok();
    sc = next;
    if (mode === 'hand') ops = [];
    restart();
  };
  modeS.addEventListener('change', () => {
    mode = modeS.value as 'run' | 'hand';
    ok();
    restart();
  });
  presetS.addEventListener('change', () => {
    if (presetS.value === 'custom') return;
    ok();
    sc = preset(presetS.value as (typeof PRESET_NAMES)[number]);
    restart();
  });
  for (const s of [maxI, kindS, prodS, consS, itemsS, makeI, eatI, endS]) s.addEventListener('change', fromForm);
  for (const b of opButtons)
    b.addEventListener('click', () => {
      if (ops.length >= HAND_MAX_OPS) return player.say(t.tooMany(HAND_MAX_OPS));
      ops = [...ops, b.dataset.op as OpName];
      restart(ops.length);
    });
  again.addEventListener('click', () => {
    ops = [];
    restart();
  });

  showForm();
  player.setTotal(totalNow(), Math.min(st.step, totalNow()));
  pictureFirst(body, slot, handBar);
  host.replaceChildren(body);
  fit(stage, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('queue-widget', mount);
