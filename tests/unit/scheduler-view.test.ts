// W13's pictures and words: every step of every preset laid out without overlaps at a phone's, a
// tablet's and a laptop's width and in presenter mode (the chart and the queue rows); what the
// chart, the queues, the table and the narration say at telling steps.
import { describe, expect, test } from 'vitest';
import { ganttLayout } from '../../src/widgets/kit/draw/gantt.ts';
import { slotsLayout } from '../../src/widgets/kit/draw/slots.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { decodeState, preset, PRESET_NAMES, trace } from '../../src/widgets/scheduler/model.ts';
import { schedText } from '../../src/widgets/scheduler/i18n.ts';
import { ganttOf, narrate, queuesOf, tableOf } from '../../src/widgets/scheduler/view.ts';
import { problems } from './draw-check.ts';
import quiz from '../../content/quizzes/09-processes.json' with { type: 'json' };

describe('the pictures', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const p of PRESET_NAMES)
      test(`${lang} ${p}: every step at 288–1200 px and presenter, no text on text`, () => {
        const tr = trace(preset(p));
        for (let step = 0; step <= tr.end; step++)
          for (const [width, scale] of [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) {
            const d = ganttLayout(ganttOf(tr, step, schedText[lang]), { width, scale });
            expect(problems(d, width), `chart, step ${step} at ${width}×${scale}`).toEqual([]);
            for (const q of queuesOf(tr, step, schedText[lang])) expect(problems(slotsLayout(q.slots, { width, scale }), width), `queue, step ${step} at ${width}×${scale}`).toEqual([]);
          }
      });
});

describe('what it shows', () => {
  const t = schedText.en;
  test('RR at t = 2: C arrived and queued ahead of A, whose slice is over; B runs', () => {
    const tr = trace(preset('abc-rr'));
    expect(narrate(tr, 2, t)).toBe('t = 2: C arrives. A’s slice is over: it goes to the back of the queue, behind any job that arrived just now. B runs. Queue: C, A.');
    const [q] = queuesOf(tr, 2, t);
    expect(q!.slots.items).toEqual(['C', 'A']);
    expect(q!.head).toBe('Ready queue · on the CPU: B');
    const g = ganttOf(tr, 2, t);
    expect(g.rows.map((r) => r.state!.word)).toEqual(['ready', 'running', 'ready']);
    expect(g.bars.filter((b) => b.kind === 'run').map((b) => [b.label, b.start, b.end])).toEqual([['A', 0, 2]]);
    expect(g.bars.filter((b) => b.kind === 'wait').map((b) => [b.row, b.start, b.end, b.label])).toEqual([[1, 1, 2, undefined]]);
  });
  test('MLFQ: bars are named by level, the queues are one row per level with its slice and allotment', () => {
    const tr = trace(preset('abc-mlfq'));
    const g = ganttOf(tr, tr.end, t);
    expect(g.bars.filter((b) => b.kind === 'run').map((b) => b.label).join(' ')).toBe('L0 L0 L0 L1 L1 L2');
    const qs = queuesOf(tr, 3, t);
    expect(qs.map((q) => q.head)).toEqual(['Level 0 · slice 1 · allotment 1 · CPU idle', 'Level 1 · slice 2 · allotment 2 · on the CPU: A', 'Level 2 · slice 4 · allotment 4 · CPU idle']);
    expect(qs[1]!.slots.items).toEqual(['B']);
    expect(narrate(tr, 1, t)).toBe('t = 1: B arrives and enters level 0 (rule 3). A has used its allotment: down to level 1 (rule 4). B runs at level 0. Level 0: empty; level 1: A; level 2: empty.');
  });
  test('I/O: dash-dot bars, "I/O until" in the row, a narration of the yield; the old rule says 4a', () => {
    const tr = trace(preset('gaming-old'));
    const g = ganttOf(tr, 8, t);
    expect(g.rows[1]!.state!.word).toBe('running at L0');
    expect(g.bars.some((b) => b.kind === 'io' && b.row === 1)).toBe(true);
    expect(narrate(tr, 7, t)).toContain('B gives up the CPU for I/O until 8.');
    expect(narrate(tr, 4, t)).toContain('(old rule 4a)');
  });
  test('the table fills in as jobs finish, marks the one done now and ends with the averages', () => {
    const tr = trace(preset('abc-fifo'));
    const mid = tableOf(tr, 6, t);
    expect(mid.rows[0]).toEqual({ cells: ['A', '0', '6', '0', '6', '0'], mark: 'added' });
    expect(mid.rows[1]!.cells.slice(3)).toEqual(['—', '—', '—']);
    const end = tableOf(tr, tr.end, t);
    expect(end.rows.at(-1)!.cells).toEqual(['average', '', '', '3.67', '6.67', '3.67']);
    expect(narrate(tr, tr.end, schedText.zh)).toBe('t = 9：C 完成。 全部完成。平均周转时间 6.67，平均响应时间 3.67。');
  });
  test('the quiz question opens the lab at a state whose picture shows its answer', () => {
    const q = quiz.questions.find((x) => x.id === 'sched-lab-gaming')!;
    const d = decodeState((q as { try?: { state: string } }).try!.state);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const tr = trace(d.setup);
    // The gamer B at the step the link opens: still at level 0 under the old rules, after 3 of its yields.
    expect(tr.instants[d.step]!.levels[1]).toBe(0);
    const share = tr.slices.filter((s) => s.job === 1 && s.end <= 20).reduce((a, s) => a + s.end - s.start, 0);
    expect(q.answer).toBe(1);
    expect(share).toBe(12); // B ran 12 of the first 20 ticks: 3 of every 4 after A's first slice
  });
});
