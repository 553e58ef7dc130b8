// The scheduler at one step, pure: the gantt chart's input (a row per job: its slices on the CPU,
// its waits and its I/O so far, its state now), the ready queues now (one row of slots per MLFQ
// level, or the one queue), the times table and the narration. Step k is the instant t = k: the
// chart shows the ticks before it, the states and queues are those after the decisions made at k.
import type { BarKind, GanttBar, GanttInput, Tone } from '../kit/draw/gantt.ts';
import type { SlotsInput } from '../kit/draw/slots.ts';
import type { TableInput } from '../kit/draw/table.ts';
import { average, jobName, type Trace } from './model.ts';
import type { SchedText } from './i18n.ts';

const tone = (j: number) => ((j % 6) + 1) as Tone;
const isMlfq = (tr: Trace) => tr.input.policy === 'MLFQ';

/** Runs of ticks before `until` in which a job was in `state` (from the instants), as bars. */
function runsOf(tr: Trace, j: number, state: 'ready', until: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let t = 0; t < until; t++) {
    if (tr.instants[t]!.states[j] !== state) continue;
    const last = out.at(-1);
    if (last && last[1] === t) last[1] = t + 1;
    else out.push([t, t + 1]);
  }
  return out;
}

export function ganttOf(tr: Trace, step: number, t: SchedText): GanttInput {
  const now = Math.min(step, tr.end);
  const at = tr.instants[now]!;
  const mlfq = isMlfq(tr);
  const rows = tr.input.jobs.map((job, j) => {
    const s = at.states[j]!;
    const lv = mlfq ? at.levels[j]! : null;
    const io = tr.io.find((x) => x.job === j && x.start <= now && now < x.end);
    const word =
      s === 'future' ? t.state.future(job.arrival) : s === 'done' ? t.state.done(job.arrival + tr.stats[j]!.turnaround) : s === 'blocked' ? t.state.blocked(io?.end ?? now) : t.state[s](lv);
    const kind: BarKind | 'done' = s === 'done' ? 'done' : s === 'running' ? 'run' : s === 'blocked' ? 'io' : 'wait';
    return { id: jobName(j), label: jobName(j), state: { word, kind } };
  });
  const bars: GanttBar[] = [];
  // Outlines get a word only when they span 3 ticks or more: a word would widen every tick otherwise
  // (their dots or dashes, the legend and the row's state say what they are).
  const word = (w: string, a: number, b: number) => (b - a >= 3 ? { label: w } : {});
  tr.input.jobs.forEach((_, j) => {
    for (const [a, b] of runsOf(tr, j, 'ready', now)) bars.push({ row: j, start: a, end: b, kind: 'wait', ...word(t.bar.wait, a, b) });
    for (const x of tr.io) if (x.job === j && x.start < now) bars.push({ row: j, start: x.start, end: Math.min(x.end, now), kind: 'io', ...word(t.bar.io, x.start, Math.min(x.end, now)) });
  });
  for (const s of tr.slices)
    if (s.start < now) bars.push({ row: s.job, start: s.start, end: Math.min(s.end, now), kind: 'run', tone: tone(s.job), label: mlfq ? t.levelShort(s.level!) : jobName(s.job) });
  // The axis grows with the run (up to now): a phone would otherwise stack strips of empty future ticks.
  return { rows, bars, now, nowLabel: t.now(now), label: t.chart };
}

/** The ready queues at a step: one per MLFQ level (with its slice, allotment and who of it is on the CPU), or the one queue. */
export function queuesOf(tr: Trace, step: number, t: SchedText): Array<{ head: string; slots: SlotsInput }> {
  const at = tr.instants[Math.min(step, tr.end)]!;
  const m = tr.input.mlfq;
  return at.queues.map((q, l) => {
    const running = at.running !== null && (!isMlfq(tr) || at.levels[at.running] === l) ? jobName(at.running) : null;
    const name = isMlfq(tr) && m ? t.levelHead(l, m.quanta[l]!, m.allotments[l]!) : t.queueOne;
    return {
      head: `${name} · ${t.cpu(running)}`,
      slots: { maxsize: 0, items: q.map(jobName), tones: q.map(tone), marks: q.length ? [{ at: 0, word: t.head }] : [], label: t.queueLabel(name) },
    };
  });
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** The times table: a job's times once it is done (marked the step it finishes), averages at the end. */
export function tableOf(tr: Trace, step: number, t: SchedText): TableInput {
  const now = Math.min(step, tr.end);
  const rows: Array<TableInput['rows'][number]> = tr.input.jobs.map((job, j) => {
    const st = tr.stats[j]!;
    const finish = job.arrival + st.turnaround;
    const done = finish <= now;
    const cells = [jobName(j), String(job.arrival), String(job.run), ...(done ? [st.response, st.turnaround, st.wait].map(String) : ['—', '—', '—'])];
    return finish === now ? { cells, mark: 'added' as const } : { cells };
  });
  if (now === tr.end)
    rows.push({ cells: [t.avg, '', '', fmt(average(tr.stats.map((s) => s.response))), fmt(average(tr.stats.map((s) => s.turnaround))), fmt(average(tr.stats.map((s) => s.wait)))] });
  return { caption: t.stats, columns: t.columns, rows, words: t.marks };
}

export function narrate(tr: Trace, step: number, t: SchedText): string {
  const now = Math.min(step, tr.end);
  const at = tr.instants[now]!;
  const mlfq = isMlfq(tr);
  const old = tr.input.mlfq?.rule4 === 'old';
  const said: string[] = [];
  for (const e of at.events) {
    const j = jobName(e.job);
    if (e.kind === 'arrive') said.push(t.ev.arrive(j, mlfq));
    else if (e.kind === 'return') said.push(t.ev.return(j));
    else if (e.kind === 'finish') said.push(t.ev.finish(j));
    else if (e.kind === 'block') said.push(t.ev.block(j, e.to!));
    else if (e.kind === 'demote') said.push((old ? t.ev.demote4a : t.ev.demote)(j, e.to!));
    else if (e.kind === 'expire') said.push(t.ev.expire(j));
    else if (e.kind === 'boost') said.push(t.ev.boost);
    else if (e.kind === 'preempt') said.push(t.ev.preempt(j));
    else if (e.kind === 'dispatch') said.push(t.ev.dispatch(j, mlfq ? at.levels[e.job]! : null));
  }
  if (now === tr.end) {
    said.push(t.allDone(fmt(average(tr.stats.map((s) => s.turnaround))), fmt(average(tr.stats.map((s) => s.response)))));
    return t.at(now) + said.join(' ');
  }
  if (at.running !== null && !at.events.some((e) => e.kind === 'dispatch')) said.push(t.ev.keeps(jobName(at.running)));
  if (at.running === null) said.push(t.ev.idle);
  said.push(mlfq ? t.levelsNow(at.queues.map((q) => q.map(jobName))) : t.queueNow(at.queues[0]!.map(jobName)));
  return t.at(now) + said.join(' ');
}

/** The finish times in finishing order, for the static figure. */
export const finishes = (tr: Trace): Array<[string, number]> =>
  tr.stats.map((s) => [jobName(s.job), tr.input.jobs[s.job]!.arrival + s.turnaround] as [string, number]).sort((a, b) => a[1] - b[1]);
