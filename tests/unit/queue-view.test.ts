// W18's pictures and words: every step of every preset (and hand runs) laid out without overlaps at
// a phone's, a tablet's and a laptop's width and in presenter mode; what the step shows, from the model.
import { describe, expect, test } from 'vitest';
import { ganttLayout } from '../../src/widgets/kit/draw/gantt.ts';
import { slotsLayout } from '../../src/widgets/kit/draw/slots.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { handSteps, preset, PRESET_NAMES, simulate } from '../../src/widgets/queue/model.ts';
import { queueText } from '../../src/widgets/queue/i18n.ts';
import { blockedAt, ganttOfRun, narrateHand, narrateRun, slotsOfHand, slotsOfRun } from '../../src/widgets/queue/view.ts';
import { problems } from './draw-check.ts';

const WIDTHS = [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const;

describe('the pictures', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const p of PRESET_NAMES)
      test(`${lang} ${p}: slots and chart clean at every step, 288–1200 px and presenter`, () => {
        const run = simulate(preset(p));
        for (let step = 0; step <= run.steps.length; step++)
          for (const [width, scale] of WIDTHS) {
            expect(problems(slotsLayout(slotsOfRun(run, step, queueText[lang]), { width, scale }), width), `slots step ${step} at ${width}×${scale}`).toEqual([]);
            expect(problems(ganttLayout(ganttOfRun(run, step, queueText[lang]), { width, scale }), width), `chart step ${step} at ${width}×${scale}`).toEqual([]);
          }
      });
  test('hand runs: unbounded, full and blocked states are clean', () => {
    for (const [maxsize, kind] of [[-1, 'FIFO'], [2, 'LIFO'], [8, 'FIFO']] as const) {
      const ops = ['put', 'put', 'put', 'put_nowait', 'get', 'get', 'get', 'get_nowait', 'get'] as const;
      const steps = handSteps(maxsize, kind, [...ops]);
      for (let step = 0; step <= steps.length; step++)
        for (const lang of ['zh', 'en'] as const)
          for (const [width, scale] of WIDTHS) expect(problems(slotsLayout(slotsOfHand(maxsize, kind, steps, step, queueText[lang]), { width, scale }), width)).toEqual([]);
    }
  });
});

describe('what it shows', () => {
  const t = queueText.en;
  test('slow consumer: the producer blocked on a full queue, beside the slots; then woken by a get', () => {
    const run = simulate(preset('slow-consumer'));
    const k = run.steps.findIndex((s) => s.events.some((e) => e.kind === 'put-blocked' && e.who.role === 'p')) + 1;
    const sl = slotsOfRun(run, k, t);
    expect(sl.blocked).toEqual({ side: 'put', word: 'p0 blocked: put(p0-4), queue full' });
    expect(sl.items).toHaveLength(2);
    expect(ganttOfRun(run, k, t).rows[0]!.state).toEqual({ word: 'blocked: put(p0-4)', kind: 'blocked' });
    expect(narrateRun(run, k + 1, t)).toContain('p0 wakes up: put(p0-4) goes in, a slot is free.');
    expect(blockedAt(run, k + 1).put.map((x) => x.who)).toEqual([{ role: 'main' }]); // p0 is through; main now waits to put None
  });
  test('slow producer: the consumer blocked on get(); the chart draws the waits as outlined bars', () => {
    const run = simulate(preset('slow-producer'));
    expect(narrateRun(run, 1, t)).toBe('Tick 0: c0 calls get() on an empty queue: blocked until an item arrives.');
    const g = ganttOfRun(run, run.steps.length, t);
    expect(g.bars.filter((b) => b.kind === 'blocked' && b.label === 'get waits').length).toBeGreaterThan(3);
  });
  test('LifoQueue with sentinels: the end says which item was left', () => {
    const run = simulate(preset('lifo-sentinels'));
    expect(narrateRun(run, run.steps.length, t)).toContain('Left in the queue, never eaten: p0-2.');
    expect(narrateRun(run, run.steps.length, queueText.zh)).toContain('永远没人吃的：p0-2');
  });
  test('JoinableQueue: consumers end terminated, as daemons', () => {
    const run = simulate(preset('joinable'));
    const g = ganttOfRun(run, run.steps.length, t);
    expect(g.rows.filter((r) => r.state!.word === 'terminated (daemon)')).toHaveLength(2);
    expect(narrateRun(run, run.steps.length, t)).toContain('daemon consumers c0 and c1 are terminated');
  });
  test('by hand: Full and Empty at once for the _nowait forms; a blocking call would wait forever', () => {
    const steps = handSteps(1, 'FIFO', ['put', 'put_nowait', 'put', 'get', 'get_nowait', 'get']);
    expect([1, 2, 3, 4, 5, 6].map((k) => narrateHand(steps, k, t))).toEqual([
      'put(1): done.',
      'put_nowait(2) raises queue.Full at once: the queue is full.',
      'put(3) blocks: the queue is full and no other thread will ever get from it, so it would wait forever. (Here the next operation still runs.)',
      'get() returns 1.',
      'get_nowait() raises queue.Empty at once: the queue is empty.',
      'get() blocks: the queue is empty and no other thread will ever put, so it would wait forever. (Here the next operation still runs.)',
    ]);
    expect(slotsOfHand(1, 'FIFO', steps, 3, t).blocked).toEqual({ side: 'put', word: 'put(3) waits forever: full' });
  });
});

describe('the quiz question', () => {
  test("its link opens the LIFO run just after main's Nones go in, and the answer is what the lab shows next", async () => {
    const quiz = (await import('../../content/quizzes/13-queues.json', { with: { type: 'json' } })).default as { questions: Array<{ id: string; answer: number; try?: { widget: string; state: string } }> };
    const q = quiz.questions.find((x) => x.id === 'lifo-sentinels')!;
    expect(q.try!.widget).toBe('queue');
    const { decodeState } = await import('../../src/widgets/queue/model.ts');
    const d = decodeState(q.try!.state);
    if (!d.ok || d.mode !== 'run') throw new Error('bad state');
    const run = simulate(d.scenario);
    expect(run.steps[d.step - 1]!.items).toEqual(['p0-2', null, null]);
    expect(narrateRun(run, d.step + 1, queueText.en)).toContain('c0 gets None');
    expect((run.steps.at(-1)!.events.at(-1) as { left: unknown[] }).left).toEqual(['p0-2']);
    expect(q.answer).toBe(1);
  });
});
