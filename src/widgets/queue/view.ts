// The queue lab at one step, pure: the slots picture's input, the chart's input, the words under
// them and the narration. A run's step 0 is before tick 0; step k is after the model's k-th step.
// A hand run's step k is after the reader's k-th operation.
import type { BarKind, GanttInput, Tone } from '../kit/draw/gantt.ts';
import type { SlotsInput } from '../kit/draw/slots.ts';
import { whoName, type HandStep, type Item, type Kind, type Run, type RunEvent, type Span, type Who } from './model.ts';
import type { QueueText } from './i18n.ts';

const label = (v: Item) => (v === null ? 'None' : v);
const tone = (v: Item): Tone => (v === null ? 6 : v.startsWith('p1') ? 2 : 1);
/** Where get and put act: a FIFO takes on the left and puts on the right; a LIFO does both on the right (the top). */
function marks(kind: Kind, n: number, t: QueueText) {
  return kind === 'FIFO' ? [{ at: 0, word: t.marks.get }, { at: n, word: t.marks.put }] : n ? [{ at: n - 1, word: t.marks.top }, { at: n, word: t.marks.put }] : [{ at: 0, word: t.marks.put }];
}

/** The time shown at a run's step. */
export const nowOf = (run: Run, step: number): number => (step === 0 ? 0 : run.steps[Math.min(step, run.steps.length) - 1]!.t);
const itemsAt = (run: Run, step: number): Item[] => (step === 0 ? [] : run.steps[step - 1]!.items);
const eventsTo = (run: Run, step: number): RunEvent[] => run.steps.slice(0, step).flatMap((s) => s.events);
const sameWho = (a: Who, b: Who) => whoName(a) === whoName(b);

/** Which threads are blocked on the queue right after a step, and on what. */
export function blockedAt(run: Run, step: number): { put: Array<{ who: Who; item: Item }>; get: Who[] } {
  const put: Array<{ who: Who; item: Item }> = [];
  const get: Who[] = [];
  const waiting = new Map<string, { kind: 'put' | 'get'; who: Who; item: Item }>();
  for (const e of eventsTo(run, step)) {
    if (e.kind === 'put-blocked') waiting.set(whoName(e.who), { kind: 'put', who: e.who, item: e.item });
    else if (e.kind === 'get-blocked') waiting.set(whoName(e.who), { kind: 'get', who: e.who, item: null });
    else if (e.kind === 'put' || e.kind === 'get') waiting.delete(whoName(e.who));
    else if (e.kind === 'end') waiting.clear();
  }
  for (const w of waiting.values()) w.kind === 'put' ? put.push({ who: w.who, item: w.item }) : get.push(w.who);
  return { put, get };
}

export function slotsOfRun(run: Run, step: number, t: QueueText): SlotsInput {
  const items = itemsAt(run, step);
  const b = blockedAt(run, step);
  const blocked = b.put.length
    ? { side: 'put' as const, word: t.blockedPut(b.put.map((x) => t.who(whoName(x.who))), b.put[0]!.item) }
    : b.get.length
      ? { side: 'get' as const, word: t.blockedGet(b.get.map((x) => t.who(whoName(x)))) }
      : undefined;
  return { maxsize: run.scenario.maxsize, items: items.map(label), tones: items.map(tone), marks: marks(run.scenario.kind, items.length, t), ...(blocked ? { blocked } : {}), label: t.queueLabel(run.scenario.kind) };
}

const KIND: Record<Span['kind'], BarKind> = { make: 'run', eat: 'run', 'put-wait': 'blocked', 'get-wait': 'blocked', 'join-wait': 'wait' };

