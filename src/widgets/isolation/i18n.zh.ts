// 隔离与共享实验的中文文字（i18n.ts 把它和 i18n.en.ts 配成一对；中文包用它代替 i18n.en.ts，
// 所以两个文件导出同样的名字）。
const methodSaid: Record<string, string> = {
  fork: '用 fork 启动，子进程是父进程此刻的一份拷贝',
  spawn: '用 spawn 启动，新的解释器重新导入模块（不是作为 __main__），n = 100 又执行了一遍',
  forkserver: '用 forkserver 启动，子进程是从服务进程 fork 出来的，而服务进程自己导入过模块',
};
export const text = {
  title: '隔离与共享：一个子进程、一个线程和同一个全局变量 n',
  settings: '设置',
  worker: '讲解',
  workers: { process: 'Process（进程）', thread: 'Thread（线程）' } as Record<string, string>,
  method: '启动方式',
  before: 'start() 之前的 n',
  badBefore: 'n 要是 −1000000 到 1000000 之间的整数。这次运行没有改变。',
  picture: '这一步的内存：一边是进程，一边是线程',
  processes: '两个进程：各有一个地址空间',
  threads: '一个进程、两个线程：一个地址空间',
  focus: '（下面讲这一边）',
  space: { parent: '父进程', child: '子进程', process: '这个进程' } as Record<string, string>,
  code: '代码',
  globals: '全局变量',
  heap: '堆',
  stackOf: (who: string) => `栈：${who}`,
  stacks: '栈',
  stack: { main: '主线程', thread: '子线程' } as Record<string, string>,
  origin: { 'cow-copy': '父进程的拷贝（fork）', 're-import': '重新导入了模块' } as Record<string, string>,
  exited: '子进程：已退出，内存已释放',
  ended: '子线程：已结束',
  n: (v: number) => `n = ${v}`,
  printed: (v: number) => `print(n) → ${v}`,
  begin: (v: number) => `父进程执行完模块代码：它的全局变量 n 是 ${v}。别的还没开始运行。`,
  start: (worker: string, method: string, n: number) =>
    worker === 'thread'
      ? `t.start()：子线程在同一个进程里运行。它有自己的栈，全局变量却是进程的：只有一个 n，值是 ${n}。`
      : `p.start()：${methodSaid[method]}，所以子进程的 n 从 ${n} 开始。两个地址空间，两个互不相干的 n。`,
  write: (worker: string, before: number) =>
    worker === 'thread'
      ? '子线程执行 global n; n = 0。n 只有一个：现在是 0，主线程看到的也是 0。'
      : `子进程执行 global n; n = 0。它改的是自己的 n；父进程的 n 还是 ${before}。`,
  join: (worker: string) =>
    worker === 'thread'
      ? 't.join()：子线程结束了，它的栈没了。全局变量还在，n = 0。'
      : 'p.join()：子进程退出了。它的地址空间没了，那个 n = 0 也跟着没了。',
  print: (worker: string, v: number) =>
    worker === 'thread' ? `主线程打印 ${v}：子线程改的正是它们共用的那个 n。` : `父进程打印 ${v}：这是它自己的 n，子进程从来没碰过。`,
} as const;
