// W13 scheduler: the model against outside truths. The shared vectors (widget_vectors.json,
// sched_demo); the course's own content/examples/schedulers.py run by python3 on the same jobs (its
// FCFS, RR and MLFQ); an independent simulator in Python (tests/support/sched_reference.py, written
// from OSTEP's rules with sort keys instead of queues) on thousands of random job sets per policy;
// and hand-traced runs for gaming (old rule 4a/4b vs rule 4) and starvation (no boost vs boost).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPython } from '../support/python.ts';
import {
  checkInput, decodeState, encodeState, jobName, parseJobs, preset, PRESET_NAMES, presetOf, schedule, SchedulerInputError, trace, LIMITS,
  type Job, type Mlfq, type Policy, type ScheduleInput,
} from '../../src/widgets/scheduler/model.ts';

const ABC: Job[] = [{ arrival: 0, run: 6 }, { arrival: 1, run: 2 }, { arrival: 2, run: 1 }];
/** One character per tick (job name, '.' idle), with the level after it under MLFQ. */
function timeline(input: ScheduleInput, levels = false): string[] {
  const out: string[] = [];
  for (const s of schedule(input).slices) {
    while (out.length < s.start) out.push('.');
    for (let t = s.start; t < s.end; t++) out.push(jobName(s.job) + (levels ? String(s.level) : ''));
  }
  return out;
}

describe('the shared vectors (widget_vectors.json, sched_demo)', () => {
  const v = JSON.parse(readFileSync(join(process.cwd(), '..', 'shared', 'data', 'widget_vectors.json'), 'utf8')).sched_demo;
  const jobs: Job[] = v['jobs(name,arrival,cpu_burst)'].map(([, arrival, run]: [string, number, number]) => ({ arrival, run }));
  const finishOf = (input: ScheduleInput) => Object.fromEntries(schedule(input).stats.map((s) => [jobName(s.job), s.turnaround + jobs[s.job]!.arrival]));
  test('RR q=2: AABBCAAAA, B=4 C=5 A=9 (an arrival at the end of a slice queues before the preempted job)', () => {
    const rr = { policy: 'RR', jobs, quantum: 2 } as const;
    expect(timeline(rr).join('')).toBe(v.round_robin_q2.timeline);
    expect(finishOf(rr)).toEqual(v.round_robin_q2.finish);
  });
  test('MLFQ 1/2/4, no boost: A0 B0 C0 A1 A1 B1 A2 A2 A2, C=3 B=6 A=9', () => {
    const m: ScheduleInput = { policy: 'MLFQ', jobs, mlfq: { quanta: [1, 2, 4], allotments: [1, 2, 4], boost: 0 } };
    expect(timeline(m, true).join(' ')).toBe(v.mlfq_quanta_1_2_4_no_boost['timeline(job+level)']);
    expect(finishOf(m)).toEqual(v.mlfq_quanta_1_2_4_no_boost.finish);
  });
});