export function ganttOfRun(run: Run, step: number, t: QueueText): GanttInput {
  const now = nowOf(run, step);
  const evs = eventsTo(run, step);
  const { producers: P, consumers: C } = run.scenario;
  const who: Who[] = [...Array.from({ length: P }, (_, i): Who => ({ role: 'p', i })), { role: 'main' }, ...Array.from({ length: C }, (_, i): Who => ({ role: 'c', i }))];
  const end = evs.find((e): e is Extract<RunEvent, { kind: 'end' }> => e.kind === 'end');
  const rows = who.map((w) => {
    const at = step === 0 ? undefined : run.spans.find((s) => sameWho(s.who, w) && s.start <= now && now < s.end);
    const exited = evs.some((e) => e.kind === 'exit' && sameWho(e.who, w)) || (w.role === 'main' && !!end);
    const killed = !!end && w.role === 'c' && end.killed.includes(w.i);
    let word: string = t.state.idle;
    let kind: BarKind | 'done' = 'wait';
    if (killed) [word, kind] = [t.state.killed, 'done'];
    else if (exited) [word, kind] = [t.state.done, 'done'];
    else if (at) {
      kind = KIND[at.kind];
      word =
        at.kind === 'make' ? t.state.make(label(at.item!)) : at.kind === 'eat' ? t.state.eat(label(at.item!)) : at.kind === 'put-wait' ? t.state.putWait(at.item ?? null) : at.kind === 'get-wait' ? t.state.getWait : blockedJoin(evs, run.scenario.ending, t);
    } else if (step === 0) word = w.role === 'main' ? t.state.joinProducers : w.role === 'p' ? t.state.make(`p${w.i}-0`) : t.state.getWait;
    return { id: whoName(w), label: t.who(whoName(w)), state: { word, kind } };
  });
  const bars = run.spans
    .filter((s) => s.start < now)
    .map((s) => ({
      row: who.findIndex((w) => sameWho(w, s.who)),
      start: s.start,
      end: Math.min(s.end, now),
      label: s.kind === 'make' || s.kind === 'eat' ? label(s.item!) : t.bar[s.kind],
      kind: KIND[s.kind],
      tone: s.item !== undefined ? tone(s.item) : (3 as Tone),
    }));
  return { rows, bars, now, nowLabel: t.now(now), label: t.chart, ticks: Math.max(now, 1) };
}
const blockedJoin = (evs: RunEvent[], ending: Run['scenario']['ending'], t: QueueText) =>
  !evs.some((e) => e.kind === 'producers-joined') ? t.state.joinProducers : ending === 'sentinel' ? t.state.joinConsumers : t.state.joinQueue;

/** full(), empty(), qsize() at a step: what a call at that instant would have returned. */
export function snapshotOf(maxsize: number, size: number, t: QueueText): string[] {
  return t.snapshot(maxsize > 0 && size >= maxsize, size === 0, size);
}
export const sizeAtRun = (run: Run, step: number) => itemsAt(run, step).length;
export const unfinishedAt = (run: Run, step: number) => (step === 0 ? 0 : run.steps[step - 1]!.unfinished);

export function narrateRun(run: Run, step: number, t: QueueText): string {
  if (step === 0) return t.begin(run.scenario.consumers);
  const s = run.steps[step - 1]!;
  const n = (w: Who) => t.who(whoName(w));
  const said = s.events.map((e) => {
    switch (e.kind) {
      case 'put':
        return t.ev.put(n(e.who), e.item, e.woke);
      case 'put-blocked':
        return t.ev.putBlocked(n(e.who), e.item);
      case 'get':
        return t.ev.get(n(e.who), e.item, e.woke);
      case 'get-blocked':
        return t.ev.getBlocked(n(e.who));
      case 'task-done':
        return t.ev.taskDone(n(e.who), e.item, e.unfinished);
      case 'producers-joined':
        return t.ev.producersJoined(run.scenario.ending === 'sentinel', run.scenario.consumers);
      case 'exit':
        return e.who.role === 'p' ? t.ev.exitP(n(e.who), e.eaten) : t.ev.exitC(n(e.who), e.eaten);
      case 'join-returned':
        return t.ev.joinReturned;
      case 'end':
        return t.ev.end(e.left.map(label), e.killed.map((c) => t.who(`c${c}`)));
    }
  });
  return `${t.at(s.t)}${said.join(t.sep)}`;
}

// By hand ---------------------------------------------------------------------------------------

export function callOf(s: HandStep, t: QueueText): string {
  return s.op === 'put' ? t.hand.put(s.value!) : s.op === 'put_nowait' ? t.hand.putNowait(s.value!) : s.op === 'get' ? t.hand.get : t.hand.getNowait;
}

export function slotsOfHand(maxsize: number, kind: Kind, steps: HandStep[], step: number, t: QueueText): SlotsInput {
  const items = step === 0 ? [] : steps[step - 1]!.items;
  const last = step === 0 ? undefined : steps[step - 1]!;
  const blocked = last && 'blocked' in last.result ? (last.op === 'put' ? { side: 'put' as const, word: t.hand.boxPut(last.value!) } : { side: 'get' as const, word: t.hand.boxGet }) : undefined;
  return { maxsize, items: items.map(String), tones: items.map(() => 1 as Tone), marks: marks(kind, items.length, t), ...(blocked ? { blocked } : {}), label: t.queueLabel(kind) };
}

export function narrateHand(steps: HandStep[], step: number, t: QueueText): string {
  if (step === 0) return t.hand.empty;
  const s = steps[step - 1]!;
  const call = callOf(s, t);
  const r = s.result;
  if ('blocked' in r) return s.op === 'put' ? t.hand.blockedPut(call) : t.hand.blockedGet(call);
  if ('raised' in r) return r.raised === 'Full' ? t.hand.full(call) : t.hand.empty2(call);
  return s.op.startsWith('put') ? t.hand.ok(call) : t.hand.got(call, r.value);
}
