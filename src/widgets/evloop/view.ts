// The event loop at one step, pure: the stage (the loop, the selector with the three sockets, a
// card per handler saying where it is suspended), the ready queue as slots, the timeline of who
// held the thread, the clients' table and the narration. Step k shows the trace's k-th step (step 0:
// the three handlers suspended at await reader.readline(), before the first select).
import type { BoxesInput, BoxNode } from '../kit/draw/boxes.ts';
import type { GanttInput, Tone } from '../kit/draw/gantt.ts';
import type { SlotsInput } from '../kit/draw/slots.ts';
import type { TableInput } from '../kit/draw/table.ts';
import { CLIENTS, lineText, type Step, type Trace } from './model.ts';
import type { LoopText } from './i18n.ts';

const tone = (i: number) => (i + 1) as Tone;
const at = (tr: Trace, p: number): Step => tr.steps[Math.max(0, Math.min(p, tr.steps.length - 1))]!;

/** Lines and close in a socket at a step: what the client sent that its handler has not read yet. */
function unread(tr: Trace, p: number, i: number): { lines: number; eof: boolean } {
  const st = at(tr, p);
  const c = st.clients[i]!;
  // Lines the handler has read so far: one per run of it that read a line.
  const read = tr.steps.slice(0, p + 1).filter((s) => s.action.kind === 'run' && s.action.task === i && s.action.did.includes('read')).length;
  return { lines: c.sent - read, eof: st.readable.includes(i) && c.sent === read };
}

/** Where a handler's code is at a step, as the line it waits on. */
function codeOf(tr: Trace, st: Step, i: number, t: LoopText): string[] {
  const x = st.tasks[i]!;
  if (x.state === 'done') return [t.closed];
  if (x.state === 'suspended' && x.at === 'sleep') return [`await asyncio.sleep(${tr.scenario.sleep})`, t.wake(x.wake)];
  return ['await reader.readline()'];
}

export function stageOf(tr: Trace, p: number, t: LoopText): BoxesInput {
  const st = at(tr, p);
  const a = st.action;
  const phase = a.kind === 'run' ? t.phase.run(a.task) : t.phase[st.phase === 'timers' ? 'timers' : st.phase === 'select' ? 'select' : 'start'];
  const loopLines = [t.now(st.t), phase];
  if (a.kind === 'select' && a.waited) loopLines.push(t.idle(a.waited));
  if (a.kind === 'run' && a.blocked) loopLines.push(`time.sleep(${a.blocked}) ✕`);
  const sockets: BoxNode[] = Array.from({ length: CLIENTS }, (_, i) => {
    const u = unread(tr, p, i);
    const lit = st.readable.includes(i);
    const watched = st.registered.includes(i);
    return { title: t.socket(i), lines: [watched ? t.registered : t.unwatched, lit ? t.readable(u.lines, u.eof) : t.quiet], tone: lit ? 2 : undefined, bold: lit, dashed: st.tasks[i]!.state === 'done' };
  });
  const cards: BoxNode[] = Array.from({ length: CLIENTS }, (_, i) => {
    const x = st.tasks[i]!;
    const ran = a.kind === 'run' && a.task === i;
    const word = ran && x.state !== 'done' ? t.state.ran! : t.state[x.state]!;
    const did = ran ? [a.did.map((d) => ({ read: 'readline()', eof: "readline() → b''", 'time-sleep': `time.sleep(${tr.scenario.sleep})`, 'asyncio-sleep': `asyncio.sleep(${tr.scenario.sleep})`, woke: 'sleep()', echo: 'write() drain()', close: 'close()' })[d]).join(' → ')] : [];
    return { title: t.handler(i), lines: [...did, word, ...(x.state === 'ready' ? [] : codeOf(tr, st, i, t))], tone: ran ? tone(i) : undefined, bold: ran, dashed: x.state === 'done' };
  });
  return {
    label: t.stage,
    boxes: [
      { title: t.loop, lines: loopLines, bold: true, children: [{ title: t.selector, children: sockets }] },
      { title: 'async def handle(reader, writer)', children: cards },
    ],
  };
}

