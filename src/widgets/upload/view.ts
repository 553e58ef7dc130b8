// The upload widget's pictures and words at one step of a run, pure (the .astro figure, the labs
// page and the live element all call these). Step 0 is before the first recv; step k (1…calls)
// is after call k; the last step (calls + 1) is the verdict.
import { bytes } from '../kit/draw/bytes.ts';
import type { Fit } from '../kit/draw/fit.ts';
import type { BarSeg, BarMark, SegbarInput } from '../kit/draw/segbar.ts';
import { segbar } from '../kit/draw/segbar.ts';
import { textWidth, TYPE } from '../kit/draw/text.ts';
import type { UploadRun } from './model.ts';
import type { UploadText } from './i18n.ts';

export const stepsOf = (run: UploadRun): number => run.calls.length + 1;

/** Where the receiver stands after `step` steps: bytes read of the body, the stream offset, what had arrived. */
export function at(run: UploadRun, step: number) {
  const k = Math.min(step, run.calls.length);
  const bodyStart = run.frames[0]!.headerEnd;
  const last = k > 0 ? run.calls[k - 1]! : null;
  const pos = last ? last.end : bodyStart;
  const arrived = last ? last.arrived : run.scenario.seed === 0 ? run.sent : bodyStart;
  return { k, pos, done: pos - bodyStart, arrived, last, remaining: last ? last.remainingAfter : run.scenario.size };
}

/** File 1 as a bar: a segment per recv (what it returned), bytes of frame 2 in their own colour, what waits in the kernel dashed. */
export function barSpec(run: UploadRun, step: number, t: UploadText): SegbarInput {
  const { k, done, pos, arrived } = at(run, step);
  const size = run.scenario.size;
  const segs: BarSeg[] = [];
  let x = 0;
  run.calls.slice(0, k).forEach((c, i) => {
    const current = i === k - 1 && step <= run.calls.length;
    const own = c.got - c.fromNext;
    // The call just made is named in full (at the verdict, the last one); the others carry their number inside.
    if (own > 0) segs.push({ start: x, end: x + own, tone: 1, inside: String(c.got), label: current || (i === k - 1 && step > run.calls.length) ? t.recvSeg(c.asked, c.got) : undefined, current });
    if (c.fromNext > 0) segs.push({ start: x + own, end: x + c.got, tone: 2, inside: t.fromNext(c.fromNext), label: t.fromNext(c.fromNext), current });
    x += c.got;
  });
  const last = run.calls[k - 1];
  if (last && last.got === 0) segs.push({ start: done, end: done, kind: 'bad', label: t.recvSeg(last.asked, 0), current: true });
  const waiting = Math.min(arrived - pos, Math.max(0, size - done));
  if (waiting > 0) segs.push({ start: done, end: done + waiting, kind: 'dashed', inside: t.kernel(waiting) });
  const total = Math.max(size, run.file.length);
  const marks: BarMark[] = [{ at: size, label: t.fileSize(size) }];
  return { label: t.barTitle, total, segs, marks };
}
export const barPicture = (run: UploadRun, step: number, t: UploadText, f: Fit): string => segbar(barSpec(run, step, t), f);

/** The stream: frame 1 and frame 2, each part named; what has arrived solid, the rest dashed; where the reader stands. */
export function streamSpec(run: UploadRun, step: number, t: UploadText): SegbarInput {
  const { pos, arrived } = at(run, step);
  const segs: BarSeg[] = [];
  const parts: Array<{ start: number; end: number; min: number }> = [];
  run.frames.forEach((fr, i) => {
    const pieces: Array<[number, number, string]> = [
      [fr.start, fr.prefixEnd, t.len],
      [fr.prefixEnd, fr.headerEnd, t.header],
      [fr.headerEnd, fr.end, t.body],
    ];
    pieces.forEach(([a, b, name], j) => {
      // Frame 1's length and header, and frame 2's length, stay wide enough to name; bodies are to scale.
      parts.push({ start: a, end: b, min: j < 2 && (i === 0 || j === 0) ? textWidth(name, TYPE.label) + 6 : 0 });
      const label = j === 0 ? t.frame(i + 1, String(fr.header.file_name)) : undefined;
      const tone = i === 0 ? 1 : 2;
      const got = Math.min(b, arrived);
      if (got > a) segs.push({ start: a, end: got, tone, inside: name, label });
      if (got < b && b <= run.sent) segs.push({ start: Math.max(a, got), end: b, tone, kind: 'dashed', inside: got > a ? undefined : name, label: got > a ? undefined : label });
      else if (got < b && a < run.sent) segs.push({ start: Math.max(a, got), end: run.sent, tone, kind: 'dashed' });
    });
  });
  const marks: BarMark[] = [{ at: pos, label: t.read(pos) }];
  if (run.sent < run.stream.length) marks.push({ at: run.sent, label: t.closedMark });
  return { label: t.streamTitle, total: run.stream.length, parts, segs, marks };
}
export const streamPicture = (run: UploadRun, step: number, t: UploadText, f: Fit): string => segbar(streamSpec(run, step, t), f);

