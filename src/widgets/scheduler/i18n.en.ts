// The scheduler simulator's words in English (i18n.ts pairs them with i18n.zh.ts; the English
// bundle loads this file in place of i18n.zh.ts, so both export the same names).
import type { ParseError } from './model.ts';

const FIELD: Record<string, string> = { arrival: 'arrival', run: 'run time', ioEvery: 'I/O every', ioTime: 'I/O time' };
const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
export const text = {
  title: 'Scheduler simulator: FIFO, SJF, round-robin and MLFQ, tick by tick',
  settings: 'Settings',
  preset: 'Scenario',
  presets: {
    'abc-fifo': 'A, B, C · FIFO',
    'abc-sjf': 'A, B, C · SJF',
    'abc-rr': 'A, B, C · RR q = 2',
    'abc-mlfq': 'A, B, C · MLFQ 1/2/4',
    'gaming-old': 'Gaming the old rules 4a/4b',
    'gaming-fixed': 'The same trick under rule 4',
    'starve-noboost': 'Starvation: no boost',
    'starve-boost': 'Starvation ended: boost every 6',
    custom: 'Your own jobs',
  } as Record<string, string>,
  policy: 'Policy',
  policies: { FIFO: 'FIFO (first come, first served)', SJF: 'SJF (shortest job first)', RR: 'RR (round-robin)', MLFQ: 'MLFQ (multilevel feedback)' } as Record<string, string>,
  quantum: 'Time slice q',
  quanta: 'Slice per level',
  allotments: 'Allotment per level',
  boost: 'Boost every S (0 = never)',
  rule4: 'Rule 4',
  rules: { fixed: 'rule 4: allotment counted', old: 'old 4a/4b: a yield keeps the level' } as Record<string, string>,
  jobs: 'Jobs, one per line: arrival run [I/O every, I/O time]',
  jobsHelp: 'For example “0 6” arrives at 0 and needs 6 ticks; “2 8 3 1” also waits 1 tick for I/O after every 3 ticks on the CPU. At most 10 jobs.',
  apply: 'Run these settings',
  chart: 'Who runs when',
  legend: 'Filled bar: on the CPU (labelled by its level under MLFQ). Dotted: ready, waiting. Dash-dot: away doing I/O.',
  queues: 'Ready queues now',
  queueOne: 'Ready queue',
  level: (l: number) => `level ${l}`,
  levelShort: (l: number) => `L${l}`,
  levelHead: (l: number, q: number, a: number) => `Level ${l} · slice ${q} · allotment ${a}`,
  cpu: (job: string | null) => (job ? `on the CPU: ${job}` : 'CPU idle'),
  head: 'next',
  queueLabel: (name: string) => `${name}, head first`,
  bar: { wait: 'ready', io: 'I/O' },
  state: {
    future: (at: number) => `arrives at ${at}`,
    ready: (l: number | null) => (l === null ? 'ready' : `ready at L${l}`),
    running: (l: number | null) => (l === null ? 'running' : `running at L${l}`),
    blocked: (until: number) => `I/O until ${until}`,
    done: (at: number) => `done at ${at}`,
  },
  now: (t: number) => `t = ${t}`,
  stats: 'Times per job (ticks)',
  columns: ['Job', 'Arrives', 'Run', 'Response', 'Turnaround', 'Wait'],
  avg: 'average',
  marks: { added: 'done now', changed: 'changed', removed: 'removed', head: 'This step' },
  ev: {
    arrive: (j: string, mlfq: boolean) => `${j} arrives${mlfq ? ' and enters level 0 (rule 3)' : ''}.`,
    return: (j: string) => `${j}’s I/O is done: it queues again.`,
    finish: (j: string) => `${j} finishes.`,
    block: (j: string, until: number) => `${j} gives up the CPU for I/O until ${until}.`,
    demote: (j: string, to: number) => `${j} has used its allotment: down to level ${to} (rule 4).`,
    demote4a: (j: string, to: number) => `${j} used a whole slice: down to level ${to} (old rule 4a).`,
    expire: (j: string) => `${j}’s slice is over: it goes to the back of the queue, behind any job that arrived just now.`,
    boost: 'Priority boost: every job goes back to level 0 (rule 5).',
    preempt: (j: string) => `${j} is preempted by a job at a higher level (rule 1).`,
    dispatch: (j: string, l: number | null) => `${j} runs${l === null ? '' : ` at level ${l}`}.`,
    keeps: (j: string) => `${j} keeps running.`,
    idle: 'No job is ready: the CPU is idle.',
  },
  queueNow: (names: string[]) => (names.length ? `Queue: ${names.join(', ')}.` : 'Queue empty.'),
  levelsNow: (per: string[][]) => per.map((q, l) => `${l ? 'level' : 'Level'} ${l}: ${q.length ? q.join(', ') : 'empty'}`).join('; ') + '.',
  at: (t: number) => `t = ${t}: `,
  allDone: (turn: string, resp: string) => `All done. Average turnaround ${turn}, average response ${resp}.`,
  figure: (name: string) => `${name}: the whole run`,
  finishes: (xs: Array<[string, number]>) => `Finish: ${list(xs.map(([j, t]) => `${j} = ${t}`))}.`,
  error: (e: ParseError): string => {
    const job = (i: number) => `Job ${String.fromCharCode(65 + i)} (line ${i + 1})`;
    switch (e.key) {
      case 'no-jobs': return 'There are no jobs: type at least one line such as “0 6”.';
      case 'too-many-jobs': return `${e.count.toLocaleString('en')} jobs is too many: this simulator takes at most 10 (each is a row of the chart).`;
      case 'not-number': return `Line ${e.line + 1}: “${e.word}” is not a whole number.`;
      case 'line-shape': return `Line ${e.line + 1}: write two numbers (arrival, run) or four (arrival, run, I/O every, I/O time).`;
      case 'not-integer': return `${job(e.job)}: the ${FIELD[e.field]} must be a whole number.`;
      case 'negative-arrival': return `${job(e.job)}: an arrival time cannot be negative; time starts at 0.`;
      case 'out-of-range': return `${job(e.job)}: the ${FIELD[e.field]} must be from ${e.min} to ${e.max}.`;
      case 'io-pair': return `${job(e.job)}: give both I/O numbers or neither.`;
      case 'quantum': return `A time slice of ${e.value} is not allowed: it must be 1 to 20 ticks. With a slice of 0 no job could ever run.`;
      case 'levels': return 'MLFQ needs 1 to 4 levels, with a slice and an allotment for each.';
      case 'level-value': return `Level ${e.level}: a ${e.field === 'quanta' ? 'slice' : 'allotment'} of ${e.value} is not allowed (${e.field === 'quanta' ? '1 to 20' : '1 to 100'} ticks).`;
      case 'boost': return 'The boost period S must be 0 (no boost) or up to 200 ticks.';
      case 'too-long': return `These jobs could take up to ${e.ticks} ticks; the chart shows at most 200. Use fewer or shorter jobs.`;
      default: return '';
    }
  },
  notNumber: (what: string) => `${what}: type whole numbers only.`,
  begin: 'Step forward to watch the scheduler decide, tick by tick.',
} as const;
