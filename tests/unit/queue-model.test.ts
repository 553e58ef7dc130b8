// W18's model held to outside truth: thousands of random op sequences run by runQueue and by the
// real queue.Queue / queue.LifoQueue in python3 (tests/support/queue_truth.py: blocking calls with a
// small timeout, queue.Full / queue.Empty after it = blocked); every producer–consumer run of a grid
// of scenarios replayed event by event against the real queue (puts, gets, blocked means full/empty,
// JoinableQueue's unfinished count); and the course's own producer_consumer.py and queue_demo.py.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeState, encodeState, handSteps, preset, PRESET_NAMES, runQueue, simulate, type Kind, type Op, type OpResult, type Run, type Scenario } from '../../src/widgets/queue/model.ts';
import { EXAMPLES, expectClean, runExample, runPython } from '../support/python.ts';

const SCRIPT = join(process.cwd(), 'tests', 'support', 'queue_truth.py');
function python<T>(job: unknown): T {
  const r = spawnSync('python3', [SCRIPT], { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as T;
}
const asPy = (r: OpResult): unknown[] => ('blocked' in r ? ['blocked'] : 'raised' in r ? ['raised', r.raised] : 'value' in r ? ['ok', r.value] : ['ok']);

describe('runQueue against queue.Queue and queue.LifoQueue', () => {
  test('3000 random op sequences, maxsize in {-1, 0, 1, 2, 3, 5}: the same result for every op', () => {
    const opArb = fc.constantFrom('put', 'put_nowait', 'get', 'get_nowait') as fc.Arbitrary<Op['op']>;
    const cases = fc.sample(
      fc.record({
        maxsize: fc.constantFrom(-1, 0, 1, 2, 3, 5),
        kind: fc.constantFrom('FIFO', 'LIFO') as fc.Arbitrary<Kind>,
        ops: fc.array(opArb, { maxLength: 30 }),
      }),
      { numRuns: 3000, seed: 14 },
    ).map((c) => ({ ...c, ops: c.ops.map((op, i): Op => (op.startsWith('put') ? { op, value: i } : { op })) }));
    const truth = python<unknown[][][]>({ ops: cases.map((c) => ({ maxsize: c.maxsize, kind: c.kind, ops: c.ops.map((o) => [o.op, o.value ?? null]) })) });
    let blocked = 0;
    cases.forEach((c, i) => {
      const mine = runQueue(c, c.ops);
      blocked += mine.filter((r) => 'blocked' in r).length;
      expect(mine.map(asPy), JSON.stringify(c)).toEqual(truth[i]);
    });
    expect(blocked).toBeGreaterThan(1000); // the sample does reach the blocking cases
  }, 120_000);
  test('a blocked put puts nothing and a blocked get takes nothing; the next op still runs', () => {
    expect(runQueue({ maxsize: 1, kind: 'FIFO' }, [{ op: 'put', value: 'a' }, { op: 'put', value: 'b' }, { op: 'get' }, { op: 'get' }, { op: 'put_nowait', value: 'c' }, { op: 'get_nowait' }])).toEqual([
      { ok: true }, { blocked: true }, { ok: true, value: 'a' }, { blocked: true }, { ok: true }, { ok: true, value: 'c' },
    ]);
  });
  test('maxsize 0 and -1 are unbounded, as in Python', () => {
    for (const maxsize of [0, -1]) expect(runQueue({ maxsize, kind: 'FIFO' }, Array.from({ length: 1000 }, (_, i) => ({ op: 'put_nowait' as const, value: i }))).every((r) => 'ok' in r)).toBe(true);
  });
  test('a list of 200,000 ops runs in well under a second', () => {
    const ops: Op[] = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 2 ? { op: 'get' } : { op: 'put', value: i }));
    const t0 = performance.now();
    const r = runQueue({ maxsize: 0, kind: 'FIFO' }, ops);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r[2]).toEqual({ ok: true, value: 0 });
  });
  test('hand steps number the puts 1, 2, 3 and show the queue after each op', () => {
    const s = handSteps(2, 'LIFO', ['put', 'put', 'put_nowait', 'get', 'get_nowait', 'get_nowait', 'get']);
    expect(s.map((x) => x.items)).toEqual([[1], [1, 2], [1, 2], [1], [], [], []]);
    expect(s[2]!.result).toEqual({ raised: 'Full' });
    expect(s[3]!.result).toEqual({ ok: true, value: 2 });
    expect(s[6]!.result).toEqual({ blocked: true });
  });
});

