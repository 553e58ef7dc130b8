// The socketserver timeline at one step, pure: the gantt chart's input (a row per client, its bars
// up to now, its state in words) and the narration. Step 0 is before anyone connects; step k is
// after the model's k-th event (events at one time and of one kind come together).
import type { BarKind, GanttInput } from '../kit/draw/gantt.ts';
import type { SliceKind, Timeline } from './model.ts';
import type { ServerText } from './i18n.ts';

const KIND: Record<SliceKind, BarKind> = { backlog: 'wait', io: 'io', cpu: 'run', gil: 'blocked', core: 'wait' };

/** The time shown at a step. */
export const nowOf = (tl: Timeline, step: number): number => (step === 0 ? 0 : tl.events[Math.min(step, tl.events.length) - 1]!.t);

export function ganttOf(tl: Timeline, step: number, t: ServerText): GanttInput {
  const now = nowOf(tl, step);
  const seen = tl.events.slice(0, step);
  const arrived = new Set(seen.filter((e) => e.kind === 'arrive').flatMap((e) => e.clients));
  const finished = new Set(seen.filter((e) => e.kind === 'finish').flatMap((e) => e.clients));
  const rows = tl.clients.map((c, i) => {
    const at = tl.slices.find((s) => s.client === i && s.start <= now && now < s.end);
    const word = finished.has(i) ? t.state.done(c.finish) : !arrived.has(i) ? t.state.before : at ? t.state[at.kind] : t.state.before;
    const kind: BarKind | 'done' = finished.has(i) ? 'done' : at ? KIND[at.kind] : 'wait';
    return { id: String(i), label: t.client(i), state: { word: String(word), kind } };
  });
  const bars = tl.slices
    .filter((s) => s.start < now)
    .map((s) => ({ row: s.client, start: s.start, end: Math.min(s.end, now), label: t.bar[s.kind], kind: KIND[s.kind], tone: ((s.client % 6) + 1) as 1 | 2 | 3 | 4 | 5 | 6 }));
  return { rows, bars, now, nowLabel: t.now(now), label: t.chart };
}

export function narrate(tl: Timeline, step: number, t: ServerText): string {
  if (step === 0) return t.begin;
  const e = tl.events[step - 1]!;
  const said = e.kind === 'arrive' ? t.arrive(e.t, e.clients, tl.scenario.server) : e.kind === 'start' ? t.start(e.t, e.clients, tl.scenario.server) : t.finish(e.t, e.clients);
  return step === tl.events.length ? `${said} ${t.total(tl.total)}` : said;
}
