// The process-state lab's words in English (i18n.ts pairs them with i18n.zh.ts; the English bundle
// carries only this one).
import type { Call, PEvent, PresetName, PState, Refusal } from './model.ts';

const P = (i: number) => `P${i + 1}`;
const core = (c: number, cores: number) => (cores === 1 ? 'the core' : `core ${c + 1}`);
const STATE = { new: 'New', ready: 'Ready', running: 'Running', blocked: 'Blocked', terminated: 'Terminated' } satisfies Record<PState, string>;
const WAKE = { recv: 'data arrives', input: 'a line is typed', sleep: 'the second is up', accept: 'a client connects' } satisfies Record<Call, string>;
export const text = {
  title: 'Process states: only the legal edges',
  proc: P,
  state: STATE,
  /** A process's state in a few words, with its core or call. */
  where: (s: PState, cores: number, c?: number, call?: Call) =>
    s === 'running' ? (cores === 1 ? 'Running' : `Running on core ${c! + 1}`) : s === 'blocked' ? `Blocked in ${call}()` : s === 'terminated' ? 'Terminated (zombie until waited for)' : s === 'ready' ? 'Ready (in the queue)' : 'New (being created)',
  /** The edge's words on the diagram and on its button. */
  edge: {
    admit: 'admit',
    dispatch: 'dispatch (the scheduler picks it)',
    timeout: 'timer interrupt (slice used up)',
    yield: 'yield (gives up the CPU)',
    recv: 'calls recv(), no data yet',
    input: 'calls input(), nothing typed yet',
    sleep: 'calls time.sleep(1)',
    accept: 'calls accept(), no client yet',
    wake: 'event done',
    exit: 'exit (returns, sys.exit())',
  } satisfies Record<PEvent, string>,
  /** What ends the wait of each call. */
  wakeBy: WAKE,
  bar: { running: 'run', ready: 'ready', blocked: (c: Call) => c } as const,
  near: 'edges from here:',
  diagram: (p: string, s: string) => `The state diagram around ${p}: it is ${s}; the arrows are the edges that leave this state.`,
  history: 'Every process, move by move',
  axis: 'One column = one move',
  now: 'now',
  procs: 'Processes (pick one to move it)',
  events: (p: string) => `Try any event on ${p} (illegal ones are refused with the reason)`,
  cores: 'Cores',
  example: 'Example',
  presets: {
    recv: 'recv() waits for data',
    timer: 'Timer interrupts take turns',
    'blocked-running': 'Illegal: Blocked → Running',
    'new-running': 'Illegal: New → Running',
  } satisfies Record<PresetName, string>,
  free: 'Free play',
  next: (p: string, e: string) => `Next in the example: ${p} ${e}`,
  exampleDone: 'The example is over; go on as you like.',
  undo: 'Undo',
  reset: 'Start again',
  copy: 'Copy a link to this state',
  full: (n: number) => `The history is full (${n} moves): undo or start again.`,
  begin: (cores: number) => `Three processes, all New, and ${cores === 1 ? 'one core' : 'two cores'}. Pick a process and move it along an edge.`,
  presetBegin: (name: string) => `${name}: the setup is done; press “Next in the example”.`,
  moved: (p: number, from: PState, to: PState, e: PEvent, cores: number, c?: number, call?: Call): string => {
    const head = `${P(p)}: ${STATE[from]} → ${STATE[to]}.`;
    const where = c === undefined ? '' : core(c, cores);
    const why: Record<PEvent, string> = {
      admit: 'Created, it joins the ready queue; it runs only when the scheduler picks it.',
      dispatch: `The scheduler picks it: it runs on ${where}.`,
      timeout: `The timer interrupt ends its time slice: the kernel takes ${where} back (preemption) and it goes back to the ready queue.`,
      yield: `It gives up ${where} of its own accord and goes back to the ready queue.`,
      recv: `It calls recv() and no data has come: the call blocks, and ${where} is free for another process.`,
      input: `It calls input() and nothing has been typed: the call blocks, and ${where} is free for another process.`,
      sleep: `It calls time.sleep(1): not I/O, but a blocking call all the same; ${where} is free for another process.`,
      accept: `It calls accept() and no client has connected: the call blocks, and ${where} is free for another process.`,
      wake: `${call ? WAKE[call][0]!.toUpperCase() + WAKE[call].slice(1) : 'The event happens'}${call ? ` for its ${call}()` : ''}: it is Ready again, not Running; it queues until the scheduler picks it.`,
      exit: `It ends and ${where} is free. Its exit status waits for the parent's wait() (join() in Python); until then it is a zombie, Z in /proc.`,
    };
    return `${head} ${why[e]}`;
  },
  refused: (p: number, from: PState, to: PState | undefined, reason: Refusal, cores: number, busy: number[] = []): string => {
    const head = to && to !== from ? `Refused: ${P(p)} is ${STATE[from]}, and ${STATE[from]} → ${STATE[to]} is not an edge.` : `Refused: ${P(p)} is ${STATE[from]}.`;
    const why: Record<Refusal, string> = {
      ended: 'Terminated is the end: nothing leaves it. Running the program again makes a new process.',
      'admit-first': 'A new process is admitted to Ready first (New → Ready); only then can the scheduler dispatch it.',
      'blocked-running': 'When what it waits for happens, it goes to Ready, never straight to Running: another process is probably on the CPU, and who runs next is the scheduler’s call. Event done first, then dispatch.',
      'already-running': 'It is already running.',
      'already-admitted': 'Only a New process is admitted, and this one was admitted already.',
      'not-running': 'Only a running process executes code, so only it can make a call, yield, be interrupted by the timer or exit.',
      'not-blocked': 'It is not waiting for anything.',
      'core-busy': `Ready → Running is an edge, but ${cores === 1 ? `the core is busy: ${P(busy[0]!)} runs on it` : `both cores are busy: ${busy.map(P).join(' and ')} run on them`}. One process per core: a running one leaves by its own blocking call or exit, or by the timer interrupt.`,
    };
    return reason === 'core-busy' ? `Refused: ${why[reason]}` : `${head} ${why[reason]}`;
  },
};
