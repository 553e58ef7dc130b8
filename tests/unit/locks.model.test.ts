import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allSchedules,
  counterCurrentLine,
  counterExplore,
  counterIsFinished,
  counterProgramFor,
  counterLostUpdateSchedule,
  counterRandomSchedule,
  counterReplay,
  counterRun,
  counterRunnable,
  counterSerialSchedule,
  counterStart,
  counterStep,
  currentLine,
  counterAllSchedules,
  decodeCounterState,
  decodeSchedule,
  decodeState,
  encodeCounterState,
  encodeSchedule,
  encodeState,
  EXPLORE_LIMITS,
  explore,
  formatCounterLog,
  formatLog,
  isFinished,
  LIMITS,
  multinomial,
  notRunnable,
  PROGRAM_COUNTER,
  PROGRAM_LOCK,
  PROGRAM_NO_LOCK,
  programFor,
  randomSchedule,
  replay,
  run,
  runnable,
  ScheduleError,
  serialSchedule,
  start,
  step,
  transcript,
  tryReplay,
  validateConfig,
  validateCounterConfig,
  worstSchedule,
  type CounterConfig,
  type CounterMachine,
  type Machine,
  type TicketConfig,
} from '../../src/widgets/locks/model.ts';

// ticket_demo from ../shared/data/widget_vectors.json (computed with CPython 3.11), copied so the suite
// runs without ../shared; the last test below checks the copy when the file is there.
const TICKET_DEMO = {
  tickets_initial: 1,
  buyers: ['P1', 'P2', 'P3'],
  no_lock_worst_interleaving: {
    final_count: 0,
    winners: ['P1', 'P2', 'P3'],
    log: [
      'P1 read 1',
      'P2 read 1',
      'P3 read 1',
      'P1 write 0 (believes success)',
      'P2 write 0 (believes success)',
      'P3 write 0 (believes success)',
    ],
  },
  no_lock_serial_interleaving: {
    final_count: 0,
    winners: ['P1'],
    log: ['P1 read 1', 'P1 write 0 (believes success)', 'P2 read 0', 'P2 sees 0 -> fail', 'P3 read 0', 'P3 sees 0 -> fail'],
  },
  with_lock: {
    final_count: 0,
    winners: ['P1'],
    log: ['P1: read 1 -> write 0 OK', 'P2: read 0 -> sold out', 'P3: read 0 -> sold out'],
  },
};

const demo = (lock: boolean): TicketConfig => ({ tickets: 1, buyers: 3, lock });
const names = (buyers: readonly number[]) => buyers.map((b) => `P${b + 1}`);

/** A ticket configuration small enough to explore and to enumerate by hand. */
const smallConfig = (maxBuyers = 4) =>
  fc.record({ tickets: fc.integer({ min: 0, max: 4 }), buyers: fc.integer({ min: 1, max: maxBuyers }), lock: fc.boolean() });

