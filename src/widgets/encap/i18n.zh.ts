// 封装演示的中文文字（构建时的静态图和运行时的部件共用）。English: i18n.en.ts, the same keys.
export const text = {
  title: '封装：一条消息怎样一层层装进以太网帧',
  layer: { application: '应用层', transport: '传输层', network: '网络层', link: '数据链路层', physical: '物理层' },
  unit: { message: '消息', segment: '报文段', datagram: '数据报', packet: '分组', frame: '帧', bits: '比特' },
  part: {
    data: '数据',
    tcp: 'TCP 首部',
    udp: 'UDP 首部',
    ip: 'IPv4 首部',
    eth: '以太网首部',
    pad: '填充',
    fcs: 'FCS',
    pre: '前导码+SFD',
    ifg: '帧间隔',
    inner: '',
  },
  bytes: (n: number) => `${n} 字节`,
  row: (layer: string, unit: string, n: number) => `${layer} · ${unit} ${n} 字节`,
  gapNote: '（空闲，不算进帧）',
  picture: (unit: string, n: number) => `封装示意：现在是${unit}，共 ${n} 字节`,
  message: '消息',
  messageHint: '输入要发送的文字（按 UTF-8 计字节），或者一个字节数，如 1460',
  transport: '传输层协议',
  timestamps: 'TCP 带时间戳选项（Linux 默认，首部 32 字节）',
  presets: '例子',
  preset: { hello: 'hello（5 字节）', noPad: '26 字节：刚好不用填充', full: '1460 字节：装满一帧', chinese: '中文“你好”' },
  step: {
    application: (n: number, text: string) => `应用层：要发送的消息${text}，${n} 字节。这就是程序交给 sendall() 的字节，还没有任何首部。`,
    transport: (o: { tcp: boolean; h: number; total: number; inner: number; ts: boolean }) =>
      o.tcp
        ? `传输层：加上 ${o.h} 字节 TCP 首部${o.ts ? '（20 字节固定部分 + 12 字节时间戳选项）' : '（端口、序号、确认号、标志、窗口、校验和）'}，成为 ${o.total} 字节的报文段（segment）。`
        : `传输层：加上 8 字节 UDP 首部（源端口、目的端口、长度、校验和），成为 ${o.total} 字节的数据报（datagram）。`,
    network: (total: number, inner: number) => `网络层：加上 20 字节 IPv4 首部（源 IP、目的 IP、TTL、协议号……），成为 ${total} 字节的分组；首部的“总长度”字段写的就是 ${total}。`,
    link: (o: { packet: number; pad: number; total: number }) =>
      o.pad
        ? `数据链路层：加上 14 字节以太网首部（目的 MAC、源 MAC、类型）和 4 字节 FCS。载荷 ${o.packet} 字节不到 46，补 ${o.pad} 字节填充，帧长 ${o.total} 字节（最短就是 64）。`
        : `数据链路层：加上 14 字节以太网首部（目的 MAC、源 MAC、类型）和 4 字节 FCS。载荷 ${o.packet} 字节已经够 46，不用填充，帧长 ${o.total} 字节。`,
    physical: (o: { frame: number; wire: number; data: number; pct: string }) =>
      `物理层：帧前加 8 字节前导码和 SFD，帧后至少空 12 字节时间的间隔。这一帧在线路上占 ${o.wire} 个字节的时间，其中消息 ${o.data} 字节，占 ${o.pct}%。`,
  },

  quoted: (s: string) => `“${s}”`,
  count: '',
  error: {
    'not-a-count': '这里要填文字，或者一个不小于 0 的整数字节数。',
    'too-big': (max: number, tcp: boolean) =>
      tcp
        ? `超过一帧能装的 ${max} 字节（MSS）：TCP 会把它切成几个报文段，每段单独封装。这里只画一帧，请改小一点。`
        : `超过一帧能装的 ${max} 字节：IP 会把这个数据报分片。这里只画一帧，请改小一点。`,
  },
  notice: '链接里的状态读不懂，已从默认的 hello 开始。',
  stillNote: '默认：TCP 发送 5 字节 hello，经 IPv4 和以太网封装（静态版本）。',
};
