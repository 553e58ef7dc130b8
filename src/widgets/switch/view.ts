// What the switch lab shows at one tick, read off the model's run: the picture's input for the
// kit's net() (devices, links with port numbers, the frames on the wire, blocked ports), the MAC
// tables for the kit's table() with rows marked, and the narration. Pure, so the build draws the
// same figure (Switch.astro) and tests hold it without a browser.
import type { NetFrame, NetInput, NetNode } from '../kit/draw/net.ts';
import { table } from '../kit/draw/table.ts';
import type { Tone } from '../kit/draw/gantt.ts';
import { BROADCAST, spanningTree, type Entry, type Event, type Frame, type Run } from './model.ts';
import { netOf, type Setup } from './presets.ts';
import type { Text } from './i18n.ts';

/** A frame's name on the wire: "A→B", or "A→all" for a broadcast. */
export const frameName = (f: Frame, t: Text) => `${f.src}→${f.dst === BROADCAST ? t.all : f.dst}`;

export function netInput(setup: Setup, run: Run, p: number, t: Text, chosen?: string): NetInput {
  const { topology, at } = netOf(setup);
  const tick = run.ticks[p]!;
  const busy = new Set(tick.events.map((e) => e.node));
  if (tick.action?.kind === 'send') busy.add(tick.action.from);
  const root = setup.stp ? topology.devices.filter((d) => d.kind === 'switch').map((d) => d.id).sort()[0] : undefined;
  const nodes: NetNode[] = topology.devices.map((d) => ({
    id: d.id,
    label: d.id,
    sub: d.kind === 'host' ? undefined : d.id === root ? t.root : t[d.kind],
    kind: d.kind,
    ...at[d.id]!,
    cur: busy.has(d.id) || d.id === chosen,
  }));
  const kindOf = (id: string) => topology.devices.find((d) => d.id === id)!.kind;
  const links = topology.links.map((l) => ({ a: l.a, b: l.b, pa: kindOf(l.a) === 'host' ? '' : String(l.pa), pb: kindOf(l.b) === 'host' ? '' : String(l.pb) }));
  // Copies of one frame on one link are one token with a count (both ways at once in a loop).
  const count = new Map<string, { f: NetFrame; k: number }>();
  for (const w of tick.wire) {
    const label = frameName(w.frame, t);
    const key = `${w.link}:${label}`;
    const c = count.get(key);
    if (c) {
      c.k++;
      if (c.f.to !== w.to) c.f.to = 'both';
    } else count.set(key, { f: { link: w.link, to: w.to, label, tone: (w.frame.dst === BROADCAST ? 6 : ((w.frame.n - 1) % 4) + 1) as Tone }, k: 1 });
  }
  const frames = [...count.values()].map(({ f, k }) => (k > 1 ? { ...f, label: `${f.label} ×${k}` } : f));
  const blocked = [...(setup.stp ? spanningTree(topology) : [])].map((key) => {
    const [node, port] = key.split(':');
    const li = topology.links.findIndex((l) => (l.a === node && String(l.pa) === port) || (l.b === node && String(l.pb) === port));
    return { link: li, end: (topology.links[li]!.a === node ? 'a' : 'b') as 'a' | 'b' };
  });
  return { nodes, links, frames, blocked, blockedWord: t.blocked, label: t.picture(p, tick.wire.length) };
}

/** The MAC tables after tick p, each row marked by what this tick did to it. */
export function tablesHtml(run: Run, p: number, t: Text): string {
  const tick = run.ticks[p]!;
  const prev = run.ticks[p - 1];
  return Object.entries(tick.tables)
    .map(([sw, entries]) => {
      const before = new Map((prev?.tables[sw] ?? []).map((e) => [e.mac, e] as const));
      const row = (e: Entry, mark?: 'added' | 'changed' | 'removed') => ({ cells: [e.mac, String(e.port), t.ago(tick.now - e.seen)], mark });
      const rows = entries.map((e) => {
        const b = before.get(e.mac);
        return row(e, p === 0 ? undefined : !b ? 'added' : b.port !== e.port ? 'changed' : undefined);
      });
      for (const e of tick.aged[sw] ?? []) rows.push(row(e, 'removed'));
      rows.sort((x, y) => (x.cells[0]! < y.cells[0]! ? -1 : 1));
      return table({ caption: t.table(sw), columns: t.columns, rows, words: t.marks, empty: t.empty });
    })
    .join('');
}

/** One clause per thing that happened in tick p (a summary when a storm makes them too many). */
export function narrate(setup: Setup, run: Run, p: number, t: Text): string {
  if (p === 0) return t.start;
  const tick = run.ticks[p]!;
  const prev = run.ticks[p - 1]!;
  const said: string[] = [];
  const a = tick.action;
  if (a?.kind === 'wait') said.push(t.waits(a.seconds));
  if (a?.kind === 'send') {
    const f = tick.sent!;
    if (a.to === BROADCAST) said.push(t.sendsAll(a.from));
    else if (f.dst !== a.to) said.push(t.sendsVia(a.from, a.to, f.dst));
    else said.push(t.sends(a.from, a.to));
  }
  for (const [sw, gone] of Object.entries(tick.aged)) for (const e of gone) said.push(t.aged(sw, e.mac, tick.now - e.seen));
  if (tick.events.length > 6) {
    const got = new Map<string, number>();
    for (const e of tick.events) if (e.kind === 'accept') got.set(e.node, (got.get(e.node) ?? 0) + 1);
    said.push(t.storm(tick.wire.length, [...got].map(([h, k]) => t.got(h, k)).join(t.join) || t.got('—', 0)));
  } else {
    const moved = new Map((prev.tables ? Object.entries(prev.tables) : []).flatMap(([sw, es]) => es.map((e) => [`${sw}:${e.mac}`, e.port] as const)));
    for (const e of tick.events) said.push(clause(e, t, moved));
  }
  if (run.capped && p === run.ticks.length - 1) said.push(t.capped(tick.wire.length));
  else if (p === run.ticks.length - 1 && !tick.wire.length) said.push(t.done);
  const all = said.join(t.join);
  return all.charAt(0).toUpperCase() + all.slice(1) + t.end;
}

function clause(e: Event, t: Text, before: Map<string, number>): string {
  const f = e.frame;
  switch (e.kind) {
    case 'accept':
      return f.dst === BROADCAST ? t.acceptAll(e.node) : t.accept(e.node);
    case 'ignore':
      return t.ignore(e.node);
    case 'repeat':
      return t.repeat(e.node, e.port, e.out);
    case 'blocked':
      return t.dropBlocked(e.node, e.port);
    case 'stop':
      return t.stop(e.node);
    case 'route':
      return t.route(e.node, f.ip!.src, f.ip!.dst, e.sent.src, e.out[0]!);
    default: {
      const learned =
        e.learned === 'added'
          ? t.learnAdd(e.node, f.src, e.port)
          : e.learned === 'moved'
            ? t.learnMove(e.node, f.src, e.port, before.get(`${e.node}:${f.src}`) ?? 0)
            : t.learnRefresh(e.node, f.src, e.port);
      const then =
        e.kind === 'flood' ? (f.dst === BROADCAST ? t.floodAll(e.out) : t.floodUnknown(f.dst, e.out)) : e.kind === 'forward' ? t.forward(f.dst, e.out[0]!) : t.filter(f.dst, e.port);
      return learned + (t.join === '；' ? '，' : ', ') + then;
    }
  }
}
