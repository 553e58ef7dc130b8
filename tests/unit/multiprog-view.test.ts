// W11's pictures and words: every step of each mode's run of the figure's jobs (and of a slice run)
// laid out without overlaps from a phone's width to a laptop's and in presenter mode; the narration
// names the state edges (Running → Blocked, Running → Ready); the chapter's 10 ms-switch numbers; the
// quiz's link opens the run its question describes.
import { describe, expect, test } from 'vitest';
import { timelineLayout } from '../../src/widgets/kit/draw/timeline.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { decodeState, DEFAULT_SETUP, MODES, simulate, stepTimes, type Setup } from '../../src/widgets/multiprog/model.ts';
import { progText } from '../../src/widgets/multiprog/i18n.ts';
import { narrate, timelineOf } from '../../src/widgets/multiprog/view.ts';
import { problems } from './draw-check.ts';
import quiz from '../../content/quizzes/08-os-history.json' with { type: 'json' };

const SETUPS: Setup[] = [...MODES.map((mode) => ({ ...DEFAULT_SETUP, mode })), { mode: 'both', jobs: [[5, 30, 25], [40], [10, 10, 10, 10, 10]], switchCost: 2, quantum: 8 }];

describe('the timeline', () => {
  for (const lang of ['zh', 'en'] as const)
    test(`${lang}: every step of every mode at 288–1200 px and presenter, no text on text`, () => {
      for (const s of SETUPS) {
        const r = simulate(s);
        for (let step = 0; step < stepTimes(r).length; step++)
          for (const [width, scale] of [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) {
            const d = timelineLayout(timelineOf(r, step, progText[lang], progText[lang].modes[s.mode]), { width, scale });
            expect(problems(d, width), `${s.mode} step ${step} at ${width}×${scale}`).toEqual([]);
          }
      }
    });
  test('at 41 ms (switch on I/O): the CPU idles, A and B in I/O, the bars up to now', () => {
    const r = simulate(DEFAULT_SETUP);
    const g = timelineOf(r, 3, progText.en, 'x');
    expect(g.now).toBe(41);
    expect(g.rows.map((x) => x.state!.word)).toEqual(['idle', 'in I/O', 'in I/O']);
    expect(g.bars.filter((b) => b.row === 0).map((b) => [b.label, b.start, b.end])).toEqual([['A', 0, 20], ['switch', 20, 21], ['B', 21, 41]]);
  });
});

describe('the words', () => {
  test('blocking I/O is Running → Blocked; slice expiry is Running → Ready; the end says the utilization', () => {
    const t = progText.en;
    const r = simulate(DEFAULT_SETUP);
    expect(narrate(r, 1, t, 1)).toContain('Running → Blocked');
    const last = stepTimes(r).length - 1;
    expect(narrate(r, last, t, 1)).toContain('utilization 80/102 = 78.4%');
    const sl = simulate({ ...DEFAULT_SETUP, mode: 'slice', quantum: 10 });
    expect(narrate(sl, 1, t, 1)).toContain('Running → Ready');
    expect(narrate(simulate({ ...DEFAULT_SETUP, mode: 'uni' }), 2, progText.zh, 1)).toBe('60 毫秒：A 的 I/O 完成，它一直占着 CPU，接着运行。');
  });
  test('the chapter’s “10 ms per switch”: B 30–50, A 70–90, B 100–120, 120 ms, U ≈ 67 %', () => {
    const r = simulate({ ...DEFAULT_SETUP, switchCost: 10 });
    expect(r.cpu.filter((c) => c.kind === 'run').map((c) => [c.job, c.start, c.end])).toEqual([[0, 0, 20], [1, 30, 50], [0, 70, 90], [1, 100, 120]]);
    expect(r.makespan).toBe(120);
    expect(Math.round(r.utilization * 100)).toBe(67);
  });
  test('the quiz’s link: free switches, the whole run, 100 ms at 80 %', () => {
    const q = quiz.questions.find((x) => 'try' in x && (x as { try: { widget: string } }).try.widget === 'multiprog-lab') as { answer: number; try: { state: string } };
    const d = decodeState(q.try.state)!;
    const r = simulate(d.setup);
    expect(d.step).toBe(stepTimes(r).length - 1);
    expect(r.utilization * 100).toBe(q.answer);
  });
});
