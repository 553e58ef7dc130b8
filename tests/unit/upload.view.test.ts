// W9's pictures and words: every step of every preset laid out without overlaps at a phone's,
// a tablet's and a laptop's width and in presenter mode; the narration names what the model did.
import { describe, expect, test } from 'vitest';
import { segbarLayout } from '../../src/widgets/kit/draw/segbar.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { PRESET_NAMES, PRESETS, runUpload } from '../../src/widgets/upload/model.ts';
import { uploadText } from '../../src/widgets/upload/i18n.ts';
import { barSpec, narrate, stepsOf, streamSpec, windowPicture } from '../../src/widgets/upload/view.ts';
import { problems } from './draw-check.ts';
import quiz from '../../content/quizzes/06-framing.json' with { type: 'json' };

describe('pictures', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const p of PRESET_NAMES)
      test(`${lang} ${p}: every step, 288–1200 px and presenter: no text on text, no line through text`, () => {
        const run = runUpload(PRESETS[p]);
        const t = uploadText[lang];
        for (let step = 0; step <= stepsOf(run); step++)
          for (const [width, scale] of [[PHONE_WIDTH, 1], [400, 1], [768, 1], [1200, 1], [1200, 1.5]] as const) {
            for (const spec of [barSpec(run, step, t), streamSpec(run, step, t)]) {
              const d = segbarLayout(spec, { width, scale });
              expect(problems(d, width), `${spec.label} step ${step} at ${width}×${scale}`).toEqual([]);
              expect(d.width, `${spec.label} step ${step} at ${width}`).toBeLessThanOrEqual(Math.max(width, PHONE_WIDTH));
            }
          }
      });
});

describe('what it shows', () => {
  const t = uploadText.en;
  test('each recv is a segment named by what it asked and what it got', () => {
    const run = runUpload(PRESETS.normal);
    const spec = barSpec(run, 1, t);
    expect(spec.segs[0]).toMatchObject({ start: 0, end: run.calls[0]!.got, label: `recv(1024) → ${run.calls[0]!.got}`, current: true });
  });
  test('without min: the bytes of frame 2 in file 1 get their own segment, and the byte view names their frame', () => {
    const run = runUpload(PRESETS['no-min']);
    const spec = barSpec(run, run.calls.length, t);
    expect(spec.segs.find((s) => s.tone === 2)).toMatchObject({ start: 3000, end: 3072, label: '72 B of frame 2' });
    const w = windowPicture(run, run.calls.length, t, { width: 600, scale: 1 })!;
    for (const word of ['b.txt len', 'b.txt header', 'in file 1', 'left in the socket', 'last recv ends']) expect(w).toContain(word);
    expect(narrate(run, stepsOf(run), t)).toMatch(/72 bytes of frame 2/);
  });
  test('a drop ends in the ConnectionError with the exception name; md5 match and mismatch are said', () => {
    expect(narrate(runUpload(PRESETS.drop), stepsOf(runUpload(PRESETS.drop)), t)).toBe('ConnectionError: peer closed after 1,800 of 3,000 bytes (raised by the loop; the half-written temp file is removed).');
    expect(narrate(runUpload(PRESETS['md5-ok']), stepsOf(runUpload(PRESETS['md5-ok'])), t)).toMatch(/^md5 of the received bytes is [0-9a-f]{32}, the same/);
    expect(narrate(runUpload(PRESETS['md5-bad']), stepsOf(runUpload(PRESETS['md5-bad'])), uploadText.zh)).toMatch(/^md5 不一致/);
  });
  test('the quiz question\'s answer is what the lab shows', () => {
    const q = quiz.questions.find((x) => x.id === 'recv-without-min')!;
    const o = runUpload(PRESETS['no-min']).outcome;
    expect(o.kind === 'overrun' && o.extra).toBe(q.answer);
  });
});
