import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { netLayout, netPlan, type NetInput } from '../../src/widgets/kit/draw/net.ts';
import { simulate } from '../../src/widgets/switch/model.ts';
import { presetSetup, PRESET_NAMES, scenarioOf } from '../../src/widgets/switch/presets.ts';
import { netInput } from '../../src/widgets/switch/view.ts';
import { text } from '../../src/widgets/switch/i18n.ts';
import { problems } from './draw-check.ts';

const star = (frames: NetInput['frames'] = [], blocked: NetInput['blocked'] = []): NetInput => ({
  label: 'star',
  blockedWord: 'blocked',
  nodes: [...['A', 'B', 'C', 'D'].map((id, i) => ({ id, label: id, kind: 'host' as const, col: i, row: 0 })), { id: 'S1', label: 'S1', sub: 'switch', kind: 'switch', col: 0, row: 1, span: 4 }],
  links: ['A', 'B', 'C', 'D'].map((id, i) => ({ a: id, b: 'S1', pb: String(i + 1) })),
  frames,
  blocked,
});

describe('net', () => {
  test('draws every node, every link and a port number at each labelled end', () => {
    const d = netLayout(star(), { width: 960, scale: 1 });
    expect(d.svg.match(/data-node=/g)).toHaveLength(5);
    expect(d.svg.match(/kit-net-link/g)).toHaveLength(4);
    for (const p of ['1', '2', '3', '4']) expect(d.texts.some((t) => t.lines[0] === p)).toBe(true);
  });
  test('a link shared by a span box and a host is vertical', () => {
    const d = netLayout(star(), { width: 960, scale: 1 });
    const v = d.lines.filter((l) => l.x1 === l.x2);
    expect(v).toHaveLength(4);
  });
  test('a frame is a labelled token on its link with its direction; the line under it is not drawn', () => {
    const d = netLayout(star([{ link: 1, to: 'b', label: 'B→A' }]), { width: 960, scale: 1 });
    expect(d.svg).toContain('data-link="1" data-to="b"');
    expect(d.texts.some((t) => t.lines[0] === 'B→A')).toBe(true);
    expect(d.lines.filter((l) => l.x1 === l.x2)).toHaveLength(5); // link 1 cut in two by its token
  });
  test('a blocked port is a ✕ and the word, not a colour', () => {
    const d = netLayout(star([], [{ link: 3, end: 'b' }]), { width: 960, scale: 1 });
    expect(d.svg).toMatch(/class="kit-x" d="M/);
    expect(d.texts.some((t) => t.lines[0] === 'blocked')).toBe(true);
  });
  test('turns a quarter on a phone when the grid is too wide, and keeps its type size', () => {
    const wide: NetInput = { ...star(), nodes: star().nodes.map((n) => (n.kind === 'host' ? { ...n, label: `host-${n.label}` } : { ...n })) };
    const d = netLayout(wide, { width: 296, scale: 1 });
    expect(d.turned).toBe(true);
    expect(d.width).toBeLessThanOrEqual(296);
    expect(problems(d, 296)).toEqual([]);
  });
  test('random frames and blocked ports on the star: clean at any width and in presenter mode', () => {
    fc.assert(
      fc.property(
        // One send at a time on a star: at most one token per link.
        fc.uniqueArray(fc.record({ link: fc.integer({ min: 0, max: 3 }), to: fc.constantFrom('a', 'b') as fc.Arbitrary<'a' | 'b'>, label: fc.constantFrom('A→B', 'C→all ×3', '广播 ×12', 'D→全部') }), { maxLength: 4, selector: (f) => f.link }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        // Presenter mode is for a projector or a wide screen, not a phone.
        fc.constantFrom<[number, number]>([296, 1], [480, 1], [960, 1], [853, 1.5], [1280, 1.5]),
        (frames, b, [width, scale]) => {
          // A blocked port (STP) is drawn on links between switches; on a phone-wide star with a
          // long token beside it the picture may scroll, so blocked ports are checked from 480 px.
          const d = netLayout(star(frames, b === undefined || width < 480 ? [] : [{ link: b, end: 'b' }]), { width, scale });
          expect(problems(d, width)).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });
  // Every tick of every preset of the switch lab, as the widget draws it. The storm's diamond,
  // with copies going both ways on every link, is wider than a phone: it scrolls in its frame
  // (.kit-pic), which the layout test allows; everything else holds at every width.
  // Drawn twice: each tick on its own (the JS-off figure's stills), and as the widget steps, with
  // the room the busiest tick needs and one plan for the run: then the picture keeps its height
  // from the first tick to the last.
  for (const lang of ['zh', 'en'] as const)
    test(`every tick of every switch-lab preset is clean, and stepping keeps the height (${lang})`, () => {
      const t = text[lang];
      for (const name of PRESET_NAMES) {
        const s = presetSetup(name);
        const run = simulate(scenarioOf(s));
        const inputs = run.ticks.map((_, p) => netInput(s, run, p, t));
        for (const [width, scale] of [[296, 1], [728, 1], [1240, 1.5]] as const) {
          const plan = netPlan(inputs, { width, scale });
          const heights = new Set<number>();
          for (let p = 0; p < run.ticks.length; p++) {
            const stepped = netLayout(inputs[p]!, { width, scale }, plan);
            heights.add(stepped.height);
            for (const d of [netLayout(inputs[p]!, { width, scale }), stepped]) {
              const found = problems(d, width).filter((x) => !(s.net === 'loop' && width === 296 && x.endsWith(`wide for ${width}`)));
              expect(found, `${name} tick ${p} at ${width}`).toEqual([]);
            }
          }
          expect([...heights], `${name} at ${width}: one height for every tick`).toHaveLength(1);
        }
      }
    });
});
