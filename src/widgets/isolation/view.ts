// The isolation lab at one step, pure: both cases side by side as boxes() (two processes, an
// address space each; one process whose two threads share one globals box) and the narration of
// the case the reader chose. Step 0 is before start(); steps 1–4 are the model's start, write,
// join and print. The same functions draw the build-time figure and the live widget.
import type { BoxesInput, BoxNode } from '../kit/draw/boxes.ts';
import { simulate, type Scenario, type Space, type Step } from './model.ts';
import type { IsoText } from './i18n.ts';

/** Which boxes the step changed (drawn bold and toned). */
function spaceBox(sp: Space, t: IsoText, stacks: BoxNode[], hot: { space?: boolean; n?: boolean }): BoxNode {
  const owner = sp.owners.includes('child') ? 'child' : sp.owners.includes('thread') ? 'process' : 'parent';
  return {
    title: t.space[owner]!,
    lines: sp.origin === 'own' ? [] : [t.origin[sp.origin]!],
    bold: hot.space,
    column: true,
    children: [
      { title: t.code },
      { title: t.globals, lines: [t.n(sp.n)], bold: hot.n, tone: hot.n ? 2 : undefined },
      { title: t.heap },
      stacks.length > 1 ? { title: t.stacks, children: stacks } : { ...stacks[0]!, title: t.stackOf(stacks[0]!.title) },
    ],
  };
}

const stack = (who: 'main' | 'thread', t: IsoText, hot = false): BoxNode => ({ title: t.stack[who]!, lines: [], bold: hot, tone: hot ? 1 : undefined });

/** The model's steps for both workers (the method only matters to the process). */
export const runs = (sc: Scenario): { process: Step[]; thread: Step[] } => ({ process: simulate({ ...sc, worker: 'process' }), thread: simulate({ ...sc, worker: 'thread' }) });

export function boxesOf(sc: Scenario, step: number, t: IsoText): BoxesInput {
  const r = runs(sc);
  const kind = step === 0 ? 'before' : r.process[step - 1]!.kind;
  // Processes.
  const pSpaces: BoxNode[] =
    step === 0
      ? [spaceBox({ owners: ['parent'], n: sc.before, origin: 'own' }, t, [stack('main', t)], {})]
      : r.process[step - 1]!.spaces.map((sp) => spaceBox(sp, t, [stack('main', t)], { space: kind === 'start' && sp.owners[0] === 'child', n: (kind === 'write' && sp.owners[0] === 'child') || (kind === 'print' && sp.owners[0] === 'parent') }));
  if (kind === 'join' || kind === 'print') pSpaces.push({ title: t.exited, dashed: true });
  // Threads.
  const tStep = step === 0 ? null : r.thread[step - 1]!;
  const tSpace = tStep ? tStep.spaces[0]! : { owners: ['parent' as const, 'thread' as const], n: sc.before, origin: 'own' as const };
  const stacks = kind === 'start' || kind === 'write' ? [stack('main', t), stack('thread', t, kind === 'start')] : [stack('main', t)];
  const tBoxes: BoxNode[] = [spaceBox(tSpace, t, stacks, { n: kind === 'write' || kind === 'print' })];
  if (kind === 'join' || kind === 'print') tBoxes.push({ title: t.ended, dashed: true });
  const focus = (w: 'process' | 'thread') => (sc.worker === w ? [t.focus] : []);
  const out = (w: 'process' | 'thread') => (kind === 'print' ? [t.printed(r[w][3]!.printed!)] : []);
  return {
    label: t.picture,
    boxes: [
      { title: t.processes, lines: [...focus('process'), ...out('process')], bold: sc.worker === 'process', children: pSpaces },
      { title: t.threads, lines: [...focus('thread'), ...out('thread')], bold: sc.worker === 'thread', children: tBoxes, column: true },
    ],
  };
}

export function narrate(sc: Scenario, step: number, t: IsoText): string {
  if (step === 0) return t.begin(sc.before);
  const s = simulate(sc)[step - 1]!;
  if (s.kind === 'start') return t.start(sc.worker, sc.method, simulate(sc)[1]!.seen!);
  if (s.kind === 'write') return t.write(sc.worker, sc.before);
  if (s.kind === 'join') return t.join(sc.worker);
  return t.print(sc.worker, s.printed!);
}
