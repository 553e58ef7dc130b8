// What the multiprogramming lab shows at a step, pure: the kit's timeline() (a CPU row and a row per
// job, time to scale, up to now) and the narration of what happens at that time. Used by the
// build-time figure, the labs page's still and the live element.
import type { BarKind, Tone } from '../kit/draw/gantt.ts';
import type { TimelineBar, TimelineInput } from '../kit/draw/timeline.ts';
import type { CpuKind, JobKind, Result, Seg } from './model.ts';
import { stepTimes } from './model.ts';
import type { ProgText } from './i18n.ts';

const tone = (j: number) => ((j % 6) + 1) as Tone;
const at = <K>(segs: readonly Seg<K>[], t: number) => segs.find((s) => s.start <= t && t < s.end);

export function timelineOf(r: Result, step: number, t: ProgText, modeName: string): TimelineInput {
  const times = stepTimes(r);
  const now = times[Math.min(step, times.length - 1)]!;
  const clip = <K>(s: Seg<K>) => ({ start: s.start, end: Math.min(s.end, now) });
  const bars: TimelineBar[] = [];
  for (const s of r.cpu.filter((x) => x.start < now)) {
    const c = clip(s);
    const look: Record<CpuKind, { kind: BarKind; label: string; short?: string }> = {
      run: { kind: 'run', label: t.job(s.job ?? 0) },
      switch: { kind: 'blocked', label: t.bar.switch, short: '⇄' },
      idle: { kind: 'wait', label: t.bar.idle },
      hold: { kind: 'wait', label: t.bar.hold(s.job ?? 0), short: t.bar.idle },
    };
    bars.push({ row: 0, ...c, ...look[s.kind], ...(s.kind === 'run' ? { tone: tone(s.job!) } : {}) });
  }
  r.jobs.forEach((segs, j) => {
    for (const s of segs.filter((x) => x.start < now)) {
      const look: Record<JobKind, { kind: BarKind; label: string }> = {
        run: { kind: 'run', label: t.job(j) },
        ready: { kind: 'wait', label: t.bar.ready },
        io: { kind: 'io', label: t.bar.io },
        hold: { kind: 'io', label: t.bar.io },
      };
      bars.push({ row: j + 1, ...clip(s), ...look[s.kind], ...(s.kind === 'run' ? { tone: tone(j) } : {}) });
    }
  });
  const done = now >= r.makespan;
  const c = at(r.cpu, now);
  const cpuWord = done ? t.state.done(r.makespan) : !c ? t.state.idle : c.kind === 'run' ? t.state.run(c.job!) : c.kind === 'switch' ? t.state.switch(c.job!) : c.kind === 'hold' ? t.state.hold(c.job!) : t.state.idle;
  const rows = [
    { id: 'cpu', label: t.cpu, state: { word: cpuWord, kind: (done ? 'done' : c?.kind === 'run' ? 'run' : c?.kind === 'switch' ? 'blocked' : 'wait') as BarKind | 'done' } },
    ...r.jobs.map((segs, j) => {
      const s = at(segs, now);
      const fin = r.finish[j]!;
      const word = fin <= now ? t.state.done(fin) : !s ? t.state.before : s.kind === 'run' ? t.state.jobRun : s.kind === 'ready' ? t.state.ready : s.kind === 'hold' ? t.state.hold2 : t.state.io;
      const kind = (fin <= now ? 'done' : s?.kind === 'run' ? 'run' : s?.kind === 'ready' ? 'wait' : 'io') as BarKind | 'done';
      return { id: String(j), label: t.job(j), state: { word, kind } };
    }),
  ];
  return { rows, bars, end: r.makespan, now, nowLabel: t.now(now), marks: times.filter((x) => x <= now), label: t.chart(modeName) };
}

/** What happens at the step's time (step 0: time 0, the queue and the first dispatch). */
export function narrate(r: Result, step: number, t: ProgText, switchCost: number): string {
  const times = stepTimes(r);
  const now = times[step]!;
  const parts = r.events
    .filter((e) => e.t === now)
    .map((e) => {
      switch (e.kind) {
        case 'dispatch':
          return t.ev.dispatch(e.job, !!e.afterSwitch);
        case 'switch':
          return t.ev.switch(e.job, switchCost);
        case 'io':
          return t.ev.io(e.job, !!e.keeps);
        case 'io-done':
          return t.ev.ioDone(e.job, !!e.keeps);
        case 'expire':
          return t.ev.expire(e.job, !!e.keeps);
        case 'renew':
          return t.ev.renew(e.job);
        case 'done':
          return t.ev.done(e.job);
        case 'idle':
          return t.ev.idle;
      }
    });
  const said = t.at(now, step === 0 ? [t.begin(r.jobs.length), ...parts] : parts);
  return step === times.length - 1 ? `${said}${t.sep}${t.total(r.makespan, r.busy, r.utilization, r.switches)}` : said;
}
