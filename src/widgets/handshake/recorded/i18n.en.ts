// The recorded scenario's words in English (recorded.ts; the zh bundle loads i18n.zh.ts instead).
// Only fetched with recorded.ts, when the reader picks the recording.
import type { RecordedText } from '../recorded.ts';

export const words: RecordedText = {
  on: 'Recorded on Linux {kernel}, Python {python}, on the loopback interface (lo): the real segments of `{cmd}`. Times are the kernel\'s, in ms after the SYN; seq and ack count from each side\'s ISN. ',
  start: 'Before anything is sent: A is CLOSED, B is LISTEN (the server called listen()). ',
  startClosed: "Before anything is sent: A is CLOSED. On B's side the port is bound, but nobody called listen() on it, so no socket there is in LISTEN: as far as TCP is concerned, the port is CLOSED. ",
  noListen: 'port {port}, closed',
  time: 't = {ms} ms. ',
  seg: 'Segment {n}, {X} → {Y}: {flags}, seq {seq}{ack}, {len} bytes of data. ',
  syn: '{X} calls connect() and sends its SYN. Unlike the textbook run, the SYN carries options: MSS {mss}, SACK permitted, timestamps and window scale {ws} (the window field counts in units of 2^{ws} bytes). ',
  synack: '{X} answers with SYN,ACK (ack = ISN + 1) and offers the same options. MSS {mss} is what fits on loopback: its MTU is 65,535 bytes, less 20 bytes of IP header and 20 of TCP header (65,535 − 40). Both sides agreed on timestamps, so every later segment carries 12 bytes of timestamp option and a full segment holds {data} bytes of data. ',
  hsack: "{X} acknowledges {Y}'s SYN (ack {ack}): the three-way handshake is done, as in the textbook, {ms} ms after the SYN. ",
  data: '{X} sends {len} bytes (seq {seq}–{last}) with PSH: one sendall(), one segment. ',
  quick: "{X} acknowledges them (ack {ack}) {dt} ms later in a segment of its own, although its own data follows {dt2} ms after and could have carried the ACK: early in a connection Linux does not delay ACKs (quick-ACK mode), so this ACK goes out alone. ",
  ack: '{X} acknowledges the data (ack {ack}). ',
  fin: '{X} calls close() and sends its FIN (the ACK flag is on, as on every segment after the SYN). ',
  fin2: "{X} calls close() as soon as recv() returns b'' (the end of the stream), so its FIN carries the ACK of {Y}'s FIN (ack {ack}): the close takes 3 segments, not the textbook's 4. {X} passes through CLOSE-WAIT into LAST-ACK at once; {Y} gets its FIN acknowledged and {X}'s FIN in one segment and goes from FIN-WAIT-1 straight to TIME-WAIT. ",
  last: "{X} acknowledges {Y}'s FIN (ack {ack}). {Y} is CLOSED; {X} stays in TIME-WAIT (60 s on Linux). ",
  rst: "{X}'s kernel finds no socket listening on the port and answers {dt} ms later with RST,ACK: seq 0, and ack {ack}, the SYN's sequence number + 1, so that {Y} accepts the reset (RFC 9293 §3.10.7.1). No program on {X}'s side ever saw the SYN. {Y}'s connect() raises ConnectionRefusedError ([Errno 111] Connection refused), and echo_client.py exits with code {code}. ",
  procTw: " Right after the close, /proc/net/tcp has this row for the server's side: {line}. Its local port, {hex} in hex, is {port}; state {st} is TIME_WAIT, and timer {tr} (the TIME-WAIT timer) has {left} s left: Linux's fixed 60 s. Until it runs out, a server that binds this port again without SO_REUSEADDR gets EADDRINUSE (chapter 4, TIME-WAIT).",
  up0: 'This is the first part of a chapter 6 frame: the 4-byte length prefix, then {json} bytes of JSON header (file_name, file_size, md5), built by pack_header(). ',
  up1: 'The server\'s answer {"ok": true}: a 4-byte prefix and {json} bytes of JSON. The header passed its checks, so the body may come. ',
  up2: "The body: the file's {size} bytes. The file is smaller than CHUNK (64 KiB), so one read takes it all; the server's recv() loop asks for exactly the bytes still missing. ",
  up3: "The server's final reply: a 4-byte prefix and {json} bytes of JSON (saved_as, size, md5). upload() reads it with recv_header(), then waits for the server to close first. ",
};
