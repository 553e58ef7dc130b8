// W13 scheduler simulator: the reader picks a scenario or a policy, or types jobs and parameters,
// and steps the run tick by tick: the chart (who runs when, waits and I/O), the ready queues now
// (a row per MLFQ level) and the times table. Any change starts again at t = 0. The URL holds the
// whole setup and the step (?scheduler=m.2.1-2-4.1-2-4.0.n.0-6_1-2_2-1.3).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { gantt } from '../kit/draw/gantt.ts';
import { slots } from '../kit/draw/slots.ts';
import { table } from '../kit/draw/table.ts';
import { defineWidget } from '../kit/define.ts';
import { schedText } from './i18n.ts';
import { checkInput, decodeState, DEFAULT_PRESET, encodeState, formatJobs, parseJobs, POLICIES, preset, PRESET_NAMES, presetOf, trace, type ParseError, type Policy, type Setup, type Trace } from './model.ts';
import { ganttOf, narrate, queuesOf, tableOf } from './view.ts';
import { h, pictureFirst } from '../kit/dom.ts';

let uid = 0;
/** A control and its label beside it (not around a select: its options would become part of its name). */
function field<E extends HTMLElement>(label: string, control: E): [HTMLElement, E] {
  control.id = `sc-${++uid}`;
  return [h('span', 'sc-field', {}, h('label', '', { for: control.id }, label), control), control];
}
function select(label: string, options: Array<[string, string]>): [HTMLElement, HTMLSelectElement] {
  const s = h('select');
  for (const [v, text] of options) s.append(h('option', '', { value: v }, text));
  return field(label, s);
}
const textField = (label: string, size: number) => field(label, h('input', '', { type: 'text', inputmode: 'numeric', size, autocomplete: 'off', spellcheck: 'false' }));

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = schedText[lang];
  const id = host.dataset.id ?? 'scheduler';
  let setup: Setup = preset(DEFAULT_PRESET);
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ setup, step: start } = d);
    else notice = kitText[lang].badState;
  }
  let tr: Trace = trace(setup);

  const body = h('div', 'widget-body sc', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const [presetL, presetS] = select(t.preset, [...PRESET_NAMES, 'custom'].map((p) => [p, t.presets[p]!]));
  const [policyL, policyS] = select(t.policy, POLICIES.map((p) => [p, t.policies[p]!]));
  body.append(h('div', 'sc-form', { role: 'group', 'aria-label': t.settings }, presetL, policyL));

  const slot = h('div', 'sc-player');
  const chart = h('div', 'kit-pic sc-chart', { tabindex: 0, role: 'group', 'aria-label': t.chart });
  const queues = h('div', 'sc-queues', { role: 'group', 'aria-label': t.queues });
  const stats = h('div', 'kit-pic sc-table');
  body.append(slot, h('div', 'kit-stage', {}, chart, h('p', 'sc-legend', {}, t.legend), queues), stats);

  // The editor: jobs, the slice, the MLFQ levels; checked as a whole on "Run".
  const err = h('p', 'kit-error sc-err', { id: `${id}-err`, role: 'alert' });
  const [jobsL, jobsT] = field(t.jobs, h('textarea', '', { rows: 4, cols: 24, spellcheck: 'false', 'aria-describedby': `${id}-help ${id}-err` }));
  const [qL, qI] = textField(t.quantum, 3);
  const [quantaL, quantaI] = textField(t.quanta, 8);
  const [allotL, allotI] = textField(t.allotments, 8);
  const [boostL, boostI] = textField(t.boost, 4);
  const [ruleL, ruleS] = select(t.rule4, (['fixed', 'old'] as const).map((k) => [k, t.rules[k]!]));
  const inputs = [jobsT, qI, quantaI, allotI, boostI];
  for (const i of inputs.slice(1)) i.setAttribute('aria-describedby', err.id);
  const run = h('button', 'kit-btn sc-run', { type: 'button' }, t.apply);
  const edit = h('div', 'sc-edit', { role: 'group', 'aria-label': t.settings }, jobsL, h('p', 'sc-help', { id: `${id}-help` }, t.jobsHelp), h('div', 'sc-form', {}, qL, quantaL, allotL, boostL, ruleL), run, err);
  body.append(edit);

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (!fitted) return;
    chart.innerHTML = gantt(ganttOf(tr, shown, t), fitted);
    queues.replaceChildren(...queuesOf(tr, shown, t).map((q) => {
      const pic = h('div', 'sc-queue');
      pic.innerHTML = slots(q.slots, fitted!);
      return h('div', '', {}, h('p', 'sc-qhead', {}, q.head), pic);
    }));
  };
  const render = (p: number): string => {
    shown = p;
    stats.innerHTML = table(tableOf(tr, p, t));
    draw();
    return narrate(tr, p, t);
  };
  const encode = (p: number) => encodeState(setup, p);
  const player = new Player(body, { id, lang, total: tr.end, render, encode, barHost: slot, liveHost: slot });

  const showForm = () => {
    presetS.value = presetOf(setup) ?? 'custom';
    policyS.value = setup.policy;
    jobsT.value = formatJobs(setup.jobs);
    qI.value = String(setup.quantum);
    quantaI.value = setup.mlfq.quanta.join(' ');
    allotI.value = setup.mlfq.allotments.join(' ');
    boostI.value = String(setup.mlfq.boost);
    ruleS.value = setup.mlfq.rule4;
    qL.hidden = setup.policy !== 'RR';
    for (const f of [quantaL, allotL, boostL, ruleL]) f.hidden = setup.policy !== 'MLFQ';
  };
  const restart = (next: Setup) => {
    setup = next;
    tr = trace(setup);
    showForm();
    player.setTotal(tr.end, 0);
    writeState(id, encode(0));
  };
  const fail = (e: ParseError | string, where: HTMLElement) => {
    err.textContent = typeof e === 'string' ? e : t.error(e);
    where.setAttribute('aria-invalid', 'true');
    player.say(err.textContent);
  };
  /** Whole numbers from a field ("1 2 4"), or null with the reason shown. */
  const ints = (i: HTMLInputElement, label: string): number[] | null => {
    const words = i.value.trim().split(/[\s,，]+/).filter(Boolean);
    if (!words.length || words.some((w) => !/^-?\d{1,6}$/.test(w))) return fail(t.notNumber(label), i), null;
    return words.map(Number);
  };
  const fromForm = () => {
    err.textContent = '';
    for (const i of inputs) i.removeAttribute('aria-invalid');
    const parsed = parseJobs(jobsT.value);
    if (!parsed.ok) return fail(parsed.error, jobsT);
    const q = ints(qI, t.quantum);
    const quanta = q && ints(quantaI, t.quanta);
    const allot = quanta && ints(allotI, t.allotments);
    const boost = allot && ints(boostI, t.boost);
    if (!q || !quanta || !allot || !boost) return;
    const next: Setup = { policy: policyS.value as Policy, jobs: parsed.jobs, quantum: q[0]!, mlfq: { quanta, allotments: allot, boost: boost[0]!, rule4: ruleS.value === 'old' ? 'old' : 'fixed' } };
    // Every field is checked, the hidden ones too: a link carries the whole form.
    const bad = checkInput({ ...next, policy: 'RR' }) ?? checkInput({ ...next, policy: 'MLFQ' });
    if (bad) {
      const where = bad.key === 'quantum' ? qI : bad.key === 'boost' ? boostI : bad.key === 'levels' || bad.key === 'level-value' ? (bad.key === 'level-value' && bad.field === 'allotments' ? allotI : quantaI) : jobsT;
      return fail(bad, where);
    }
    restart(next);
  };
  presetS.addEventListener('change', () => presetS.value !== 'custom' && restart(preset(presetS.value as (typeof PRESET_NAMES)[number])));
  policyS.addEventListener('change', fromForm);
  ruleS.addEventListener('change', fromForm);
  run.addEventListener('click', fromForm);
  for (const i of inputs.slice(1)) i.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && fromForm());

  showForm();
  player.setTotal(tr.end, Math.min(start, tr.end));
  pictureFirst(body, slot, stats);
  host.replaceChildren(body);
  fit(chart, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('scheduler-widget', mount);
