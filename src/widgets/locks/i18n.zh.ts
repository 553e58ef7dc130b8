// The scheduler widget's words in Chinese (i18n.ts pairs them with i18n.en.ts). The Chinese widget
// bundles load this file in place of i18n.en.ts (src/lib/widget-bundles.ts), so the two export the
// same names.

const list = (names: string[]) => names.join('、');

export const text = {
  title: '你来当调度器：抢票',
  titleCounter: '你来当调度器：count += 1',
  colon: '：',
  setup: '设置',
  tickets: '票数',
  buyers: '买家数',
  threads: '线程数',
  increments: '每个线程加几次',
  lock: '加锁（with lock:）',
  range: (label: string, min: number, max: number) => `${label}：请输入 ${min}–${max} 的整数`,
  who: '下一步让谁运行',
  run: (p: string) => `运行 ${p}`,
  finished: '已结束',
  blocked: (h: string) => `等锁，${h} 持有`,
  cannot: (p: string, why: string) => `${p} 现在不能运行：${why}`,
  worst: '最坏调度',
  worstCounter: '丢失更新的调度',
  random: '随机调度',
  undo: '撤销',
  nothingToUndo: '已经在开头，没有可撤销的步骤。',
  keys: (n: number, a: string) => (n > 1 ? `数字 1–${n}：让 ${a}1–${a}${n} 运行一步` : `数字 1：让 ${a}1 运行一步`) + '；u：撤销',
  loaded: (what: string, s: string, still: boolean) => `已载入${what}：${s}。${still ? '按 → 单步，或按空格播放。' : '正在播放。'}`,
  seed: (n: number) => `随机调度（种子 ${n}）`,
  setupNow: (s: string) => `新设置：${s}。选择下一步让谁运行。`,
  begin: '开始前：选择下一步让谁运行。',
  lockFree: '锁：空闲',
  lockHeld: (p: string) => `锁：${p} 持有`,
  notRead: '还没读',
  notLoaded: '还没 LOAD',
  status: { idle: '未开始', ready: '可运行', blocked: '等锁', won: '抢到票', soldOut: '售罄', done: '已结束' },
  round: (i: number, n: number) => `第 ${i}/${n} 次`,
  just: '刚运行',
  holds: '持有锁',
  actor: { P: '买家', T: '线程' } as Record<string, string>,
  next: '下一步',
  code: '程序',
  state: '状态',
  program: (who: string, lock: boolean) => `每个${who}都运行这段程序：▶ 标出各自的下一行（点它就执行这一步），${lock ? '■ 表示在等锁，' : ''}│ 是同一步里的其他行。`,
  schedule: '调度：',
  redo: '可重做：',
  none: '（还没有步骤）',
  log: (n: number) => `日志（${n} 步）`,
  running: (names: string[]) => (names.length ? `进行中：已有 ${names.length} 人写入成功（${list(names)}）。` : '进行中：还没有人写入。'),
  sold: (names: string[], left: number) =>
    `结束：${names.length} 人抢到票${names.length ? `（${list(names)}）` : ''}，剩 ${left} 张，没有超卖。`,
  oversold: (names: string[], tickets: number, over: number) =>
    `结束：${names.length} 人都以为抢到了票（${list(names)}），可只有 ${tickets} 张：超卖 ${over} 张！`,
  countRunning: (c: number, stores: number) => `进行中：count = ${c}，已执行 ${stores} 次 STORE。`,
  countOk: (c: number) => `结束：count = ${c}，一次更新也没丢。`,
  countLost: (c: number, want: number, lost: number) => `结束：count = ${c}，本应是 ${want}：丢失了 ${lost} 次更新！`,
  explore: '穷举所有调度',
  exploreHead: (s: string) => `${s}的所有调度：`,
  noLock: '不加锁',
  withLock: '加锁',
  oversells: (bad: string, all: string) => `${all} 种调度中有 ${bad} 种超卖`,
  loses: (bad: string, all: string) => `${all} 种调度中有 ${bad} 种丢失更新`,
  soldN: (n: number) => `卖出 ${n} 张`,
  tooBig: '调度太多，无法在这里逐一计数；请减少买家、线程或次数',
  schedulesN: (n: string) => `${n} 种`,
  bar: { acquire: '拿锁', release: '放锁', read: '读', write: '写', soldOut: '售罄' },
  waiting: '等锁',
  now: '现在',
  chart: (who: string, p: number) => `到目前为止的调度：每个时刻哪个${who}执行了哪一步（共 ${p} 步）`,
  runLine: (p: string, code: string) => `让 ${p} 执行它的下一行：${code.trim()}`,
} as const;

/** "1 张票、3 个买家、加锁"; without `lock`, the sizes only. */
export function describe(kind: 'tickets' | 'counter', a: number, b: number, lock?: boolean): string {
  const s = kind === 'tickets' ? `${a} 张票、${b} 个买家` : `${a} 个线程、每个加 ${b} 次`;
  if (lock === undefined) return s;
  return `${s}、${lock ? '加锁' : '不加锁'}`;
}
