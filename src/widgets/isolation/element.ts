// W16 isolation vs sharing: the reader steps a run (before start, start, the worker writes n = 0,
// join, the parent prints) and sees two processes with an address space each beside one process
// whose two threads share one globals box. The reader picks whose story is narrated (the Process or
// the Thread), the start method and n before start(). Any change starts again at step 0. The URL
// holds the scenario and the step (?isolation=p.fork.100.2). The lab id "sharing" (chapter 12)
// narrates the thread by default, any other id the process.
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { boxes } from '../kit/draw/boxes.ts';
import { defineWidget } from '../kit/define.ts';
import { isoText } from './i18n.ts';
import { check, decodeState, DEFAULT, encodeState, STEPS, type Scenario, type StartMethod, type Worker } from './model.ts';
import { boxesOf, narrate } from './view.ts';
import { h, pictureFirst } from '../kit/dom.ts';


function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = isoText[lang];
  const id = host.dataset.id ?? 'isolation';
  let sc: Scenario = { ...DEFAULT, worker: id === 'sharing' ? 'thread' : 'process' };
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ scenario: sc, step: start } = d);
    else notice = kitText[lang].badState;
  }

  const body = h('div', 'widget-body iso', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const field = (label: string, control: HTMLElement) => h('span', 'iso-field', {}, h('label', '', { for: control.id }, label), control);
  const workerS = h('select', '', { id: `${id}-worker` });
  for (const w of ['process', 'thread']) workerS.append(h('option', '', { value: w }, t.workers[w]!));
  const methodS = h('select', '', { id: `${id}-method` });
  for (const m of ['fork', 'spawn', 'forkserver']) methodS.append(h('option', '', { value: m }, m));
  const beforeI = h('input', '', { id: `${id}-before`, type: 'number', inputmode: 'numeric', step: 1, 'aria-describedby': `${id}-err` });
  const err = h('p', 'kit-error', { id: `${id}-err`, role: 'alert' });
  body.append(h('div', 'iso-form', { role: 'group', 'aria-label': t.settings }, field(t.worker, workerS), field(t.method, methodS), field(t.before, beforeI)), err);
  const pic = h('div', 'kit-pic iso-pic', { tabindex: 0, role: 'group', 'aria-label': t.picture });
  const slot = h('div', 'iso-player');
  body.append(slot, h('div', 'kit-stage', {}, pic));

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (fitted) pic.innerHTML = boxes(boxesOf(sc, shown, t), fitted);
  };
  const render = (p: number): string => {
    shown = p;
    draw();
    return narrate(sc, p, t);
  };
  const encode = (p: number) => encodeState(sc, p);
  const player = new Player(body, { id, lang, total: STEPS, render, encode, barHost: slot, liveHost: slot });

  const showForm = () => {
    workerS.value = sc.worker;
    methodS.value = sc.method;
    beforeI.value = String(sc.before);
    beforeI.removeAttribute('aria-invalid');
    err.textContent = '';
  };
  const restart = (next: Scenario) => {
    sc = next;
    showForm();
    player.setTotal(STEPS, 0);
    writeState(id, encode(0));
  };
  workerS.addEventListener('change', () => restart({ ...sc, worker: workerS.value as Worker }));
  methodS.addEventListener('change', () => restart({ ...sc, method: methodS.value as StartMethod }));
  beforeI.addEventListener('change', () => {
    const v = beforeI.value.trim() === '' ? NaN : Number(beforeI.value);
    const next = { ...sc, before: v };
    if (check(next).ok) restart(next);
    else {
      beforeI.setAttribute('aria-invalid', 'true');
      err.textContent = t.badBefore;
    }
  });

  showForm();
  player.setTotal(STEPS, Math.min(start, STEPS));
  pictureFirst(body, slot);
  host.replaceChildren(body);
  fit(pic, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('isolation-widget', mount);
