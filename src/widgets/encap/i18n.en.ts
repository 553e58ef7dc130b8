// The encapsulation widget's English words (the build-time still and the live widget). 中文：i18n.zh.ts.
export const text = {
  title: 'Encapsulation: a message wrapped layer by layer into an Ethernet frame',
  layer: { application: 'Application', transport: 'Transport', network: 'Network', link: 'Data link', physical: 'Physical' },
  unit: { message: 'message', segment: 'segment', datagram: 'datagram', packet: 'packet', frame: 'frame', bits: 'bits' },
  part: {
    data: 'data',
    tcp: 'TCP header',
    udp: 'UDP header',
    ip: 'IPv4 header',
    eth: 'Ethernet header',
    pad: 'padding',
    fcs: 'FCS',
    pre: 'preamble+SFD',
    ifg: 'gap',
    inner: '',
  },
  bytes: (n: number) => `${n} B`,
  row: (layer: string, unit: string, n: number) => `${layer}: ${unit}, ${n} B`,
  gapNote: '(idle, not part of the frame)',
  picture: (unit: string, n: number) => `Encapsulation: now a ${unit} of ${n} bytes`,
  message: 'Message',
  messageHint: 'Type the text to send (counted in UTF-8 bytes), or a byte count such as 1460',
  transport: 'Transport protocol',
  timestamps: 'TCP with the timestamps option (Linux default, a 32-byte header)',
  presets: 'Examples',
  preset: { hello: 'hello (5 bytes)', noPad: '26 bytes: just no padding', full: '1460 bytes: a full frame', chinese: 'Chinese 你好' },
  step: {
    application: (n: number, text: string) => `Application layer: the message${text}, ${n} bytes. These are the bytes the program hands to sendall(), with no header yet.`,
    transport: (o: { tcp: boolean; h: number; total: number; inner: number; ts: boolean }) =>
      o.tcp
        ? `Transport layer: a ${o.h}-byte TCP header${o.ts ? ' (20 fixed bytes + 12 bytes of timestamps option)' : ' (ports, sequence and acknowledgment numbers, flags, window, checksum)'} makes a ${o.total}-byte segment.`
        : `Transport layer: an 8-byte UDP header (source port, destination port, length, checksum) makes a ${o.total}-byte datagram.`,
    network: (total: number, inner: number) => `Network layer: a 20-byte IPv4 header (source and destination IP, TTL, protocol …) makes a ${total}-byte packet; the header's Total Length field says ${total}.`,
    link: (o: { packet: number; pad: number; total: number }) =>
      o.pad
        ? `Data link layer: a 14-byte Ethernet header (destination MAC, source MAC, type) and a 4-byte FCS. The ${o.packet}-byte payload is under 46, so ${o.pad} byte${o.pad === 1 ? '' : 's'} of padding go in: a ${o.total}-byte frame (64 is the minimum).`
        : `Data link layer: a 14-byte Ethernet header (destination MAC, source MAC, type) and a 4-byte FCS. The ${o.packet}-byte payload is at least 46, so no padding: a ${o.total}-byte frame.`,
    physical: (o: { frame: number; wire: number; data: number; pct: string }) =>
      `Physical layer: 8 bytes of preamble and SFD go before the frame, and at least 12 byte times of gap after it. The frame takes ${o.wire} byte times on the wire, of which the message is ${o.data} bytes: ${o.pct}%.`,
  },

  quoted: (s: string) => ` "${s}"`,
  count: '',
  error: {
    'not-a-count': 'Type some text, or a whole number of bytes (0 or more).',
    'too-big': (max: number, tcp: boolean) =>
      tcp
        ? `More than the ${max} bytes one frame carries (the MSS): TCP would cut it into several segments, each wrapped on its own. This draws one frame: try a smaller message.`
        : `More than the ${max} bytes one frame carries: IP would fragment this datagram. This draws one frame: try a smaller message.`,
  },
  notice: 'The state in this link could not be read; starting from the default hello.',
  stillNote: 'Default: TCP sends the 5 bytes hello, wrapped by IPv4 and Ethernet (static version).',
};
