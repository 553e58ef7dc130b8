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
  step(s: S, i: number): S;
  whyNot(s: S, i: number): ScheduleErrorCode | null;
  holder(s: S): number | null;
  program(c: C): readonly ProgramLine[];
  line(s: S, i: number): number | null;
  /** The last step in words. */
  said(s: S, lang: Lang): string;
  /** Every step so far in words. */
  log(s: S, lang: Lang): string[];
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
  step,
  whyNot,
  holder: (s) => s.holder,
  program: programFor,
  line: currentLine,
  said: (s, lang) => formatLog(s.log[s.log.length - 1]!, lang),
  log: (s, lang) => s.log.map((e) => formatLog(e, lang)),
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
  step: counterStep,
  whyNot: counterWhyNot,
  holder: (s) => s.holder,
  program: (c) => counterProgramFor(c).map((l) => (l.code.includes('range(N)') ? { ...l, code: l.code.replace('N', String(c.increments)) } : l)),
  line: counterCurrentLine,
  said: (s, lang) => formatCounterLog(s.log[s.log.length - 1]!, lang),
  log: (s, lang) => s.log.map((e) => formatCounterLog(e, lang)),
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
export function worstRun<C, S>(sim: Sim<C, S>, t: Text, lines: (s: S) => string[]): { steps: string[]; outcome: string } {
  const config = (sim.make(sim.dflt) as { value: C }).value;
  let s = sim.start(config);
  for (const i of sim.worst(config)) s = sim.step(s, i);
  return { steps: lines(s), outcome: sim.outcome(s, t)[0] };
}
