// socketserver 时间线的中文文字（i18n.ts 把它和 i18n.en.ts 配成一对；中文包用本文件替换
// i18n.en.ts，所以两个文件导出同样的名字）。
const s = (ticks: number) => `${(ticks / 10).toFixed(1)} 秒`;
const who = (cs: number[]) => `客户端 ${cs.join('、')}`;
export const text = {
  title: 'socketserver 时间线：一个接一个，还是同时',
  settings: '设置',
  preset: '场景',
  presets: { 'io-tcp': 'I/O 型 · TCPServer', 'io-threading': 'I/O 型 · ThreadingTCPServer', 'io-forking': 'I/O 型 · ForkingTCPServer', 'cpu-threading': '计算型 · ThreadingTCPServer', 'cpu-forking': '计算型 · ForkingTCPServer', custom: '自定义设置' } as Record<string, string>,
  server: '服务器',
  servers: { tcp: 'TCPServer', threading: 'ThreadingTCPServer', forking: 'ForkingTCPServer' } as Record<string, string>,
  work: '每个请求的活',
  works: { io: 'I/O（sleep、recv）', cpu: '计算（纯 Python）' } as Record<string, string>,
  clients: '客户端数',
  need: '每个要干（秒）',
  arrivals: '到达方式',
  arrivalModes: { together: '同时到达', apart: '每隔 0.1 秒一个' } as Record<string, string>,
  cores: 'CPU 核数',
  platform: '操作系统',
  platforms: { linux: 'Linux', macos: 'macOS', windows: 'Windows' } as Record<string, string>,
  noFork: 'Windows 上没有 ForkingTCPServer：Windows 没有 os.fork，socketserver 根本不定义这个类。',
  movedToThreads: 'Windows 没有 os.fork：已换成 ThreadingTCPServer。',
  gilNote: '多线程做计算：只有拿着 GIL 的线程在运行，CPython 每隔 5 毫秒请它让一次（sys.getswitchinterval()）。图里按 0.1 秒一格画出轮流的顺序。',
  tick: '一格 = 0.1 秒',
  chart: '谁在什么时候被服务',
  client: (i: number) => `客户端 ${i}`,
  bar: { backlog: '排队', io: 'sleep', cpu: '计算', gil: '等 GIL', core: '等核' } as Record<string, string>,
  state: {
    before: '还没来',
    backlog: '在 backlog 里排队',
    io: '被服务：在等 I/O',
    cpu: '正在 CPU 上计算',
    gil: '在等 GIL',
    core: '在等空闲的核',
    done: (t: number) => `${s(t)} 完成`,
  },
  now: (t: number) => s(t),
  begin: '第一个客户端还没连上来。点“下一步”。',
  arrive: (t: number, cs: number[], server: string) =>
    `${s(t)}：${who(cs)} 连上来。三次握手由内核完成${server === 'tcp' ? '，连接在 listen 的 backlog 里排队，等服务器调用 accept()。' : '。'}`,
  start: (t: number, cs: number[], server: string) =>
    `${s(t)}：服务器 accept ${who(cs)}，${server === 'tcp' ? '在它唯一的线程里自己执行 handle()。' : server === 'threading' ? '给每个连接开一个线程，handle() 在线程里执行。' : '给每个连接 fork 一个子进程，handle() 在子进程里执行。'}`,
  finish: (t: number, cs: number[]) => `${s(t)}：${who(cs)} 完成。`,
  total: (t: number) => `总共 ${s(t)}。`,
  finishes: '完成时间',
  finishLine: (i: number, t: number) => `客户端 ${i}：${s(t)}`,
} as const;
