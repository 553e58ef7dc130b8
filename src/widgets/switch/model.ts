// Hub vs switch, and the broadcast storm (W3), as a pure tick-based simulation.
//
// A network is devices (hosts, hubs, switches, a router) and links between numbered ports. A run
// plays a list of actions (a host sends a frame, or the clock jumps ahead) one after another: an
// action starts only once nothing is on the wire, so each tick is either "an action starts" or
// "every frame on the wire arrives at the far end of its link and is dealt with". Frames on the
// wire this tick are the ones sent on by the devices that received one.
//
// The rules (IEEE 802.1Q's learning and filtering, course-brief W3):
// - a hub repeats every frame out of every port but the one it came in on;
// - a switch learns source → ingress port (a new entry, a move, or a refresh of its age); a
//   broadcast or an unknown destination is flooded out of every port but the ingress one; a known
//   one goes out of that one port, or is dropped when that port is the ingress port;
// - entries unused for the ageing time (300 s by default) are removed; a tick is 1 s of a
//   scaled clock (a real frame crosses a link in microseconds), and a "wait" jumps it ahead;
// - a host keeps a frame addressed to it or to everyone, and its NIC ignores the rest;
// - a router keeps a broadcast (it never forwards one) and routes an IP packet addressed to its
//   interface out of the interface on the far host's segment, in a new frame;
// - Ethernet frames have no TTL: in a loop a broadcast is copied at every switch for ever. The
//   simulation stops at a bound (MAX_TICKS ticks after its last action started, or MAX_COPIES copies on the wire) and says it was cut short;
// - STP (when on) blocks the ports that are neither a root port nor designated (computed once, as
//   the protocol converges to: see spanningTree), and a blocked port drops every frame.

export const BROADCAST = '*';
export type Kind = 'host' | 'hub' | 'switch' | 'router';
export interface Device {
  id: string;
  kind: Kind;
  /** A router's interface MACs by port ("Ra", "Rb"). */
  macs?: Record<number, string>;
}
export interface Link {
  a: string;
  pa: number;
  b: string;
  pb: number;
}
export interface Topology {
  devices: Device[];
  links: Link[];
}

export type Action = { kind: 'send'; from: string; to: string } | { kind: 'wait'; seconds: number };

export interface Frame {
  /** Which send this is (1, 2, …), shared by all its copies. */
  n: number;
  src: string;
  dst: string;
  /** The IP packet inside, end to end (a router reads it). */
  ip?: { src: string; dst: string };
}
export interface OnWire {
  link: number;
  to: 'a' | 'b';
  frame: Frame;
}
export interface Entry {
  mac: string;
  port: number;
  /** The clock (s) when the switch last saw this source. */
  seen: number;
}
export type Learned = 'added' | 'moved' | 'refreshed';

/** What one device did with one arriving frame. */
export type Event =
  | { node: string; port: number; frame: Frame; kind: 'accept' | 'ignore' }
  | { node: string; port: number; frame: Frame; kind: 'repeat'; out: number[] }
  | { node: string; port: number; frame: Frame; kind: 'blocked' }
  | { node: string; port: number; frame: Frame; kind: 'flood' | 'forward' | 'filter'; out: number[]; learned?: Learned; known: boolean }
  | { node: string; port: number; frame: Frame; kind: 'route'; out: number[]; sent: Frame }
  | { node: string; port: number; frame: Frame; kind: 'stop' };

export interface Tick {
  /** The clock in scaled seconds. */
  now: number;
  /** The action that started in this tick, if one did. */
  action?: Action;
  /** Its frame, when it was a send. */
  sent?: Frame;
  events: Event[];
  /** Entries removed by ageing in this tick, per switch. */
  aged: Record<string, Entry[]>;
  /** Frames on the wire after this tick. */
  wire: OnWire[];
  /** Every switch's table after this tick, sorted by MAC. */
  tables: Record<string, Entry[]>;
}

export interface Scenario {
  topology: Topology;
  actions: Action[];
  stp: boolean;
  /** Seconds an entry lives without being refreshed (802.1Q default 300). */
  ageing: number;
}

export interface Run {
  /** ticks[0] is the start (nothing on the wire); ticks[k] is after tick k. */
  ticks: Tick[];
  /** True when a storm was cut short at the bound: it would go on for ever. */
  capped: boolean;
  blocked: Set<string>;
}

/** A storm is cut short after this many ticks of one action, or this many copies on the wire. */
export const MAX_TICKS = 24;
export const MAX_COPIES = 400;
export const DEFAULT_AGEING = 300;

const portKey = (node: string, port: number) => `${node}:${port}`;

/** The ports of a device, ascending. */
export function portsOf(t: Topology, id: string): number[] {
  const out: number[] = [];
  for (const l of t.links) {
    if (l.a === id) out.push(l.pa);
    if (l.b === id) out.push(l.pb);
  }
  return out.sort((x, y) => x - y);
}

