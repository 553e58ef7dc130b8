// The sync/async lab at one step, pure: the gantt chart's input (two or three rows per caller on
// one time axis), each caller's code with the line executing now, its process state, and the
// narration. Step 0 is time 0 before any call; step k shows the events at the model's k-th time.
import { ganttLayout, type BarKind, type Drawn, type GanttInput, type GanttRow, type Tone } from '../kit/draw/gantt.ts';
import type { Fit } from '../kit/draw/fit.ts';
import { callerState, CELLS, wastedBy, type CellId, type ProcState, type Run, type SegKind } from './model.ts';
import type { SyncText } from './i18n.ts';

/** Each caller's code (from content/examples/sync_async.py for the pool; the chapter's non-blocking recv for sockets). */
export const CODE: Record<CellId, readonly string[]> = {
  apply: ["say(f'submit task {i} and wait')", 'result = pool.apply(task, (i, s))', "say(f'got: {result}')"],
  async: ['def done(result):', "    say(f'callback got: {result}')", 'pending.append(pool.apply_async(task, (i, s), callback=done))', "say(f'submitted task {i}, not waiting')", "say('main goes on with other work')"],
  recv: ['data = conn.recv(1024)', 'print(data)'],
  poll: ['conn.setblocking(False)', 'while True:', '    try:', '        data = conn.recv(1024)', '        break', '    except BlockingIOError:', '        polls += 1', '        other_work()', 'print(data)'],
};

const KIND: Record<SegKind, BarKind> = { blocked: 'blocked', work: 'run', task: 'run', wait: 'wait', callback: 'run', poll: 'run', got: 'run' };

/** The time shown at a step. */
export const nowOf = (run: Run, step: number): number => (step === 0 ? 0 : run.times[Math.min(step, run.times.length) - 1]!);

const happened = (run: Run, step: number, cell: CellId, kind: string): boolean => step > 0 && run.events.some((e) => e.t === nowOf(run, step) && e.cell === cell && e.kind === kind);

/** The lines executing now in a cell, and who runs each (the caller; the result thread in cell 2). */
export function linesAt(run: Run, cell: CellId, step: number): Array<{ line: number; who: 'caller' | 'result-thread' }> {
  const now = nowOf(run, step);
  const { ready } = run.scenario;
  const at = (line: number) => ({ line, who: 'caller' as const });
  if (step === 0) return [at(cell === 'async' ? 2 : 0)];
  if (cell === 'apply') return [at(now < ready ? 1 : 2)];
  if (cell === 'recv') return [at(now < ready ? 0 : 1)];
  if (cell === 'async') return now === ready ? [at(4), { line: 1, who: 'result-thread' }] : [at(4)];
  if (now >= run.cells.poll.done) return [at(8)];
  return [at(happened(run, step, 'poll', 'raised') ? 5 : 7)];
}

export function stateOf(run: Run, cell: CellId, step: number): ProcState {
  return step === 0 ? 'running' : callerState(run, cell, nowOf(run, step));
}

function rowState(run: Run, cell: CellId, role: string, step: number, t: SyncText): NonNullable<GanttRow['state']> {
  const now = nowOf(run, step);
  const { ready } = run.scenario;
  const before = step === 0;
  if (role === 'caller') {
    if (before) return { word: t.state.running, kind: 'run' };
    if (stateOf(run, cell, step) === 'blocked') return { word: t.state.blocked, kind: 'blocked' };
    if (now >= run.cells[cell].done && cell !== 'async') return { word: t.state.has, kind: 'run' };
    if (happened(run, step, cell, 'raised')) return { word: t.state.raised, kind: 'run' };
    return { word: t.state.working, kind: 'run' };
  }
  if (role === 'worker') return before ? { word: t.state.idle, kind: 'wait' } : now < ready ? { word: t.state.task, kind: 'run' } : { word: t.state.returned, kind: 'done' };
  if (role === 'result-thread') return !before && now === ready ? { word: t.state.callback, kind: 'run' } : { word: t.state.idle, kind: 'wait' };
  return before || now < ready ? { word: t.state.notYet, kind: 'wait' } : { word: t.state.sent, kind: 'done' };
}

/** `terse`: bars shorter than two ticks go unnamed (but for the poll's ×), their row's state names them; see chartAt. */
export function ganttOf(run: Run, step: number, t: SyncText, terse = false): GanttInput {
  const now = nowOf(run, step);
  const rows: GanttRow[] = [];
  const bars: GanttInput['bars'][number][] = [];
  CELLS.forEach((cell, c) => {
    const cr = run.cells[cell];
    const first = rows.length;
    cr.rows.forEach((role) => rows.push({ id: `${cell}-${role}`, label: `${t.cells[cell]!.n} ${t.rows[role]}`, state: rowState(run, cell, role, step, t) }));
    for (const g of cr.segs)
      if (step > 0 && g.start < now) {
        const end = Math.min(g.end, now);
        const named = !terse || g.kind === 'poll' || end - g.start >= 2;
        bars.push({ row: first + g.row, start: g.start, end, label: named ? t.bar[g.kind] : undefined, kind: KIND[g.kind], tone: (c + 1) as Tone });
      }
  });
  // The axis ends at the last step's time: bars never run past now, so a tick beyond it would be an empty strip.
  return { rows, bars, now, nowLabel: t.now(now), ticks: Math.max(1, run.times.at(-1)!), label: t.chart };
}

export function narrate(run: Run, step: number, t: SyncText): string {
  if (step === 0) return t.begin;
  const now = nowOf(run, step);
  const said = run.events
    .filter((e) => e.t === now)
    .map((e) => {
      const k = `${e.cell}:${e.kind}`;
      if (k === 'apply:call') return t.events.applyCall;
      if (k === 'apply:result') return t.events.applyResult;
      if (k === 'async:call') return t.events.asyncCall;
      if (k === 'async:callback') return t.events.asyncCallback;
      if (k === 'recv:call') return t.events.recvCall;
      if (k === 'recv:result') return t.events.recvResult;
      if (k === 'poll:raised') return t.events.raised(e.n!);
      if (k === 'poll:send') return run.cells.poll.done === now ? '' : t.events.pollSend;
      if (k === 'poll:result') return t.events.pollResult(now - run.scenario.ready, run.cells.poll.wasted);
      return ''; // async:returned and recv:send are told with their cell's other event
    })
    .filter(Boolean);
  return `${t.at(now)}${said.join(t.sep)}`;
}

/** Wasted polls so far at a step. */
export const wastedAt = (run: Run, step: number): number => (step === 0 ? 0 : wastedBy(run, nowOf(run, step)));

const strips = (d: Drawn) => d.lines.filter((l) => l.y1 === l.y2).length;

/**
 * The chart at a step for a width: every bar named when the whole run's chart fits in one strip
 * that way; otherwise (a phone, a long run) one-tick bars go unnamed so that a tick can be narrow
 * and the chart wraps into as few strips as it can. Decided on the last step, so it holds for every step.
 */
export function chartAt(run: Run, step: number, t: SyncText, f: Fit): Drawn {
  const terse = strips(ganttLayout(ganttOf(run, run.times.length, t), f)) > 1;
  return ganttLayout(ganttOf(run, step, t, terse), f);
}