/** Byte by byte where file 1 ends: the end of its body, frame 2's first bytes, and where the last recv stopped. Null when there is nothing to show yet. */
export function windowPicture(run: UploadRun, step: number, t: UploadText, f: Fit): string | null {
  const { k, pos } = at(run, step);
  const f1 = run.frames[0]!;
  const f2 = run.frames[1]!;
  const last = run.calls[k - 1];
  // Shown once the loop has read up to the end of frame 1's body (or past it).
  if (!last || last.got === 0 || pos < f1.end || run.sent < f2.start) return null;
  const from = Math.max(f1.headerEnd, f1.end - 8);
  const to = Math.min(run.stream.length, Math.max(pos, f2.prefixEnd) + 8);
  const rel = (v: number) => Math.max(0, Math.min(to, v) - from);
  return bytes({
    bytes: run.stream.subarray(from, to),
    bands: [
      { start: 0, end: rel(f1.end), label: t.f1body, tone: 1 },
      { start: rel(f2.start), end: rel(f2.prefixEnd), label: t.f2(t.len), tone: 2, raw: true },
      { start: rel(f2.prefixEnd), end: rel(f2.headerEnd), label: t.f2(t.header), tone: 2 },
      { start: rel(f2.headerEnd), end: rel(f2.end), label: t.f2(t.body), tone: 2 },
    ].filter((b) => b.end > b.start),
    groups: [
      { start: 0, end: rel(pos), label: t.inFile },
      { start: rel(pos), end: rel(to), label: t.left },
    ].filter((g) => g.end > g.start),
    cuts: [{ at: rel(pos), label: t.recvEnds }],
    view: 'text',
    width: f.width,
    scale: f.scale,
    label: t.windowTitle,
  }).svg;
}

const u32 = (b: readonly number[]) => (b.length === 4 ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : null);

/** What the live region says at `step`. */
export function narrate(run: UploadRun, step: number, t: UploadText): string {
  if (step === 0) return t.begin(run.scenario.size);
  if (step <= run.calls.length) {
    const c = run.calls[step - 1]!;
    if (c.got === 0) return t.eof(step);
    return t.call(step, c.asked, c.got, c.arrived - c.start, c.remainingAfter) + (c.fromNext ? t.swallowed(c.fromNext) : '');
  }
  return verdict(run, t);
}

export function verdict(run: UploadRun, t: UploadText): string {
  const o = run.outcome;
  switch (o.kind) {
    case 'saved':
      return o.md5 ? t.verdict.md5ok(o.md5) : t.verdict.saved(run.scenario.size);
    case 'md5-mismatch':
      return t.verdict.md5bad(o.expected, o.actual);
    case 'closed':
      return t.verdict.closed(o.got, o.size);
    case 'overrun': {
      const v = u32(o.nextPrefix);
      return v === null ? t.verdict.overrunNone(o.extra) : t.verdict.overrun(o.extra, v > 65536 ? t.lenIs(v) : t.lenOk(v));
    }
  }
}

/** The loop as the scenario runs it (upload.py's, or the no-min variant). */
export function loopCode(useMin: boolean, chunk: number): string[] {
  return [
    'remaining = size',
    useMin ? 'while remaining:' : 'while remaining > 0:',
    `    chunk = conn.recv(${useMin ? `min(${chunk}, remaining)` : chunk})`,
    '    if not chunk:',
    "        raise ConnectionError(f'peer closed after {size - remaining} of {size} bytes')",
    '    f.write(chunk)',
    '    remaining -= len(chunk)',
  ];
}
