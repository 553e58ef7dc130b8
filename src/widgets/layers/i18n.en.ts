// The layer mapper's (W1) English words. 中文：i18n.zh.ts, the same keys.
import type { BandKey, CloseWhy, ModelId, Proto } from './model.ts';

const P: Record<Proto, string> = { ethernet: 'Ethernet', arp: 'ARP', ip: 'IP', tcp: 'TCP', udp: 'UDP', http: 'HTTP', ftp: 'FTP' };

export const text: typeof import('./i18n.zh.ts').text = {
  title: 'Layer mapper: where do seven protocols sit?',
  proto: P,
  model: { osi: 'OSI (7 layers)', five: 'Five-layer', tcpip: 'TCP/IP (4 layers)' },
  band: (model: ModelId, key: BandKey): string =>
    key === 'link' ? (model === 'tcpip' ? 'Link' : 'Data link') : { application: 'Application', presentation: 'Presentation', session: 'Session', transport: 'Transport', network: 'Network', internet: 'Internet', physical: 'Physical' }[key],
  unit: { message: 'message', segment: 'segment/datagram', packet: 'packet', frame: 'frame', bits: 'bits' },
  words: { right: 'right', close: 'close', wrong: 'wrong' },
  hint: 'Pick a protocol (or drag it), then pick the layer it belongs in. Each one you drop says whether it is right, and why.',
  fill: 'Filling',
  tray: 'Still to place',
  trayDone: 'This column is done. Try another one?',
  putBack: 'Put back',
  answers: 'Show answers',
  clear: 'Clear this column',
  copy: 'Copy a link to this state',
  target: { pre: 'Put it in ', post: (col: string) => ` (${col})` },
  stillNote: 'The answers: the three models side by side, layers lined up, each protocol in its layer. ARP has a dashed edge: it rides in Ethernet frames directly, not inside IP.',
  picked: (p: string) => `Picked up ${p}. Now pick a layer to drop it in (Esc cancels).`,
  pickedFrom: (p: string, band: string) => `Picked up ${p} (it was in ${band}). Pick a layer to move it, or Put back.`,
  dropped: 'Dropped.',
  back: (p: string) => `${p} is back on top.`,
  noPick: 'Pick a protocol first.',
  column: (col: string) => `Now filling ${col}.`,
  about: {
    ethernet: 'Ethernet defines the frame and MAC addresses, and also the signals on the cable, so it spans both the data link and the physical layer: its frames go straight onto the wire as bits.',
    arp: 'ARP asks for the MAC address that goes with an IP address. Its messages ride directly in Ethernet frames (type field 0x0806): no IP header, and no router ever forwards them.',
    ip: 'IP gives hosts addresses and carries packets hop by hop across networks. It rides in Ethernet frames (type field 0x0800).',
    tcp: 'TCP rides in IP packets (protocol 6), hands a byte stream to one program by port, and makes it reliable and in order.',
    udp: 'UDP rides in IP packets too (protocol 17) and tells programs apart by port, but it never retransmits and promises no delivery.',
    http: 'HTTP is what browsers and web servers agree on. It rides in TCP (port 80); HTTP/3 moves to QUIC over UDP.',
    ftp: 'FTP moves files and rides in TCP (port 21 for its control connection). It is plain text: today SFTP or FTPS is the choice.',
  },
  right: (p: string, band: string, about: string) => `${p} in ${band}: right. ${about}`,
  close: (why: CloseWhy, p: string, band: string, home: string) =>
    why === 'arp-network'
      ? `${p} in ${band}: defensible, but not how this course counts it. ARP serves IP, so some books put it in the network layer; but its messages ride in Ethernet frames directly (type 0x0806), not in IP. This course counts it as a helper of the ${home} layer.`
      : `${p} in ${band}: close. TCP/IP leaves the work of OSI's session and presentation layers to the application itself; in OSI's terms ${p} sits at layer 7, ${home}.`,
  wrong: (p: string, band: string, about: string, home: string) => `${p} in ${band}: wrong, it belongs in ${home}. ${about}`,
  score: (col: string, s: { placed: number; right: number; close: number; wrong: number }) =>
    s.placed === 0
      ? `${col}: nothing placed yet.`
      : s.right === 7
        ? `${col}: all 7 right!`
        : `${col}: ${s.placed} placed, ${s.right} right${s.close ? `, ${s.close} close` : ''}${s.wrong ? `, ${s.wrong} wrong` : ''}.`,
  shown: (col: string) => `${col} shows the answers. Pick any protocol to hear why it sits there.`,
  cleared: (col: string) => `${col} is cleared: every protocol is back on top.`,
  why: 'Why',
  start: 'The seven protocols are on top. Start with the five-layer model.',
};
