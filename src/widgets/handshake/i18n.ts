// The handshake widget's words, zh and en. Narration is a set of templates whose {names} are filled
// from a step's note params (and a few values read off the step), so what is said comes from the
// model's trace; the keys of `n` are the model's note keys (plus a few variants, see view-text.ts).

export type Lang = 'zh' | 'en';

type Words = {
  title: string;
  intro: string;
  client: string;
  server: string;
  scenario: string;
  custom: string;
  presets: Record<string, string>;
  isnA: string;
  isnB: string;
  isnBad: string;
  tw: string;
  twRfc: string;
  twLinux: string;
  twOther: string;
  clock: string;
  clockNote: string;
  /** Pending deadlines, by Deadlines key. */
  retransmit: string;
  timeWait: string;
  idle: string;
  segs: string;
  lose: string;
  lost: string;
  loseBad: string;
  failed: string;
  seqImg: string;
  figImg: string;
  /** Timer rows of the time-sequence diagram. */
  tm: Record<string, string>;
  /** Narration, by note key, effect key and outcome. */
  n: Record<string, string>;
};

const zh: Words = {
  title: 'TCP 连接的一生：三次握手、传数据、四次挥手（RFC 9293）',
  intro: '默认场景（静态版本）：A（客户端）连接 B（服务器），发送 “hello”，然后 A 先关闭。',
  client: 'A（客户端）',
  server: 'B（服务器）',
  scenario: '场景',
  custom: '自定义（你改过的场景）',
  presets: {
    normal: '正常：握手、发送 hello、四次挥手',
    'piggyback-close': 'B 的 FIN 搭在 ACK 上（三次挥手）',
    'simultaneous-open': '同时打开（RFC 图 7）',
    'simultaneous-close': '同时关闭（RFC 图 13）',
    'server-closes-first': '服务器先关闭',
    'lost-syn': '第一个 SYN 丢失',
    'lost-handshake-ack': '握手的最后一个 ACK 丢失',
    'lost-data': '数据报文丢失',
    'lost-final-ack': '最后一个 ACK 丢失（TIME-WAIT 重新计时）',
    'syn-timeout': 'SYN 一再丢失，connect() 放弃',
    'rst-closed-port': '端口没有监听：RST，连接被拒绝',
    'linux-msl': 'Linux：TIME-WAIT 固定 60 秒',
    'time-wait-too-short': 'TIME-WAIT 太短：重发的 FIN 换来 RST',
  },
  isnA: 'A 的初始序号（ISN）',
  isnB: 'B 的初始序号（ISN）',
  isnBad: '请输入 0 到 4294967295 之间的整数（序号是 32 位的）。仍显示上一次有效的运行。',
  tw: 'TIME-WAIT 时长',
  twRfc: 'RFC：MSL = 2 分钟 → 等 4 分钟',
  twLinux: 'Linux：固定 60 秒',
  twOther: '本场景自己的 MSL（见下方计时）',
  clock: '模拟时间 t = {t} s',
  clockNote: '时间按比例加速，不用真的等',
  retransmit: '重传计时器：t = {at} s 到期（还有 {left} s）',
  timeWait: 'TIME-WAIT：还剩 {left} s（共 {total} s），t = {at} s 结束',
  idle: '没有计时器在走',
  segs: '这次运行的所有报文：任选一个让它丢失，从那里重新运行',
  lose: '丢掉第 {n} 个报文',
  lost: '丢失',
  loseBad: '不能这样丢包：最多丢 {max} 个报文，编号不超过 {top}。',
  failed: '这个场景无法运行（太长或无效），仍显示上一次的运行。',
  seqImg: '时序图：到这一步为止共 {n} 个报文。{cur}',
  figImg: 'RFC 9293 图 5 状态图：A 在 {a}，B 在 {b}。{e}',
  tm: {
    rto: '{S} 的重传计时器到期（RTO {rto} s）',
    'give-up': '{S} 放弃连接',
    'time-wait-expired': '{S} 的 TIME-WAIT（{waited} s）结束',
  },
  n: {
    time: 't = {t} s。',
    seg: '第 {n} 个报文，{X} → {Y}：{rfc}。',
    again: '{X} 把同一个报文再发一次（第 {retransmission} 次重传），序号不变，仍是 {seq}。',
    start: '开始前：A 处于 {a}，B 处于 {b}。',
    syn: '{X} 发出 SYN，请求建立连接（SYN 占用一个序号）。',
    'syn-ack': '{X} 确认 {Y} 的 SYN（ack = {ack}，对方的 ISN + 1），同时发出自己的 SYN。',
    'syn-ack-sim': '同时打开：{X} 再发一次自己的 SYN，这次同时确认 {Y} 的 SYN（RFC 9293 图 7）。',
    'handshake-ack': '{X} 确认 {Y} 的 SYN（ack = {ack}）；纯 ACK 不占序号。它一到达，三次握手就完成了。',
    data: '{X} 发送 {len} 字节数据，占用序号 {seq}–{last}。',
    'data-ack': '{X} 确认收到数据：ack = {ack}，即下一个期望收到的字节。',
    fin: '{X} 调用 close()，发出 FIN；FIN 占用一个序号（{seq}）。',
    'fin-pig': '{X} 收到 FIN 后立刻 close()：FIN 搭在 ACK 上，一个报文既确认 {Y} 的 FIN，又关闭自己的方向，挥手只要三个报文。',
    'fin-ack': '{X} 确认 {Y} 的 FIN（ack = {ack}）。',
    'dup-ack': '{X} 再次确认（ack = {ack}）：这个报文它已经收到过。',
    'rst-closed-port': '{X} 的这个端口上没有程序在监听：回复 RST。',
    'rst-no-connection': '{X} 已经没有这个连接了：回复 RST。',
    'rst-bad-ack': '确认号对不上：{X} 回复 RST。',
    rto: '{S} 的重传计时器到期（RTO = {rto} s，第 {attempt} 次）：重发还没被确认的报文，RTO 加倍。',
    'give-up': '{S} 已重传 {retransmissions} 次仍无回应：放弃连接，回到 CLOSED。对方不会得到任何通知；如果它已经建立了连接，就成了一条半开连接。',
    'time-wait-expired': '{S} 在 TIME-WAIT 等满了 {waited} s：这条连接的旧报文都已在网络中消失，回到 CLOSED，连接彻底结束。',
    arrive: '第 {n} 个报文到达 {Y}。',
    lostT: '这个报文在途中丢失了。{X} 的重传计时器会在 t = {d} s 到期。',
    lostN: '这个报文在途中丢失了。纯 ACK 没有重传计时器，只能等 {Y} 超时重发。',
    edge: '{S}：{from} → {to}（{ev}）。',
    same: '状态不变：A {a}，B {b}。',
    'time-wait-restart': '{S} 在 TIME-WAIT 中又收到 FIN：再次确认，并把 TIME-WAIT 计时器重新开始（到 t = {until} s）。',
    duplicate: '{S} 收到的是重复的报文。',
    reset: '{S} 接受 RST：连接被重置（Python 程序此时再 recv() 或 send() 会得到 ConnectionResetError）。',
    refused: '连接被拒绝（Python 里 connect() 抛出 ConnectionRefusedError）。',
    listen: '{S} 回到 LISTEN，继续等新连接。',
    ignored: '{S} 丢弃它，不回应。',
  },
};

