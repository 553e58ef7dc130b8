// The scheduler widget's own words, zh and en; the player's shared strings are in kit/i18n.ts.
// Used at build time by Locks.astro (the static run) and at run time by the element.
import type { Lang } from '../kit/i18n.ts';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const list = (names: string[], lang: Lang) => names.join(lang === 'zh' ? '、' : ', ');

export const text = {
  zh: {
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
    program: (who: string, lock: boolean) => `每个${who}都运行这段程序：▶ 标出各自的下一行，${lock ? '■ 表示在等锁，' : ''}│ 是同一步里的其他行。`,
    schedule: '调度：',
    redo: '可重做：',
    none: '（还没有步骤）',
    log: (n: number) => `日志（${n} 步）`,
    running: (names: string[]) => (names.length ? `进行中：已有 ${names.length} 人写入成功（${list(names, 'zh')}）。` : '进行中：还没有人写入。'),
    sold: (names: string[], left: number) =>
      `结束：${names.length} 人抢到票${names.length ? `（${list(names, 'zh')}）` : ''}，剩 ${left} 张，没有超卖。`,
    oversold: (names: string[], tickets: number, over: number) =>
      `结束：${names.length} 人都以为抢到了票（${list(names, 'zh')}），可只有 ${tickets} 张：超卖 ${over} 张！`,
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
  },
  en: {
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
      `Every ${who.toLowerCase()} runs this program: ▶ marks each one's next line, ${lock ? '■ one waiting for the lock, ' : ''}│ the other lines of the same step.`,
    schedule: 'Schedule: ',
    redo: 'redo: ',
    none: '(no steps yet)',
    log: (n: number) => `Log (${plural(n, 'step')})`,
    running: (names: string[]) =>
      names.length ? `Running: ${plural(names.length, 'buyer')} ${names.length === 1 ? 'has' : 'have'} written (${list(names, 'en')}).` : 'Running: nobody has written yet.',
    sold: (names: string[], left: number) =>
      `Done: ${plural(names.length, 'buyer')} got a ticket${names.length ? ` (${list(names, 'en')})` : ''}, ${left} left, nothing oversold.`,
    oversold: (names: string[], tickets: number, over: number) =>
      `Done: ${names.length} buyers believe they got a ticket (${list(names, 'en')}), but only ${plural(tickets, 'ticket')} existed: oversold by ${over}!`,
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
  },
} as const;

export type Text = (typeof text)[Lang];

/** "1 ticket, 3 buyers, with the lock" / "1 张票、3 个买家、加锁"; without `lock`, the sizes only. */
export function describe(lang: Lang, kind: 'tickets' | 'counter', a: number, b: number, lock?: boolean): string {
  const zh = lang === 'zh';
  const s = zh
    ? kind === 'tickets'
      ? `${a} 张票、${b} 个买家`
      : `${a} 个线程、每个加 ${b} 次`
    : kind === 'tickets'
      ? `${a} ticket${a === 1 ? '' : 's'}, ${b} buyer${b === 1 ? '' : 's'}`
      : `${a} thread${a === 1 ? '' : 's'}, ${b} increment${b === 1 ? '' : 's'} each`;
  if (lock === undefined) return s;
  return zh ? `${s}、${lock ? '加锁' : '不加锁'}` : `${s}, ${lock ? 'with' : 'without'} the lock`;
}
