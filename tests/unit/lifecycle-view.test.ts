// W15's lanes and words: every step of every preset (and every platform with the unguarded script)
// laid out with nothing on anything at a phone's, a tablet's and a laptop's width and in presenter
// mode; the narration and the start-method lines from the model.
import { describe, expect, test } from 'vitest';
import { crosses, grow, overlaps } from '../../src/widgets/kit/draw/geom.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { preset, PRESET_NAMES, runLifecycle, type Lifecycle, type Scenario } from '../../src/widgets/lifecycle/model.ts';
import { lifeText } from '../../src/widgets/lifecycle/i18n.ts';
import { lanesOf, methodLines, narrate } from '../../src/widgets/lifecycle/view.ts';
import quiz from '../../content/quizzes/10-multiprocessing.json' with { type: 'json' };

const EVERY: Array<[string, Scenario]> = [
  ...PRESET_NAMES.map((p): [string, Scenario] => [p, preset(p)]),
  ['every call, Windows', { platform: 'windows', version: '3.12', guarded: true, work: 4, actions: ['join', 'terminate', 'daemon', 'start', 'start', 'daemon', 'is_alive', 'wait', 'kill', 'kill', 'is_alive', 'join', 'join', 'end', 'start'] }],
  ['forkserver 3.14.1, no guard', { platform: 'linux', version: '3.14.1', guarded: false, work: 3, actions: ['start', 'is_alive', 'join', 'end'] }],
];

function clean(life: Lifecycle, lang: 'zh' | 'en', width: number, scale: number) {
  for (let k = 0; k <= life.steps.length; k++) {
    const l = lanesOf({ ...life, steps: life.steps.slice(0, k) }, lifeText[lang], width, scale);
    expect(l.width, `step ${k}`).toBeLessThanOrEqual(Math.max(width, PHONE_WIDTH));
    for (let i = 0; i < l.boxes.length; i++) {
      for (let j = i + 1; j < l.boxes.length; j++) expect(overlaps(l.boxes[i]!, l.boxes[j]!), `step ${k}: boxes ${i} and ${j}`).toBe(false);
      for (const s of l.lines) expect(crosses(s, grow(l.boxes[i]!, -0.5)), `step ${k}: a line through box ${i}`).toBe(false);
    }
  }
}

describe('the lanes', () => {
  for (const [name, sc] of EVERY)
    for (const lang of ['zh', 'en'] as const)
      test(`${name}, ${lang}: every step clean at 288–1200 px and presenter`, () => {
        const life = runLifecycle(sc);
        for (const [w, s] of [[PHONE_WIDTH, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) clean(life, lang, w, s);
      });
});

describe('what it says', () => {
  const t = lifeText.en;
  test('terminate: is_alive right after it is True, marked a race; join gives −15', () => {
    const life = runLifecycle(preset('terminate'));
    expect(narrate(life, 4, t)).toContain('returns True: the signal is sent but the child is not dead yet');
    expect(narrate(life, 5, t)).toBe('p.join() waits 0.1 s until the child ends: exitcode -15.');
    expect(narrate(life, 5, lifeText.zh)).toContain('exitcode -15');
  });
  test('Windows says TerminateProcess, not SIGTERM', () => {
    const life = runLifecycle({ ...preset('terminate'), platform: 'windows' });
    expect(narrate(life, 3, t)).toBe('p.terminate() sends TerminateProcess and returns at once, without waiting for the child to die.');
  });
  test('the start method line follows platform and version', () => {
    expect(methodLines({ ...preset('join'), platform: 'macos', version: '3.7' }, t)[0]).toBe('Default start method: fork (macOS before 3.8).');
    expect(methodLines({ ...preset('join'), platform: 'linux', version: '3.14.1' }, t)).toEqual([
      'Default start method: forkserver (Linux since 3.14).',
      'Without the guard the fork server (which preloads __main__ since 3.13.8 / 3.14.1) fails while importing the script, and the parent’s start() raises EOFError.',
    ]);
    expect(methodLines({ ...preset('join'), platform: 'linux', version: '3.14.0' }, t)[1]).toContain('raises RuntimeError and exits with code 1');
  });
  test("the quiz question's link opens just after terminate(); the next step shows is_alive() → True, then −15", async () => {
    const q = quiz.questions.find((x) => x.id === 'terminate-is-alive') as { answer: number; try: { widget: string; state: string } };
    const { decodeState } = await import('../../src/widgets/lifecycle/model.ts');
    const d = decodeState(q.try.state);
    if (!d.ok) throw new Error('bad state');
    const life = runLifecycle(d.scenario);
    expect(life.steps[d.step - 1]!.action).toBe('terminate');
    expect(life.steps[d.step]!.outcome).toEqual({ returns: 'True' });
    expect(life.steps.at(-2)!.exitcode).toBe(-15);
    expect(q.answer).toBe(2); // “it may be True or False; call join() first”: the lab marks the True a race
  });
});
