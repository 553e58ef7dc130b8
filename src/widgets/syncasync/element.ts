// W14 sync/async × blocking/non-blocking: four callers on one time axis. The reader steps time and
// types when the result/data is ready and how often the non-blocking caller polls; any change starts
// again at step 0. The URL holds both and the step (?sync-async-lab=5.2.3).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { defineWidget } from '../kit/define.ts';
import { syncText } from './i18n.ts';
import { DEFAULT, decodeState, encodeState, LIMITS, parseField, simulate, type Run, type Scenario } from './model.ts';
import { chartAt, narrate } from './view.ts';
import { cellsHtml } from './cells.ts';
import { h, pictureFirst } from '../kit/dom.ts';


function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = syncText[lang];
  const id = host.dataset.id ?? 'sync-async-lab';
  let sc: Scenario = { ...DEFAULT };
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ scenario: sc, step: start } = d);
    else notice = kitText[lang].badState;
  }
  let run: Run = simulate(sc);

  const body = h('div', 'widget-body sa', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const field = (name: 'ready' | 'poll') => {
    const input = h('input', '', { id: `${id}-${name}`, type: 'number', inputmode: 'numeric', min: LIMITS[name].min, max: LIMITS[name].max, step: 1, value: sc[name] });
    const err = h('p', 'sa-err', { id: `${id}-${name}-err` });
    err.hidden = true;
    return { input, err, box: h('span', 'sa-field', {}, h('label', '', { for: input.id }, t[name]), input, err) };
  };
  const ready = field('ready');
  const poll = field('poll');
  body.append(h('div', 'sa-form', { role: 'group', 'aria-label': t.settings }, ready.box, poll.box));
  const slot = h('div', 'sa-player');
  const chart = h('div', 'kit-pic sa-chart', { tabindex: 0, role: 'group', 'aria-label': t.chart });
  const cells = h('div', 'sa-cells');
  body.append(slot, h('div', 'kit-stage', {}, h('p', 'sa-cap', {}, t.tick), chart, cells), h('p', 'sa-note', {}, t.mnemonic));

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (fitted) chart.innerHTML = chartAt(run, shown, t, fitted).svg;
  };
  const render = (p: number): string => {
    shown = p;
    cells.innerHTML = cellsHtml(run, p, t);
    draw();
    return narrate(run, p, t);
  };
  const encode = (p: number) => encodeState(sc, p);
  const player = new Player(body, { id, lang, total: run.times.length, render, encode, barHost: slot, liveHost: slot });

  const onInput = (f: typeof ready, name: 'ready' | 'poll') => () => {
    const v = parseField(name, f.input.value);
    f.err.hidden = v.ok;
    if (!v.ok) {
      f.err.textContent = t.bad(v.min, v.max);
      f.input.setAttribute('aria-invalid', 'true');
      f.input.setAttribute('aria-describedby', f.err.id);
      player.say(f.err.textContent);
      return;
    }
    f.input.removeAttribute('aria-invalid');
    f.input.removeAttribute('aria-describedby');
    if (v.value === sc[name]) return;
    sc = { ...sc, [name]: v.value };
    run = simulate(sc);
    player.setTotal(run.times.length, 0, true);
    writeState(id, encode(0));
  };
  ready.input.addEventListener('input', onInput(ready, 'ready'));
  poll.input.addEventListener('input', onInput(poll, 'poll'));

  player.setTotal(run.times.length, Math.min(start, run.times.length));
  pictureFirst(body, slot);
  host.replaceChildren(body);
  fit(chart, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('syncasync-widget', mount);