// A run's events in order as the Python replay reads them (the queue's view of the run).
function trace(r: Run) {
  const events: Array<[string, unknown]> = [];
  for (const s of r.steps)
    for (const e of s.events) {
      if (e.kind === 'put' || e.kind === 'put-blocked' || e.kind === 'get') events.push([e.kind, e.item]);
      else if (e.kind === 'get-blocked' || e.kind === 'join-returned') events.push([e.kind, null]);
      else if (e.kind === 'task-done') events.push([e.kind, e.unfinished]);
      else if (e.kind === 'end') events.push(['left', e.left]);
    }
  return { maxsize: r.scenario.maxsize, kind: r.scenario.kind, events };
}
const GRID: Scenario[] = [];
for (const maxsize of [-1, 0, 1, 2, 3, 5, 8])
  for (const kind of ['FIFO', 'LIFO'] as const)
    for (const producers of [1, 2])
      for (const consumers of [1, 2, 3])
        for (const items of [1, 2, 4, 6])
          for (const make of [1, 2, 5])
            for (const eat of [1, 3, 5])
              for (const ending of ['sentinel', 'joinable'] as const) GRID.push({ maxsize, kind, producers, consumers, items, make, eat, ending });

describe('producer–consumer runs', () => {
  const runs = GRID.map(simulate);
  test(`${GRID.length} runs replayed against the real queue: every put, get, block and task_done agrees`, () => {
    const found = python<Array<string | null>>({ traces: runs.map(trace) });
    const bad = found.map((f, i) => (f ? `${JSON.stringify(GRID[i])}: ${f}` : null)).filter(Boolean);
    expect(bad.slice(0, 5)).toEqual([]);
    // The grid reaches both waits.
    expect(runs.some((r) => r.steps.some((s) => s.events.some((e) => e.kind === 'put-blocked' && 'who' in e && e.who.role === 'p')))).toBe(true);
    expect(runs.some((r) => r.steps.some((s) => s.events.some((e) => e.kind === 'get-blocked')))).toBe(true);
  }, 120_000);
  test('FIFO with sentinels: every item eaten exactly once, each consumer leaves on its one None, nothing left', () => {
    for (const r of runs.filter((x) => x.scenario.kind === 'FIFO' && x.scenario.ending === 'sentinel')) {
      const { producers, items, consumers } = r.scenario;
      expect(r.gets.map((g) => g[1]).sort()).toEqual(Array.from({ length: producers * items }, (_, k) => `p${Math.floor(k / items)}-${k % items}`).sort());
      const exits = r.steps.flatMap((s) => s.events).filter((e) => e.kind === 'exit' && e.who.role === 'c');
      expect(exits).toHaveLength(consumers);
      const end = r.steps.at(-1)!.events.at(-1)!;
      expect(end).toEqual({ kind: 'end', left: [], killed: [] });
    }
  });
  test("FIFO: one consumer sees one producer's items with rising numbers (the chapter's claim)", () => {
    for (const r of runs.filter((x) => x.scenario.kind === 'FIFO'))
      for (let c = 0; c < r.scenario.consumers; c++)
        for (let p = 0; p < r.scenario.producers; p++) {
          const seen = r.gets.filter(([cc, it]) => cc === c && it.startsWith(`p${p}-`)).map(([, it]) => Number(it.split('-')[1]));
          expect(seen).toEqual([...seen].sort((a, b) => a - b));
        }
  });
  test('LifoQueue with sentinels: a None put last is taken first, so items can be left uneaten', () => {
    const lifo = runs.filter((x) => x.scenario.kind === 'LIFO' && x.scenario.ending === 'sentinel');
    expect(lifo.filter((r) => (r.steps.at(-1)!.events.at(-1) as { left: unknown[] }).left.length > 0).length).toBeGreaterThan(100);
    expect((simulate(preset('lifo-sentinels')).steps.at(-1)!.events.at(-1) as { left: unknown[] }).left).toEqual(['p0-2']);
  });
  test('JoinableQueue: join() returns once every item has its task_done; the daemon consumers are then ended with main', () => {
    for (const r of runs.filter((x) => x.scenario.ending === 'joinable')) {
      const evs = r.steps.flatMap((s) => s.events);
      const j = evs.findIndex((e) => e.kind === 'join-returned');
      expect(evs.slice(0, j).filter((e) => e.kind === 'task-done')).toHaveLength(r.scenario.producers * r.scenario.items);
      expect(evs.at(-1)).toMatchObject({ kind: 'end', left: [], killed: Array.from({ length: r.scenario.consumers }, (_, i) => i) });
    }
  });
  test("each thread's spans follow one another without overlap and end by the run's end", () => {
    for (const r of runs.slice(0, 2000)) {
      const by = new Map<string, Array<[number, number]>>();
      for (const s of r.spans) {
        const k = s.who.role === 'main' ? 'main' : `${s.who.role}${s.who.i}`;
        by.set(k, [...(by.get(k) ?? []), [s.start, s.end]]);
        expect(s.end).toBeLessThanOrEqual(r.total);
      }
      for (const list of by.values()) list.sort((a, b) => a[0] - b[0]).forEach((x, i) => i && expect(x[0]).toBeGreaterThanOrEqual(list[i - 1]![1]));
    }
  });
  test('the presets show what they are named for', () => {
    const evs = (p: (typeof PRESET_NAMES)[number]) => simulate(preset(p)).steps.flatMap((s) => s.events);
    expect(evs('slow-consumer').some((e) => e.kind === 'put-blocked' && e.who.role === 'p')).toBe(true);
    expect(evs('slow-producer').filter((e) => e.kind === 'get-blocked').length).toBeGreaterThan(3);
    expect(evs('joinable').some((e) => e.kind === 'join-returned')).toBe(true);
  });
  test('bad scenarios are refused with the field named (a rate of 0, too many slots)', () => {
    expect(() => simulate({ ...preset('slow-consumer'), make: 0 })).toThrow('make out of range');
    expect(() => simulate({ ...preset('slow-consumer'), maxsize: 9 })).toThrow('maxsize out of range');
  });
});

