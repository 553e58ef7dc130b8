// W14's chart, code and words: every step of a spread of scenarios laid out without overlaps at a
// phone's, a tablet's and a laptop's width and in presenter mode; rows, lines and narration from the model.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ganttLayout } from '../../src/widgets/kit/draw/gantt.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { DEFAULT, simulate, type Scenario } from '../../src/widgets/syncasync/model.ts';
import { syncText } from '../../src/widgets/syncasync/i18n.ts';
import { chartAt, CODE, ganttOf, linesAt, narrate, stateOf, wastedAt } from '../../src/widgets/syncasync/view.ts';
import { problems } from './draw-check.ts';
import quiz from '../../content/quizzes/09-processes.json' with { type: 'json' };
import { CELLS, decodeState } from '../../src/widgets/syncasync/model.ts';

const SCENARIOS: Scenario[] = [DEFAULT, { ready: 1, poll: 10 }, { ready: 20, poll: 1 }, { ready: 20, poll: 3 }, { ready: 7, poll: 3 }, { ready: 4, poll: 2 }];

describe('the chart', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const s of SCENARIOS)
      test(`${lang} ready ${s.ready}, poll ${s.poll}: every step at 288–1200 px and presenter, no text on text`, () => {
        const run = simulate(s);
        for (let step = 0; step <= run.times.length; step++)
          for (const [width, scale] of [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) {
            for (const d of [ganttLayout(ganttOf(run, step, syncText[lang]), { width, scale }), chartAt(run, step, syncText[lang], { width, scale })])
              expect(problems(d, width), `step ${step} at ${width}×${scale}`).toEqual([]);
          }
      });
});

describe('named bars or few strips', () => {
  const strips = (width: number, s: Scenario, lang: 'en' | 'zh' = 'en') => {
    const run = simulate(s);
    const d = chartAt(run, run.times.length, syncText[lang], { width, scale: 1 });
    return { n: d.lines.filter((l) => l.y1 === l.y2).length };
  };
  test('on a laptop the default run is one strip with every bar named; on a phone one-tick bars go unnamed', () => {
    const wide = strips(680, DEFAULT);
    expect(wide.n).toBe(1);
    const run = simulate(DEFAULT);
    expect(chartAt(run, run.times.length, syncText.en, { width: 680, scale: 1 }).svg).toContain('done()');
    expect(chartAt(run, run.times.length, syncText.en, { width: PHONE_WIDTH, scale: 1 }).svg).not.toContain('done()');
  });
  test('the longest run (ready 20, poll 3) wraps into at most 6 strips on a phone and 2 on a laptop', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(strips(PHONE_WIDTH, { ready: 20, poll: 3 }, lang).n).toBeLessThanOrEqual(6);
      expect(strips(680, { ready: 20, poll: 3 }, lang).n).toBeLessThanOrEqual(2);
    }
  });
});

describe('what it shows', () => {
  const t = syncText.en;
  const run = simulate(DEFAULT);
  test('the code is the example’s own lines for the pool callers', () => {
    const file = readFileSync(join(process.cwd(), 'content', 'examples', 'sync_async.py'), 'utf8').split('\n').map((l) => l.replace(/\s+#.*$/, '').trim());
    for (const line of [...CODE.apply, ...CODE.async]) expect(file, line).toContain(line.trim());
  });
  test('step 1 (0.0 s): apply and recv callers Blocked in their call, async caller working, first wasted poll', () => {
    const g = ganttOf(run, 1, t);
    expect(g.rows.map((r) => `${r.label}: ${r.state!.word}`)).toEqual([
      '1 caller: Blocked in the call', '1 worker: running task',
      '2 caller: Running: other work', '2 result thread: waiting', '2 worker: running task',
      '3 caller: Blocked in the call', '3 peer: not yet',
      '4 caller: Running: caught BlockingIOError', '4 peer: not yet',
    ]);
    expect(linesAt(run, 'apply', 1)).toEqual([{ line: 1, who: 'caller' }]);
    expect(CODE.apply[1]).toBe('result = pool.apply(task, (i, s))');
    expect(CODE.poll[linesAt(run, 'poll', 1)[0]!.line]).toBe('    except BlockingIOError:');
    expect(stateOf(run, 'apply', 1)).toBe('blocked');
    expect(stateOf(run, 'poll', 1)).toBe('running');
    expect(wastedAt(run, 1)).toBe(1);
  });
  test('at 0.5 s the result thread runs the callback while the caller works on; the recv caller has its data', () => {
    const step = run.times.indexOf(5) + 1;
    expect(linesAt(run, 'async', step)).toEqual([{ line: 4, who: 'caller' }, { line: 1, who: 'result-thread' }]);
    expect(linesAt(run, 'recv', step)).toEqual([{ line: 1, who: 'caller' }]);
    expect(CODE.poll[linesAt(run, 'poll', step)[0]!.line]).toBe('        other_work()');
    expect(ganttOf(run, step, t).bars.filter((b) => b.kind === 'blocked').map((b) => [b.row, b.start, b.end, b.label])).toEqual([[0, 0, 5, 'Blocked'], [5, 0, 5, 'Blocked']]);
    expect(narrate(run, step, t)).toBe(
      '0.5 s: ① the result is back: the caller moves Blocked → Ready → Running and prints it. ② the task is done: the pool’s result thread runs done(result), while the caller keeps working. ③ the peer sends; the kernel wakes the caller (Blocked → Ready → Running) and recv returns the bytes. ④ the peer sends, but nobody asks yet: the bytes wait in the socket’s buffer.',
    );
  });
  test('the last step: the poll finds the data 0.1 s late after 3 wasted polls; Chinese too', () => {
    expect(narrate(run, 0, t)).toBe('Time 0.0 s, before the calls. Step forward.');
    expect(narrate(run, run.times.length, t)).toBe('0.6 s: ④ this poll finds the data, 0.1 s after it arrived, after 3 wasted polls.');
    expect(narrate(run, run.times.length, syncText.zh)).toBe('0.6 秒：④ 这一次问到了数据，比数据到达晚了 0.1 秒，之前白问了 3 次。');
    expect(narrate(run, 3, t)).toContain('the 3rd wasted poll');
  });
  test('a poll that lands on the arrival gets the data at once and is not told as “nobody asks”', () => {
    const r = simulate({ ready: 4, poll: 2 });
    expect(narrate(r, r.times.length, t)).not.toContain('nobody asks');
    expect(narrate(r, r.times.length, t)).toContain('0.0 s after it arrived, after 2 wasted polls');
  });
  test("the quiz question's answer is what its link shows: at 0.2 s only ① and ③ are Blocked", () => {
    const q = quiz.questions.find((x) => x.id === 'who-is-blocked')!;
    const d = decodeState(q.try!.state);
    if (!d.ok) throw new Error('the quiz link does not decode');
    const r = simulate(d.scenario);
    expect(r.times[d.step - 1]).toBe(2);
    expect(CELLS.filter((c) => stateOf(r, c, d.step) === 'blocked')).toEqual(['apply', 'recv']);
    expect(q.answer).toBe(1);
  });
});
