// The socketserver timeline's words in English (i18n.ts pairs them with i18n.zh.ts; the English
// bundle loads this file in place of i18n.zh.ts, so both export the same names).
const s = (ticks: number) => `${(ticks / 10).toFixed(1)} s`;
const who = (cs: number[]) => (cs.length === 1 ? `client ${cs[0]}` : `clients ${cs.slice(0, -1).join(', ')} and ${cs.at(-1)}`);
export const text = {
  title: 'socketserver timeline: one after another, or together',
  settings: 'Settings',
  preset: 'Scenario',
  presets: { 'io-tcp': 'I/O work · TCPServer', 'io-threading': 'I/O work · ThreadingTCPServer', 'io-forking': 'I/O work · ForkingTCPServer', 'cpu-threading': 'CPU work · ThreadingTCPServer', 'cpu-forking': 'CPU work · ForkingTCPServer', custom: 'Your own settings' } as Record<string, string>,
  server: 'Server',
  servers: { tcp: 'TCPServer', threading: 'ThreadingTCPServer', forking: 'ForkingTCPServer' } as Record<string, string>,
  work: 'Work per request',
  works: { io: 'I/O (sleep, recv)', cpu: 'CPU (pure Python)' } as Record<string, string>,
  clients: 'Clients',
  need: 'Work each (s)',
  arrivals: 'Arrivals',
  arrivalModes: { together: 'all at once', apart: 'one every 0.1 s' } as Record<string, string>,
  cores: 'CPU cores',
  platform: 'Platform',
  platforms: { linux: 'Linux', macos: 'macOS', windows: 'Windows' } as Record<string, string>,
  noFork: 'ForkingTCPServer is not available on Windows: there is no os.fork, so socketserver does not define it.',
  movedToThreads: 'Windows has no os.fork: switched to ThreadingTCPServer.',
  gilNote: 'CPU work under threads: only the thread holding the GIL runs; CPython asks it to let go every 5 ms (sys.getswitchinterval()). Drawn here turn by turn per 0.1 s.',
  tick: 'One column = 0.1 s',
  chart: 'Who is served when',
  client: (i: number) => `client ${i}`,
  bar: { backlog: 'backlog', io: 'sleep', cpu: 'CPU', gil: 'GIL', core: 'no core' } as Record<string, string>,
  state: {
    before: 'not here yet',
    backlog: 'in the backlog',
    io: 'served: waiting on I/O',
    cpu: 'running on the CPU',
    gil: 'waiting for the GIL',
    core: 'waiting for a core',
    done: (t: number) => `done at ${s(t)}`,
  },
  now: (t: number) => s(t),
  begin: 'Before the first client connects. Step forward.',
  arrive: (t: number, cs: number[], server: string) =>
    `${s(t)}: ${who(cs)} connect${cs.length === 1 ? 's' : ''}. The kernel completes the handshake${server === 'tcp' ? ' and the connection waits in the listen backlog until the server calls accept().' : '.'}`,
  start: (t: number, cs: number[], server: string) =>
    `${s(t)}: the server accepts ${who(cs)} and ${server === 'tcp' ? 'runs handle() itself, in its only thread.' : server === 'threading' ? 'starts a thread for each: handle() runs there.' : 'forks a child process for each: handle() runs there.'}`,
  finish: (t: number, cs: number[]) => `${s(t)}: ${who(cs)} ${cs.length === 1 ? 'is' : 'are'} done.`,
  total: (t: number) => `Total: ${s(t)}.`,
  finishes: 'Finish times',
  finishLine: (i: number, t: number) => `client ${i}: ${s(t)}`,
} as const;
