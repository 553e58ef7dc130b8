// The switch model (W3) against an outside truth: a separate, short simulator of the same rules
// written in Python (below), run by python3 over random loop-free networks of hubs and switches
// with random sends and waits. Every tick's deliveries (who got which frame on which port, and
// what it did with it) and every switch's MAC table must match. Then the hand-checked cases: the
// chapter's Figure 2-3 step by step, the hub, the storm and STP, the router.
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { BROADCAST, simulate, spanningTree, type Action, type Scenario, type Topology } from '../../src/widgets/switch/model.ts';
import { decode, encode, LOOP, presetSetup, scenarioOf, single } from '../../src/widgets/switch/presets.ts';

const PYTHON = String.raw`
import json, sys

def run(case):
    devs = {d['id']: d['kind'] for d in case['devices']}
    peer = {}
    for l in case['links']:
        peer[(l['a'], l['pa'])] = (l['b'], l['pb'])
        peer[(l['b'], l['pb'])] = (l['a'], l['pa'])
    ports = {}
    for (node, p) in peer:
        ports.setdefault(node, []).append(p)
    for k in ports:
        ports[k].sort()
    mac = {s: {} for s, k in devs.items() if k == 'switch'}   # switch -> {src: [port, seen]}
    clock, flying, todo, count = 0, [], list(case['actions']), 0
    out = []
    def emit(node, plist, frame, nxt):
        for p in plist:
            if (node, p) in peer:
                nxt.append((peer[(node, p)], frame))
    while todo or flying:
        nxt, events = [], []
        act = None
        if not flying:
            act = todo.pop(0)
        clock += act['seconds'] if act and act['kind'] == 'wait' else 1
        for s in mac:
            for m in [m for m, (p, seen) in mac[s].items() if clock - seen >= case['ageing']]:
                del mac[s][m]
        if act and act['kind'] == 'send':
            count += 1
            frame = (count, act['from'], act['to'])
            emit(act['from'], ports[act['from']], frame, nxt)
        for (node, port), frame in flying:
            n, src, dst = frame
            others = [p for p in ports[node] if p != port]
            kind = devs[node]
            if kind == 'host':
                events.append([node, port, n, 'accept' if dst in (node, '*') else 'ignore', []])
            elif kind == 'hub':
                events.append([node, port, n, 'repeat', others])
                emit(node, others, frame, nxt)
            else:
                table = mac[node]
                table[src] = [port, clock]
                if dst != '*' and dst in table:
                    to = table[dst][0]
                    if to == port:
                        events.append([node, port, n, 'filter', []])
                    else:
                        events.append([node, port, n, 'forward', [to]])
                        emit(node, [to], frame, nxt)
                else:
                    events.append([node, port, n, 'flood', others])
                    emit(node, others, frame, nxt)
        flying = nxt
        tables = {s: sorted([m, p, seen] for m, (p, seen) in t.items()) for s, t in mac.items()}
        out.append({'now': clock, 'events': events, 'tables': tables})
    return out

print(json.dumps([run(c) for c in json.load(sys.stdin)]))
`;

interface Case {
  devices: Array<{ id: string; kind: string }>;
  links: Array<{ a: string; pa: number; b: string; pb: number }>;
  actions: Action[];
  ageing: number;
}

/** A random tree of hubs and switches with hosts hanging off it: no loops. */
const treeCase = fc
  .record({
    shape: fc.array(fc.record({ parent: fc.nat(), hub: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    hosts: fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
    actions: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), wait: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 8 }),
    ageing: fc.constantFrom(5, 10, 300),
  })
  .map(({ shape, hosts, actions, ageing }): Case => {
    const devices: Case['devices'] = [];
    const links: Case['links'] = [];
    const next: Record<string, number> = {};
    const port = (id: string) => (next[id] = (next[id] ?? 0) + 1);
    shape.forEach((s, i) => {
      const id = `${s.hub ? 'H' : 'S'}${i + 1}`;
      devices.push({ id, kind: s.hub ? 'hub' : 'switch' });
      if (i > 0) {
        const parent = devices[s.parent % i]!.id;
        links.push({ a: parent, pa: port(parent), b: id, pb: port(id) });
      }
    });
    const names = hosts.map((_, i) => String.fromCharCode(65 + i));
    hosts.forEach((h, i) => {
      const to = devices[h % shape.length]!.id;
      devices.push({ id: names[i]!, kind: 'host' });
      links.push({ a: names[i]!, pa: 1, b: to, pb: port(to) });
    });
    const acts: Action[] = actions.map((a) => {
      if (a.wait > 9) return { kind: 'wait', seconds: a.wait };
      const from = names[a.from % names.length]!;
      const others = [...names.filter((x) => x !== from), BROADCAST];
      return { kind: 'send', from, to: others[a.to % others.length]! };
    });
    return { devices, links, actions: acts, ageing };
  });

