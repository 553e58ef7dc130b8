// 录到的场景的中文（recorded.ts；英文版本加载 i18n.en.ts）。只随 recorded.ts 在读者选中录制时下载。
import type { RecordedText } from '../recorded.ts';

export const words: RecordedText = {
  on: '在 Linux {kernel}、Python {python} 上、回环接口（lo）里录到的：运行 `{cmd}` 时真实发出的报文。时间是内核记录的，单位 ms，从 SYN 算起；seq 和 ack 从各自的 ISN 起算。',
  start: '还没有发送任何报文：A 处于 CLOSED，B 处于 LISTEN（服务器已调用 listen()）。',
  startClosed: '还没有发送任何报文：A 处于 CLOSED。B 这边的端口已经绑定，但没有人对它调用 listen()，那里没有处于 LISTEN 的套接字：对 TCP 来说，这个端口就是 CLOSED。',
  noListen: '端口 {port}，无监听',
  time: 't = {ms} ms。',
  seg: '报文 {n}，{X} → {Y}：{flags}，seq {seq}{ack}，数据 {len} 字节。',
  syn: '{X} 调用 connect()，发出 SYN。和教科书里的运行不同，这个 SYN 带着选项：MSS {mss}、允许 SACK、时间戳、窗口缩放 {ws}（窗口字段以 2^{ws} 字节为单位）。',
  synack: '{X} 回以 SYN,ACK（ack = ISN + 1），并提出同样的选项。MSS {mss} 正是回环接口放得下的：它的 MTU 是 65535 字节，减去 20 字节 IP 首部和 20 字节 TCP 首部（65535 − 40）。双方都同意用时间戳，之后每个报文都带 12 字节的时间戳选项，所以一个满载的报文能装 {data} 字节数据。',
  hsack: '{X} 确认 {Y} 的 SYN（ack {ack}）：三次握手完成，和教科书一样是三个报文，离 SYN 发出 {ms} ms。',
  data: '{X} 发出 {len} 字节（seq {seq}–{last}），带 PSH：一次 sendall()，一个报文。',
  quick: '{X} 在 {dt} ms 后单独发一个报文确认它们（ack {ack}），尽管它自己的数据 {dt2} ms 后就要发出、本可以捎带这个 ACK：连接刚建立时 Linux 不推迟 ACK（quick ACK 模式），所以这个 ACK 单独发出。',
  ack: '{X} 确认数据（ack {ack}）。',
  fin: '{X} 调用 close()，发出 FIN（ACK 标志也是置位的，SYN 之后的每个报文都这样）。',
  fin2: "{X} 一从 recv() 读到 b''（数据流结束）就调用 close()，所以它的 FIN 同时确认了 {Y} 的 FIN（ack {ack}）：挥手只用了 3 个报文，不是教科书上的 4 个。{X} 经过 CLOSE-WAIT 立即进入 LAST-ACK；{Y} 在一个报文里既收到对自己 FIN 的确认、又收到 {X} 的 FIN，从 FIN-WAIT-1 直接进入 TIME-WAIT。",
  last: '{X} 确认 {Y} 的 FIN（ack {ack}）。{Y} 进入 CLOSED；{X} 留在 TIME-WAIT（Linux 上是 60 秒）。',
  rst: '{X} 的内核发现这个端口上没有监听的套接字，{dt} ms 后就回了 RST,ACK：seq 为 0，ack {ack} 等于 SYN 的序号加 1，这样 {Y} 才会接受这个复位（RFC 9293 §3.10.7.1）。{X} 这边没有任何程序见过这个 SYN。{Y} 的 connect() 抛出 ConnectionRefusedError（[Errno 111] Connection refused），echo_client.py 以退出码 {code} 结束。',
  procTw: '刚关闭之后，/proc/net/tcp 里服务端这一侧是这样一行：{line}。本地端口写成十六进制是 {hex}，也就是 {port}；状态 {st} 就是 TIME_WAIT；计时器 {tr}（TIME-WAIT 计时器）还剩 {left} 秒，正是 Linux 固定的 60 秒。在它到期之前，服务器不设 SO_REUSEADDR 就重新绑定这个端口，会得到 EADDRINUSE（见第 4 章的 TIME-WAIT 一节）。',
  up0: '这正是第 6 章讲的帧的前半部分：4 字节长度前缀，加上 {json} 字节的 JSON 报头（file_name、file_size、md5），由 pack_header() 拼成。',
  up1: '服务端的回答 {"ok": true}：4 字节前缀加 {json} 字节 JSON。报头检查通过，可以发正文了。',
  up2: '正文：文件的 {size} 字节。文件比 CHUNK（64 KiB）小，读一次就读完；服务端的 recv() 循环每次只要还缺的那些字节。',
  up3: '服务端的最终答复：4 字节前缀加 {json} 字节 JSON（saved_as、size、md5）。upload() 用 recv_header() 读到它，然后等服务端先关。',
};