/** The bridge ID of a switch: the number in its name (S1 → 1), else its place in the list. */
const bridgeId = (t: Topology, id: string) => Number(/\d+$/.exec(id)?.[0] ?? t.devices.findIndex((d) => d.id === id));

/**
 * The ports STP blocks, as "node:port". Simplified 802.1D: every link costs the same, the tree is
 * computed as the protocol converges to it (no BPDUs, no timers, no listening/learning states):
 * the lowest bridge ID is the root; each other switch's root port is the one with the least path
 * cost to the root (ties: the neighbour's bridge ID, its port, then our port); on each link between
 * switches the designated port is the end with the lower (root path cost, bridge ID, port); a
 * switch port that is neither is blocked. Only links between switches take part.
 */
export function spanningTree(t: Topology): Set<string> {
  const sw = t.devices.filter((d) => d.kind === 'switch').map((d) => d.id);
  const blocked = new Set<string>();
  if (sw.length < 2) return blocked;
  const links = t.links.filter((l) => sw.includes(l.a) && sw.includes(l.b));
  const id = (s: string) => bridgeId(t, s);
  const cost: Record<string, number> = {};
  // Every component has its own root (the lowest ID in it): breadth-first from each root.
  for (const root of [...sw].sort((x, y) => id(x) - id(y))) {
    if (cost[root] !== undefined) continue;
    cost[root] = 0;
    const queue = [root];
    while (queue.length) {
      const s = queue.shift()!;
      for (const l of links) {
        const other = l.a === s ? l.b : l.b === s ? l.a : null;
        if (other !== null && cost[other] === undefined) {
          cost[other] = cost[s]! + 1;
          queue.push(other);
        }
      }
    }
  }
  const rootPort: Record<string, number> = {};
  for (const s of sw) {
    if (cost[s] === 0) continue;
    let best: number[] | null = null;
    for (const l of links)
      for (const [me, p, nb, q] of [
        [l.a, l.pa, l.b, l.pb],
        [l.b, l.pb, l.a, l.pa],
      ] as Array<[string, number, string, number]>) {
        if (me !== s) continue;
        const key = [cost[nb]! + 1, id(nb), q, p];
        if (!best || lexLess(key, best)) best = key;
      }
    if (best) rootPort[s] = best[3]!;
  }
  for (const l of links) {
    const ka = [cost[l.a]!, id(l.a), l.pa];
    const kb = [cost[l.b]!, id(l.b), l.pb];
    const [loser, lp] = lexLess(ka, kb) ? [l.b, l.pb] : [l.a, l.pa];
    if (rootPort[loser] !== lp) blocked.add(portKey(loser, lp));
  }
  return blocked;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The hosts (and router interfaces) reachable from a host without crossing a router: its segment. */
export function segmentOf(t: Topology, host: string): Set<string> {
  const seen = new Set([host]);
  const todo = [host];
  while (todo.length) {
    const x = todo.pop()!;
    if (t.devices.find((d) => d.id === x)?.kind === 'router' && x !== host) continue;
    for (const l of t.links) {
      const o = l.a === x ? l.b : l.b === x ? l.a : null;
      if (o !== null && !seen.has(o)) {
        seen.add(o);
        todo.push(o);
      }
    }
  }
  return seen;
}

/** The frame a host puts on the wire for a send: to the far host, or to its router's interface. */
export function frameFor(t: Topology, from: string, to: string, n: number): Frame {
  if (to === BROADCAST) return { n, src: from, dst: BROADCAST };
  const seg = segmentOf(t, from);
  if (seg.has(to)) return { n, src: from, dst: to, ip: { src: from, dst: to } };
  // Off the segment: the frame goes to the router's interface on this side (its MAC: ARP, ch. 3).
  for (const d of t.devices)
    if (d.kind === 'router' && seg.has(d.id))
      for (const l of t.links) {
        const p = l.a === d.id ? l.pa : l.b === d.id ? l.pb : null;
        const o = l.a === d.id ? l.b : l.a;
        if (p !== null && segmentOf(t, o).has(from) && d.macs?.[p]) return { n, src: from, dst: d.macs[p]!, ip: { src: from, dst: to } };
      }
  return { n, src: from, dst: to, ip: { src: from, dst: to } };
}

/** Runs a scenario to its end (or to the bound, in a storm). Throws on an action that names no host. */
export function simulate(sc: Scenario): Run {
  const t = sc.topology;
  const kind = new Map(t.devices.map((d) => [d.id, d] as const));
  for (const a of sc.actions)
    if (a.kind === 'send' && (kind.get(a.from)?.kind !== 'host' || (a.to !== BROADCAST && kind.get(a.to)?.kind !== 'host') || a.to === a.from))
      throw new RangeError(`bad send ${a.from} → ${a.to}`);
  const blocked = sc.stp ? spanningTree(t) : new Set<string>();
  const linkAt = new Map<string, [number, 'a' | 'b']>();
  t.links.forEach((l, i) => {
    linkAt.set(portKey(l.a, l.pa), [i, 'b']);
    linkAt.set(portKey(l.b, l.pb), [i, 'a']);
  });
  const tables = new Map<string, Map<string, Entry>>(t.devices.filter((d) => d.kind === 'switch').map((d) => [d.id, new Map()]));
  const snapshot = () => Object.fromEntries([...tables].map(([s, m]) => [s, [...m.values()].map((e) => ({ ...e })).sort((x, y) => (x.mac < y.mac ? -1 : 1))]));
  let now = 0;
  let wire: OnWire[] = [];
  let next = 0;
  let n = 0;
  const ticks: Tick[] = [{ now, events: [], aged: {}, wire: [], tables: snapshot() }];
  let capped = false;
  // Ticks since the last action started: in a loop-free network a frame dies within a few hops.
  let since = 0;
  while (next < sc.actions.length || wire.length) {
    if (since >= MAX_TICKS || wire.length > MAX_COPIES) {
      capped = true;
      break;
    }
    const tick: Tick = { now, events: [], aged: {}, wire: [], tables: {} };
    const out: OnWire[] = [];
    const send = (node: string, ports: number[], frame: Frame) => {
      for (const p of ports) {
        const at = linkAt.get(portKey(node, p));
        if (at) out.push({ link: at[0], to: at[1], frame });
      }
    };
    const action = wire.length ? undefined : sc.actions[next++]!;
    since = action ? 1 : since + 1;
    now += action?.kind === 'wait' ? action.seconds : 1;
    tick.now = now;
    for (const [s, m] of tables) {
      const gone = [...m.values()].filter((e) => now - e.seen >= sc.ageing);
      for (const e of gone) m.delete(e.mac);
      if (gone.length) tick.aged[s] = gone;
    }
    if (action) {
      tick.action = action;
      if (action.kind === 'send') {
        const frame = frameFor(t, action.from, action.to, ++n);
        tick.sent = frame;
        send(action.from, portsOf(t, action.from), frame);
      }
    } else
      for (const w of wire) {
        const l = t.links[w.link]!;
        const [node, port] = w.to === 'a' ? [l.a, l.pa] : [l.b, l.pb];
        const dev = kind.get(node)!;
        const f = w.frame;
        const others = portsOf(t, node).filter((p) => p !== port);
        if (dev.kind === 'host') tick.events.push({ node, port, frame: f, kind: f.dst === node || f.dst === BROADCAST ? 'accept' : 'ignore' });
        else if (dev.kind === 'hub') {
          tick.events.push({ node, port, frame: f, kind: 'repeat', out: others });
          send(node, others, f);
        } else if (dev.kind === 'switch') {
          if (blocked.has(portKey(node, port))) {
            tick.events.push({ node, port, frame: f, kind: 'blocked' });
            continue;
          }
          const table = tables.get(node)!;
          let learned: Learned | undefined;
          if (f.src !== BROADCAST) {
            const e = table.get(f.src);
            learned = !e ? 'added' : e.port !== port ? 'moved' : 'refreshed';
            table.set(f.src, { mac: f.src, port, seen: now });
          }
          const e = f.dst === BROADCAST ? undefined : table.get(f.dst);
          if (!e) {
            const ports = others.filter((p) => !blocked.has(portKey(node, p)));
            tick.events.push({ node, port, frame: f, kind: 'flood', out: ports, learned, known: false });
            send(node, ports, f);
          } else if (e.port === port) tick.events.push({ node, port, frame: f, kind: 'filter', out: [], learned, known: true });
          else {
            tick.events.push({ node, port, frame: f, kind: 'forward', out: [e.port], learned, known: true });
            send(node, [e.port], f);
          }
        } else {
          const mine = dev.macs?.[port];
          if (f.dst === BROADCAST) tick.events.push({ node, port, frame: f, kind: 'stop' });
          else if (f.dst === mine && f.ip) {
            const q = portsOf(t, node).find((p) => {
              const at = linkAt.get(portKey(node, p));
              if (!at) return false;
              const l = t.links[at[0]]!;
              return segmentOf(t, at[1] === 'a' ? l.a : l.b).has(f.ip!.dst);
            });
            if (q === undefined || q === port) tick.events.push({ node, port, frame: f, kind: 'ignore' });
            else {
              const sent: Frame = { n: f.n, src: dev.macs?.[q] ?? node, dst: f.ip.dst, ip: f.ip };
              tick.events.push({ node, port, frame: f, kind: 'route', out: [q], sent });
              send(node, [q], sent);
            }
          } else tick.events.push({ node, port, frame: f, kind: 'ignore' });
        }
      }
    wire = out;
    tick.wire = out;
    tick.tables = snapshot();
    ticks.push(tick);
  }
  return { ticks, capped, blocked };
}
