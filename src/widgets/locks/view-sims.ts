// The two programs the scheduler view can drive (the ticket grab and count += 1), each as the same
// small interface over the model: the element walks a Sim and never knows which program it shows.
// Everything here reads model state; nothing decides behaviour.
import {
  counterCurrentLine,
  counterExplore,
  counterIsFinished,
  counterProgramFor,
  counterLostUpdateSchedule,
  counterRandomSchedule,
  counterStart,
  counterStep,
  counterWhyNot,
  decodeCounterState,
  decodeState,
  encodeCounterState,
  encodeState,
  explore,
  formatCounterLog,
  formatLog,
  isFinished,
  currentLine,
  LIMITS,
  programFor,
  randomSchedule,
  start,
  step,
  validateConfig,
  validateCounterConfig,
  whyNot,
  worstSchedule,
  type Checked,
  type CounterConfig,
  type CounterMachine,
  type Machine,
  type ProgramLine,
  type ScheduleErrorCode,
  type TicketConfig,
} from './model.ts';
import type { Lang } from '../kit/i18n.ts';
import { gantt, type GanttBar, type GanttInput, type Tone } from '../kit/draw/gantt.ts';
import { PHONE_WIDTH } from '../kit/draw/text.ts';
import type { Text } from './i18n.ts';

export type Kind = 'tickets' | 'counter';

/** The view's two numbers and the lock, whatever they are called: [tickets, buyers] or [threads, increments]. */
export type Parts = [number, number, boolean];

export interface Sim<C, S> {
  kind: Kind;
  /** Actor names: P1 … or T1 … */
  prefix: string;
  /** The two number inputs, as keys of the strings and of LIMITS. */
  fields: ['tickets', 'buyers'] | ['threads', 'increments'];
  /** Which of the two numbers counts the actors. */
  actorField: 0 | 1;
  dflt: Parts;
  make(p: Parts): Checked<C>;
  parts(c: C): Parts;
  start(c: C): S;
  config(s: S): C;
  schedule(s: S): readonly number[];
  step(s: S, i: number): S;
  whyNot(s: S, i: number): ScheduleErrorCode | null;
  holder(s: S): number | null;
  program(c: C): readonly ProgramLine[];
  line(s: S, i: number): number | null;
  /** The last step in words. */
  said(s: S, lang: Lang): string;
  /** Every step so far in words. */
  log(s: S, lang: Lang): string[];
  /** Step k of the log in two or three words, for its bar in the schedule picture ("read 1", "STORE 1"). */
  short(s: S, k: number, t: Text): string;
  shared(s: S): string;
  local(s: S, i: number, t: Text): string;
  status(s: S, i: number, t: Text): string;
  /** The outcome line and its kind: still running, fine, or broken (oversold, lost updates). */
  outcome(s: S, t: Text): [string, 'run' | 'ok' | 'bad'];
  worst(c: C): number[];
  random(c: C, seed: number): number[];
  encode(c: C, schedule: readonly number[], position: number): string;
  decode(text: string): Checked<{ config: C; schedule: number[]; position: number }>;
  /** Every schedule counted: how many, how many go wrong, and the endings as [label, count]. Throws a RangeError when too many. */
  explore(c: C, t: Text): { all: number; bad: number; dist: Array<[string, number]> };
}

const json = (n: number) => `{"ticket_num": ${n}}`;

export const tickets: Sim<TicketConfig, Machine> = {
  kind: 'tickets',
  prefix: 'P',
  fields: ['tickets', 'buyers'],
  actorField: 1,
  dflt: [1, 3, false],
  make: ([tickets, buyers, lock]) => validateConfig({ tickets, buyers, lock }),
  parts: (c) => [c.tickets, c.buyers, c.lock],
  start,
  config: (s) => s.config,
  schedule: (s) => s.schedule,
  step,
  whyNot,
  holder: (s) => s.holder,
  program: programFor,
  line: currentLine,
  said: (s, lang) => formatLog(s.log[s.log.length - 1]!, lang),
  log: (s, lang) => s.log.map((e) => formatLog(e, lang)),
  short(s, k, t) {
    const e = s.log[k]!;
    const b = t.bar;
    return e.op === 'acquire' ? b.acquire : e.op === 'release' ? b.release : e.op === 'sold-out' ? b.soldOut : `${e.op === 'write' ? b.write : b.read} ${e.value}`;
  },
  shared: (s) => json(s.ticketNum),
  local(s, i, t) {
    const seen = s.buyers[i]!.seen;
    return seen === null ? t.notRead : json(seen);
  },
  status(s, i, t) {
    const b = s.buyers[i]!;
    const why = whyNot(s, i);
    return b.result === 'won'
      ? t.status.won
      : b.result === 'sold-out'
        ? t.status.soldOut
        : why === 'blocked'
          ? t.status.blocked
          : b.pc === 0
            ? t.status.idle
            : t.status.ready;
  },
  outcome(s, t) {
    const names = s.winners.map((w) => `P${w + 1}`);
    if (!isFinished(s)) return [t.running(names), 'run'];
    const over = s.winners.length - s.config.tickets;
    return over > 0 ? [t.oversold(names, s.config.tickets, over), 'bad'] : [t.sold(names, s.ticketNum), 'ok'];
  },
  worst: worstSchedule,
  random: randomSchedule,
  encode: (config, schedule, position) => encodeState({ config, schedule, position }),
  decode: decodeState,
  explore(c, t) {
    const r = explore(c);
    const by = new Map<number, number>();
    for (const o of r.outcomes) by.set(o.winners.length, (by.get(o.winners.length) ?? 0) + o.count);
    return { all: r.schedules, bad: r.oversoldSchedules, dist: [...by].map(([n, k]) => [t.soldN(n), k]) };
  },
};