describe('the contract (design.md)', () => {
  test('slices are one stay on the CPU each; levels only under MLFQ; stats per job in index order', () => {
    const r = schedule({ policy: 'RR', jobs: ABC, quantum: 2 });
    expect(r.slices).toEqual([
      { job: 0, start: 0, end: 2 }, { job: 1, start: 2, end: 4 }, { job: 2, start: 4, end: 5 }, { job: 0, start: 5, end: 7 }, { job: 0, start: 7, end: 9 },
    ]);
    expect(r.stats).toEqual([{ job: 0, response: 0, turnaround: 9, wait: 3 }, { job: 1, response: 1, turnaround: 3, wait: 1 }, { job: 2, response: 2, turnaround: 3, wait: 2 }]);
    expect(schedule({ policy: 'MLFQ', jobs: ABC }).slices.every((s) => typeof s.level === 'number')).toBe(true);
  });
  test('SJF is non-preemptive and breaks ties by index', () => {
    expect(timeline({ policy: 'SJF', jobs: ABC }).join('')).toBe('AAAAAACBB');
    expect(timeline({ policy: 'SJF', jobs: [{ arrival: 0, run: 1 }, { arrival: 1, run: 3 }, { arrival: 1, run: 3 }, { arrival: 1, run: 2 }] }).join('')).toBe('ADDBBBCCC');
  });
  test('FIFO with I/O: a blocked job lets the next one run and queues again when its I/O is done', () => {
    const r = trace({ policy: 'FIFO', jobs: [{ arrival: 0, run: 4, ioEvery: 2, ioTime: 3 }, { arrival: 0, run: 3 }] });
    expect(timeline(r.input).join('')).toBe('AABBBAA');
    expect(r.io).toEqual([{ job: 0, start: 2, end: 5 }]);
    // wait = turnaround − run − time in I/O.
    for (const s of r.stats) expect(s.wait).toBe(s.turnaround - r.input.jobs[s.job]!.run - r.io.filter((x) => x.job === s.job).reduce((a, x) => a + x.end - x.start, 0));
  });
  test('bad input is refused with what is wrong, before anything runs', () => {
    expect(checkInput({ policy: 'RR', jobs: ABC, quantum: 0 })).toEqual({ key: 'quantum', value: 0 });
    expect(checkInput({ policy: 'RR', jobs: [{ arrival: -1, run: 2 }] })).toEqual({ key: 'negative-arrival', job: 0 });
    expect(checkInput({ policy: 'FIFO', jobs: Array.from({ length: 10_000 }, () => ({ arrival: 0, run: 1 })) })).toEqual({ key: 'too-many-jobs', count: 10_000 });
    expect(checkInput({ policy: 'FIFO', jobs: [{ arrival: 0, run: Number.NaN }] })).toEqual({ key: 'not-integer', job: 0, field: 'run' });
    expect(checkInput({ policy: 'FIFO', jobs: [{ arrival: 0, run: 3, ioEvery: 1 }] })).toEqual({ key: 'io-pair', job: 0 });
    expect(checkInput({ policy: 'MLFQ', jobs: ABC, mlfq: { quanta: [1, 0], allotments: [1, 1], boost: 0 } })).toEqual({ key: 'level-value', field: 'quanta', level: 1, value: 0 });
    expect(checkInput({ policy: 'FIFO', jobs: Array.from({ length: 10 }, () => ({ arrival: 0, run: 50, ioEvery: 1, ioTime: 20 })) })!.key).toBe('too-long');
    expect(() => schedule({ policy: 'RR', jobs: ABC, quantum: 0 })).toThrow(SchedulerInputError);
  });
});

describe('the job list the reader types', () => {
  test('"arrival run" or "arrival run ioEvery ioTime", one job per line', () => {
    expect(parseJobs('0 6\n1, 2\n2 1 1 3\n')).toEqual({ ok: true, jobs: [{ arrival: 0, run: 6 }, { arrival: 1, run: 2 }, { arrival: 2, run: 1, ioEvery: 1, ioTime: 3 }] });
    expect(parseJobs('0 x')).toEqual({ ok: false, error: { key: 'not-number', line: 0, word: 'x' } });
    expect(parseJobs('0 1.5')).toEqual({ ok: false, error: { key: 'not-number', line: 0, word: '1.5' } });
    expect(parseJobs('0 1 2')).toEqual({ ok: false, error: { key: 'line-shape', line: 0 } });
    const huge = Array.from({ length: 10_000 }, () => '0 1').join('\n');
    const t0 = performance.now();
    expect(parseJobs(huge)).toEqual({ ok: false, error: { key: 'too-many-jobs', count: 10_000 } });
    expect(performance.now() - t0).toBeLessThan(200);
    expect(parseJobs(`0 ${'1'.repeat(3000)}`)).toEqual({ ok: false, error: { key: 'line-shape', line: 0 } });
    // A negative arrival parses, and the check says what is wrong with it.
    const neg = parseJobs('-1 2');
    expect(neg.ok && checkInput({ policy: 'FIFO', jobs: neg.jobs })).toEqual({ key: 'negative-arrival', job: 0 });
  });
});

describe('links', () => {
  test('every preset at every step round-trips; presetOf names it', () => {
    for (const p of PRESET_NAMES) {
      const s = preset(p);
      const end = trace(s).end;
      for (const step of [0, end]) expect(decodeState(encodeState(s, step))).toEqual({ ok: true, setup: s, step });
      expect(presetOf(s)).toBe(p);
    }
    expect(encodeState(preset('abc-rr'), 5)).toBe('r.2.1-2-4.1-2-4.0.n.0-6_1-2_2-1.5');
  });
  test('garbled links are refused: shape, letters, a quantum of 0, a step past the end, 10,000 jobs', () => {
    const ok = encodeState(preset('abc-rr'), 0);
    const many = `r.2.1-2-4.1-2-4.0.n.${Array(10_000).fill('0-1').join('_')}.0`;
    for (const bad of ['', 'x', ok.replace(/^r/, 'z'), ok.replace('.2.', '.0.'), ok.replace(/\.0$/, '.99'), ok.replace('.n.', '.q.'), ok.replace('0-6', '0-x'), ok.replace('0-6', '0-6-1'), many, 'r.2.1-2-4.1-2.0.n.0-6.0'])
      expect(decodeState(bad).ok, bad.slice(0, 40)).toBe(false);
  });
});

