// The ports widget's words in English (i18n.ts pairs them with i18n.zh.ts; the English bundle
// carries only this one).
import type { PortClass, PortErrorKey } from './model.ts';

export const text = {
  title: 'Ports and the four-tuple',
  field: 'Port number (0–65535)',
  classWord: { system: 'system port', user: 'user port', dynamic: 'dynamic port' } satisfies Record<PortClass, string>,
  range: { system: 'system 0–1023', user: 'user 1024–49151', dynamic: 'dynamic 49152–65535' } satisfies Record<PortClass, string>,
  linux: 'Linux ephemeral 32768–60999',
  linuxWord: 'in Linux’s ephemeral range',
  lineLabel: (p: string) => `The ports 0 to 65535 on a line: IANA's three ranges and Linux's ephemeral range; ${p}`,
  markAt: (n: number) => `where port ${n} is`,
  classSays: {
    system: (n: number) => `${n} is a system port (0–1023, IANA's "well-known" ports): kept for standard services such as HTTP, SSH and DNS; on Unix-like systems binding it needs root or CAP_NET_BIND_SERVICE.`,
    user: (n: number) => `${n} is a user port (1024–49151, registrable with IANA): where your own services usually go.`,
    dynamic: (n: number) => `${n} is a dynamic port (49152–65535): never registered; IANA suggests systems pick ephemeral ports here.`,
  } satisfies Record<PortClass, (n: number) => string>,
  ephemeralYes: (n: number) => `${n} is in Linux's default ephemeral range 32768–60999: the kernel may hand it to a client's connect(), so a server had better not use it.`,
  ephemeralNo: (n: number) => `${n} is outside Linux's default ephemeral range 32768–60999.`,
  known: { 22: 'SSH', 53: 'DNS (over UDP and TCP)', 80: 'HTTP', 443: 'HTTPS (HTTP/3 uses UDP 443)', 3306: 'MySQL', 5000: "Flask's development server (since macOS 12 the AirPlay Receiver takes it too)", 6379: 'Redis', 8000: "Django's runserver" } as Record<number, string>,
  knownSays: (n: number, what: string) => `${n} is the default port of ${what}.`,
  error: (key: PortErrorKey, s: string): string =>
    ({
      empty: 'Type a port number, a whole number from 0 to 65535.',
      'not-number': `"${s}" is not a number. A port is a whole number from 0 to 65535.`,
      'not-integer': `${s} is not a whole number. A port is a 16-bit unsigned integer: no fractions.`,
      range: `${s} is out of range: a port is a 16-bit unsigned integer, 0 to 65535.`,
    })[key],
  kept: 'The line still shows the last valid port.',
  server: 'The server: one TCP socket listen()ing on 127.0.0.1:8000, and beside it a UDP socket bound to 127.0.0.1:8000.',
  connect: 'New client connect()',
  reset: 'Disconnect all',
  rebind: 'Bind a second TCP socket to 8000',
  maxed: (n: number) => `At most ${n} clients; enough to see the point.`,
  caption: "The server host's sockets (as ss -tuan lists them)",
  cols: ['Proto', 'Local address:port', 'Peer address:port', 'State'],
  marks: { added: 'added', changed: 'changed', removed: 'removed', head: 'This step' },
  distinct: (n: number) => (n === 0 ? 'No client has connected yet: only the listening socket and the UDP socket.' : `${n} established connection${n === 1 ? '' : 's'}, every one with the local end 127.0.0.1:8000 and its own ephemeral port at the peer's end, so each row is a distinct four-tuple (with the protocol, TCP). The kernel hands each arriving segment to the connection its four-tuple names.`),
  coexist: 'tcp 127.0.0.1:8000 and udp 127.0.0.1:8000 live side by side: ports are kept per protocol, so TCP 8000 and UDP 8000 are two endpoints.',
  rebindSays: "A second TCP socket's bind(('127.0.0.1', 8000)) fails: ",
  rebindWhy: 'a TCP socket is already listening on that address and port. Even with SO_REUSEADDR, Linux does not let a second socket take an address that one is listening on; only SO_REUSEPORT, set on both, shares it. The UDP side is not affected.',
  joined: (p: number) => `A new client connected: the kernel picked source port ${p} from Linux's ephemeral range, and the server's accept() got a new connection 127.0.0.1:8000 ↔ 127.0.0.1:${p}.`,
  cleared: 'All clients disconnected.',
  pick: '(The ports come from a fixed seed, picked the way Linux does in outline: a hashed starting point in the range, even ports first, then onwards; a real run gives different numbers each time.)',
  portNow: (n: number, w: string) => `Port ${n}: ${w}`,
  copy: 'Copy a link to this state',
};
