// The event loop (chapter 14): asyncio_echo.py's server with three clients on one thread. The reader
// steps through select(), the ready queue and each handler's awaits; picks a scenario, which
// client's handler is slow and how (await asyncio.sleep or time.sleep), the sleep and the arrival
// ticks. Any change starts again at step 0. The URL holds the scenario and the step
// (?evloop=t.1.5.0-1-2.1.3). DOM order: notice, the stage (every picture), the player, the settings, the table.
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { boxes } from '../kit/draw/boxes.ts';
import { gantt } from '../kit/draw/gantt.ts';
import { slots } from '../kit/draw/slots.ts';
import { table } from '../kit/draw/table.ts';
import { defineWidget } from '../kit/define.ts';
import { h, selectField } from '../kit/dom.ts';
import { loopText } from './i18n.ts';
import { checkValue, decodeState, encodeState, LIMITS, preset, PRESET_NAMES, presetOf, simulate, type Scenario, type SlowKind, type Trace } from './model.ts';
import { clientsOf, ganttOf, narrate, readyOf, stageOf } from './view.ts';

let uid = 0;
const numberField = (label: string, max: number): [HTMLElement, HTMLInputElement] => {
  const i = h('input', 'ev-num', { type: 'number', inputmode: 'numeric', min: 0, max, step: 1, id: `ev-n-${++uid}` });
  return [h('span', 'ev-field', {}, h('label', '', { for: i.id }, label), i), i];
};

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = loopText[lang];
  const id = host.dataset.id ?? 'evloop';
  let sc: Scenario = preset('time-sleep');
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ scenario: sc, step: start } = d);
    else notice = kitText[lang].badState;
  }
  let tr: Trace = simulate(sc);

  const body = h('div', 'widget-body ev', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const pic = (label: string) => h('div', 'kit-pic', { tabindex: 0, role: 'group', 'aria-label': label });
  const stagePic = pic(t.stage);
  const readyPic = pic(t.ready);
  const chart = pic(t.chart);
  const stage = h('div', 'kit-stage', {}, stagePic, h('p', 'ev-cap', {}, t.ready), readyPic, h('p', 'ev-cap', {}, `${t.chart} · ${t.tick}`), chart);
  const slot = h('div', 'ev-player');
  const [presetL, presetS] = selectField('ev-field', t.preset, [...PRESET_NAMES, 'custom'].map((p) => [p, t.presets[p]!]));
  const [slowL, slowS] = selectField('ev-field', t.slow, ['none', 'asyncio', 'time'].map((k) => [k, t.slows[k]!]));
  const [whoL, whoS] = selectField('ev-field', t.slowClient, [0, 1, 2].map((i) => [String(i), `C${i + 1}`]));
  const [linesL, linesS] = selectField('ev-field', t.lines, [1, 2, 3].map((k) => [String(k), String(k)]));
  const [sleepL, sleepI] = numberField(t.sleep, LIMITS.sleep.max);
  const arrivals = [0, 1, 2].map((i) => numberField(t.arrival(i), LIMITS.arrival.max));
  const error = h('p', 'kit-error ev-error', { id: `${id}-error`, role: 'alert' });
  const tableBox = h('div', 'ev-table');
  body.append(stage, slot, h('div', 'ev-form', { role: 'group', 'aria-label': t.settings }, presetL, slowL, whoL, sleepL, ...arrivals.map((a) => a[0]), linesL), error, tableBox);

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (!fitted) return;
    stagePic.innerHTML = boxes(stageOf(tr, shown, t), fitted);
    readyPic.innerHTML = slots(readyOf(tr, shown, t), fitted);
    chart.innerHTML = gantt(ganttOf(tr, shown, t), fitted);
  };
  const render = (p: number): string => {
    shown = p;
    tableBox.innerHTML = table(clientsOf(tr, p, t));
    draw();
    return narrate(tr, p, t);
  };
  const encode = (p: number) => encodeState(sc, p);
  const player = new Player(body, { id, lang, total: tr.steps.length - 1, render, encode, barHost: slot, liveHost: slot });

  const inputs = [sleepI, ...arrivals.map((a) => a[1])];
  const showForm = () => {
    presetS.value = presetOf(sc) ?? 'custom';
    slowS.value = sc.slow;
    whoS.value = String(sc.slowClient);
    linesS.value = String(sc.lines);
    sleepI.value = String(sc.sleep);
    arrivals.forEach(([, el], i) => (el.value = String(sc.arrivals[i])));
    whoL.hidden = sleepL.hidden = sc.slow === 'none';
  };
  const clearError = () => {
    error.textContent = '';
    for (const el of inputs) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  };
  const restart = (next: Scenario) => {
    clearError();
    sc = next;
    tr = simulate(sc);
    showForm();
    player.setTotal(tr.steps.length - 1, 0);
    writeState(id, encode(0));
  };
  const num = (el: HTMLInputElement) => (el.value.trim() === '' ? NaN : Number(el.value));
  const fromForm = () => {
    const checks: Array<[HTMLInputElement, 'sleep' | 'arrival', string]> = [[sleepI, 'sleep', t.sleep], ...arrivals.map(([, el], i): [HTMLInputElement, 'arrival', string] => [el, 'arrival', t.arrival(i)])];
    for (const [el, f, what] of checks) {
      // A hidden field (no slow handler) keeps its last good value.
      if (el === sleepI && slowS.value === 'none') continue;
      const p = checkValue(f, num(el));
      if (!p) continue;
      const r = LIMITS[f];
      const msg = p === 'negative' ? t.bad.negative(what, r.min) : p === 'big' ? t.bad.big(what, r.max) : t.bad[p](what);
      clearError();
      error.textContent = msg;
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', error.id);
      player.say(msg);
      return;
    }
    restart({
      slow: slowS.value as SlowKind,
      slowClient: Number(whoS.value),
      sleep: slowS.value === 'none' ? sc.sleep : num(sleepI),
      lines: Number(linesS.value),
      arrivals: arrivals.map(([, el]) => num(el)),
    });
  };
  presetS.addEventListener('change', () => presetS.value !== 'custom' && restart(preset(presetS.value as (typeof PRESET_NAMES)[number])));
  for (const el of [slowS, whoS, linesS, ...inputs]) el.addEventListener('change', fromForm);

  showForm();
  player.setTotal(tr.steps.length - 1, Math.min(start, tr.steps.length - 1));
  host.replaceChildren(body);
  fit(stage, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('evloop-widget', mount);
