// What the process-state lab shows, pure: the state diagram around the chosen process (the kit's
// neighbourhood(): the edge it last took, its state, every edge out of it) and every process's
// history as a gantt() chart (a column per move: running, ready, blocked in a call), with the
// narration of a move. Used by the build-time figure, the labs page's still and the live element.
import type { Fit } from '../kit/draw/fit.ts';
import { neighbourhood, type Edge } from '../kit/draw/states.ts';
import { gantt, type BarKind, type GanttBar, type GanttInput, type Tone } from '../kit/draw/gantt.ts';
import { TRANSITIONS, type Move, type Outcome, type World } from './model.ts';
import type { StatesText } from './i18n.ts';

/** An edge's words; the event's depends on what the process waits for. */
const edgeWords = (event: Move['event'], t: StatesText, w: World, p: number): string => {
  const call = w.procs[p]!.call;
  return event === 'wake' && call ? `${t.edge.wake}: ${t.wakeBy[call]}` : t.edge[event];
};

/** The diagram around process `p` in the last world; `came` is the move that brought it there. */
export function diagramSvg(worlds: readonly World[], moves: readonly Move[], p: number, t: StatesText, f: Fit): string {
  const w = worlds[worlds.length - 1]!;
  const state = w.procs[p]!.state;
  const lastAt = moves.map((m) => m.p).lastIndexOf(p);
  let came: Edge | undefined;
  if (lastAt >= 0) {
    const m = moves[lastAt]!;
    const before = worlds[lastAt]!;
    const from = before.procs[p]!.state;
    came = { id: m.event, from: t.state[from], to: t.state[state], event: edgeWords(m.event, t, before, p), action: '' };
  }
  const next: Edge[] = TRANSITIONS.filter((e) => e.from === state).map((e) => ({ id: e.event, from: t.state[e.from], to: t.state[e.to], event: edgeWords(e.event, t, w, p), action: '' }));
  const who = t.proc(p);
  const where = t.where(state, w.cores, w.procs[p]!.core, w.procs[p]!.call);
  return neighbourhood({ who, current: t.state[state], came, next, nextTitle: t.near, width: f.width, scale: f.scale, label: t.diagram(who, where) }).svg;
}

/** Every process's state after each move: a column per move, runs of one state merged into one bar. */
export function historyOf(worlds: readonly World[], t: StatesText): GanttInput {
  const last = worlds[worlds.length - 1]!;
  const n = worlds.length - 1;
  const bars: GanttBar[] = [];
  last.procs.forEach((_, p) => {
    const tone = ((p % 6) + 1) as Tone;
    let open: { key: string; start: number; kind: BarKind; label: string } | null = null;
    const close = (end: number) => {
      if (open) bars.push({ row: p, start: open.start, end, kind: open.kind, label: open.label, tone });
      open = null;
    };
    for (let i = 1; i <= n; i++) {
      const q = worlds[i]!.procs[p]!;
      const cores = worlds[i]!.cores;
      const look =
        q.state === 'running'
          ? { key: `r${q.core}`, kind: 'run' as const, label: cores === 1 ? t.bar.running : `${t.bar.running} ${q.core! + 1}` }
          : q.state === 'ready'
            ? { key: 'e', kind: 'wait' as const, label: t.bar.ready }
            : q.state === 'blocked'
              ? { key: `b${q.call}`, kind: 'blocked' as const, label: t.bar.blocked(q.call!) }
              : null;
      if (open && (!look || look.key !== (open as { key: string }).key)) close(i - 1);
      if (look && !open) open = { ...look, start: i - 1 };
    }
    close(n);
  });
  const rows = last.procs.map((q, p) => ({
    id: String(p),
    label: t.proc(p),
    state: { word: t.where(q.state, last.cores, q.core, q.call), kind: (q.state === 'running' ? 'run' : q.state === 'ready' ? 'wait' : q.state === 'blocked' ? 'blocked' : 'done') as BarKind | 'done' },
  }));
  return { rows, bars, now: n, nowLabel: t.now, ticks: Math.max(n, 1), label: t.history };
}

export const historySvg = (worlds: readonly World[], t: StatesText, f: Fit): string => gantt(historyOf(worlds, t), f);

/** What a move did, or why it was refused, in words. */
export function narrate(o: Outcome, p: number, event: Move['event'], cores: number, t: StatesText): string {
  return o.ok ? t.moved(p, o.from, o.to, event, cores, o.core, o.call) : t.refused(p, o.from, o.to, o.reason, cores, o.busy);
}
