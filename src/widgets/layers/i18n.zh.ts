// 分层练习（W1）的中文文字。English: i18n.en.ts, the same keys.
import type { BandKey, CloseWhy, ModelId, Proto } from './model.ts';

const P: Record<Proto, string> = { ethernet: '以太网', arp: 'ARP', ip: 'IP', tcp: 'TCP', udp: 'UDP', http: 'HTTP', ftp: 'FTP' };

export const text = {
  title: '分层练习：七个协议各在哪一层',
  proto: P,
  model: { osi: 'OSI 七层', five: '教学五层', tcpip: 'TCP/IP 四层' } as Record<ModelId, string>,
  band: (model: ModelId, key: BandKey): string =>
    key === 'link' ? (model === 'tcpip' ? '链路层' : '数据链路层') : { application: '应用层', presentation: '表示层', session: '会话层', transport: '传输层', network: '网络层', internet: '网际层', physical: '物理层' }[key],
  unit: { message: '报文', segment: '报文段/数据报', packet: '分组', frame: '帧', bits: '比特' },
  words: { right: '对', close: '接近', wrong: '不对' },
  hint: '先点一个协议（也可以直接拖），再点它该去的那一层。放下就告诉你对不对、为什么。',
  fill: '正在填',
  tray: '还没放的协议',
  trayDone: '这一列都放好了。换一列试试？',
  putBack: '放回去',
  answers: '看答案',
  clear: '清空这一列',
  copy: '复制这个状态的链接',
  target: { pre: '放到', post: (col: string) => `（${col}）` },
  stillNote: '下面是答案：三种模型并排，各层对齐，每个协议放在它所在的层。ARP 是虚线框：它直接装在以太网帧里，不装在 IP 里。',
  picked: (p: string) => `拿起了 ${p}，现在点一层把它放下（Esc 取消）。`,
  pickedFrom: (p: string, band: string) => `拿起了 ${p}（原来在${band}），点一层换个位置，或者点“放回去”。`,
  dropped: '放下了。',
  back: (p: string) => `${p} 放回去了。`,
  noPick: '先选一个协议。',
  column: (col: string) => `现在填${col}。`,
  about: {
    ethernet: '以太网规定帧的格式和 MAC 地址，也规定网线上的信号，所以它同时占数据链路层和物理层，数据直接变成线上的比特。',
    arp: 'ARP 用 IP 地址问出对方的 MAC 地址。它的消息直接装在以太网帧里（类型字段 0x0806），没有 IP 首部，也不过路由器。',
    ip: 'IP 给主机编地址，把分组一跳一跳送过不同的网络。它装在以太网帧里（类型字段 0x0800）。',
    tcp: 'TCP 装在 IP 分组里（协议号 6），用端口把字节流交给某个程序，并负责可靠、按序送到。',
    udp: 'UDP 也装在 IP 分组里（协议号 17），同样用端口区分程序，但不重传、不保证送到。',
    http: 'HTTP 是浏览器和网站之间的约定，装在 TCP 里（端口 80）；HTTP/3 改走 UDP 上的 QUIC。',
    ftp: 'FTP 用来传文件，装在 TCP 里（控制连接用端口 21）。它是明文的，今天多用 SFTP 或 FTPS。',
  } as Record<Proto, string>,
  right: (p: string, band: string, about: string) => `${p} 放在${band}：对。${about}`,
  close: (why: CloseWhy, p: string, band: string, home: string) =>
    why === 'arp-network'
      ? `${p} 放在${band}：说得通，但本课程不这么算。ARP 为 IP 服务，所以有的教材把它放进网络层；可它的消息直接装在以太网帧里（类型 0x0806），不装在 IP 里。本课程把它算作${home}的辅助协议。`
      : `${p} 放在${band}：接近。会话层、表示层管的事，TCP/IP 都交给应用程序自己做；按 OSI 的分法，${p} 在第 7 层${home}。`,
  wrong: (p: string, band: string, about: string, home: string) => `${p} 放在${band}：不对，它在${home}。${about}`,
  score: (col: string, s: { placed: number; right: number; close: number; wrong: number }) =>
    s.placed === 0
      ? `${col}：还没放。`
      : s.right === 7
        ? `${col}：7 个全对！`
        : `${col}：放了 ${s.placed} 个，对 ${s.right} 个${s.close ? `，接近 ${s.close} 个` : ''}${s.wrong ? `，不对 ${s.wrong} 个` : ''}。`,
  shown: (col: string) => `${col}的答案都放好了。点任何一个协议，能看到它为什么在那里。`,
  cleared: (col: string) => `${col}清空了，协议都回到上面。`,
  why: '为什么',
  start: '七个协议都在上面，先放进教学五层吧。',
};