describe('hand-traced: gaming the old rule 4a/4b, closed by rule 4', () => {
  // A: 12 ticks of CPU. B: 12 ticks, but it yields for 1 tick of I/O after every 3, one tick before its 4-tick slice ends.
  test('old rules: B never uses a whole slice, so it stays at level 0 and takes 3 ticks of every 4; A sinks and gets the I/O gaps', () => {
    expect(timeline(preset('gaming-old'), true).join(' ')).toBe('A0 A0 A0 A0 B0 B0 B0 A1 B0 B0 B0 A1 B0 B0 B0 A1 B0 B0 B0 A1 A2 A2 A2 A2');
  });
  test('rule 4: B’s 4-tick allotment at level 0 runs out across its yields, and it sinks like A', () => {
    const r = trace(preset('gaming-fixed'));
    expect(timeline(r.input, true).join(' ')).toBe('A0 A0 A0 A0 B0 B0 B0 A1 B0 A1 A1 A1 B1 B1 A2 B1 B1 A2 A2 A2 B2 . B2 B2 B2');
    expect(r.instants[9]!.events).toContainEqual({ kind: 'demote', job: 1, to: 1 });
  });
});

describe('hand-traced: starvation without a boost, ended by rule 5', () => {
  test('no boost: A sinks to level 1 at 4 and waits 16 ticks while two pairs of interactive jobs hold level 0', () => {
    const r = trace(preset('starve-noboost'));
    expect(timeline(r.input, true).join(' ')).toBe('A0 A0 A0 A0 B0 C0 B0 C0 B0 C0 B0 C0 D0 E0 D0 E0 D0 E0 D0 E0 A1 A1');
    expect(r.stats[0]).toEqual({ job: 0, response: 0, turnaround: 22, wait: 16 });
  });
  test('boost every 6 ticks: A is lifted to level 0 at 6 and 12 and finishes at 9', () => {
    const r = trace(preset('starve-boost'));
    expect(r.instants[6]!.events).toContainEqual({ kind: 'boost', job: -1 });
    expect(r.stats[0]!.turnaround).toBe(9);
  });
});

// ---- random job sets ----

/** The cases as a JSON file for python3 to read. */
function casesFile(data: unknown): string {
  const f = join(mkdtempSync(join(tmpdir(), 'sched-')), 'cases.json');
  writeFileSync(f, JSON.stringify(data));
  return f;
}

const jobArb = (io: boolean) =>
  fc.record({ arrival: fc.integer({ min: 0, max: 12 }), run: fc.integer({ min: 1, max: 9 }), io: io ? fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { nil: undefined }) : fc.constant(undefined) })
    .map(({ arrival, run, io: p }): Job => (p ? { arrival, run, ioEvery: p[0], ioTime: p[1] } : { arrival, run }));
const mlfqArb: fc.Arbitrary<Mlfq> = fc.integer({ min: 1, max: 4 }).chain((levels) =>
  fc.record({
    quanta: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: levels, maxLength: levels }),
    allotments: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: levels, maxLength: levels }),
    boost: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 15 })),
    rule4: fc.constantFrom('fixed' as const, 'old' as const),
  }),
);
function cases(policy: Policy, count: number, seed: number, io = true): ScheduleInput[] {
  const arb = fc.record({ jobs: fc.array(jobArb(io), { minLength: 1, maxLength: 6 }), quantum: fc.integer({ min: 1, max: 5 }), mlfq: mlfqArb });
  return fc.sample(arb, { numRuns: count, seed }).map((c) => ({ policy, jobs: c.jobs, ...(policy === 'RR' ? { quantum: c.quantum } : {}), ...(policy === 'MLFQ' ? { mlfq: c.mlfq } : {}) }));
}

