import { describe, expect, test } from 'vitest';
import { text } from '../../src/widgets/locks/i18n.ts';
import { counter, ganttOf, tickets } from '../../src/widgets/locks/view-sims.ts';
import type { Sim } from '../../src/widgets/locks/view-sims.ts';

function statesOf<C, S>(sim: Sim<C, S>, parts: [number, number, boolean], schedule: number[]): S[] {
  const config = (sim.make(parts) as { value: C }).value;
  const states = [sim.start(config)];
  for (const i of schedule) states.push(sim.step(states[states.length - 1]!, i));
  return states;
}

describe('the schedule as a gantt chart (ganttOf)', () => {
  test('one bar per step, in the row of who ran it, named by what it did', () => {
    const g = ganttOf(tickets, statesOf(tickets, [1, 3, false], [0, 1, 2, 0, 1, 2]), 6, text.en);
    expect(g.bars.map((b) => [b.row, b.start, b.label])).toEqual([
      [0, 0, 'read 1'],
      [1, 1, 'read 1'],
      [2, 2, 'read 1'],
      [0, 3, 'write 0'],
      [1, 4, 'write 0'],
      [2, 5, 'write 0'],
    ]);
    expect(g.now).toBe(6);
    expect(g.rows.map((r) => r.state?.word)).toEqual(['got a ticket', 'got a ticket', 'got a ticket']);
  });
  test('a position before the end shows only the steps up to it', () => {
    const g = ganttOf(tickets, statesOf(tickets, [1, 3, false], [0, 1, 2, 0]), 2, text.en);
    expect(g.bars).toHaveLength(2);
  });
  test('with the lock: waiting bars for the ticks a buyer stood blocked, and who holds the lock', () => {
    const g = ganttOf(tickets, statesOf(tickets, [1, 3, true], [0, 0, 0]), 3, text.en);
    expect(g.bars.filter((b) => b.kind === 'blocked').map((b) => [b.row, b.start, b.end, b.label])).toEqual([
      [1, 1, 3, 'waiting'],
      [2, 1, 3, 'waiting'],
    ]);
    expect(g.rows.map((r) => [r.state?.word, r.state?.kind])).toEqual([
      ['holds the lock', 'run'],
      ['waiting: P1 holds the lock', 'blocked'],
      ['waiting: P1 holds the lock', 'blocked'],
    ]);
  });
  test('count += 1 in Chinese: LOAD, ADD, STORE bars and the lock words', () => {
    const g = ganttOf(counter, statesOf(counter, [2, 1, true], [0, 0]), 2, text.zh);
    expect(g.bars.filter((b) => b.kind === 'run').map((b) => b.label)).toEqual(['拿锁', 'LOAD 0']);
    expect(g.rows[1]!.state).toEqual({ word: '等锁，T1 持有', kind: 'blocked' });
    expect(g.nowLabel).toBe('现在');
  });
});
