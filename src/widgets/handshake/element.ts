// The TCP state machine (W6), live: a scenario (preset, initial sequence numbers, TIME-WAIT rule,
// lost segments) is run through the model once, and the kit's Player walks its steps. Each position
// shows both endpoints' RFC 9293 states and pending timers, the time-sequence diagram so far, Figure 5
// with the edges just taken, and the narration in the page's language. Nothing here decides what
// TCP does: every picture and sentence is read off simulate()'s steps (view-*.ts). The markup and
// the words come with the page (Handshake.astro), so this code carries no language of its own.
import { langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { DEFAULT_SCENARIO, PRESETS, SEQ_MOD, timeWaitSeconds, type Scenario, type Step } from './model.ts';
import { fill, type LiveText } from './i18n.ts';
import { SIDES, figureMarks, letters, isTransmission, letter, other, secs, segWords, sequenceLayout, DIAGRAM_WIDTH, FIGURE_HEIGHT, FIGURE_WIDTH } from './view-svg.ts';
import { neighbourhood } from '../kit/draw/states.ts';
import { TRANSITIONS, transition } from './transitions.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { describe } from './view-text.ts';
import { presetOf, runAt, stateCode, toggleLoss, tryRun, type Run } from './view-run.ts';
import { defineWidget } from '../kit/define.ts';

async function mount(host: HTMLElement): Promise<void> {
  const lang = langOf(host);
  const figure = host.closest('figure')!;
  const template = figure.querySelector<HTMLTemplateElement>('.hs-live')!;
  let t: LiveText;
  try {
    t = JSON.parse(figure.querySelector('.hs-words')!.textContent!);
  } catch {
    return; // no words, no live widget: the static run stays
  }
  const id = host.dataset.id!;
  const body = (template.content.cloneNode(true) as DocumentFragment).firstElementChild as HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => body.querySelector<T>(s)!;
  const $$ = <T extends Element = HTMLElement>(s: string) => [...body.querySelectorAll<T>(s)];

  // ---- the run: from the link if it names one, else the default (and say so)
  let run: Run = tryRun(DEFAULT_SCENARIO)!;
  let at = 0;
  const raw = readState(id);
  const l = raw === null ? undefined : await import('./view-link.ts').then((m) => m.linkedRun(raw, t, lang), () => undefined);
  const linked = l && ('steps' in l ? (l as Run & { position: number }) : runAt(l));
  if (linked) ({ position: at, ...run } = linked);
  if (raw !== null && !linked) $('.kit-notice').hidden = false;

  const preset = $<HTMLSelectElement>('.hs-preset');
  const tw = $<HTMLSelectElement>('.hs-tw');
  const isn = $$<HTMLInputElement>('.hs-isn');
  const states = $$('.hs-state');
  const timers = $$('.hs-timers');
  const clock = $('.hs-clock-t b');
  const seq = $('.hs-seq-box');
  const fig = $<SVGSVGElement>('.hs-fig');
  const marked = [...fig.querySelectorAll<SVGElement>('[data-e],[data-s]')];
  const list = $('.hs-segs');
  const near = $('.hs-near');
  const wholeLabel = $('.hs-whole-l');
  const whole = $<HTMLInputElement>('.hs-whole');

  // The sequence diagram is laid out whole once per run and per width (kit/draw/lanes.ts); a step
  // only shows the rows so far (the picture ends where they end: nothing blank below), marks the
  // current one, and hands the keyboard stop to its arrow.
  let size: Fit = { width: DIAGRAM_WIDTH, scale: 1 };
  let drawn: { svg: SVGSVGElement; rows: SVGGElement[]; ends: number[]; width: number } | null = null;
  const showSequence = (p: number, label: string) => {
    if (!drawn) {
      const layout = run.rec ? run.rec.layout(size.width, size.scale) : sequenceLayout(run.steps, t, label, size.width, size.scale, run.scenario.isn);
      seq.innerHTML = layout.svg;
      const svg = seq.querySelector<SVGSVGElement>('svg')!;
      // Arrows are things to touch: the picture is a group of them, not a flat image.
      svg.setAttribute('role', 'group');
      for (const a of svg.querySelectorAll<SVGGElement>('.kit-arrow[data-key]')) {
        const s = run.steps.find((x) => isTransmission(x) && String(x.index) === a.dataset.key)!;
        a.setAttribute('role', 'button');
        a.setAttribute('tabindex', '-1');
        a.setAttribute('aria-pressed', String(!!s.lost));
        // Named by what it shows (its label's lines read back); what pressing it does is its description.
        a.setAttribute('aria-label', (a.querySelector('.kit-lbl')?.textContent ?? segWords(s)).replace(/\s+/g, ' ').trim());
        const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
        desc.textContent = fill(t.lose, { n: s.index! + 1 });
        a.prepend(desc);
      }
      drawn = { svg, rows: [...svg.querySelectorAll<SVGGElement>('.kit-row')], ends: layout.ends, width: layout.width };
    }
    const h = drawn.ends[p]!;
    drawn.svg.setAttribute('height', String(h));
    drawn.svg.setAttribute('viewBox', `0 0 ${drawn.width} ${h}`);
    drawn.svg.setAttribute('aria-label', label);
    const s = run.steps[p];
    const landing = s?.kind === 'arrive' ? run.steps.findIndex((x) => x.kind === 'send' && x.index === s.index) : -1;
    let stop: SVGGElement | null = null;
    drawn.rows.forEach((row, i) => {
      row.classList.toggle('kit-later', i > p);
      row.classList.toggle('kit-cur', i === p || i === landing);
      const a = row.querySelector<SVGGElement>('.kit-arrow[data-key]');
      if (a && i <= p) stop = a;
    });
    // One keyboard stop in the picture: the latest arrow drawn (↑/↓ move between arrows).
    if (!drawn.svg.contains(document.activeElement))
      for (const a of drawn.svg.querySelectorAll<SVGGElement>('.kit-arrow[data-key]')) a.setAttribute('tabindex', a === stop ? '0' : '-1');
  };

  // Figure 5 whole when the column can hold it at full type size (or the reader asks for it: it
  // then scrolls in its frame); otherwise each endpoint's neighbourhood in it: the edge it just
  // took, where it is, and every edge out of there.
  const wholeFits = () => size.width >= FIGURE_WIDTH * size.scale;
  const showNear = (s: Step, seen: Set<string | undefined>, label: string) => {
    const fits = wholeFits();
    wholeLabel.hidden = fits;
    const nearOn = !fits && !whole.checked;
    near.hidden = !nearOn;
    fig.parentElement!.hidden = nearOn;
    if (!nearOn) return;
    const two = size.width >= 2 * 300 * size.scale + 32;
    const w = two ? Math.floor((size.width - 34) / 2) : size.width;
    near.innerHTML = SIDES.map((side) => {
      const state = s.states[side];
      const came = s.edges[side] ? transition(s.edges[side]!) : undefined;
      const next = TRANSITIONS.filter((e) => e.from === state && (e.figure || seen.has(e.id)));
      return neighbourhood({ who: t[side], current: state, came, next, nextTitle: t.near, width: w, scale: size.scale, label: `${t[side]}: ${state}. ${label}` }).svg;
    }).join('');
  };
  whole.addEventListener('change', () => player.go(player.position, false, true));

  // Everything a step writes, worked out for the whole run at once (pure, a few ms per run), so a
  // step only copies it into the page: the first pass through a run no longer pays for compiling
  // and running the text code step by step.
  const prepare = (steps: Step[]) =>
    run.rec?.shown ?? steps.map((s, p) => {
      // Simulated time: the states are those once this step's segment has arrived, and each pending
      // deadline (Step.deadlines: retransmit, timeWait) is shown as what is left of it then.
      const now = s.arrives ?? s.t;
      const timerHtml = SIDES.map(
        (side) =>
          Object.entries(s.deadlines[side])
            .map(([kind, at]) => `<p>${fill(t[kind as 'retransmit'], { at: secs(at), left: secs(at - now), total: secs(timeWaitSeconds(run.scenario)) })}</p>`)
            .join('') || `<p>${t.idle}</p>`,
      );
      return { now: secs(now), timerHtml, words: describe(steps, p, t), marks: figureMarks(steps, p) };
    });
  let prepared = prepare(run.steps);

  const render = (p: number): string => {
    const s = run.steps[p]!;
    const { now, timerHtml, words, marks: m } = prepared[p]!;
    clock.textContent = now;
    SIDES.forEach((side, k) => {
      states[k]!.textContent = s.states[side];
      timers[k]!.innerHTML = timerHtml[k]!;
    });
    const [said, seqName, figName] = words;
    showSequence(p, seqName);
    for (const g of marked) {
      // An edge is marked for the endpoint(s) that took it in this step, a box for the one(s) in it.
      const e = g.dataset.e;
      const on = SIDES.map((side) => (e ? s.edges[side] : m.at[side]) === (e ?? g.dataset.s));
      g.classList.toggle('hs-on', on.includes(true));
      g.classList.toggle('hs-seen', m.seen.has(e!));
      // Only touch the DOM where the letters change: re-parsing every mark each step was the
      // slowest part of a step.
      const [dx, dy] = (g.dataset.b ?? '0 0').split(' ').map(Number);
      const l = letters(on, dx, dy);
      if (g.dataset.l !== l) {
        g.dataset.l = l;
        g.lastElementChild!.innerHTML = l;
      }
    }
    fig.setAttribute('aria-label', figName);
    showNear(s, m.seen, figName);
    for (const li of list.children as HTMLCollectionOf<HTMLElement>) {
      const i = +li.dataset.i!;
      if (i === s.index) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    return said;
  };

  // The player's bar, narration and key list go between the endpoints and the diagrams.
  const code = (p: number) => (run.rec ? `${run.rec.code}.${p}` : stateCode(run.scenario, p));
  const slot = $('.hs-player');
  const player = new Player(body, { id, lang, total: run.steps.length - 1, render, encode: code, barHost: slot, liveHost: slot });

  /** A new run: the list of segments with their "lose this segment" toggles, and the controls. */
  const build = () => {
    // The recording: its own list heading, no clock, timers or settings (handshake.css).
    body.toggleAttribute('data-rec', !!run.rec);
    list.setAttribute('aria-labelledby', `${id}-${run.rec ? 'rec-' : ''}segs`);
    list.innerHTML = run.rec?.list ?? run.steps
      .filter(isTransmission)
      .map(
        (s) =>
          `<li data-i="${s.index}"><span class="hs-what">${letter(s.segment!.from)} → ${letter(other(s.segment!.from))} ${segWords(s)}</span> <button type="button" class="kit-btn hs-lose" aria-pressed="${!!s.lost}" data-i="${s.index}">${fill(t.lose, { n: s.index! + 1 })}</button></li>`,
      )
      .join('');
    // The controls, as the scenario says.
    const sc = run.scenario;
    const name = run.rec?.code ?? presetOf(sc) ?? '';
    preset.value = name;
    preset.lastElementChild!.toggleAttribute('hidden', name !== '');
    const odd = sc.timeWait === 'rfc' && sc.msl !== DEFAULT_SCENARIO.msl;
    tw.lastElementChild!.toggleAttribute('hidden', !odd);
    tw.value = odd ? '' : sc.timeWait;
  };

  /**
   * A new scenario: run it and show it at the step `pick` chooses (default: the start, as for any
   * change of scenario or option). If it cannot run, the last run stays.
   */
  const load = (scenario: Scenario | Run, pick?: (steps: Step[]) => number) => {
    const next = 'steps' in scenario ? scenario : tryRun(scenario);
    if (!next) return void player.say(t.failed);
    run = next;
    prepared = prepare(run.steps);
    drawn = null; // a new run: the next render draws its diagram whole
    build();
    player.setTotal(run.steps.length - 1, pick ? pick(run.steps) : 0);
    writeState(id, code(player.position));
  };

  list.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLElement>('button[data-i]');
    if (!b) return;
    const index = Number(b.dataset.i);
    player.pause();
    const r = toggleLoss(run.scenario, index);
    if (!r.ok) return void player.say(t.loseBad);
    load(r.scenario, (steps) => steps.findIndex((x) => x.index === index));
    $(`button[data-i="${index}"]`).focus();
  });
  // Touch the thing: a click, a tap or Enter on an arrow loses (or restores) that segment, as its
  // twin in the list below does; ↑/↓ move between the arrows drawn so far.
  const loseFromArrow = (a: SVGGElement) => {
    const index = Number(a.dataset.key);
    player.pause();
    const r = toggleLoss(run.scenario, index);
    if (!r.ok) return void player.say(t.loseBad);
    load(r.scenario, (steps) => steps.findIndex((x) => x.index === index));
    seq.querySelector<SVGGElement>(`.kit-arrow[data-key="${index}"]`)?.focus();
  };
  seq.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<SVGGElement>('.kit-arrow[data-key]');
    if (a) loseFromArrow(a);
    const title = (e.target as Element).closest<SVGGElement>('.kit-lane-title');
    // Set an ISN on the picture (isn-edit.ts, fetched on the first click: most readers never do);
    // not in a recording, whose ISNs are what Linux chose.
    if (title && !run.rec) void import('./isn-edit.ts').then((m) => m.editIsn(title, seq, isn));
  });
  seq.addEventListener('keydown', (e) => {
    const a = (e.target as Element).closest<SVGGElement>('.kit-arrow[data-key]');
    if (!a) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      loseFromArrow(a);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const all = [...seq.querySelectorAll<SVGGElement>('.kit-row:not(.kit-later) .kit-arrow[data-key]')];
      const next = all[all.indexOf(a) + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next) {
        a.setAttribute('tabindex', '-1');
        next.setAttribute('tabindex', '0');
        next.focus();
      }
    }
  });
  isn.forEach((input, k) =>
    input.addEventListener('change', () => {
      const v = input.value.trim();
      const ok = /^\d{1,10}$/.test(v) && +v < SEQ_MOD;
      input.setAttribute('aria-invalid', String(!ok));
      input.parentElement!.nextElementSibling!.textContent = ok ? '' : t.isnBad;
      if (ok) load({ ...run.scenario, isn: { ...run.scenario.isn, [SIDES[k]!]: +v } });
      else player.say(t.isnBad);
    }),
  );
  preset.addEventListener('change', () => {
    const p = PRESETS[preset.value];
    if (p) load({ ...p, isn: run.scenario.isn });
    // A recording: their own file, fetched now (recorded.ts).
    else if (preset.value) void import('./recorded.ts').then((m) => load(m.recordedRun(t, lang, preset.value as 'linux')));
  });
  tw.addEventListener('change', () => {
    if (tw.value) load({ ...run.scenario, timeWait: tw.value as Scenario['timeWait'], msl: DEFAULT_SCENARIO.msl });
  });

  isn.forEach((input, k) => (input.value = String(run.scenario.isn[SIDES[k]!])));
  build();
  player.go(at, false);
  host.replaceChildren(body);
  figure.setAttribute('data-live', '');
  // Laid out for the width it has, and again when that or the presenter scale changes.
  fit(seq, (f) => {
    size = f;
    drawn = null;
    fig.setAttribute('width', String(Math.round(FIGURE_WIDTH * f.scale)));
    fig.setAttribute('height', String(Math.round(FIGURE_HEIGHT * f.scale)));
    player.go(player.position, false, true);
  });
  // A shared link to a step: the live widget is taller than the static run, so land on it again.
  if (linked && location.hash === `#${id}`) figure.scrollIntoView();
}

defineWidget('handshake-widget', mount);
