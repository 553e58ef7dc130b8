// W16 isolation lab, the view in Node: every step of every start method and worker, laid out at a
// phone's width, a tablet's, a desktop's and in presenter mode, held to the layout rules
// (tests/unit/draw-check.ts); what the picture and the narration say at the telling steps.
import { describe, expect, test } from 'vitest';
import { boxesLayout } from '../../src/widgets/kit/draw/boxes.ts';
import { isoText } from '../../src/widgets/isolation/i18n.ts';
import { decodeState, DEFAULT, encodeState, STEPS, type Scenario } from '../../src/widgets/isolation/model.ts';
import { boxesOf, narrate } from '../../src/widgets/isolation/view.ts';
import { problems } from './draw-check.ts';

const scenarios: Scenario[] = (['process', 'thread'] as const).flatMap((worker) => (['fork', 'spawn', 'forkserver'] as const).map((method) => ({ worker, method, before: 7 })));

describe('the picture', () => {
  test.each([
    [288, 1],
    [768, 1],
    [1200, 1],
    [1200, 1.5],
  ])('at %i px, scale %s: every step of every scenario, both languages, passes the layout rules', (width, scale) => {
    for (const lang of ['zh', 'en'] as const)
      for (const sc of [DEFAULT, ...scenarios])
        for (let s = 0; s <= STEPS; s++) {
          const d = boxesLayout(boxesOf(sc, s, isoText[lang]), { width, scale });
          expect(problems(d, width), `${lang} ${JSON.stringify(sc)} step ${s}`).toEqual([]);
          expect(d.width).toBeLessThanOrEqual(Math.max(width, 160));
        }
  });
  test('after the write: the child’s n is 0 and the parent’s still 100; the threads’ one n is 0', () => {
    const svg = boxesLayout(boxesOf(DEFAULT, 2, isoText.en), { width: 900, scale: 1 }).svg;
    expect(svg.match(/>n = 0</g)).toHaveLength(2);
    expect(svg.match(/>n = 100</g)).toHaveLength(1);
  });
  test('spawn: the child starts from the module’s 100, not the parent’s 7; fork copies 7', () => {
    const spawn = boxesLayout(boxesOf({ worker: 'process', method: 'spawn', before: 7 }, 1, isoText.en), { width: 900, scale: 1 }).svg;
    expect(spawn).toContain('module re-imported');
    expect(spawn.match(/>n = 100</g)).toHaveLength(1);
    const fork = boxesLayout(boxesOf({ worker: 'process', method: 'fork', before: 7 }, 1, isoText.en), { width: 900, scale: 1 }).svg;
    expect(fork.match(/>n = 7</g)).toHaveLength(3);
  });
  test('the print step shows what each prints, and the exited child dashed', () => {
    const svg = boxesLayout(boxesOf(DEFAULT, 4, isoText.zh), { width: 900, scale: 1 }).svg;
    expect(svg).toContain('print(n) → 100');
    expect(svg).toContain('print(n) → 0');
    expect(svg).toContain('stroke-dasharray');
  });
});

describe('narration and the link', () => {
  test('a process: 100 printed; a thread: 0; in both languages', () => {
    expect(narrate(DEFAULT, 4, isoText.en)).toContain('The parent prints 100');
    expect(narrate({ ...DEFAULT, worker: 'thread' }, 4, isoText.en)).toContain('prints 0');
    expect(narrate(DEFAULT, 4, isoText.zh)).toContain('父进程打印 100');
    expect(narrate({ worker: 'process', method: 'spawn', before: 7 }, 1, isoText.en)).toContain("child's n starts at 100");
  });
  test('state round trip; garbled links refused', () => {
    for (const sc of scenarios) for (let s = 0; s <= STEPS; s++) expect(decodeState(encodeState(sc, s))).toEqual({ ok: true, scenario: sc, step: s });
    for (const bad of ['', 'x.fork.1.1', 'p.fork.1.9', 'p.vfork.1.1', 'p.fork.1.5.1', 'p.fork.9999999.1', 'p.fork.1.5e1']) expect(decodeState(bad).ok).toBe(false);
  });
});