export const counter: Sim<CounterConfig, CounterMachine> = {
  kind: 'counter',
  prefix: 'T',
  fields: ['threads', 'increments'],
  actorField: 0,
  dflt: [2, 1, false],
  make: ([threads, increments, lock]) => validateCounterConfig({ threads, increments, lock }),
  parts: (c) => [c.threads, c.increments, c.lock],
  start: counterStart,
  config: (s) => s.config,
  schedule: (s) => s.schedule,
  step: counterStep,
  whyNot: counterWhyNot,
  holder: (s) => s.holder,
  program: (c) => counterProgramFor(c).map((l) => (l.code.includes('range(N)') ? { ...l, code: l.code.replace('N', String(c.increments)) } : l)),
  line: counterCurrentLine,
  said: (s, lang) => formatCounterLog(s.log[s.log.length - 1]!, lang),
  log: (s, lang) => s.log.map((e) => formatCounterLog(e, lang)),
  short(s, k, t) {
    const e = s.log[k]!;
    return e.op === 'acquire' ? t.bar.acquire : e.op === 'release' ? t.bar.release : `${e.op.toUpperCase()} ${e.value}`;
  },
  shared: (s) => `count = ${s.count}`,
  local(s, i, t) {
    const tmp = s.threads[i]!.tmp;
    return tmp === null ? t.notLoaded : String(tmp);
  },
  status(s, i, t) {
    const why = counterWhyNot(s, i);
    if (why === 'finished') return t.status.done;
    if (why === 'blocked') return t.status.blocked;
    const per = s.config.lock ? 5 : 3;
    return t.round(Math.floor(s.threads[i]!.pc / per) + 1, s.config.increments);
  },
  outcome(s, t) {
    const stores = s.log.filter((e) => e.op === 'store').length;
    const want = s.config.threads * s.config.increments;
    if (!counterIsFinished(s)) return [t.countRunning(s.count, stores), 'run'];
    return s.count < want ? [t.countLost(s.count, want, want - s.count), 'bad'] : [t.countOk(s.count), 'ok'];
  },
  worst: counterLostUpdateSchedule,
  random: counterRandomSchedule,
  encode: (config, schedule, position) => encodeCounterState({ config, schedule, position }),
  decode: decodeCounterState,
  explore(c) {
    const r = counterExplore(c);
    return {
      all: r.schedules,
      bad: r.outcomes.reduce((n, o) => n + (o.lostUpdates > 0 ? o.count : 0), 0),
      dist: r.outcomes.map((o) => [`count = ${o.finalCount}`, o.count]),
    };
  },
};

export { LIMITS };

/**
 * The worst schedule of a program's default scenario, run through the model: its steps in words
 * and its outcome. The build-time figure (Locks.astro) and the labs page both draw it.
 */
export function worstRun<C, S>(sim: Sim<C, S>, t: Text, lines: (s: S) => string[]): { steps: string[]; outcome: string; chart: string } {
  const config = (sim.make(sim.dflt) as { value: C }).value;
  const states = [sim.start(config)];
  for (const i of sim.worst(config)) states.push(sim.step(states[states.length - 1]!, i));
  const s = states[states.length - 1]!;
  // The still is drawn for a phone's column; wider screens show it as it is.
  const chart = gantt(ganttOf(sim, states, states.length - 1, t), { width: PHONE_WIDTH, scale: 1 });
  return { steps: lines(s), outcome: sim.outcome(s, t)[0], chart };
}

/**
 * The schedule so far as a Gantt chart: a row per buyer (thread), one bar per step taken (what it
 * ran: "read 1", "STORE 1"), dashed "waiting" bars for the ticks a buyer stood blocked at acquire
 * while another ran, and each row's state now (holds the lock, waiting, finished). `states[k]` is
 * the state after k steps; the chart shows the first `p` steps.
 */
export function ganttOf<C, S>(sim: Sim<C, S>, states: readonly S[], p: number, t: Text): GanttInput {
  const s = states[p]!;
  const n = sim.parts(sim.config(s))[sim.actorField];
  const name = (i: number) => sim.prefix + (i + 1);
  const holder = sim.holder(s);
  const bars: GanttBar[] = [];
  const ran = sim.schedule(s);
  for (let k = 0; k < p; k++) bars.push({ row: ran[k]!, start: k, end: k + 1, label: sim.short(s, k, t), tone: ((ran[k]! % 6) + 1) as Tone, kind: 'run' });
  for (let i = 0; i < n; i++) {
    let from = -1;
    for (let k = 0; k <= p; k++) {
      const blocked = k < p && ran[k] !== i && sim.whyNot(states[k]!, i) === 'blocked';
      if (blocked && from < 0) from = k;
      if (!blocked && from >= 0) {
        bars.push({ row: i, start: from, end: k, label: t.waiting, kind: 'blocked' });
        from = -1;
      }
    }
  }
  const rows = Array.from({ length: n }, (_, i) => {
    const why = sim.whyNot(s, i);
    const word = why === 'blocked' ? t.blocked(name(holder ?? 0)) : holder === i ? t.holds : sim.status(s, i, t);
    const kind = why === 'blocked' ? 'blocked' : why === 'finished' ? 'done' : holder === i ? 'run' : 'wait';
    return { id: name(i), label: name(i), state: { word, kind } as const };
  });
  return { rows, bars, now: p, nowLabel: t.now, label: t.chart(t.actor[sim.prefix]!, p) };
}