describe('the state in a link', () => {
  test('round trip for every preset at every step, and hand runs', () => {
    for (const p of PRESET_NAMES) {
      const sc = preset(p);
      for (let step = 0; step <= simulate(sc).steps.length; step++) expect(decodeState(encodeState({ mode: 'run', scenario: sc, step }))).toEqual({ ok: true, mode: 'run', scenario: sc, step });
    }
    const h = { mode: 'hand' as const, maxsize: -1, kind: 'LIFO' as const, ops: ['put' as const, 'get_nowait' as const, 'get' as const], step: 2 };
    expect(encodeState(h)).toBe('h.-1.l.PgG.2');
    expect(decodeState('h.-1.l.PgG.2')).toEqual({ ok: true, ...h });
  });
  test('garbled, out of range or too long is refused', () => {
    for (const bad of ['', 'x', 'r.9.f.1.1.5.1.3.s.0', 'r.2.f.1.1.5.0.3.s.0', 'r.2.f.1.1.5.1.3.s.999', 'h.2.f.PPG.4', `h.2.f.${'P'.repeat(10_000)}.0`, 'h.2.q.P.0']) expect(decodeState(bad).ok, bad).toBe(false);
  });
});

describe("the course's own examples", () => {
  test('queue_demo.py: what runQueue says of its op sequences is what it prints', async () => {
    const run = await runExample('queue_demo.py');
    expectClean(run);
    const put5: Op[] = [1, 2, 3, 4, 5].map((v) => ({ op: 'put', value: v }));
    const r = runQueue({ maxsize: 5, kind: 'FIFO' }, [...put5, { op: 'put', value: 6 }, { op: 'put_nowait', value: 6 }, ...Array(5).fill({ op: 'get' }), { op: 'get_nowait' }, { op: 'get' }]);
    expect(r[5]).toEqual({ blocked: true });
    expect(run.stdout).toContain('put(6, timeout=1): queue.Full');
    expect(r[6]).toEqual({ raised: 'Full' });
    expect(run.stdout).toContain('put_nowait(6): queue.Full at once');
    expect(run.stdout).toContain(`get x5: [${r.slice(7, 12).map((x) => (x as { value: number }).value).join(', ')}]`);
    expect(r[12]).toEqual({ raised: 'Empty' });
    expect(r[13]).toEqual({ blocked: true });
    for (const kind of ['FIFO', 'LIFO'] as const) {
      const got = runQueue({ maxsize: 0, kind }, [{ op: 'put', value: 3 }, { op: 'put', value: 1 }, { op: 'put', value: 2 }, { op: 'get' }, { op: 'get' }, { op: 'get' }]).slice(3).map((x) => (x as { value: number }).value);
      expect(run.stdout).toContain(`${kind === 'FIFO' ? 'Queue' : 'LifoQueue'}: get -> [${got.join(', ')}]`);
    }
  }, 30_000);
  for (const joinable of [false, true])
    test(`producer_consumer.py${joinable ? ' --joinable' : ''}: the real run and the model's run of its setup agree on what is deterministic`, async () => {
      const run = await runPython([join(EXAMPLES, 'producer_consumer.py'), ...(joinable ? ['--joinable'] : [])], { cwd: EXAMPLES });
      expectClean(run);
      const sc: Scenario = { maxsize: 5, kind: 'FIFO', producers: 2, consumers: 2, items: 4, make: 1, eat: 2, ending: joinable ? 'joinable' : 'sentinel' };
      const model = simulate(sc);
      const real = [...run.stdout.matchAll(/^(c\d) ate (p\d-\d)$/gm)].map((m) => [Number(m[1]![1]), m[2]!] as [number, string]);
      // Every item eaten exactly once, in both.
      const all = Array.from({ length: 8 }, (_, k) => `p${k >> 2}-${k & 3}`);
      expect(real.map((x) => x[1]).sort()).toEqual(all);
      expect(model.gets.map((x) => x[1]).sort()).toEqual(all);
      // Sentinels: each consumer leaves on one None; joinable: nobody does, join() returns.
      expect(run.stdout.match(/got None/g)?.length ?? 0).toBe(joinable ? 0 : 2);
      expect(model.steps.flatMap((s) => s.events).filter((e) => e.kind === 'exit' && e.who.role === 'c')).toHaveLength(joinable ? 0 : 2);
      if (joinable) expect(run.stdout).toContain('main: q.join() returned');
    }, 30_000);
});
