// 调度模拟器的中文文字（i18n.ts 把它和 i18n.en.ts 配对；中文页面的代码包只带这一份，两份导出同样的名字）。
import type { ParseError } from './model.ts';

const FIELD: Record<string, string> = { arrival: '到达时刻', run: '运行时间', ioEvery: 'I/O 间隔', ioTime: 'I/O 时长' };
export const text = {
  title: '调度模拟器：先来先服务、短作业优先、时间片轮转和多级反馈队列，一格一格地看',
  settings: '设置',
  preset: '场景',
  presets: {
    'abc-fifo': 'A、B、C · 先来先服务',
    'abc-sjf': 'A、B、C · 短作业优先',
    'abc-rr': 'A、B、C · 轮转 q = 2',
    'abc-mlfq': 'A、B、C · MLFQ 1/2/4',
    'gaming-old': '钻旧规则 4a/4b 的空子',
    'gaming-fixed': '同样的花招遇上规则 4',
    'starve-noboost': '饥饿：不做提升',
    'starve-boost': '每 6 格提升一次，饥饿结束',
    custom: '自己的作业',
  } as Record<string, string>,
  policy: '算法',
  policies: { FIFO: 'FIFO（先来先服务）', SJF: 'SJF（短作业优先）', RR: 'RR（时间片轮转）', MLFQ: 'MLFQ（多级反馈队列）' } as Record<string, string>,
  quantum: '时间片 q',
  quanta: '各级时间片',
  allotments: '各级配额',
  boost: '每 S 格提升（0 = 不提升）',
  rule4: '规则 4',
  rules: { fixed: '规则 4：配额累计', old: '旧规则 4a/4b：让出就留级' } as Record<string, string>,
  jobs: '作业，每行一个：到达 运行 [I/O 间隔 I/O 时长]',
  jobsHelp: '例如“0 6”表示 0 时刻到达、需要 6 格；“2 8 3 1”表示每在 CPU 上跑 3 格就去做 1 格 I/O。最多 10 个作业。',
  apply: '按这些设置运行',
  chart: '谁在什么时候运行',
  legend: '实心条：在 CPU 上（MLFQ 下标出所在级别）。点线：就绪，在等。点划线：在做 I/O。',
  queues: '此刻的就绪队列',
  queueOne: '就绪队列',
  level: (l: number) => `第 ${l} 级`,
  levelShort: (l: number) => `L${l}`,
  levelHead: (l: number, q: number, a: number) => `第 ${l} 级 · 时间片 ${q} · 配额 ${a}`,
  cpu: (job: string | null) => (job ? `CPU 上：${job}` : 'CPU 空闲'),
  head: '下一个',
  queueLabel: (name: string) => `${name}，队头在前`,
  bar: { wait: '就绪', io: 'I/O' },
  state: {
    future: (at: number) => `${at} 时刻到达`,
    ready: (l: number | null) => (l === null ? '就绪' : `就绪 · L${l}`),
    running: (l: number | null) => (l === null ? '运行' : `运行 · L${l}`),
    blocked: (until: number) => `I/O 到 ${until}`,
    done: (at: number) => `${at} 时刻完成`,
  },
  now: (t: number) => `t = ${t}`,
  stats: '每个作业的时间（格）',
  columns: ['作业', '到达', '运行', '响应', '周转', '等待'],
  avg: '平均',
  marks: { added: '刚完成', changed: '有变化', removed: '已移除', head: '这一步' },
  ev: {
    arrive: (j: string, mlfq: boolean) => `${j} 到达${mlfq ? '，进入第 0 级（规则 3）' : ''}。`,
    return: (j: string) => `${j} 的 I/O 完成，重新排队。`,
    finish: (j: string) => `${j} 完成。`,
    block: (j: string, until: number) => `${j} 去做 I/O，让出 CPU，到 ${until} 时刻。`,
    demote: (j: string, to: number) => `${j} 用完了这一级的配额，降到第 ${to} 级（规则 4）。`,
    demote4a: (j: string, to: number) => `${j} 用满了一整个时间片，降到第 ${to} 级（旧规则 4a）。`,
    expire: (j: string) => `${j} 的时间片用完，排到队尾，在刚到达的作业后面。`,
    boost: '优先级提升：所有作业回到第 0 级（规则 5）。',
    preempt: (j: string) => `更高一级有作业在等，${j} 被抢占（规则 1）。`,
    dispatch: (j: string, l: number | null) => `${j} 开始运行${l === null ? '' : `（第 ${l} 级）`}。`,
    keeps: (j: string) => `${j} 继续运行。`,
    idle: '没有就绪的作业，CPU 空闲。',
  },
  queueNow: (names: string[]) => (names.length ? `队列：${names.join('、')}。` : '队列为空。'),
  levelsNow: (per: string[][]) => per.map((q, l) => `第 ${l} 级：${q.length ? q.join('、') : '空'}`).join('；') + '。',
  at: (t: number) => `t = ${t}：`,
  allDone: (turn: string, resp: string) => `全部完成。平均周转时间 ${turn}，平均响应时间 ${resp}。`,
  figure: (name: string) => `${name}：完整运行`,
  finishes: (xs: Array<[string, number]>) => `完成时刻：${xs.map(([j, t]) => `${j} = ${t}`).join('，')}。`,
  error: (e: ParseError): string => {
    const job = (i: number) => `作业 ${String.fromCharCode(65 + i)}（第 ${i + 1} 行）`;
    switch (e.key) {
      case 'no-jobs': return '没有作业：至少写一行，例如“0 6”。';
      case 'too-many-jobs': return `${e.count} 个作业太多了：这个模拟器最多 10 个（每个作业是图里的一行）。`;
      case 'not-number': return `第 ${e.line + 1} 行：“${e.word}”不是整数。`;
      case 'line-shape': return `第 ${e.line + 1} 行：写两个数（到达、运行）或四个数（到达、运行、I/O 间隔、I/O 时长）。`;
      case 'not-integer': return `${job(e.job)}：${FIELD[e.field]}必须是整数。`;
      case 'negative-arrival': return `${job(e.job)}：到达时刻不能是负数，时间从 0 开始。`;
      case 'out-of-range': return `${job(e.job)}：${FIELD[e.field]}必须在 ${e.min} 到 ${e.max} 之间。`;
      case 'io-pair': return `${job(e.job)}：两个 I/O 数要么都写，要么都不写。`;
      case 'quantum': return `时间片不能是 ${e.value}：必须是 1 到 20 格。时间片为 0 的话，没有作业能运行。`;
      case 'levels': return 'MLFQ 需要 1 到 4 级，每一级都要有时间片和配额。';
      case 'level-value': return `第 ${e.level} 级：${e.field === 'quanta' ? '时间片' : '配额'}不能是 ${e.value}（${e.field === 'quanta' ? '1 到 20' : '1 到 100'} 格）。`;
      case 'boost': return '提升周期 S 只能是 0（不提升）或不超过 200 格。';
      case 'too-long': return `这些作业最长可能要 ${e.ticks} 格，图里最多画 200 格。请减少作业或缩短运行时间。`;
      default: return '';
    }
  },
  notNumber: (what: string) => `${what}：只能填整数。`,
  begin: '单步前进，一格一格地看调度器怎样做决定。',
} as const;