const en: Words = {
  title: "A TCP connection's life: handshake, data, close (RFC 9293)",
  intro: 'The default run (static version): A (client) connects to B (server), sends "hello", then A closes first.',
  client: 'A (client)',
  server: 'B (server)',
  scenario: 'Scenario',
  custom: 'Custom (your changes)',
  presets: {
    normal: 'Normal: handshake, "hello", four-segment close',
    'piggyback-close': "B's FIN rides on its ACK (three-segment close)",
    'simultaneous-open': 'Simultaneous open (RFC Figure 7)',
    'simultaneous-close': 'Simultaneous close (RFC Figure 13)',
    'server-closes-first': 'The server closes first',
    'lost-syn': 'The first SYN is lost',
    'lost-handshake-ack': "The handshake's last ACK is lost",
    'lost-data': 'The data segment is lost',
    'lost-final-ack': 'The final ACK is lost (TIME-WAIT restarts)',
    'syn-timeout': 'Every SYN is lost: connect() gives up',
    'rst-closed-port': 'Nobody listens: RST, connection refused',
    'linux-msl': 'Linux: TIME-WAIT is a fixed 60 s',
    'time-wait-too-short': 'TIME-WAIT too short: the resent FIN draws a RST',
  },
  isnA: "A's initial sequence number (ISN)",
  isnB: "B's initial sequence number (ISN)",
  isnBad: 'Enter a whole number from 0 to 4294967295 (sequence numbers are 32-bit). The last valid run stays.',
  tw: 'TIME-WAIT length',
  twRfc: 'RFC: MSL = 2 min → wait 4 min',
  twLinux: 'Linux: a fixed 60 s',
  twOther: "This scenario's own MSL (see the timers below)",
  clock: 'Simulated time t = {t} s',
  clockNote: 'time runs accelerated: no real waiting',
  retransmit: 'Retransmission timer: fires at t = {at} s (in {left} s)',
  timeWait: 'TIME-WAIT: {left} s left (of {total} s), ends at t = {at} s',
  idle: 'No timer running',
  segs: 'Every segment of this run: lose any one and the run replays from there',
  lose: 'Lose segment {n}',
  lost: 'lost',
  loseBad: 'Cannot lose that: at most {max} segments, numbered up to {top}.',
  failed: 'This scenario cannot run (too long or invalid); the last run stays.',
  seqImg: 'Time-sequence diagram: {n} segments so far. {cur}',
  figImg: 'RFC 9293 Figure 5 state diagram: A is in {a}, B is in {b}. {e}',
  tm: {
    rto: "{S}'s retransmission timer fires (RTO {rto} s)",
    'give-up': '{S} gives up',
    'time-wait-expired': "{S}'s TIME-WAIT ({waited} s) is over",
  },
  n: {
    time: 't = {t} s. ',
    seg: 'Segment {n}, {X} → {Y}: {rfc}. ',
    again: '{X} sends the same segment again (retransmission number {retransmission}), with the same sequence number, {seq}. ',
    start: 'Before anything is sent: A is {a}, B is {b}. ',
    syn: '{X} sends a SYN to open the connection (a SYN uses one sequence number). ',
    'syn-ack': "{X} acknowledges {Y}'s SYN (ack = {ack}, the ISN + 1) and sends its own SYN. ",
    'syn-ack-sim': "Simultaneous open: {X} sends its SYN again, now also acknowledging {Y}'s SYN (RFC 9293 Figure 7). ",
    'handshake-ack': "{X} acknowledges {Y}'s SYN (ack = {ack}); a pure ACK uses no sequence number. Once it arrives, the three-way handshake is complete. ",
    data: '{X} sends {len} bytes of data, sequence numbers {seq}–{last}. ',
    'data-ack': '{X} acknowledges the data: ack = {ack}, the next byte it expects. ',
    fin: '{X} calls close() and sends a FIN; a FIN uses one sequence number ({seq}). ',
    'fin-pig': "{X} closes as soon as the FIN arrives, so its FIN rides on the ACK of {Y}'s FIN: a three-segment close. ",
    'fin-ack': "{X} acknowledges {Y}'s FIN (ack = {ack}). ",
    'dup-ack': '{X} acknowledges again (ack = {ack}): it has had that segment before. ',
    'rst-closed-port': "Nobody listens on {X}'s port: it answers with a RST. ",
    'rst-no-connection': '{X} has no such connection any more: it answers with a RST. ',
    'rst-bad-ack': 'The acknowledgment does not fit: {X} answers with a RST. ',
    rto: "{S}'s retransmission timer fires (RTO = {rto} s, attempt {attempt}): it resends the unacknowledged segment and doubles the RTO. ",
    'give-up': '{S} has retransmitted {retransmissions} times with no answer: it gives up and goes to CLOSED. Nobody tells the other end; if it had the connection open, it is now half-open. ',
    'time-wait-expired': "{S} has waited {waited} s in TIME-WAIT: the connection's old segments have died out in the network. Back to CLOSED: the connection is over. ",
    arrive: 'Segment {n} arrives at {Y}. ',
    lostT: "The segment is lost on the way. {X}'s retransmission timer will fire at t = {d} s. ",
    lostN: 'The segment is lost on the way. A pure ACK has no retransmission timer: only a resend from {Y} can repair it. ',
    edge: '{S}: {from} → {to} ({ev}). ',
    same: 'No state changes: A {a}, B {b}. ',
    'time-wait-restart': '{S} gets a FIN again in TIME-WAIT: it acknowledges it and restarts the TIME-WAIT timer (now until t = {until} s). ',
    duplicate: '{S} has seen this segment before. ',
    reset: '{S} accepts the RST: the connection is reset (a Python recv() or send() on it now raises ConnectionResetError). ',
    refused: 'The connection is refused (Python: connect() raises ConnectionRefusedError). ',
    listen: '{S} goes back to LISTEN for new connections. ',
    ignored: '{S} drops it without an answer. ',
  },
};

export const handshakeText: Record<Lang, Words> = { zh, en };
export type HandshakeText = Words;
/** What the live widget reads from the page (the rest is already in its template's markup). */
export type LiveText = Omit<
  Words,
  'title' | 'intro' | 'scenario' | 'custom' | 'presets' | 'isnA' | 'isnB' | 'tw' | 'twRfc' | 'twLinux' | 'twOther' | 'clock' | 'clockNote' | 'segs'
>;

/** A template with its {names} filled in; a missing name becomes the empty string. */
export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
