// The scheduler widget's words in English (i18n.ts pairs them with i18n.zh.ts). The English widget
// bundles load this file in place of i18n.zh.ts (src/lib/widget-bundles.ts), so the two export the
// same names.

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const list = (names: string[]) => names.join(', ');

export const text = {
  title: 'Be the scheduler: the ticket grab',
  titleCounter: 'Be the scheduler: count += 1',
  colon: ': ',
  setup: 'Setup',
  tickets: 'Tickets',
  buyers: 'Buyers',
  threads: 'Threads',
  increments: 'Increments per thread',
  lock: 'Use the lock (with lock:)',
  range: (label: string, min: number, max: number) => `${label}: enter a whole number from ${min} to ${max}`,
  who: 'Who runs next',
  run: (p: string) => `Run ${p}`,
  finished: 'finished',
  blocked: (h: string) => `waiting: ${h} holds the lock`,
  cannot: (p: string, why: string) => `${p} cannot run now: ${why}`,
  worst: 'Worst schedule',
  worstCounter: 'Lost-update schedule',
  random: 'Random schedule',
  undo: 'Undo',
  nothingToUndo: 'At the start already: nothing to undo.',
  keys: (n: number, a: string) => (n > 1 ? `Digits 1–${n}: run ${a}1–${a}${n}` : `1: run ${a}1`) + ' one step; u: undo',
  loaded: (what: string, s: string, still: boolean) =>
    `Loaded: ${what}: ${s}. ${still ? 'Press → to step or Space to play.' : 'Playing.'}`,
  seed: (n: number) => `Random schedule (seed ${n})`,
  setupNow: (s: string) => `New setup: ${s}. Choose who runs next.`,
  begin: 'Before the first step: choose who runs next.',
  lockFree: 'Lock: free',
  lockHeld: (p: string) => `Lock: held by ${p}`,
  notRead: 'not read yet',
  notLoaded: 'not loaded yet',
  status: { idle: 'not started', ready: 'can run', blocked: 'waiting for the lock', won: 'got a ticket', soldOut: 'sold out', done: 'finished' },
  round: (i: number, n: number) => `increment ${i} of ${n}`,
  just: 'just ran',
  holds: 'holds the lock',
  actor: { P: 'Buyer', T: 'Thread' } as Record<string, string>,
  next: 'Next step',
  code: 'Program',
  state: 'Status',
  program: (who: string, lock: boolean) =>
    `Every ${who.toLowerCase()} runs this program: ▶ marks each one's next line (click it to run that step), ${lock ? '■ one waiting for the lock, ' : ''}│ the other lines of the same step.`,
  schedule: 'Schedule: ',
  redo: 'redo: ',
  none: '(no steps yet)',
  log: (n: number) => `Log (${plural(n, 'step')})`,
  running: (names: string[]) =>
    names.length ? `Running: ${plural(names.length, 'buyer')} ${names.length === 1 ? 'has' : 'have'} written (${list(names)}).` : 'Running: nobody has written yet.',
  sold: (names: string[], left: number) =>
    `Done: ${plural(names.length, 'buyer')} got a ticket${names.length ? ` (${list(names)})` : ''}, ${left} left, nothing oversold.`,
  oversold: (names: string[], tickets: number, over: number) =>
    `Done: ${names.length} buyers believe they got a ticket (${list(names)}), but only ${plural(tickets, 'ticket')} existed: oversold by ${over}!`,
  countRunning: (c: number, stores: number) => `Running: count = ${c} after ${plural(stores, 'STORE')}.`,
  countOk: (c: number) => `Done: count = ${c}, no update lost.`,
  countLost: (c: number, want: number, lost: number) => `Done: count = ${c}, but it should be ${want}: ${plural(lost, 'update')} lost!`,
  explore: 'Explore all schedules',
  exploreHead: (s: string) => `Every schedule for ${s}:`,
  noLock: 'Without the lock',
  withLock: 'With the lock',
  oversells: (bad: string, all: string) => `${bad} of ${all} schedules oversell`,
  loses: (bad: string, all: string) => `${bad} of ${all} schedules lose an update`,
  soldN: (n: number) => `${n} sold`,
  tooBig: 'too many schedules to count here; choose fewer buyers, threads or increments',
  schedulesN: (n: string) => n,
  // The schedule picture (kit gantt): one bar per step, named by what ran.
  bar: { acquire: 'acquire', release: 'release', read: 'read', write: 'write', soldOut: 'sold out' },
  waiting: 'waiting',
  now: 'now',
  chart: (who: string, p: number) => `Schedule so far: which ${who.toLowerCase()} ran which step at each tick (${plural(p, 'step')})`,
  runLine: (p: string, code: string) => `Run ${p}'s next line: ${code.trim()}`,
} as const;

/** "1 ticket, 3 buyers, with the lock"; without `lock`, the sizes only. */
export function describe(kind: 'tickets' | 'counter', a: number, b: number, lock?: boolean): string {
  const s =
    kind === 'tickets'
      ? `${a} ticket${a === 1 ? '' : 's'}, ${b} buyer${b === 1 ? '' : 's'}`
      : `${a} thread${a === 1 ? '' : 's'}, ${b} increment${b === 1 ? '' : 's'} each`;
  if (lock === undefined) return s;
  return `${s}, ${lock ? 'with' : 'without'} the lock`;
}
