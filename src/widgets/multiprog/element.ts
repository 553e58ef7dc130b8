// W11, multiprogramming: the reader picks the mode (uniprogramming; switch on I/O; on slice expiry;
// both), types the jobs' bursts, the switch cost and the slice, and steps through the run on a
// timeline with time to scale (a CPU row, a row per job), with the utilization and each job's
// completion time. Any change starts again at 0 ms. Bad input is named and the last valid setup
// stays drawn. The URL holds the setup and the step (?multiprog-lab=i.1.10.20-40-20_20-40-20.3).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { timeline } from '../kit/draw/timeline.ts';
import { defineWidget } from '../kit/define.ts';
import { progText } from './i18n.ts';
import { decodeState, DEFAULT_SETUP, encodeState, MODES, parseJobs, parseWhole, simulate, stepTimes, trySimulate, type Mode, type Result, type Setup } from './model.ts';
import { narrate, timelineOf } from './view.ts';
import { addStyles } from './style.ts';
import { h, pictureFirst } from '../kit/dom.ts';


function mount(host: HTMLElement): void {
  addStyles();
  const lang = langOf(host);
  const t = progText[lang];
  const id = host.dataset.id ?? 'multiprog-lab';
  let setup: Setup = DEFAULT_SETUP;
  let startAt = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d) ({ setup, step: startAt } = d);
    else notice = kitText[lang].badState;
  }
  let run: Result = simulate(setup);

  const body = h('div', 'widget-body mp', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const modeS = h('select', '', { id: `${id}-mode` });
  for (const m of MODES) modeS.append(h('option', '', { value: m }, t.modes[m]));
  const err = h('p', 'kit-error', { id: `${id}-err` });
  const input = (cls: string, label: string, mode: 'text' | 'numeric') => {
    const el = h('input', cls, { type: 'text', inputmode: mode, id: `${id}-${cls}`, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': err.id });
    return [h('span', `mp-field${cls === 'mp-jobs-in' ? ' mp-jobs' : ''}`, {}, h('label', '', { for: el.id }, label), el), el] as const;
  };
  const [jobsL, jobsI] = input('mp-jobs-in', t.jobsField, 'text');
  const [swL, swI] = input('mp-num mp-sw', t.switchField, 'numeric');
  const [qL, qI] = input('mp-num mp-q', t.quantumField, 'numeric');
  const figureB = h('button', 'kit-btn mp-figure', { type: 'button' }, t.figure);
  body.append(h('div', 'mp-form', {}, h('span', 'mp-field', {}, h('label', '', { for: modeS.id }, t.mode), modeS), swL, qL), h('div', 'mp-form', {}, jobsL, figureB), err);
  const chart = h('div', 'kit-pic mp-chart', { tabindex: 0, role: 'group', 'aria-label': t.axis });
  const totalP = h('p', 'mp-total');
  const finishes = h('ul', 'mp-finish', { 'aria-label': t.finishes });
  const slot = h('div', 'mp-player');
  body.append(slot, h('div', 'kit-stage', {}, h('p', 'mp-cap', {}, t.axis), chart), totalP, finishes);

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (fitted) chart.innerHTML = timeline(timelineOf(run, shown, t, t.modes[setup.mode]), fitted);
  };
  const render = (p: number): string => {
    shown = p;
    const times = stepTimes(run);
    const now = times[Math.min(p, times.length - 1)]!;
    totalP.textContent = now >= run.makespan ? t.total(run.makespan, run.busy, run.utilization, run.switches) : '';
    finishes.replaceChildren(...run.finish.map((f, j) => [f, j] as const).filter(([f]) => f <= now).sort((a, b) => a[0] - b[0]).map(([f, j]) => h('li', '', {}, t.finishLine(j, f))));
    draw();
    return narrate(run, p, t, setup.switchCost);
  };
  const encode = (p: number) => encodeState(setup, p);
  const player = new Player(body, { id, lang, total: stepTimes(run).length - 1, render, encode, barHost: slot, liveHost: slot });

  const showForm = () => {
    modeS.value = setup.mode;
    jobsI.value = setup.jobs.map((b) => b.join(' ')).join('; ');
    swI.value = String(setup.switchCost);
    qI.value = String(setup.quantum);
    qI.disabled = !(setup.mode === 'slice' || setup.mode === 'both');
    qI.title = qI.disabled ? t.noQuantum : '';
  };
  const restart = (next: Setup, form = true) => {
    setup = next;
    run = simulate(setup);
    if (form) showForm();
    else qI.disabled = !(setup.mode === 'slice' || setup.mode === 'both');
    player.setTotal(stepTimes(run).length - 1, 0);
    writeState(id, encode(0));
  };
  /** Reads the form; a bad field is named (the chart keeps the last valid setup). */
  const fromForm = () => {
    for (const el of [jobsI, swI, qI]) el.removeAttribute('aria-invalid');
    const jobs = parseJobs(jobsI.value);
    const sw = parseWhole(swI.value);
    const q = parseWhole(qI.value);
    const mode = modeS.value as Mode;
    const next: Setup = { mode, jobs: jobs.ok ? jobs.jobs : setup.jobs, switchCost: sw ?? NaN, quantum: q ?? NaN };
    const bad = (el: HTMLInputElement, message: string) => {
      el.setAttribute('aria-invalid', 'true');
      err.textContent = `${message} ${t.kept}`;
      player.say(err.textContent);
    };
    if (!jobs.ok) return bad(jobsI, t.error(jobs.error));
    if (sw === null) return bad(swI, t.error({ key: 'switch', text: swI.value.trim().slice(0, 20) }));
    const sliced = mode === 'slice' || mode === 'both';
    if (q === null && sliced) return bad(qI, t.error({ key: 'quantum', text: qI.value.trim().slice(0, 20) }));
    if (!sliced && (q === null || q < 1 || q > 500 || !Number.isInteger(q))) next.quantum = setup.quantum;
    const tried = trySimulate(next);
    if (!tried.ok) return bad(tried.error.key === 'switch' ? swI : tried.error.key === 'quantum' ? qI : jobsI, t.error(tried.error));
    err.textContent = '';
    restart(next, false);
  };
  modeS.addEventListener('change', fromForm);
  for (const el of [jobsI, swI, qI]) el.addEventListener('input', fromForm);
  figureB.addEventListener('click', () => {
    err.textContent = '';
    for (const el of [jobsI, swI, qI]) el.removeAttribute('aria-invalid');
    restart({ ...DEFAULT_SETUP, mode: setup.mode });
  });

  showForm();
  player.setTotal(stepTimes(run).length - 1, startAt);
  pictureFirst(body, slot, totalP, finishes);
  host.replaceChildren(body);
  fit(chart, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('multiprog-widget', mount);
