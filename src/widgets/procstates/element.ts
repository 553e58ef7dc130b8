// W12, the process-state lab: three processes, one or two cores. The reader picks a process and
// moves it along an edge of the diagram (the kit's neighbourhood(): the arrows are the edges out of
// its state, and clicking one takes it), or tries any event on it from the buttons beside it (an
// illegal one is refused with the reason). A row per process in the history chart shows where each
// is. Presets play an example a move at a time. The link holds the cores, the process shown and
// every move (?state-lab=1.1.1a1d1r…), so the states and the history come back.
import { kitText, langOf } from '../kit/i18n.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { tools } from '../kit/tools.ts';
import { defineWidget } from '../kit/define.ts';
import { statesText } from './i18n.ts';
import {
  apply, decodeState, DEFAULT_STATE, encodeState, EVENTS, legal, MAX_MOVES, PRESET_NAMES, PRESETS, presetState, replay, start, targetOf,
  type LabState, type Move, type PEvent, type PresetName, type World,
} from './model.ts';
import { diagramSvg, historySvg, narrate } from './view.ts';
import { addStyles } from './style.ts';
import { h, pictureFirst } from '../kit/dom.ts';


function mount(host: HTMLElement): void {
  addStyles();
  const lang = langOf(host);
  const t = statesText[lang];
  const id = host.dataset.id ?? 'state-lab';
  let s: LabState = { ...DEFAULT_STATE };
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d) s = d;
    else notice = kitText[lang].badState;
  }
  let worlds: World[] = replay(start(s.cores), s.moves)!;
  const now = () => worlds[worlds.length - 1]!;

  const body = h('div', 'widget-body ps', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const exampleS = h('select', '', { id: `${id}-ex` });
  for (const v of ['free', ...PRESET_NAMES]) exampleS.append(h('option', '', { value: v }, v === 'free' ? t.free : t.presets[v as PresetName]));
  const coresS = h('select', '', { id: `${id}-cores` });
  for (const v of ['1', '2']) coresS.append(h('option', '', { value: v }, v));
  const nextB = h('button', 'kit-btn ps-next', { type: 'button' });
  const undoB = h('button', 'kit-btn ps-undo', { type: 'button' }, t.undo);
  const resetB = h('button', 'kit-btn ps-reset', { type: 'button' }, t.reset);
  const procs = h('div', 'ps-row ps-procs', { role: 'group', 'aria-label': t.procs });
  const diagram = h('div', 'kit-pic ps-diagram', { tabindex: 0 });
  const events = h('div', 'ps-row');
  const eventsLegend = h('legend', '');
  const chart = h('div', 'kit-pic ps-chart', { tabindex: 0 });
  const live = h('p', 'kit-live ps-said', { role: 'status', 'aria-live': 'polite' });
  body.append(
    h('div', 'ps-row', {}, h('span', 'ps-field', {}, h('label', '', { for: exampleS.id }, t.example), exampleS), h('span', 'ps-field', {}, h('label', '', { for: coresS.id }, t.cores), coresS)),
    h('div', 'ps-row', {}, nextB, undoB, resetB),
    procs,
    h('div', 'kit-stage', {}, diagram),
    h('fieldset', 'ps-events', {}, eventsLegend, events),
    live,
    h('p', 'ps-cap', {}, t.history, ' · ', t.axis),
    chart,
    tools(host, { id, lang, encode: () => encodeState(s), say: (x) => (live.textContent = x), copyLabel: t.copy }),
  );

  let size: Fit | null = null;
  const draw = () => {
    if (!size) return;
    diagram.innerHTML = diagramSvg(worlds, s.moves, s.selected, t, size);
    chart.innerHTML = historySvg(worlds, t, size);
  };
  const say = (x: string, ok = true) => {
    live.textContent = x;
    live.classList.toggle('ps-no', !ok);
  };
  // The buttons are made once and only updated, so the one with the focus keeps it.
  const procBs = now().procs.map((_, p) => {
    const b = h('button', 'kit-btn', { type: 'button', 'data-p': p });
    b.addEventListener('click', () => select(p));
    return b;
  });
  procs.append(...procBs);
  const eventBs = EVENTS.map((e) => {
    const b = h('button', 'kit-btn', { type: 'button', 'data-e': e }, `${t.edge[e]} → ${t.state[targetOf(e)]}`);
    b.addEventListener('click', () => act({ p: s.selected, event: e }));
    return b;
  });
  events.append(...eventBs);
  const render = () => {
    const w = now();
    w.procs.forEach((q, p) => {
      procBs[p]!.textContent = `${t.proc(p)} · ${t.where(q.state, w.cores, q.core, q.call)}`;
      procBs[p]!.setAttribute('aria-pressed', String(p === s.selected));
    });
    const ok = new Set(legal(w, s.selected));
    eventsLegend.textContent = t.events(t.proc(s.selected));
    eventBs.forEach((b, i) => b.classList.toggle('ps-legal', ok.has(EVENTS[i]!)));
    const p = s.preset ? PRESETS[s.preset] : null;
    const m = p && s.next! < p.script.length ? p.script[s.next!]! : null;
    nextB.hidden = !p;
    nextB.textContent = m ? t.next(t.proc(m.p), t.edge[m.event]) : t.exampleDone;
    nextB.setAttribute('aria-disabled', String(!m));
    undoB.setAttribute('aria-disabled', String(!s.moves.length));
    exampleS.value = s.preset ?? 'free';
    coresS.value = String(s.cores);
    draw();
    writeState(id, encodeState(s));
  };
  const select = (p: number) => {
    s = { ...s, selected: p };
    render();
    const q = now().procs[p]!;
    say(`${t.proc(p)}: ${t.where(q.state, s.cores, q.core, q.call)}`);
  };
  /** Makes a move (or has it refused); `fromExample` when the example's next button made it. */
  const act = (m: Move, fromExample = false) => {
    if (s.moves.length >= MAX_MOVES) return say(t.full(MAX_MOVES), false);
    const o = apply(now(), m);
    const words = narrate(o, m.p, m.event, s.cores, t);
    const onScript = s.preset && PRESETS[s.preset].script[s.next!];
    const follows = !!onScript && onScript.p === m.p && onScript.event === m.event;
    s = { ...s, selected: m.p };
    if (o.ok) {
      s.moves = [...s.moves, m];
      worlds = [...worlds, o.world];
    }
    if (follows) s.next = s.next! + 1;
    else if (!fromExample && o.ok) s = { cores: s.cores, selected: s.selected, moves: s.moves };
    render();
    say(words, o.ok);
  };
  const load = (next: LabState, words: string) => {
    s = next;
    worlds = replay(start(s.cores), s.moves)!;
    render();
    say(words);
  };
  const begin = (name: PresetName | 'free', cores: 1 | 2) =>
    name === 'free' ? load({ cores, selected: 0, moves: [] }, t.begin(cores)) : load(presetState(name), t.presetBegin(t.presets[name]));

  nextB.addEventListener('click', () => {
    const m = s.preset ? PRESETS[s.preset].script[s.next!] : undefined;
    if (m) act(m, true);
  });
  undoB.addEventListener('click', () => {
    if (!s.moves.length) return;
    const m = s.moves[s.moves.length - 1]!;
    load({ cores: s.cores, selected: m.p, moves: s.moves.slice(0, -1) }, `${t.undo}: ${t.proc(m.p)} ${t.edge[m.event]}`);
  });
  resetB.addEventListener('click', () => begin(s.preset ?? 'free', s.cores));
  exampleS.addEventListener('change', () => begin(exampleS.value as PresetName | 'free', exampleS.value === 'free' ? s.cores : PRESETS[exampleS.value as PresetName].cores));
  coresS.addEventListener('change', () => begin('free', Number(coresS.value) as 1 | 2));
  // The picture is what the reader acts on: an edge out of the state is a button for the pointer
  // (the buttons under it are its keyboard twin).
  diagram.addEventListener('click', (e) => {
    const g = (e.target as Element).closest('.kit-next');
    const ev = g?.getAttribute('data-e') as PEvent | null;
    if (ev) act({ p: s.selected, event: ev });
  });

  pictureFirst(body);
  host.replaceChildren(body);
  render();
  const q = now().procs[s.selected]!;
  say(notice || (s.moves.length ? `${t.proc(s.selected)}: ${t.where(q.state, s.cores, q.core, q.call)}` : t.begin(s.cores)));
  fit(diagram, (f) => {
    size = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('procstates-widget', mount);
