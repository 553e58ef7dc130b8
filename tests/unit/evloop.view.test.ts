// The event loop's view: what each picture shows at a step, laid out within a phone's column and a
// projector's, the narration in both languages, and a step's render time.
import { describe, expect, test } from 'vitest';
import { boxesLayout } from '../../src/widgets/kit/draw/boxes.ts';
import { ganttLayout } from '../../src/widgets/kit/draw/gantt.ts';
import { slotsLayout } from '../../src/widgets/kit/draw/slots.ts';
import { table } from '../../src/widgets/kit/draw/table.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { preset, PRESET_NAMES, simulate } from '../../src/widgets/evloop/model.ts';
import { loopText } from '../../src/widgets/evloop/i18n.ts';
import { clientsOf, ganttOf, narrate, readyOf, stageOf } from '../../src/widgets/evloop/view.ts';

const en = loopText.en;
const zh = loopText.zh;
const blockStep = (tr: ReturnType<typeof simulate>) => tr.steps.findIndex((s) => s.action.kind === 'run' && s.action.blocked > 0);

describe('the pictures at a step', () => {
  test('time.sleep: the loop is stuck in C1, the other sockets are lit readable, their handlers still at await reader.readline()', () => {
    const tr = simulate(preset('time-sleep'));
    const k = blockStep(tr);
    const st = stageOf(tr, k, en);
    const svg = boxesLayout(st, { width: 640, scale: 1 }).svg;
    expect(svg).toContain('time.sleep(5)');
    const sockets = st.boxes[0]!.children![0]!.children!;
    expect(sockets.slice(1).map((s) => [s.bold, s.lines![1]])).toEqual([[true, 'readable: 1 line'], [true, 'readable: 1 line']]);
    expect(st.boxes[1]!.children!.slice(1).map((c) => c.lines)).toEqual([['suspended at', 'await reader.readline()'], ['suspended at', 'await reader.readline()']]);
    const g = ganttOf(tr, k, en);
    expect(g.bars.find((b) => b.kind === 'blocked')).toMatchObject({ row: 1, start: 1, end: 6, label: 'time.sleep' });
    expect(g.rows[1]!.state!.word).toBe('in time.sleep');
  });
  test('asyncio.sleep: C1 suspended with its timer, the ready queue holds what select made ready', () => {
    const tr = simulate(preset('asyncio-sleep'));
    const k = tr.steps.findIndex((s) => s.timers.length > 0);
    expect(stageOf(tr, k, en).boxes[1]!.children![0]!.lines).toContain('await asyncio.sleep(5)');
    expect(stageOf(tr, k, en).boxes[1]!.children![0]!.lines).toContain('timer at tick 6');
    const sel = tr.steps.findIndex((s, i) => i > k && s.action.kind === 'select');
    expect(readyOf(tr, sel, en).items).toEqual(['C2']);
    expect(readyOf(tr, 0, en)).toMatchObject({ items: [], marks: [] });
  });
  test('the clients table: bytes sent and echoed, waited ticks, rows this step changed', () => {
    const tr = simulate(preset('time-sleep'));
    const html = table(clientsOf(tr, blockStep(tr), en));
    expect(html).toContain('<td>1 line, 16 B</td>');
    expect(clientsOf(tr, blockStep(tr), en).rows.map((r) => r.cells[3])).toEqual(['6', '5', '4']);
  });
  test('every step of every preset fits a phone (288 px) and a projector (1.5×) with text at the type scale', () => {
    for (const p of PRESET_NAMES) {
      const tr = simulate(preset(p));
      for (let k = 0; k < tr.steps.length; k++)
        for (const [t, f] of [[en, { width: PHONE_WIDTH, scale: 1 }], [zh, { width: PHONE_WIDTH, scale: 1 }], [en, { width: 880, scale: 1.5 }]] as const) {
          for (const d of [boxesLayout(stageOf(tr, k, t), f), slotsLayout(readyOf(tr, k, t), f)]) {
            expect(d.width, `${p} ${k}`).toBeLessThanOrEqual(f.width);
            for (const x of d.texts) expect(x.px).toBeGreaterThanOrEqual(12 * f.scale);
          }
          // The timeline wraps into strips: never wider than the column.
          expect(ganttLayout(ganttOf(tr, k, t), f).width, `${p} ${k} gantt`).toBeLessThanOrEqual(f.width + 1);
        }
    }
  });
});

describe('narration', () => {
  test('each step says what the loop did, in the page language', () => {
    const tr = simulate(preset('time-sleep'));
    const k = blockStep(tr);
    expect(narrate(tr, 1, en)).toBe('Tick 0: the loop calls select(). C1 readable: its task goes to the ready queue.');
    expect(narrate(tr, k, en)).toContain('It calls time.sleep(5): the thread, and so the loop, is stuck for 5 ticks. C2 and C3 sent meanwhile and wait in the socket.');
    expect(narrate(tr, k, zh)).toContain('它调用 time.sleep(5)：线程被占住，整个循环卡住 5 拍。');
    expect(narrate(tr, tr.steps.length - 1, en)).toContain('All done at tick 11. Waited: C1 6 ticks, C2 6 ticks, C3 6 ticks.');
    const a = simulate(preset('asyncio-sleep'));
    expect(a.steps.map((_, i) => narrate(a, i, en)).join(' ')).toContain('It awaits asyncio.sleep(5): suspended with a timer for tick 6');
  });
});

test('a step renders (every picture, the table, the narration) well within 16 ms', () => {
  const tr = simulate({ ...preset('time-sleep'), lines: 3, arrivals: [0, 3, 7] });
  const f = { width: 640, scale: 1 };
  const t0 = performance.now();
  for (let k = 0; k < tr.steps.length; k++) {
    boxesLayout(stageOf(tr, k, en), f);
    slotsLayout(readyOf(tr, k, en), f);
    ganttLayout(ganttOf(tr, k, en), f);
    table(clientsOf(tr, k, en));
    narrate(tr, k, en);
  }
  expect((performance.now() - t0) / tr.steps.length).toBeLessThan(16);
});
