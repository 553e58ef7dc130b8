// W10 socketserver timeline: the model's rules, and its ordering facts against the real servers
// (socketserver_demo.py's handler on 127.0.0.1, and the demo itself).
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { runExample, runPython, POSIX } from '../support/python.ts';
import { checkScenario, decodeState, encodeState, overlaps, preset, PRESET_NAMES, simulate, TICK_SECONDS, type Scenario } from '../../src/widgets/socketserver/model.ts';

const SCRIPT = join(process.cwd(), 'tests', 'support', 'socketserver_timeline.py');
const io = (server: Scenario['server'], n = 3, need = 3): Scenario => ({ server, work: 'io', arrivals: Array(n).fill(0), need, cores: 4, platform: 'linux' });

describe('the timeline, rule by rule', () => {
  test('TCPServer: one after another in arrival order, the rest wait in the backlog; total n × t', () => {
    const r = simulate(io('tcp', 5));
    expect(r.clients.map((c) => [c.start, c.finish])).toEqual([[0, 3], [3, 6], [6, 9], [9, 12], [12, 15]]);
    expect(r.total).toBe(15);
    expect(r.slices.filter((s) => s.kind === 'backlog').map((s) => [s.client, s.end - s.start])).toEqual([[1, 3], [2, 6], [3, 9], [4, 12]]);
  });
  test('threads and processes: I/O overlaps, total t', () => {
    for (const k of ['threading', 'forking'] as const) {
      const r = simulate(io(k, 4));
      expect(r.total).toBe(3);
      expect(r.clients.every((c) => c.start === 0 && c.finish === 3)).toBe(true);
    }
  });
  test('CPU under the GIL: one thread at a time, taking turns; all finish near n × t', () => {
    const r = simulate({ ...io('threading', 3), work: 'cpu' });
    expect(r.total).toBe(9);
    expect(r.clients.map((c) => c.finish)).toEqual([7, 8, 9]);
    for (let t = 0; t < 9; t++) expect(r.slices.filter((s) => s.kind === 'cpu' && s.start <= t && t < s.end)).toHaveLength(1);
  });
  test('CPU with processes: parallel on the cores, taking turns beyond them', () => {
    expect(simulate({ ...io('forking', 3), work: 'cpu', cores: 4 }).total).toBe(3);
    const two = simulate({ ...io('forking', 3), work: 'cpu', cores: 2 });
    expect(two.total).toBe(5);
    for (let t = 0; t < 5; t++) expect(two.slices.filter((s) => s.kind === 'cpu' && s.start <= t && t < s.end).length).toBeLessThanOrEqual(2);
    expect(simulate({ ...io('forking', 3), work: 'cpu', cores: 1 }).total).toBe(9);
  });
  test('late arrivals: a client that comes after the others are done is served at once', () => {
    const r = simulate({ ...io('tcp'), arrivals: [0, 1, 9] });
    expect(r.clients.map((c) => [c.start, c.finish])).toEqual([[0, 3], [3, 6], [9, 12]]);
  });
  test('events: grouped by time and kind, finishes before starts at the same time', () => {
    const r = simulate(io('tcp'));
    expect(r.events.map((e) => `${e.t}:${e.kind}:${e.clients.join('')}`)).toEqual(['0:arrive:012', '0:start:0', '3:finish:0', '3:start:1', '6:finish:1', '6:start:2', '9:finish:2']);
  });
  test('ForkingTCPServer on Windows is refused: no os.fork', () => {
    expect(checkScenario({ ...io('forking'), platform: 'windows' })).toEqual({ ok: false, field: 'platform' });
    expect(() => simulate({ ...io('forking'), platform: 'windows' })).toThrow(RangeError);
    expect(checkScenario({ ...io('threading'), platform: 'windows' }).ok).toBe(true);
  });
  test('links round-trip; garbled ones are refused', () => {
    for (const p of PRESET_NAMES) expect(decodeState(encodeState(preset(p), 3))).toEqual({ ok: true, scenario: preset(p), step: 3 });
    for (const bad of ['', 'x', 'f.i.0-0-0.3.4.w.0', 't.i.0-0.3.4.l.0', 't.i.0-0-0.9.4.l.0', 't.i.0-0-0.3.4.l.99', 't.i.0-0-0-0-0-0.3.4.l.0']) expect(decodeState(bad).ok).toBe(false);
  });
});

describe('against the real servers', () => {
  test('socketserver_demo.py: TCPServer takes at least n × t, ThreadingTCPServer far less, as the model says', async () => {
    const run = await runExample('socketserver_demo.py', { timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const elapsed = (name: string) => Number(new RegExp(`^${name}: 5/5 echoes in ([\\d.]+) s$`, 'm').exec(run.stdout)![1]);
    const serial = simulate(io('tcp', 5)).total * TICK_SECONDS;
    const threaded = simulate(io('threading', 5)).total * TICK_SECONDS;
    expect(elapsed('TCPServer')).toBeGreaterThanOrEqual(serial * 0.95);
    expect(elapsed('ThreadingTCPServer')).toBeGreaterThanOrEqual(threaded * 0.95);
    expect(elapsed('ThreadingTCPServer')).toBeLessThan(serial * 0.6);
  }, 70_000);

  test('each server kind with 3 sleeping clients: who overlaps whom and the order of service match the model exactly', async () => {
    const work = 0.4;
    const run = await runPython([SCRIPT, JSON.stringify({ clients: 3, work, stagger: 0.05 })], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.leftBehind).toBe(false);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Array<{ server: Scenario['server']; elapsed: number; times: Array<[number, number]> }>;
    expect(results.map((r) => r.server)).toEqual(POSIX ? ['tcp', 'threading', 'forking'] : ['tcp', 'threading']);
    for (const r of results) {
      const model = simulate({ ...io(r.server), arrivals: [0, 0, 0], need: Math.round(work / TICK_SECONDS) });
      const real = r.times.map(([start, finish]) => ({ arrive: 0, start, finish }));
      // Ordering facts: the order handlers started in, and which pairs were served at the same time.
      const byStart = (xs: Array<{ start: number }>) => [...xs.keys()].sort((a, b) => xs[a]!.start - xs[b]!.start || a - b);
      expect(byStart(real), r.server).toEqual(byStart(model.clients));
      for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(overlaps(real[a]!, real[b]!), `${r.server}: clients ${a} and ${b}`).toBe(overlaps(model.clients[a]!, model.clients[b]!));
      // Rough sizes: serial ≈ 3t (never less), concurrent ≈ t (well under 3t), with room for a busy machine.
      if (r.server === 'tcp') expect(r.elapsed).toBeGreaterThanOrEqual(3 * work * 0.95);
      else expect(r.elapsed).toBeLessThan(2 * work + 0.5);
    }
  }, 70_000);
});