/** Drives a machine with arbitrary choices among the runnable buyers, so every schedule it makes is valid. */
function drive(config: TicketConfig, choices: readonly number[]): Machine[] {
  const states = [start(config)];
  for (const c of choices) {
    const state = states[states.length - 1] as Machine;
    const next = runnable(state);
    if (next.length === 0) break;
    states.push(step(state, next[c % next.length] as number));
  }
  return states;
}

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('the ticket_demo vectors', () => {
  test('all reads before any write: P1, P2 and P3 all win, the file ends at 0, the log reads as the vector', () => {
    const v = TICKET_DEMO.no_lock_worst_interleaving;
    const schedule = worstSchedule(demo(false));
    expect(schedule).toEqual([0, 1, 2, 0, 1, 2]);
    const out = run(demo(false), schedule);
    expect(names(out.winners)).toEqual(v.winners);
    expect(out.winners).toEqual([0, 1, 2]);
    expect(out.ticketsLeft).toBe(v.final_count);
    expect(out.oversold).toBe(2);
    expect(out.finished).toBe(true);
    expect(out.log.map((e) => formatLog(e, 'en'))).toEqual(v.log);
    expect(transcript(out.log, 'en')).toEqual(v.log);
  });

  test('one buyer after another: only P1 wins, the others see 0 and fail', () => {
    const v = TICKET_DEMO.no_lock_serial_interleaving;
    const out = run(demo(false), serialSchedule(demo(false)));
    expect(names(out.winners)).toEqual(v.winners);
    expect(out.ticketsLeft).toBe(v.final_count);
    expect(out.oversold).toBe(0);
    expect(out.log.map((e) => formatLog(e, 'en'))).toEqual(v.log);
  });

  test('with the lock: exactly one winner, and each critical section prints as one line', () => {
    const v = TICKET_DEMO.with_lock;
    const out = run(demo(true), serialSchedule(demo(true)));
    expect(out.winners).toEqual([0]);
    expect(names(out.winners)).toEqual(v.winners);
    expect(out.ticketsLeft).toBe(v.final_count);
    expect(transcript(out.log, 'en')).toEqual(v.log);
    expect(out.log.map((e) => e.op)).toEqual([
      ...['acquire', 'read', 'write', 'release'],
      ...['acquire', 'read', 'sold-out', 'release'],
      ...['acquire', 'read', 'sold-out', 'release'],
    ]);
  });

  test('with the lock, "all reads first" cannot happen: the worst schedule is a serial one', () => {
    expect(worstSchedule(demo(true))).toEqual(serialSchedule(demo(true)));
  });

  test('the log speaks Chinese too', () => {
    const worst = run(demo(false), worstSchedule(demo(false)));
    expect(worst.log.map((e) => formatLog(e, 'zh'))).toEqual([
      'P1 读到 1',
      'P2 读到 1',
      'P3 读到 1',
      'P1 写入 0（以为抢到了）',
      'P2 写入 0（以为抢到了）',
      'P3 写入 0（以为抢到了）',
    ]);
    expect(run(demo(false), serialSchedule(demo(false))).log.map((e) => formatLog(e, 'zh'))[3]).toBe('P2 看到 0 -> 抢票失败');
    expect(transcript(run(demo(true), serialSchedule(demo(true))).log, 'zh')).toEqual([
      'P1：读到 1 -> 写入 0，抢票成功',
      'P2：读到 0 -> 票已售罄',
      'P3：读到 0 -> 票已售罄',
    ]);
  });

  test('an unfinished critical section prints step by step', () => {
    const out = run(demo(true), [0, 0]);
    expect(transcript(out.log, 'en')).toEqual(['P1 acquires the lock', 'P1 read 1']);
    expect(out.finished).toBe(false);
  });

  const shared = join(process.cwd(), '..', 'shared', 'data', 'widget_vectors.json');
  test.skipIf(!existsSync(shared))('the copy above is ../shared/data/widget_vectors.json ticket_demo', () => {
    expect(JSON.parse(readFileSync(shared, 'utf8')).ticket_demo).toEqual(TICKET_DEMO);
  });
});

