// The isolation lab's words in English (i18n.ts pairs them with i18n.zh.ts; the English bundle
// loads this file in place of i18n.zh.ts, so both export the same names).
const methodSaid: Record<string, string> = {
  fork: 'with fork the child is a copy of the parent as it is now',
  spawn: 'with spawn a new interpreter re-imports the module (not as __main__), which runs n = 100 again',
  forkserver: 'with forkserver the child is forked from the server process, which imported the module itself',
};
export const text = {
  title: 'Isolation vs sharing: a child process, a thread, and one global n',
  settings: 'Settings',
  worker: 'Narrate',
  workers: { process: 'the Process', thread: 'the Thread' } as Record<string, string>,
  method: 'Start method',
  before: 'n before start()',
  badBefore: 'n must be a whole number from −1000000 to 1000000. The run is unchanged.',
  picture: 'Memory at this step: processes on one side, threads on the other',
  processes: 'Two processes: an address space each',
  threads: 'One process, two threads: one address space',
  focus: '(narrated)',
  space: { parent: 'parent process', child: 'child process', process: 'the process' } as Record<string, string>,
  code: 'code',
  globals: 'globals',
  heap: 'heap',
  stackOf: (who: string) => `stack: ${who}`,
  stacks: 'stacks',
  stack: { main: 'main thread', thread: 'thread' } as Record<string, string>,
  origin: { 'cow-copy': 'a copy of the parent (fork)', 're-import': 'module re-imported' } as Record<string, string>,
  exited: 'child process: exited, its memory freed',
  ended: 'thread: ended',
  n: (v: number) => `n = ${v}`,
  printed: (v: number) => `print(n) → ${v}`,
  begin: (v: number) => `The parent has run the module: its global n is ${v}. Nothing else runs yet.`,
  start: (worker: string, method: string, n: number) =>
    worker === 'thread'
      ? `t.start(): the thread runs inside the same process. It gets a stack of its own, but the globals are the process's: there is one n, and it is ${n}.`
      : `p.start(): ${methodSaid[method]}, so the child's n starts at ${n}. Two address spaces, two separate n.`,
  write: (worker: string, before: number) =>
    worker === 'thread'
      ? 'The thread runs global n; n = 0. There is only one n: it is 0 now, for the main thread too.'
      : `The child runs global n; n = 0. It changes its own n; the parent's n is still ${before}.`,
  join: (worker: string) =>
    worker === 'thread'
      ? 't.join(): the thread has ended and its stack is gone. The globals stay, with n = 0.'
      : 'p.join(): the child has exited. Its address space is gone, and its n = 0 with it.',
  print: (worker: string, v: number) =>
    worker === 'thread' ? `The main thread prints ${v}: the thread changed the n they share.` : `The parent prints ${v}: its own n, which the child never touched.`,
} as const;
