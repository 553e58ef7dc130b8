// W12's pictures and words: the history chart of every step of every example laid out without
// overlaps at a phone's, a tablet's and a laptop's width and in presenter mode; the diagram's edges
// are the model's; every move and every refusal is said in both languages; the quiz's link opens the
// state its question describes.
import { describe, expect, test } from 'vitest';
import { ganttLayout } from '../../src/widgets/kit/draw/gantt.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { apply, decodeState, EVENTS, PRESET_NAMES, PRESETS, replay, start, STATES, type PState, type World } from '../../src/widgets/procstates/model.ts';
import { statesText } from '../../src/widgets/procstates/i18n.ts';
import { diagramSvg, historyOf, narrate } from '../../src/widgets/procstates/view.ts';
import { problems } from './draw-check.ts';
import quiz from '../../content/quizzes/09-processes.json' with { type: 'json' };

const played = (name: (typeof PRESET_NAMES)[number]): World[] => {
  const p = PRESETS[name];
  let worlds = replay(start(p.cores), p.setup)!;
  for (const m of p.script) {
    const o = apply(worlds.at(-1)!, m);
    if (o.ok) worlds = [...worlds, o.world];
  }
  return worlds;
};

describe('the history chart', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const name of PRESET_NAMES)
      test(`${lang} ${name}: every step at 288–1200 px and presenter, no text on text`, () => {
        const worlds = played(name);
        for (let i = 1; i <= worlds.length; i++)
          for (const [width, scale] of [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) {
            const d = ganttLayout(historyOf(worlds.slice(0, i), statesText[lang]), { width, scale });
            expect(problems(d, width), `step ${i} at ${width}×${scale}`).toEqual([]);
          }
      });
  test('recv example: P1 runs, blocks in recv, waits Ready while P2 runs, runs again, ends', () => {
    const g = historyOf(played('recv'), statesText.en);
    expect(g.bars.filter((b) => b.row === 0).map((b) => [b.start, b.end, b.kind, b.label])).toEqual([
      [0, 2, 'wait', 'ready'],
      [2, 3, 'run', 'run'],
      [3, 5, 'blocked', 'recv'],
      [5, 7, 'wait', 'ready'],
      [7, 8, 'run', 'run'],
    ]);
    expect(g.rows.map((r) => r.state!.word)).toEqual(['Terminated (zombie until waited for)', 'Ready (in the queue)', 'New (being created)']);
    expect(g.now).toBe(9);
  });
  test('two cores: a running bar names its core', () => {
    const w = replay(start(2), [{ p: 0, event: 'admit' }, { p: 1, event: 'admit' }, { p: 0, event: 'dispatch' }, { p: 1, event: 'dispatch' }])!;
    expect(historyOf(w, statesText.zh).bars.filter((b) => b.kind === 'run').map((b) => b.label)).toEqual(['运行 1', '运行 2']);
  });
});

describe('the diagram', () => {
  test('around each state: exactly the edges out of it, named, and the edge that led there', () => {
    const t = statesText.en;
    const moves = [{ p: 0, event: 'admit' as const }, { p: 0, event: 'dispatch' as const }, { p: 0, event: 'recv' as const }];
    const w = replay(start(1), moves)!;
    const svg = diagramSvg(w, moves, 0, t, { width: PHONE_WIDTH, scale: 1 });
    expect([...svg.matchAll(/class="kit-next" data-e="([a-z]+)"/g)].map((m) => m[1])).toEqual(['wake']);
    const words = svg.replace(/<[^>]+>/g, '');
    expect(words).toContain('event done: data arrives');
    expect(words).toContain('calls recv(), no data yet');
    const running = diagramSvg(w.slice(0, 3), moves.slice(0, 2), 0, t, { width: PHONE_WIDTH, scale: 1 });
    expect([...running.matchAll(/data-e="([a-z]+)"/g)].map((m) => m[1])).toEqual(['timeout', 'yield', 'recv', 'input', 'sleep', 'accept', 'exit']);
  });
});

describe('the words', () => {
  test('every (state, event): a move or a refusal, said in both languages, naming the states', () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = statesText[lang];
      for (const s of STATES)
        for (const e of EVENTS) {
          const w: World = { cores: 1, procs: [{ state: s as PState, ...(s === 'running' ? { core: 0 } : {}), ...(s === 'blocked' ? { call: 'sleep' as const } : {}) }, { state: 'new' }, { state: 'new' }] };
          const said = narrate(apply(w, { p: 0, event: e }), 0, e, 1, t);
          expect(said, `${lang} ${s} ${e}`).toContain(t.state[s]);
          expect(said).not.toMatch(/undefined|NaN/);
        }
      const busy: World = { cores: 2, procs: [{ state: 'running', core: 0 }, { state: 'running', core: 1 }, { state: 'ready' }] };
      expect(narrate(apply(busy, { p: 2, event: 'dispatch' }), 2, 'dispatch', 2, t)).toMatch(/P1.*P2/);
    }
  });
  test('the quiz question’s link: P1 blocked in recv, P2 running, the illegal dispatch next', () => {
    const q = (quiz.questions as Array<{ try?: { widget: string; state: string } }>).find((x) => x.try?.widget === 'state-lab');
    const s = decodeState(q!.try!.state)!;
    const w = replay(start(s.cores), s.moves)!.at(-1)!;
    expect(w.procs).toEqual([{ state: 'blocked', call: 'recv' }, { state: 'running', core: 0 }, { state: 'new' }]);
    expect(s.preset).toBe('blocked-running');
  });
});
