// 进程状态实验的中文文字（i18n.ts 把它和 i18n.en.ts 配对；中文的组件包只带这一份）。
import type { Call, PEvent, PresetName, PState, Refusal } from './model.ts';

const P = (i: number) => `P${i + 1}`;
const core = (c: number, cores: number) => (cores === 1 ? 'CPU' : `CPU ${c + 1}`);
const STATE = { new: '新建', ready: '就绪', running: '运行', blocked: '阻塞', terminated: '终止' } satisfies Record<PState, string>;
const WAKE = { recv: '数据到了', input: '用户敲了一行', sleep: '一秒到了', accept: '客户端连上来了' } satisfies Record<Call, string>;
export const text = {
  title: '进程状态图：只能沿合法的边走',
  proc: P,
  state: STATE,
  where: (s: PState, cores: number, c?: number, call?: Call) =>
    s === 'running' ? (cores === 1 ? '运行' : `在 CPU ${c! + 1} 上运行`) : s === 'blocked' ? `阻塞在 ${call}()` : s === 'terminated' ? '终止（等父进程回收前是僵尸）' : s === 'ready' ? '就绪（在队列里）' : '新建（正在创建）',
  edge: {
    admit: '创建完成，进入就绪',
    dispatch: '调度（调度程序选中它）',
    timeout: '时钟中断（时间片用完）',
    yield: '主动让出 CPU',
    recv: '调用 recv()，数据还没到',
    input: '调用 input()，还没人输入',
    sleep: '调用 time.sleep(1)',
    accept: '调用 accept()，还没有客户端',
    wake: '等的事件发生了',
    exit: '退出（函数返回、sys.exit()）',
  } satisfies Record<PEvent, string>,
  wakeBy: WAKE,
  bar: { running: '运行', ready: '就绪', blocked: (c: Call) => c } as const,
  near: '从这里能走的边：',
  diagram: (p: string, s: string) => `${p} 附近的状态图：它现在是${s}；箭头是离开这个状态的边。`,
  history: '每个进程的状态，一步一列',
  axis: '一列 = 一步',
  now: '现在',
  procs: '进程（选一个来移动它）',
  events: (p: string) => `对 ${p} 试任意一个事件（不合法的会被拒绝，并说明原因）`,
  cores: 'CPU 核数',
  example: '例子',
  presets: {
    recv: '进程调用 recv，等数据',
    timer: '时钟中断让大家轮流',
    'blocked-running': '不合法：阻塞 → 运行',
    'new-running': '不合法：新建 → 运行',
  } satisfies Record<PresetName, string>,
  free: '自己动手',
  next: (p: string, e: string) => `例子的下一步：${p} ${e}`,
  exampleDone: '例子走完了，接下来随你。',
  undo: '撤销',
  reset: '重新开始',
  copy: '复制这个状态的链接',
  full: (n: number) => `历史已经满了（${n} 步）：撤销几步或者重新开始。`,
  begin: (cores: number) => `三个进程都是新建状态，${cores === 1 ? '一个 CPU 核' : '两个 CPU 核'}。选一个进程，让它沿一条边走。`,
  presetBegin: (name: string) => `${name}：前面的准备已经做好，按“例子的下一步”。`,
  moved: (p: number, from: PState, to: PState, e: PEvent, cores: number, c?: number, call?: Call): string => {
    const head = `${P(p)}：${STATE[from]} → ${STATE[to]}。`;
    const where = c === undefined ? '' : core(c, cores);
    const why: Record<PEvent, string> = {
      admit: '创建完成，它进入就绪队列；什么时候运行，要等调度程序选中它。',
      dispatch: `调度程序选中了它：它在 ${where} 上运行。`,
      timeout: `时钟中断，它的时间片用完了：内核把 ${where} 收回（抢占），它回到就绪队列。`,
      yield: `它主动让出 ${where}，回到就绪队列。`,
      recv: `它调用 recv()，数据还没到：调用阻塞，${where} 空出来给别的进程。`,
      input: `它调用 input()，用户还没输入：调用阻塞，${where} 空出来给别的进程。`,
      sleep: `它调用 time.sleep(1)：这不是 I/O，但同样是阻塞调用；${where} 空出来给别的进程。`,
      accept: `它调用 accept()，还没有客户端连上来：调用阻塞，${where} 空出来给别的进程。`,
      wake: `${call ? `${call}() 等的${WAKE[call]}` : '等的事件发生了'}：它回到就绪态，而不是直接运行；要排队等调度程序选中它。`,
      exit: `它结束了，${where} 空了出来。它的退出状态要等父进程的 wait()（Python 里是 join()）来取；在那之前它是僵尸进程，/proc 里显示 Z。`,
    };
    return `${head}${why[e]}`;
  },
  refused: (p: number, from: PState, to: PState | undefined, reason: Refusal, cores: number, busy: number[] = []): string => {
    const head = to && to !== from ? `不行：${P(p)} 是${STATE[from]}状态，没有${STATE[from]} → ${STATE[to]}这条边。` : `不行：${P(p)} 是${STATE[from]}状态。`;
    const why: Record<Refusal, string> = {
      ended: '终止就是终点，没有边从它出去。再运行一次程序，得到的是一个新进程。',
      'admit-first': '新建的进程要先进入就绪（新建 → 就绪），调度程序才能让它运行。',
      'blocked-running': '等的事情发生后，它回到就绪，不会直接去运行：这时 CPU 上多半正跑着别的进程，下一个轮到谁由调度程序决定。先“等的事件发生了”，再调度。',
      'already-running': '它已经在运行了。',
      'already-admitted': '只有新建的进程才需要这一步，它早就进入过就绪了。',
      'not-running': '只有正在运行的进程在执行代码，所以只有它能发出调用、主动让出、被时钟中断或者退出。',
      'not-blocked': '它没有在等任何事情。',
      'core-busy': `就绪 → 运行是合法的边，但${cores === 1 ? ` CPU 正忙：${P(busy[0]!)} 在上面运行` : `两个核都忙：${busy.map(P).join(' 和 ')} 在上面运行`}。一个核同一时刻只能跑一个进程：正在运行的进程要么自己发出阻塞调用或退出，要么被时钟中断换下，核才会空出来。`,
    };
    return reason === 'core-busy' ? `不行：${why[reason]}` : `${head}${why[reason]}`;
  },
};