describe('against the independent simulator (tests/support/sched_reference.py), 2,000 random job sets per policy', () => {
  for (const policy of ['FIFO', 'SJF', 'RR', 'MLFQ'] as const)
    test(`${policy}: every tick (job, level, new slice) and every job's response, turnaround and wait`, async () => {
      const all = cases(policy, 2000, 14 + policy.length);
      const run = await runPython([join(process.cwd(), 'tests', 'support', 'sched_reference.py'), casesFile(all)], { timeoutMs: 60_000 });
      expect(run.stderr).toBe('');
      const ref = JSON.parse(run.stdout) as Array<{ ticks: Array<[number, number, boolean]>; stats: Array<[number, number, number]> }>;
      expect(ref).toHaveLength(all.length);
      let withIo = 0;
      all.forEach((c, i) => {
        const r = trace(c);
        const ticks: Array<[number, number, boolean]> = [];
        for (const s of r.slices) {
          while (ticks.length < s.start) ticks.push([-1, 0, false]);
          for (let t = s.start; t < s.end; t++) ticks.push([s.job, s.level ?? 0, t === s.start]);
        }
        while (ticks.length < r.end) ticks.push([-1, 0, false]);
        expect(ticks, JSON.stringify(c)).toEqual(ref[i]!.ticks);
        expect(r.stats.map((s) => [s.response, s.turnaround, s.wait]), JSON.stringify(c)).toEqual(ref[i]!.stats);
        if (r.io.length) withIo++;
      });
      expect(withIo).toBeGreaterThan(500); // the sets do exercise I/O
    }, 90_000);
});

describe("against the course's own schedulers.py (python3), 300 random job sets without I/O", () => {
  test('its FCFS, RR (q from 1 to 4) and MLFQ 1/2/4 give the same tick-by-tick timelines', async () => {
    const sets = cases('FIFO', 300, 909, false).map((c, i) => ({ jobs: c.jobs, q: 1 + (i % 4) }));
    const script = [
      'import json, sys',
      "sys.path.insert(0, 'content/examples')",
      'import schedulers as s',
      'out = []',
      'for c in json.load(open(sys.argv[1])):',
      "    jobs = {chr(65 + i): (j['arrival'], j['run']) for i, j in enumerate(c['jobs'])}",
      "    out.append({'fcfs': s.fcfs(jobs), 'rr': s.round_robin(jobs, c['q']), 'mlfq': s.mlfq(jobs)})",
      'json.dump(out, sys.stdout)',
    ].join('\n');
    const run = await runPython(['-c', script, casesFile(sets)], { cwd: process.cwd(), timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    const ref = JSON.parse(run.stdout) as Array<Record<'fcfs' | 'rr' | 'mlfq', Array<[number, string]>>>;
    // schedulers.py lists the ticks that ran something, each with its time: compare those.
    const ours = (input: ScheduleInput, levels: boolean) => timeline(input, levels).flatMap((x, t) => (x === '.' ? [] : [[t, x]]));
    sets.forEach((c, i) => {
      expect(ours({ policy: 'FIFO', jobs: c.jobs }, false), `FCFS ${JSON.stringify(c)}`).toEqual(ref[i]!.fcfs);
      expect(ours({ policy: 'RR', jobs: c.jobs, quantum: c.q }, false), `RR ${JSON.stringify(c)}`).toEqual(ref[i]!.rr);
      expect(ours({ policy: 'MLFQ', jobs: c.jobs, mlfq: { quanta: [1, 2, 4], allotments: [1, 2, 4], boost: 0 } }, true), `MLFQ ${JSON.stringify(c)}`).toEqual(ref[i]!.mlfq);
    });
  }, 90_000);
});

describe('properties', () => {
  test('one job at a time; every job runs exactly its CPU need; response ≤ wait ≤ turnaround − run', () => {
    fc.assert(
      fc.property(fc.constantFrom<Policy>('FIFO', 'SJF', 'RR', 'MLFQ'), fc.array(jobArb(true), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5 }), mlfqArb, (policy, jobs, quantum, mlfq) => {
        const r = trace({ policy, jobs, quantum, mlfq });
        const sorted = [...r.slices].sort((a, b) => a.start - b.start);
        sorted.forEach((s, i) => i && expect(s.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end));
        jobs.forEach((j, i) => {
          expect(r.slices.filter((s) => s.job === i).reduce((a, s) => a + s.end - s.start, 0)).toBe(j.run);
          const st = r.stats[i]!;
          expect(st.response).toBeGreaterThanOrEqual(0);
          expect(st.response).toBeLessThanOrEqual(st.wait);
          expect(st.wait).toBeLessThanOrEqual(st.turnaround - j.run);
        });
        expect(r.end).toBeLessThanOrEqual(LIMITS.ticks);
      }),
      { numRuns: 500 },
    );
  });
});