export function readyOf(tr: Trace, p: number, t: LoopText): SlotsInput {
  const st = at(tr, p);
  return { maxsize: 0, items: st.ready.map((i) => `C${i + 1}`), tones: st.ready.map(tone), marks: st.ready.length ? [{ at: 0, word: t.next }] : [], label: `${t.ready}: ${st.ready.length ? st.ready.map((i) => `C${i + 1}`).join(', ') : t.empty}` };
}

export function ganttOf(tr: Trace, p: number, t: LoopText): GanttInput {
  const st = at(tr, p);
  const now = st.t;
  const a = st.action;
  const rows = [
    { id: 'loop', label: t.rowLoop, state: { word: a.kind === 'run' ? t.rowState.busy! : t.rowState.idle!, kind: (a.kind === 'run' ? 'wait' : 'run') as 'wait' | 'run' } },
    ...st.tasks.map((x, i) => {
      const ran = a.kind === 'run' && a.task === i;
      const key = ran && a.blocked ? 'blocked' : ran ? 'running' : x.state === 'suspended' ? x.at : x.state;
      return { id: `c${i}`, label: `C${i + 1}`, state: { word: t.rowState[key]!, kind: (key === 'blocked' ? 'blocked' : ran ? 'run' : key === 'done' ? 'done' : 'wait') as 'blocked' | 'run' | 'done' | 'wait' } };
    }),
  ];
  const bars = tr.slices
    .filter((s) => s.start < now)
    .map((s) => ({ row: s.task === null ? 0 : s.task + 1, start: s.start, end: Math.min(s.end, now), label: t.bar[s.kind], kind: s.kind === 'time-sleep' ? ('blocked' as const) : s.kind === 'idle' ? ('wait' as const) : ('run' as const), tone: s.task === null ? undefined : tone(s.task) }));
  return { rows, bars, now, nowLabel: t.now(now), label: t.chart, ticks: Math.max(now, 1) };
}

export function clientsOf(tr: Trace, p: number, t: LoopText): TableInput {
  const st = at(tr, p);
  const before = p > 0 ? at(tr, p - 1) : null;
  const bytes = (i: number, n: number) => Array.from({ length: n }, (_, k) => lineText(i, k).length).reduce((x, y) => x + y, 0);
  return {
    caption: t.clients,
    columns: t.cols,
    words: t.marks,
    rows: st.clients.map((c, i) => {
      const b = before?.clients[i];
      const changed = b && (b.sent !== c.sent || b.echoed !== c.echoed || b.waited !== c.waited);
      return { cells: [`C${i + 1}`, t.bytes(c.sent, bytes(i, c.sent)), t.bytes(c.echoed, bytes(i, c.echoed)), String(c.waited)], mark: changed ? ('changed' as const) : undefined };
    }),
  };
}

export function narrate(tr: Trace, p: number, t: LoopText): string {
  const st = at(tr, p);
  const a = st.action;
  let said: string;
  if (a.kind === 'start') said = t.begin(st.clients.flatMap((c, i) => (c.sent ? [i] : [])));
  else if (a.kind === 'select') said = t.select(st.t, a.waited, a.readable, a.timers);
  else {
    const i = a.task;
    if (a.did.includes('eof')) said = t.eof(i);
    else {
      said = a.did.includes('woke') ? t.woke(i) : t.read(i, a.line ?? 0);
      if (a.did.includes('asyncio-sleep')) said += t.asyncioSleep(tr.scenario.sleep, st.t + tr.scenario.sleep);
      if (a.did.includes('time-sleep')) {
        const waiting = [...Array(CLIENTS).keys()].filter((j) => j !== i && unread(tr, p, j).lines > 0);
        said += t.timeSleep(a.blocked, waiting);
      }
      if (a.did.includes('echo')) said += t.echo(i, st.t);
    }
  }
  if (p === tr.steps.length - 1 && p > 0) said += t.end(tr.end, st.clients.map((c) => c.waited));
  return said;
}
