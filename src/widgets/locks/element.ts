// "Be the scheduler" (W17): the reader picks which buyer (or thread) runs next, one instruction at
// a time, and sees each program's current line, the shared file (or count), the lock, every private
// copy and the outcome. The kit's Player is the history: position k shows the state after k chosen
// steps; choosing a new step at k < n drops the steps after k, as an editor's undo does. The URL holds
// the setup, the schedule and the position. Everything shown is read from the model (view-sims.ts).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player, reducedMotion } from '../kit/player.ts';
import { pictureFirst } from '../kit/dom.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { gantt } from '../kit/draw/gantt.ts';
import { describe, text } from './i18n.ts';
import { counter, ganttOf, LIMITS, tickets, type Parts, type Sim } from './view-sims.ts';

type Attrs = Record<string, string | number | null>;

/** An element with a class, attributes and children (strings become text). */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', attrs: Attrs = {}, ...kids: Array<Node | string>) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const k in attrs) if (attrs[k] !== null) e.setAttribute(k, String(attrs[k]));
  e.append(...kids);
  return e;
}

const set = (e: Element, k: string, v: string | null) => (v === null ? e.removeAttribute(k) : e.setAttribute(k, v));

function mount<C, S>(host: HTMLElement, sim: Sim<C, S>): void {
  const lang = langOf(host);
  const t = text[lang];
  const id = host.dataset.id ?? sim.kind;
  const name = (i: number) => sim.prefix + (i + 1);
  const num = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

  // ---- the run: setup, the chosen steps (the history) and every state along them
  let config = (sim.make(sim.dflt) as { value: C }).value;
  let schedule: number[] = [];
  let notice = '';
  const raw = readState(id);
  let at = 0;
  if (raw !== null) {
    const d = sim.decode(raw);
    if (d.ok) ({ config, schedule, position: at } = d.value);
    else notice = kitText[lang].badState;
  }
  let states: S[] = [];
  const replay = () => {
    let s = sim.start(config);
    states = [s];
    for (const i of schedule) states.push((s = sim.step(s, i)));
  };
  replay();
  let seed = 0;
  let explored = false;
  const actors = () => sim.parts(config)[sim.actorField];

  // ---- the frame
  const body = h('div', 'widget-body lk', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));

  // Setup: the two numbers and the lock.
  const err = h('p', 'kit-error lk-err', { id: `${id}-err` });
  const inputs = sim.fields.map((f) => {
    const { min, max } = LIMITS[f];
    return h('input', '', { type: 'number', inputmode: 'numeric', min, max, step: 1, 'aria-describedby': err.id });
  });
  const lockBox = h('input', '', { type: 'checkbox' });
  const setup = h(
    'div',
    'lk-setup',
    { role: 'group', 'aria-label': t.setup },
    ...sim.fields.map((f, k) => h('label', '', {}, t[f], inputs[k]!)),
    h('label', '', {}, lockBox, t.lock),
  );

  // The whole-schedule buttons.
  const worst = h('button', 'kit-btn lk-worst', { type: 'button' }, sim.kind === 'tickets' ? t.worst : t.worstCounter);
  const random = h('button', 'kit-btn', { type: 'button' }, t.random);
  const undo = h('button', 'kit-btn', { type: 'button', 'aria-keyshortcuts': 'U' }, t.undo, h('kbd', '', { 'aria-hidden': 'true' }, 'u'));
  const keys = h('p', 'kit-keys');

  // The machine: the shared value, the lock and the outcome; a row per actor (run it, its private
  // copy, its status); the program once, with a column of markers per actor, so actors standing on
  // the same line (every buyer about to write) show as one row.
  const shared = h('code');
  const lockLine = h('p');
  const outcome = h('p', 'lk-outcome');
  const rows = h('tbody');
  const progHead = h('tr');
  const progBody = h('tbody');
  const progCap = h('p', 'lk-cap', { id: `${id}-cap` });
  const sched = h('p', 'lk-sched');
  const logSum = h('summary');
  const logList = h('ol');
  const th = (label: string, scope = 'col') => h('th', '', { scope }, label);
  // The picture: the schedule so far (kit gantt) and the program, whose current lines are the
  // scheduler's controls. `kit-stage` lets the player's ←/→ step while focus is in here.
  const chart = h('div', 'kit-pic lk-gantt');
  // A frame that may scroll sideways is a keyboard stop, so it can be scrolled without a mouse.
  chart.tabIndex = 0;
  const progScroll = h('div', 'lk-scroll', { tabindex: 0, role: 'region', 'aria-label': `${t.code} · ${host.closest('figure')?.querySelector('figcaption')?.textContent ?? id}` }, h('table', 'lk-prog', { 'aria-describedby': progCap.id }, h('thead', '', {}, progHead), progBody));
  const world = h('div', 'lk-world', {}, h('p', '', {}, ...(sim.kind === 'tickets' ? [h('b', '', {}, 'data.json'), ' '] : []), shared), lockLine, outcome);
  const runTools = h('div', 'lk-tools', {}, worst, random, undo);
  body.append(
    setup,
    err,
    world,
    // The run buttons are the accessible twin of the program's lines, so they belong to the picture too.
    h(
      'div',
      'kit-stage lk-stage',
      {},
      chart,
      progCap,
      progScroll,
      h(
        'table',
        'lk-actors',
        // Named by aria-label, not a visually hidden caption: the layout check measures every caption.
        { 'aria-label': t.who },
        h('thead', '', {}, h('tr', '', {}, th(t.actor[sim.prefix]!), th(t.next), th(sim.kind === 'tickets' ? 'data' : 'tmp'), th(t.state))),
        rows,
      ),
    ),
    runTools,
    keys,
    sched,
    h('details', 'lk-log', {}, logSum, logList),
  );

  type Row = { btn: HTMLButtonElement; go: HTMLButtonElement; why: HTMLElement; tr: HTMLElement; local: HTMLElement; status: HTMLElement; marks: HTMLElement[] };
  let view: Row[] = [];

  /** Rows, buttons and marker columns for the current setup. */
  const build = () => {
    const [a, b, lock] = sim.parts(config);
    inputs[0]!.value = String(a);
    inputs[1]!.value = String(b);
    lockBox.checked = lock;
    const n = actors();
    keys.textContent = t.keys(n, sim.prefix);
    lockLine.hidden = !lock;
    progCap.textContent = t.program(t.actor[sim.prefix]!, lock);
    progHead.replaceChildren();
    const lines = sim.program(config).map((l) => h('tr', '', {}, h('td', '', {}, h('code', '', {}, l.code))));
    progBody.replaceChildren(...lines);
    view = [];
    rows.replaceChildren();
    for (let i = 0; i < n; i++) {
      const why = h('span', 'lk-why', { id: `${id}-why-${i}` });
      const btn = h('button', 'kit-btn lk-run', { type: 'button', 'aria-keyshortcuts': i + 1 }, h('span', '', {}, t.run(name(i))), why);
      btn.addEventListener('click', () => act(i));
      const local = h('td', 'lk-local');
      const status = h('td');
      const tr = h('tr', '', {}, th(name(i), 'row'), h('td', '', {}, btn), local, status);
      rows.append(tr);
      progHead.append(th(name(i)));
      const marks = lines.map((line) => line.insertBefore(h('td', 'lk-mark'), line.lastChild));
      // The actor's current line runs it: the reader is the scheduler (the Run buttons are the twin).
      const go = h('button', 'lk-go', { type: 'button', 'aria-describedby': why.id });
      go.addEventListener('click', () => act(i));
      view.push({ btn, go, why, tr, local, status, marks });
    }
    progHead.append(h('td'));
  };

  /** Shows the state after `p` steps and returns what the live region says. */
  const render = (p: number): string => {
    const s = states[p] as S;
    const holder = sim.holder(s);
    const program = sim.program(config);
    const last = p > 0 ? schedule[p - 1] : -1;
    view.forEach((v, i) => {
      const why = sim.whyNot(s, i);
      set(v.btn, 'aria-disabled', why ? 'true' : null);
      v.why.textContent = why === 'blocked' ? t.blocked(name(holder ?? 0)) : why ? t.finished : '';
      const cur = sim.line(s, i);
      const here = cur === null ? null : program[cur]!;
      v.marks.forEach((td, j) => {
        const l = program[j]!;
        set(td, 'aria-current', j === cur ? 'step' : null);
        if (j === cur) {
          v.go.textContent = why === 'blocked' ? '■' : '▶';
          v.go.setAttribute('aria-label', t.runLine(name(i), l.code));
          set(v.go, 'aria-disabled', why ? 'true' : null);
          if (v.go.parentElement !== td) td.replaceChildren(v.go);
        } else if (td.firstChild) td.replaceChildren();
        // The other lines of the same step (the `with open` around a read) get a quiet bar, drawn by CSS
        // so that screen readers, which hear ▶ and aria-current, are not read a column of bars.
        td.classList.toggle('lk-in', j !== cur && !!here && l.step === here.step && (!l.branch || l.branch === here.branch));
      });
      v.tr.classList.toggle('lk-last', last === i);
      v.local.textContent = sim.local(s, i, t);
      v.status.textContent = [sim.status(s, i, t), holder === i ? t.holds : '', last === i ? t.just : ''].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
    });
    shared.textContent = sim.shared(s);
    lockLine.textContent = holder === null ? t.lockFree : t.lockHeld(name(holder));
    const [said, kind] = sim.outcome(s, t);
    outcome.textContent = said;
    outcome.dataset.kind = kind;
    const done = schedule.slice(0, p).map(name).join(' ');
    const redo = schedule.slice(p).map(name).join(' ');
    sched.replaceChildren(t.schedule, done || t.none, ...(redo ? [' ', h('span', 'lk-redo', {}, `(${t.redo}${redo})`)] : []));
    const log = sim.log(s, lang);
    logSum.textContent = t.log(log.length);
    logList.replaceChildren(...log.map((l) => h('li', '', {}, l)));
    shownAt = p;
    drawChart();
    return p === 0 ? t.begin : sim.said(s, lang) + (kind === 'run' ? '' : (lang === 'zh' ? '。' : '. ') + said);
  };

  // The chart is drawn for the width it has and the presenter scale (kit fit), at the step shown.
  let shownAt = 0;
  let fitted: Fit | null = null;
  const drawChart = () => {
    if (fitted) chart.innerHTML = gantt(ganttOf(sim, states, shownAt, t), fitted);
  };

  const encode = (p: number) => sim.encode(config, schedule, p);
  const save = () => writeState(id, encode(player.position));
  // The player's bar, narration and key list go right under the buttons that make the history.
  const slot = h('div', 'lk-player');
  keys.before(slot);
  const player = new Player(body, { id, lang, total: schedule.length, render, encode, barHost: slot, liveHost: slot });
  build();
  player.go(at, false);

  /** The reader chose `i` to run next: the steps after the current position are dropped. */
  function act(i: number): void {
    player.pause();
    const p = player.position;
    const s = states[p] as S;
    const why = sim.whyNot(s, i);
    if (why) {
      player.say(t.cannot(name(i), view[i]!.why.textContent ?? ''));
      return;
    }
    const go = view[i]!.go;
    const refocus = document.activeElement === go;
    schedule = [...schedule.slice(0, p), i];
    states = [...states.slice(0, p + 1), sim.step(s, i)];
    player.setTotal(schedule.length, schedule.length);
    save();
    // Clicked or Entered on its line: focus follows the actor to its next line (or stays in the widget).
    if (refocus) (go.isConnected ? go : body).focus();
  }

  /** A whole schedule from the model, shown from its start; it plays unless the reader asked for less motion. */
  function load(next: number[], what: string): void {
    player.pause();
    schedule = next;
    replay();
    player.setTotal(schedule.length, 0);
    save();
    const still = reducedMotion();
    player.say(t.loaded(what, schedule.map(name).join(' '), still));
    if (!still) player.play();
  }

  /** A new setup starts a new, empty run. */
  function reconfigure(): void {
    const vals = inputs.map((e) => e.valueAsNumber);
    const bad = sim.fields.findIndex((f, k) => !Number.isInteger(vals[k]) || vals[k]! < LIMITS[f].min || vals[k]! > LIMITS[f].max);
    inputs.forEach((e, k) => set(e, 'aria-invalid', k === bad ? 'true' : null));
    if (bad >= 0) {
      const f = sim.fields[bad]!;
      err.textContent = t.range(t[f], LIMITS[f].min, LIMITS[f].max);
      player.say(err.textContent);
      return;
    }
    err.textContent = '';
    const next = sim.make([vals[0]!, vals[1]!, lockBox.checked] as Parts);
    if (!next.ok || String(sim.parts(next.value)) === String(sim.parts(config))) return;
    player.pause();
    config = next.value;
    schedule = [];
    replay();
    build();
    player.setTotal(0, 0);
    save();
    player.say(t.setupNow(describe(lang, sim.kind, ...sim.parts(config))));
    if (explored) showExplore();
  }

  function undoStep(): void {
    if (player.position > 0) player.go(player.position - 1);
    else player.say(t.nothingToUndo);
  }

  // ---- explore: every schedule of this size, without and with the lock
  const exploreBtn = h('button', 'kit-btn', { type: 'button', 'aria-controls': `${id}-all` }, t.explore);
  const exploreOut = h('div', 'lk-all', { id: `${id}-all` });
  function showExplore(): void {
    explored = true;
    const [a, b] = sim.parts(config);
    const head = t.exploreHead(describe(lang, sim.kind, a, b));
    const said = [head];
    const items = [false, true].map((lock) => {
      const label = (lock ? t.withLock : t.noLock) + t.colon;
      let line: string = t.tooBig;
      let dist = '';
      try {
        const r = sim.explore((sim.make([a, b, lock]) as { value: C }).value, t);
        line = (sim.kind === 'tickets' ? t.oversells : t.loses)(num(r.bad), num(r.all));
        dist = r.dist.map(([l, n]) => l + t.colon + t.schedulesN(num(n))).join(' · ');
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
      }
      said.push(label + line + (lang === 'zh' ? '。' : '.'));
      return h('li', '', {}, h('strong', '', {}, label), line, ...(dist ? [h('br'), h('span', 'lk-dist', {}, dist)] : []));
    });
    exploreOut.replaceChildren(h('p', '', {}, head), h('ul', '', {}, ...items));
    player.say(said.join(' '));
  }
  body.append(h('div', 'lk-explore', {}, exploreBtn, exploreOut));

  // ---- events
  for (const e of inputs) e.addEventListener('change', reconfigure);
  lockBox.addEventListener('change', reconfigure);
  worst.addEventListener('click', () => load(sim.worst(config), worst.textContent ?? ''));
  random.addEventListener('click', () => load(sim.random(config, ++seed), t.seed(seed)));
  undo.addEventListener('click', undoStep);
  exploreBtn.addEventListener('click', showExplore);
  body.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey || target.matches('input:not([type=checkbox]):not([type=range]),textarea,select')) return;
    const n = Number(e.key);
    if (n >= 1 && n <= actors() && e.key.length === 1) act(n - 1);
    else if (e.key === 'u' || e.key === 'U') undoStep();
    else return;
    e.preventDefault();
  });

  pictureFirst(body, slot, keys, world, runTools);
  host.replaceChildren(body);
  fit(chart, (f) => {
    fitted = f;
    drawChart();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

class LocksWidget extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    if (this.localName === 'locks-counter') mount(this, counter);
    else mount(this, tickets);
  }
}

customElements.define('locks-widget', LocksWidget);
customElements.define('locks-counter', class extends LocksWidget {});