describe('the program and its steps', () => {
  test('every buyer takes two steps without the lock and four with it, whatever it reads', () => {
    expect(run(demo(false), [0, 0]).log.map((e) => e.op)).toEqual(['read', 'write']);
    expect(run(demo(false), [0, 0, 1, 1]).log.map((e) => e.op)).toEqual(['read', 'write', 'read', 'sold-out']);
    expect(serialSchedule(demo(true))).toHaveLength(12);
  });

  test('the check is folded into the read: no step and no log entry of its own', () => {
    fc.assert(
      fc.property(smallConfig(), fc.array(fc.nat(), { maxLength: 20 }), (config, choices) => {
        const last = drive(config, choices).at(-1) as Machine;
        expect(last.log.some((e) => e.op === 'check')).toBe(false);
      }),
    );
    expect(PROGRAM_NO_LOCK.find((l) => l.op === 'check')?.step).toBe(PROGRAM_NO_LOCK.find((l) => l.op === 'read')?.step);
  });

  test('each program has one line per step and branch that performs it', () => {
    for (const program of [PROGRAM_NO_LOCK, PROGRAM_LOCK]) {
      const ops = program.filter((l) => l.op !== null && l.op !== 'check').map((l) => `${l.step}:${l.op}`);
      expect(new Set(ops).size).toBe(ops.length);
    }
    expect(PROGRAM_LOCK.filter((l) => l.op !== null).map((l) => l.op)).toEqual([
      'acquire',
      'read',
      'check',
      'write',
      'sold-out',
      'release',
    ]);
    expect(PROGRAM_LOCK[0]?.code).toBe('def buy(name, lock):');
  });

  test('currentLine follows a buyer through the lines, to the write or the sold-out line by what it read', () => {
    const op = (s: Machine, b: number) => {
      const i = currentLine(s, b);
      return i === null ? null : programFor(s.config)[i]?.op;
    };
    const states = replay(demo(true), serialSchedule(demo(true)));
    expect([0, 1, 2, 3, 4].map((k) => op(states[k] as Machine, 0))).toEqual(['acquire', 'read', 'write', 'release', null]);
    expect([4, 5, 6, 7, 8].map((k) => op(states[k] as Machine, 1))).toEqual(['acquire', 'read', 'sold-out', 'release', null]);
    const worst = replay(demo(false), worstSchedule(demo(false)));
    expect(op(worst[3] as Machine, 2)).toBe('write');
    expect(currentLine(worst[0] as Machine, 9)).toBe(null);
  });
});

describe('run and the step-by-step machine', () => {
  test('a blocked acquire is a ScheduleError naming the step, the buyer and who holds the lock', () => {
    const err = catchError(() => run(demo(true), [0, 1]));
    expect(err).toBeInstanceOf(ScheduleError);
    expect(err).toMatchObject({ code: 'blocked', step: 1, actor: 1, holder: 0 });
    expect((err as Error).message).toBe('step 1: P2 is blocked at lock.acquire(): P1 holds the lock');
  });

  test('a finished buyer, or a buyer who does not exist, cannot take a step', () => {
    expect(catchError(() => run(demo(false), [0, 0, 0]))).toMatchObject({ code: 'finished', step: 2, actor: 0 });
    expect(catchError(() => run(demo(false), [3]))).toMatchObject({ code: 'out-of-range', step: 0, actor: 3 });
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(catchError(() => run(demo(false), [0, bad]))).toMatchObject({ code: 'out-of-range', step: 1 });
    }
  });

  test('a configuration outside the limits is a RangeError that says the range', () => {
    expect(() => run({ tickets: 1, buyers: 0, lock: false }, [])).toThrow(/buyers must be a whole number from 1 to 8/);
    expect(() => start({ tickets: -1, buyers: 2, lock: false })).toThrow(RangeError);
  });

  test('runnable leaves out blocked and finished buyers, and notRunnable says why', () => {
    const s = replay(demo(true), [0, 0, 0, 0, 1])[5] as Machine;
    expect(runnable(s)).toEqual([1]);
    expect(notRunnable(s)).toEqual([
      { buyer: 0, reason: 'finished' },
      { buyer: 2, reason: 'blocked' },
    ]);
    expect(runnable(start(demo(true)))).toEqual([0, 1, 2]);
  });

  test('step is pure: the old state is frozen and unchanged', () => {
    const s0 = start(demo(false));
    const s1 = step(s0, 1);
    expect(Object.isFrozen(s0) && Object.isFrozen(s0.buyers) && Object.isFrozen(s0.log)).toBe(true);
    expect(s0.buyers[1]).toEqual({ pc: 0, seen: null, result: null });
    expect(s0.log).toEqual([]);
    expect(s1.buyers[1]).toEqual({ pc: 1, seen: 1, result: null });
    expect(step(s0, 1)).toEqual(s1);
  });

  test('replay keeps every intermediate state, so undo is a step back', () => {
    const schedule = worstSchedule(demo(false));
    const states = replay(demo(false), schedule);
    expect(states).toHaveLength(schedule.length + 1);
    expect(states[0]).toEqual(start(demo(false)));
    states.slice(1).forEach((s, k) => expect(s).toEqual(step(states[k] as Machine, schedule[k] as number)));
    expect(isFinished(states.at(-1) as Machine)).toBe(true);
  });

  test('tryReplay keeps the valid prefix of a bad schedule and returns the error instead of throwing', () => {
    const r = tryReplay(demo(true), [0, 0, 1, 0]);
    expect(r.states).toHaveLength(3);
    expect(r.error).toMatchObject({ code: 'blocked', step: 2 });
    expect(tryReplay(demo(true), serialSchedule(demo(true))).error).toBe(null);
  });

  test('randomSchedule is deterministic for a seed, complete and valid', () => {
    fc.assert(
      fc.property(smallConfig(5), fc.integer(), (config, seed) => {
        const s = randomSchedule(config, seed);
        expect(randomSchedule(config, seed)).toEqual(s);
        expect(run(config, s).finished).toBe(true);
      }),
    );
    const seeds = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => randomSchedule(demo(false), seed).join('')));
    expect(seeds.size).toBeGreaterThan(1);
  });

  test('the worst schedule sells a ticket to every buyer, as many as any schedule can', () => {
    fc.assert(
      fc.property(smallConfig(), (config) => {
        const worst = run({ ...config, lock: false }, worstSchedule({ ...config, lock: false }));
        const most = Math.max(...explore({ ...config, lock: false }).outcomes.map((o) => o.winners.length));
        expect(worst.winners.length).toBe(most);
        expect(worst.winners.length).toBe(config.tickets > 0 ? config.buyers : 0);
      }),
    );
  });
});

