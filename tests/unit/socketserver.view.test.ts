// W10's chart and words: every step of every preset laid out without overlaps at a phone's, a
// tablet's and a laptop's width and in presenter mode; rows, states and narration from the model.
import { describe, expect, test } from 'vitest';
import { ganttLayout } from '../../src/widgets/kit/draw/gantt.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { preset, PRESET_NAMES, simulate } from '../../src/widgets/socketserver/model.ts';
import { serverText } from '../../src/widgets/socketserver/i18n.ts';
import { ganttOf, narrate } from '../../src/widgets/socketserver/view.ts';
import { problems } from './draw-check.ts';
import quiz from '../../content/quizzes/07-socketserver.json' with { type: 'json' };

describe('the chart', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const p of PRESET_NAMES)
      for (const n of [3, 5])
        test(`${lang} ${p}, ${n} clients: every step at 288–1200 px and presenter, no text on text`, () => {
          const tl = simulate({ ...preset(p), arrivals: Array(n).fill(0) });
          for (let step = 0; step <= tl.events.length; step++)
            for (const [width, scale] of [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) {
              const d = ganttLayout(ganttOf(tl, step, serverText[lang]), { width, scale });
              expect(problems(d, width), `step ${step} at ${width}×${scale}`).toEqual([]);
            }
        });
});

describe('what it shows', () => {
  const t = serverText.en;
  test('TCPServer at the second start: client 0 done, client 1 served, client 2 in the backlog', () => {
    const tl = simulate(preset('io-tcp'));
    const g = ganttOf(tl, 4, t);
    expect(g.now).toBe(3);
    expect(g.rows.map((r) => r.state!.word)).toEqual(['done at 0.3 s', 'served: waiting on I/O', 'in the backlog']);
    expect(g.bars.filter((b) => b.kind === 'wait').map((b) => [b.row, b.label])).toEqual([[1, 'backlog'], [2, 'backlog']]);
  });
  test('CPU under threads: GIL waits are their own outlined bars, named', () => {
    const tl = simulate(preset('cpu-threading'));
    const g = ganttOf(tl, tl.events.length, t);
    expect(g.bars.some((b) => b.kind === 'blocked' && b.label === 'GIL')).toBe(true);
  });
  test('the last step says the total; the first says nothing has happened', () => {
    const tl = simulate(preset('io-tcp'));
    expect(narrate(tl, 0, t)).toBe('Before the first client connects. Step forward.');
    expect(narrate(tl, tl.events.length, t)).toBe('0.9 s: client 2 is done. Total: 0.9 s.');
    expect(narrate(tl, 1, serverText.zh)).toContain('backlog');
  });
  test("the quiz question's answer is what the lab shows: CPU threads all finish between 0.7 and 0.9 s", () => {
    const q = quiz.questions.find((x) => x.id === 'cpu-threads-finish')!;
    const tl = simulate(preset('cpu-threading'));
    expect(q.answer).toBe(2);
    expect(tl.clients.map((c) => c.finish / 10)).toEqual([0.7, 0.8, 0.9]);
    expect(simulate(preset('cpu-forking')).total).toBe(3);
  });
});