function python(cases: Case[]): Array<Array<{ now: number; events: unknown[][]; tables: Record<string, unknown[][]> }>> {
  const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const scenario = (c: Case): Scenario => ({ topology: { devices: c.devices as Topology['devices'], links: c.links }, actions: c.actions, stp: false, ageing: c.ageing });

describe('switch model vs an independent Python simulator', () => {
  test('every tick of 300 random loop-free networks: deliveries, what each device did, MAC tables', () => {
    const cases = fc.sample(treeCase, { numRuns: 300, seed: 13 });
    const want = python(cases);
    cases.forEach((c, i) => {
      const run = simulate(scenario(c));
      const got = run.ticks.slice(1).map((t) => ({
        now: t.now,
        events: t.events.map((e) => [e.node, e.port, e.frame.n, e.kind, 'out' in e ? e.out : []]),
        tables: Object.fromEntries(Object.entries(t.tables).map(([s, es]) => [s, es.map((e) => [e.mac, e.port, e.seen])])),
      }));
      expect(run.capped).toBe(false);
      expect(got, JSON.stringify(c)).toEqual(want[i]);
    });
  });
});

describe('the chapter figure, by hand (Figure 2-3)', () => {
  const run = simulate(scenarioOf(presetSetup('figure')));
  const at = (k: number) => run.ticks[k]!;
  const table = (k: number) => at(k).tables.S1!.map((e) => `${e.mac}@${e.port}`);
  test('1: A→B: learn A on port 1, B unknown: flood out of 2, 3, 4 (not back out of 1)', () => {
    expect(at(2).events).toEqual([expect.objectContaining({ node: 'S1', port: 1, kind: 'flood', out: [2, 3, 4], learned: 'added', known: false })]);
    expect(table(2)).toEqual(['A@1']);
    expect(at(3).events.map((e) => `${e.node}:${e.kind}`)).toEqual(['B:accept', 'C:ignore', 'D:ignore']);
  });
  test('2: B→A: learn B on port 2, A known: out of port 1 only', () => {
    expect(at(5).events).toEqual([expect.objectContaining({ kind: 'forward', out: [1], learned: 'added' })]);
    expect(table(5)).toEqual(['A@1', 'B@2']);
  });
  test('3: A→B: out of port 2 only, C and D see nothing', () => {
    expect(at(8).events).toEqual([expect.objectContaining({ kind: 'forward', out: [2], learned: 'refreshed' })]);
    expect(at(9).events.map((e) => e.node)).toEqual(['B']);
  });
  test('4: C broadcasts: learn C on port 3, flood out of 1, 2, 4', () => {
    expect(at(11).events).toEqual([expect.objectContaining({ kind: 'flood', out: [1, 2, 4], learned: 'added' })]);
    expect(table(11)).toEqual(['A@1', 'B@2', 'C@3']);
  });
  test('5: A silent for 300 s: its entry ages out; B and C, still talking, stay', () => {
    const last = run.ticks.at(-1)!;
    expect(last.aged.S1!.map((e) => e.mac)).toEqual(['A']);
    expect(last.now - last.aged.S1![0]!.seen).toBeGreaterThanOrEqual(300);
    expect(last.tables.S1!.map((e) => e.mac)).toEqual(['B', 'C']);
  });
});

describe('hand-checked rules', () => {
  test('a hub repeats every frame out of every port but the ingress one, and learns nothing', () => {
    const run = simulate(scenarioOf(presetSetup('hub')));
    const repeats = run.ticks.flatMap((t) => t.events.filter((e) => e.kind === 'repeat'));
    expect(repeats.map((e) => ('out' in e ? e.out : []))).toEqual([[2, 3, 4], [1, 3, 4], [2, 3, 4], [1, 2, 4]]);
    expect(run.ticks.at(-1)!.tables).toEqual({});
  });
  test('a frame for a host on the ingress port is dropped (filtered), not sent back', () => {
    const t: Topology = {
      devices: [{ id: 'A', kind: 'host' }, { id: 'B', kind: 'host' }, { id: 'H', kind: 'hub' }, { id: 'S1', kind: 'switch' }, { id: 'C', kind: 'host' }],
      links: [{ a: 'A', pa: 1, b: 'H', pb: 1 }, { a: 'B', pa: 1, b: 'H', pb: 2 }, { a: 'H', pa: 3, b: 'S1', pb: 1 }, { a: 'C', pa: 1, b: 'S1', pb: 2 }],
    };
    const run = simulate({ topology: t, actions: [{ kind: 'send', from: 'B', to: 'A' }, { kind: 'send', from: 'A', to: 'B' }], stp: false, ageing: 300 });
    const s1 = run.ticks.flatMap((x) => x.events.filter((e) => e.node === 'S1'));
    expect(s1.map((e) => e.kind)).toEqual(['flood', 'filter']);
  });
  test('ageing: an entry unused for the ageing time is removed, a used one is refreshed', () => {
    const run = simulate({ ...scenarioOf(presetSetup('figure')), actions: [{ kind: 'send', from: 'A', to: 'B' }, { kind: 'wait', seconds: 29 }, { kind: 'send', from: 'B', to: 'A' }], ageing: 30 });
    expect(run.ticks.flatMap((t) => Object.values(t.aged).flat()).map((e) => e.mac)).toEqual(['A']);
  });
  test('the loop without STP: copies multiply tick by tick and the run is cut short', () => {
    const run = simulate(scenarioOf(presetSetup('storm')));
    const copies = run.ticks.map((t) => t.wire.length);
    expect(run.capped).toBe(true);
    expect(copies.slice(0, 6)).toEqual([0, 1, 2, 4, 8, 12]);
    for (let k = 4; k < copies.length; k++) expect(copies[k]!).toBeGreaterThan(copies[k - 1]!);
    // D's reply never gets its turn: the wire is never quiet.
    expect(run.ticks.some((t) => t.action?.kind === 'send' && t.action.from === 'D')).toBe(false);
  });
  test('STP picks S1 (lowest ID) as root and blocks S3:2 and S4:2; the broadcast reaches D once and ends', () => {
    expect([...spanningTree(LOOP.topology)].sort()).toEqual(['S3:2', 'S4:2']);
    const run = simulate(scenarioOf(presetSetup('stp')));
    expect(run.capped).toBe(false);
    expect(run.ticks.flatMap((t) => t.events.filter((e) => e.node === 'D' && e.kind === 'accept'))).toHaveLength(1);
  });
  test('STP on a tree blocks nothing; on two parallel links it blocks the higher port of the non-root switch', () => {
    expect(spanningTree(single('switch').topology).size).toBe(0);
    const par: Topology = { devices: [{ id: 'S1', kind: 'switch' }, { id: 'S2', kind: 'switch' }], links: [{ a: 'S1', pa: 1, b: 'S2', pb: 1 }, { a: 'S1', pa: 2, b: 'S2', pb: 2 }] };
    expect([...spanningTree(par)]).toEqual(['S2:2']);
  });
  test('a router stops broadcasts and routes IP between segments in a new frame', () => {
    const run = simulate(scenarioOf(presetSetup('router')));
    const ev = run.ticks.flatMap((t) => t.events);
    expect(ev.filter((e) => e.node === 'C' || e.node === 'D').filter((e) => e.frame.dst === BROADCAST)).toEqual([]);
    expect(ev.find((e) => e.node === 'R' && e.frame.dst === BROADCAST)?.kind).toBe('stop');
    const route = ev.find((e) => e.kind === 'route');
    expect(route && route.kind === 'route' && route.sent).toEqual({ n: 2, src: 'Rb', dst: 'C', ip: { src: 'A', dst: 'C' } });
    expect(ev.filter((e) => e.kind === 'accept').map((e) => `${e.node}<${e.frame.src}`)).toEqual(['B<A', 'C<Rb', 'A<Ra']);
  });
});

describe('the link', () => {
  test('round-trips every preset at every step', () => {
    for (const name of ['figure', 'hub', 'storm', 'stp', 'router'] as const) {
      const s = presetSetup(name);
      const total = simulate(scenarioOf(s)).ticks.length - 1;
      for (let p = 0; p <= total; p++) expect(decode(encode(s, p))).toEqual({ setup: s, position: p });
    }
  });
  test('garbled links are refused, never thrown', () => {
    for (const bad of ['', 'x', 'single.s0.300.AA.1', 'single.s0.300.AZ.1', 'loop.h0.300.A*.0', 'single.s0.301.AB.0', 'single.s0.300.w0.0', 'single.s0.300.AB.1.2', '\u0000'])
      expect(decode(bad)).toBeNull();
  });
});