describe('explore', () => {
  test('2 buyers, 1 ticket, no lock: 6 schedules, 4 oversell (the interleaved ones), the 2 serial ones do not', () => {
    const r = explore({ tickets: 1, buyers: 2, lock: false });
    expect(r.schedules).toBe(6);
    expect(r.oversoldSchedules).toBe(4);
    expect(r.outcomes).toEqual([
      { winners: [0], ticketsLeft: 0, oversold: 0, count: 1 },
      { winners: [1], ticketsLeft: 0, oversold: 0, count: 1 },
      { winners: [0, 1], ticketsLeft: 0, oversold: 1, count: 2 },
      { winners: [1, 0], ticketsLeft: 0, oversold: 1, count: 2 },
    ]);
  });

  test('2 buyers, 1 ticket, with the lock: 2 schedules, none oversold', () => {
    const r = explore({ tickets: 1, buyers: 2, lock: true });
    expect(r.schedules).toBe(2);
    expect(r.oversoldSchedules).toBe(0);
    expect(r.outcomes.every((o) => o.winners.length === 1)).toBe(true);
  });

  test('3 buyers, 1 ticket: 90 schedules, 72 oversell, 6 sell to all three; with the lock 6, none', () => {
    const r = explore(demo(false));
    expect(r.schedules).toBe(90);
    expect(r.oversoldSchedules).toBe(72);
    expect(r.outcomes.filter((o) => o.winners.length === 3).reduce((s, o) => s + o.count, 0)).toBe(36);
    expect(r.outcomes.find((o) => o.winners.join() === '0,1,2')?.count).toBe(6);
    expect(explore(demo(true))).toMatchObject({ schedules: 6, oversoldSchedules: 0 });
  });

  test('schedules count the interleavings: (2b)!/2^b without the lock, b! with it, and the outcome counts sum to it', () => {
    fc.assert(
      fc.property(
        fc.record({ tickets: fc.integer({ min: 0, max: 9 }), buyers: fc.integer({ min: 1, max: 5 }), lock: fc.boolean() }),
        (config) => {
          const r = explore(config);
          const expected = config.lock
            ? multinomial(new Array(config.buyers).fill(1))
            : multinomial(new Array(config.buyers).fill(2));
          expect(BigInt(r.schedules)).toBe(expected);
          expect(r.outcomes.reduce((s, o) => s + o.count, 0)).toBe(r.schedules);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('explore agrees with running every schedule one by one', () => {
    fc.assert(
      fc.property(smallConfig(3), (config) => {
        const tally = new Map<string, number>();
        let n = 0;
        for (const s of allSchedules(config)) {
          const out = run(config, s);
          expect(out.finished).toBe(true);
          const key = `${out.winners.join(',')}|${out.ticketsLeft}`;
          tally.set(key, (tally.get(key) ?? 0) + 1);
          n++;
        }
        const r = explore(config);
        expect(n).toBe(r.schedules);
        expect(new Map(r.outcomes.map((o) => [`${o.winners.join(',')}|${o.ticketsLeft}`, o.count]))).toEqual(tally);
      }),
      { numRuns: 30 },
    );
  });

  test('the lock never oversells, on any valid schedule, finished or not', () => {
    fc.assert(
      fc.property(
        fc.record({ tickets: fc.integer({ min: 0, max: 9 }), buyers: fc.integer({ min: 1, max: 8 }) }),
        fc.array(fc.nat(), { maxLength: 40 }),
        ({ tickets, buyers }, choices) => {
          const config = { tickets, buyers, lock: true };
          for (const s of drive(config, choices)) {
            expect(s.winners.length).toBeLessThanOrEqual(tickets);
            expect(s.ticketNum).toBe(tickets - s.winners.length);
          }
          const last = drive(config, [...choices, ...new Array(4 * buyers).fill(0)]).at(-1) as Machine;
          expect(isFinished(last)).toBe(true);
          expect(last.winners).toHaveLength(Math.min(tickets, buyers));
        },
      ),
    );
  });

  test('without the lock the file never goes below 0 and nobody who read a ticket misses out', () => {
    fc.assert(
      fc.property(smallConfig(6), fc.array(fc.nat(), { maxLength: 40 }), (config, choices) => {
        const c = { ...config, lock: false };
        const last = drive(c, [...choices, ...new Array(2 * c.buyers).fill(0)]).at(-1) as Machine;
        expect(last.ticketNum).toBeGreaterThanOrEqual(0);
        expect(last.winners.length).toBeGreaterThanOrEqual(Math.min(c.tickets, c.buyers));
        for (const [i, b] of last.buyers.entries())
          expect(b.result === 'won').toBe((b.seen ?? 0) > 0 && last.winners.includes(i));
      }),
    );
  });

  test('beyond its limits explore throws a RangeError instead of hanging', () => {
    expect(() => explore({ tickets: 1, buyers: EXPLORE_LIMITS.buyers + 1, lock: false })).toThrow(/explore: at most 5 buyers/);
    const t = performance.now();
    expect(explore({ tickets: LIMITS.tickets.max, buyers: EXPLORE_LIMITS.buyers, lock: false }).schedules).toBe(113400);
    expect(explore({ tickets: 1, buyers: EXPLORE_LIMITS.buyers, lock: false }).outcomes).toHaveLength(325);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('the counter: count += 1 as LOAD, ADD, STORE', () => {
  const two = (lock: boolean): CounterConfig => ({ threads: 2, increments: 1, lock });

  test('2 threads × 1 increment, no lock: 20 schedules; 18 end at 1, only the 2 serial ones at 2', () => {
    expect(counterExplore(two(false))).toEqual({
      schedules: 20,
      outcomes: [
        { finalCount: 1, lostUpdates: 1, count: 18 },
        { finalCount: 2, lostUpdates: 0, count: 2 },
      ],
    });
  });

  test('with the lock every schedule ends at threads × increments', () => {
    expect(counterExplore(two(true))).toEqual({ schedules: 2, outcomes: [{ finalCount: 2, lostUpdates: 0, count: 2 }] });
    fc.assert(
      fc.property(
        fc.record({ threads: fc.integer({ min: 1, max: 4 }), increments: fc.integer({ min: 1, max: 5 }) }),
        fc.integer(),
        (c, seed) => {
          const config = { ...c, lock: true };
          expect(counterRun(config, counterRandomSchedule(config, seed))).toMatchObject({
            count: c.threads * c.increments,
            lostUpdates: 0,
            finished: true,
          });
        },
      ),
    );
  });

  test('2 threads × 2 increments: 924 schedules, and the count can end as low as 2', () => {
    expect(counterExplore({ threads: 2, increments: 2, lock: false })).toEqual({
      schedules: 924,
      outcomes: [
        { finalCount: 2, lostUpdates: 2, count: 702 },
        { finalCount: 3, lostUpdates: 1, count: 216 },
        { finalCount: 4, lostUpdates: 0, count: 6 },
      ],
    });
  });

  test('with two or more increments each, never below 2 (and exactly 2 is reachable)', () => {
    for (const [threads, increments] of [
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [4, 2],
    ] as const) {
      expect(counterExplore({ threads, increments, lock: false }).outcomes[0]?.finalCount).toBe(2);
    }
  });

  test('schedules count the interleavings: (3nk)!/((3k)!)^n without the lock, (nk)!/(k!)^n with it', () => {
    fc.assert(
      fc.property(
        fc.record({ threads: fc.integer({ min: 1, max: 3 }), increments: fc.integer({ min: 1, max: 3 }), lock: fc.boolean() }),
        (config) => {
          const r = counterExplore(config);
          const per = config.lock ? config.increments : 3 * config.increments;
          expect(BigInt(r.schedules)).toBe(multinomial(new Array(config.threads).fill(per)));
          expect(r.outcomes.reduce((s, o) => s + o.count, 0)).toBe(r.schedules);
        },
      ),
      { numRuns: 30 },
    );
  });

  test('counterExplore agrees with running every schedule one by one', () => {
    for (const config of [
      two(false),
      two(true),
      { threads: 2, increments: 2, lock: false },
      { threads: 3, increments: 1, lock: false },
    ]) {
      const tally = new Map<number, number>();
      for (const s of counterAllSchedules(config)) {
        const out = counterRun(config, s);
        expect(out.finished).toBe(true);
        tally.set(out.count, (tally.get(out.count) ?? 0) + 1);
      }
      expect(new Map(counterExplore(config).outcomes.map((o) => [o.finalCount, o.count]))).toEqual(tally);
    }
  });

  test('the lost update: both threads LOAD 0 before either STOREs', () => {
    const out = counterRun(two(false), [0, 1, 0, 1, 0, 1]);
    expect(out).toMatchObject({ count: 1, lostUpdates: 1, finished: true });
    expect(out.log.map((e) => formatCounterLog(e, 'en'))).toEqual([
      'T1 LOAD: tmp = count = 0',
      'T2 LOAD: tmp = count = 0',
      'T1 ADD: tmp = 1',
      'T2 ADD: tmp = 1',
      'T1 STORE: count = 1',
      'T2 STORE: count = 1',
    ]);
    expect(formatCounterLog(out.log[0]!, 'zh')).toBe('T1 LOAD：tmp = count = 0');
    expect(counterRun(two(false), counterSerialSchedule(two(false))).count).toBe(2);
  });

  test('the lost-update schedule loses (threads − 1) × increments updates without the lock, none with it', () => {
    for (let threads = 1; threads <= 4; threads++)
      for (let increments = 1; increments <= 3; increments++) {
        const off = counterRun({ threads, increments, lock: false }, counterLostUpdateSchedule({ threads, increments, lock: false }));
        expect(off).toMatchObject({ finished: true, count: increments, lostUpdates: (threads - 1) * increments });
        const on = counterRun({ threads, increments, lock: true }, counterLostUpdateSchedule({ threads, increments, lock: true }));
        expect(on).toMatchObject({ finished: true, count: threads * increments, lostUpdates: 0 });
      }
  });

  test('counterRun throws ScheduleError for a blocked or finished thread', () => {
    expect(catchError(() => counterRun(two(true), [0, 1]))).toMatchObject({ code: 'blocked', step: 1, actor: 1, holder: 0 });
    expect(catchError(() => counterRun(two(false), [0, 0, 0, 0]))).toMatchObject({ code: 'finished', step: 3 });
    expect(() => counterRun({ threads: 9, increments: 1, lock: false }, [])).toThrow(RangeError);
  });

  test('counterRunnable leaves out a thread blocked at acquire, and counterStep is pure', () => {
    const s0: CounterMachine = counterStart(two(true));
    const s1 = counterStep(s0, 0);
    expect(counterRunnable(s0)).toEqual([0, 1]);
    expect(counterRunnable(s1)).toEqual([0]);
    expect(s0).toEqual(counterStart(two(true)));
    expect(Object.isFrozen(s1) && Object.isFrozen(s1.threads)).toBe(true);
    expect(counterRunnable(counterStep(counterStep(counterStep(counterStep(s1, 0), 0), 0), 0))).toEqual([1]);
  });

  test('counterCurrentLine walks LOAD, ADD, STORE once per increment', () => {
    const config = { threads: 1, increments: 2, lock: false };
    const states = counterReplay(config, counterSerialSchedule(config));
    const ops = states.map((s) => {
      const i = counterCurrentLine(s, 0);
      return i === null ? null : counterProgramFor(config)[i]?.op;
    });
    expect(ops).toEqual(['load', 'add', 'store', 'load', 'add', 'store', null]);
    expect(PROGRAM_COUNTER.filter((l) => l.op !== null).map((l) => l.code.trim())).toEqual([
      'tmp = count',
      'tmp = tmp + 1',
      'count = tmp',
    ]);
    expect(counterIsFinished(states.at(-1)!)).toBe(true);
  });

  test('beyond its limits counterExplore throws a RangeError instead of hanging', () => {
    expect(() => counterExplore({ threads: 4, increments: 3, lock: false })).toThrow(/more than can be counted exactly/);
    expect(() => counterExplore({ threads: 2, increments: 4, lock: false })).toThrow(/at most 4 threads and 3 increments/);
    expect(counterExplore({ threads: 4, increments: 3, lock: true }).schedules).toBe(369600);
  });
});

describe('URL state', () => {
  test('a schedule encodes as 1-based digits and decodes back', () => {
    expect(encodeSchedule([0, 1, 2, 0, 1, 2])).toBe('123123');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: LIMITS.scheduleChars }), (s) => {
        expect(decodeSchedule(encodeSchedule(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  test('decoding garbage never throws: it returns an error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.string({ unit: 'binary' })), (x) => {
        const r = decodeSchedule(x);
        if (r.ok) expect(r.value.every((b) => Number.isInteger(b) && b >= 0 && b <= 8)).toBe(true);
        else expect(r.error).toMatch(/schedule/);
      }),
    );
    expect(decodeSchedule('12a3')).toEqual({ ok: false, error: 'character 3 of the schedule is not a digit 1–9' });
    expect(decodeSchedule('0')).toMatchObject({ ok: false });
    expect(decodeSchedule('1'.repeat(LIMITS.scheduleChars + 1))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 256/),
    });
    expect(decodeSchedule('1'.repeat(1e6))).toMatchObject({ ok: false });
    expect(decodeSchedule(null)).toMatchObject({ ok: false });
    expect(decodeSchedule('')).toEqual({ ok: true, value: [] });
  });

  test('a decoded schedule that cannot run is caught by tryReplay, not by a crash', () => {
    const decoded = decodeSchedule('999');
    expect(decoded.ok && tryReplay(demo(false), decoded.value).error?.code).toBe('out-of-range');
  });

  test('a whole widget state (configuration, schedule, position) is one short string and reads back', () => {
    expect(encodeState({ config: demo(false), schedule: worstSchedule(demo(false)), position: 4 })).toBe('1.3.N.123123.4');
    expect(encodeState({ config: demo(true), schedule: [0, 0] })).toBe('1.3.L.11');
    expect(decodeState('1.3.N')).toEqual({ ok: true, value: { config: demo(false), schedule: [], position: 0 } });
    fc.assert(
      fc.property(smallConfig(8), fc.array(fc.nat(), { maxLength: 40 }), fc.nat(), (config, choices, p) => {
        const schedule = [...(drive(config, choices).at(-1) as Machine).schedule];
        const position = p % (schedule.length + 1);
        const text = encodeState({ config, schedule, position });
        expect(text).toMatch(/^[0-9A-Z.]+$/);
        expect(decodeState(text)).toEqual({ ok: true, value: { config, schedule, position } });
      }),
    );
    const c = { threads: 2, increments: 1, lock: false };
    expect(encodeCounterState({ config: c, schedule: [0, 1, 0, 1, 0, 1], position: 3 })).toBe('2.1.N.121212.3');
    expect(decodeCounterState('2.1.N.121212.3')).toEqual({
      ok: true,
      value: { config: c, schedule: [0, 1, 0, 1, 0, 1], position: 3 },
    });
  });

  test('a garbled, outdated or impossible state is an error with a reason, never a throw', () => {
    expect(decodeState('1.3.L.12')).toEqual({ ok: false, error: 'step 1: P2 is blocked at lock.acquire(): P1 holds the lock' });
    expect(decodeState('1.3.N.1111')).toMatchObject({ ok: false, error: 'step 2: P1 has already finished' });
    expect(decodeState('1.9.N')).toMatchObject({ ok: false, error: 'buyers must be a whole number from 1 to 8' });
    expect(decodeState('1.3.X.1')).toMatchObject({ ok: false, error: expect.stringMatching(/lock/) });
    expect(decodeState('1.3.N.123123.7')).toMatchObject({ ok: false, error: 'the position must be a step from 0 to 6' });
    expect(decodeState('normal.5')).toMatchObject({ ok: false });
    expect(decodeState('\u0000')).toMatchObject({ ok: false });
    expect(decodeCounterState('2.1.L.12')).toMatchObject({ ok: false, error: expect.stringMatching(/T2 is blocked/) });
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string(), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}\.[LNX]\.[0-9]{0,12}(\.[0-9]{1,3})?$/)),
        (x) => {
          for (const r of [decodeState(x), decodeCounterState(x)]) {
            if (!r.ok) expect(typeof r.error).toBe('string');
          }
        },
      ),
    );
  });

  test('validateConfig takes numbers or URL strings, and never throws on garbage', () => {
    expect(validateConfig({ tickets: '1', buyers: '3', lock: '1' })).toEqual({ ok: true, value: demo(true) });
    expect(validateConfig({ tickets: 1, buyers: 3 })).toEqual({ ok: true, value: demo(false) });
    expect(validateConfig({ tickets: 1, buyers: 9, lock: false })).toEqual({
      ok: false,
      error: 'buyers must be a whole number from 1 to 8',
    });
    expect(validateConfig({ tickets: 1.5, buyers: 2 })).toMatchObject({ ok: false });
    expect(validateConfig({ tickets: 1, buyers: 2, lock: 'yes' })).toEqual({ ok: false, error: 'lock must be true or false' });
    expect(validateConfig(Object.create({ tickets: 1, buyers: 2 }))).toMatchObject({ ok: false });
    expect(validateCounterConfig({ threads: '2', increments: 1 })).toEqual({
      ok: true,
      value: { threads: 2, increments: 1, lock: false },
    });
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const a = validateConfig(x);
        const b = validateCounterConfig(x);
        if (a.ok) expect(() => start(a.value)).not.toThrow();
        if (b.ok) expect(() => counterStart(b.value)).not.toThrow();
      }),
    );
  });
});
