// The IPv4/ARP explorer's pictures and words, as strings: pure functions of the model's values and
// run, so Ipv4.astro draws the static figure at build time with exactly what element.ts draws live.
// Pictures come from the kit (bits(), lanes(), table()); this file only maps the model onto them.
import { bits } from '../kit/draw/bits.ts';
import { lanes, type LaneRow, type LanesLayout } from '../kit/draw/lanes.ts';
import { table } from '../kit/draw/table.ts';
import { esc } from '../kit/draw/svg.ts';
import {
  GATEWAY,
  HOSTS,
  LAN_PREFIX,
  classify,
  formatIPv4,
  hostById,
  maskOf,
  networkOf,
  sameSubnet,
  type ArpScenario,
  type ArpState,
  type Frame,
  type HostId,
} from './model.ts';
import type { Text } from './i18n.ts';

const ip = formatIPv4;

/** The address explorer: the bits of both addresses, the mask, both network addresses, the kinds and the verdict. */
export function explorerHtml(addr: number, prefix: number, other: number, t: Text): string {
  const mask = maskOf(prefix);
  const na = networkOf(addr, prefix);
  const nb = networkOf(other, prefix);
  const same = sameSubnet(addr, other, prefix);
  const picture = bits({
    label: t.bitsLabel(ip(addr), prefix),
    split: prefix,
    words: { net: t.net, host: t.host },
    rows: [
      { label: t.rowAddr, value: addr, text: `${ip(addr)}/${prefix}`, tail: `= ${addr}` },
      { label: t.rowMask, value: mask, text: ip(mask), tail: `= ${mask}` },
      { label: t.rowNet, value: na, text: ip(na), strong: true },
      { label: t.rowOther, value: other, text: ip(other), tail: `= ${other}` },
      { label: t.rowOtherNet, value: nb, text: ip(nb), strong: true },
    ],
  });
  const kinds = [addr, other].map((a) => `<li>${esc(t.kindOf(ip(a), t.kinds[classify(a)]!))}</li>`).join('');
  const verdict = same ? t.same(prefix, ip(na)) : t.differ(prefix, ip(na), ip(nb));
  return `${picture}<p class="ip-key">${esc(t.key(prefix))}</p><ul class="ip-kinds">${kinds}</ul><p class="ip-verdict" data-same="${same}"><strong>${esc(verdict)}</strong></p>`;
}

/** The hosts in lane order: the sender, the host its frames go to, then the other one. */
export function laneOrder(run: readonly ArpState[], sc: ArpScenario): HostId[] {
  const first = run.find((s) => s.kind === 'request' || s.kind === 'send');
  const to = first && 'frame' in first ? first.frame.to : HOSTS.find((h) => h.id !== sc.src)!.id;
  const rest = HOSTS.map((h) => h.id).filter((id) => id !== sc.src && id !== to);
  return [sc.src, to, ...rest];
}

const name = (id: HostId, t: Text) => t.hostName[id]!;

/** Each lane's state after step i. */
function states(run: readonly ArpState[], i: number, order: HostId[]): string[] {
  return order.map((id) => {
    let st = 'idle';
    for (const s of run.slice(0, i + 1)) {
      if ((s.kind === 'route' || s.kind === 'lookup') && s.host === id) st = s.kind === 'lookup' && !s.hit ? 'wait' : 'look';
      if (s.kind === 'lookup' && s.host === id && s.hit) st = 'ok';
      if (s.kind === 'ignore' && s.host === id) st = 'ignored';
      if (s.kind === 'learn' && s.host === id) st = order[0] === id ? 'ok' : 'learned';
      if (s.kind === 'send' && s.frame.from === id) st = 'sent';
      if (s.kind === 'send' && s.frame.to === id) st = 'got';
      if (s.kind === 'unreachable' && s.host === id) st = 'wait';
    }
    return st;
  });
}

/** The run as lane rows (the kit's lanes() lays them out). */
export function arpRows(run: readonly ArpState[], order: HostId[], t: Text): LaneRow[] {
  const lane = (id: HostId) => order.indexOf(id);
  return run.map((s, i) => {
    const st = states(run, i, order).map((k) => t.st[k]!);
    const note = (id: HostId, label: string): LaneRow => ({ item: { kind: 'note', lane: lane(id), label }, states: st });
    const arrow = (f: Frame, label: string): LaneRow => ({ item: { kind: 'arrow', from: lane(f.from), to: lane(f.to), label }, states: st });
    switch (s.kind) {
      case 'start':
        return { item: { kind: 'none' }, states: st };
      case 'route':
        return note(s.host, s.onLink ? t.onLink : t.viaGw);
      case 'lookup':
        return note(s.host, s.hit ? t.hit : t.miss);
      case 'ignore':
        return note(s.host, t.ignores);
      case 'learn':
        return note(s.host, t.learns(HOSTS.find((h) => h.ip === s.ip)!.id));
      case 'unreachable':
        return note(s.host, t.noAnswer);
      case 'local':
        return note(s.host, t.self);
      case 'request':
        return arrow(s.frame, t.request(ip(s.frame.arp!.targetIp), ip(s.frame.arp!.senderIp)));
      case 'reply':
        return arrow(s.frame, t.reply(ip(s.frame.arp!.senderIp), s.frame.arp!.senderMac));
      case 'send':
        return arrow(s.frame, t.packet(ip(s.frame.ip!.dst), s.frame.dstMac));
    }
  });
}

export function arpLayout(run: readonly ArpState[], sc: ArpScenario, t: Text, width: number, scale = 1): LanesLayout {
  const order = laneOrder(run, sc);
  return lanes({
    lanes: order.map((id) => t.laneTitle[id]!),
    rows: arpRows(run, order, t),
    width,
    scale,
    lost: '',
    label: t.lanesLabel,
  });
}

/** What step i says, in words. */
export function narrate(run: readonly ArpState[], i: number, sc: ArpScenario, t: Text): string {
  const said = sentence(run[i]!, sc, t);
  return said[0]!.toUpperCase() + said.slice(1);
}

function sentence(s: ArpState, sc: ArpScenario, t: Text): string {
  const src = name(sc.src, t);
  const who = (ipn: number) => {
    const h = HOSTS.find((x) => x.ip === ipn);
    return h ? name(h.id, t) : ip(ipn);
  };
  switch (s.kind) {
    case 'start':
      return t.n.start(src, ip(sc.dst));
    case 'route':
      return s.onLink ? t.n.routeOn(src, ip(sc.dst), ip(networkOf(sc.dst, LAN_PREFIX))) : t.n.routeOff(src, ip(sc.dst), ip(networkOf(sc.dst, LAN_PREFIX)), ip(GATEWAY.ip));
    case 'lookup':
      return s.hit ? t.n.hit(src, ip(s.hop), s.mac!) : t.n.miss(src, ip(s.hop));
    case 'request':
      return t.n.request(src, ip(s.frame.arp!.targetIp), ip(s.frame.arp!.senderIp));
    case 'ignore':
      return t.n.ignore(name(s.host, t));
    case 'learn':
      return s.host === sc.src ? t.n.learnSrc(src, ip(s.ip), s.mac) : t.n.learnTarget(name(s.host, t), ip(s.ip), s.mac);
    case 'reply':
      return t.n.reply(name(s.frame.from, t), ip(s.frame.arp!.senderIp), s.frame.arp!.senderMac, who(s.frame.arp!.targetIp));
    case 'send':
      return s.frame.to === 'R' && s.frame.ip!.dst !== GATEWAY.ip ? t.n.sendGw(src, s.frame.dstMac, ip(s.frame.ip!.dst)) : t.n.sendOn(src, s.frame.dstMac, ip(s.frame.ip!.dst));
    case 'unreachable':
      return t.n.unreachable(src, ip(s.hop));
    case 'local':
      return t.n.local(src);
  }
}

/** Every host's ARP cache after step i (rows this step added or changed are marked). */
export function cachesHtml(s: ArpState, t: Text): string {
  return HOSTS.map((h) =>
    table({
      caption: t.cache(name(h.id, t)),
      columns: t.cols,
      rows: s.caches[h.id].map((r) => ({ cells: [ip(r.ip), r.mac], mark: r.mark })),
      words: t.marks,
      empty: t.empty,
    }),
  ).join('');
}

/** A header as a list of fields and values. */
const fields = (caption: string, rows: Array<[string, string]>): string =>
  `<div class="ip-hdr" role="group" aria-label="${esc(caption)}"><p class="ip-hdr-t">${esc(caption)}</p><dl>${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd><code>${esc(v)}</code></dd></div>`).join('')}</dl></div>`;

/** The frame this step puts on the wire: its Ethernet header beside the ARP message or IP header. */
export function headersHtml(s: ArpState, t: Text): string {
  if (!('frame' in s)) return `<p class="ip-noframe">${esc(t.frameNone)}</p>`;
  const f = s.frame;
  const eth = fields(t.eth, [
    [t.f.dstMac, f.dstMac === 'ff:ff:ff:ff:ff:ff' ? `${f.dstMac} (${t.broadcast})` : f.dstMac],
    [t.f.srcMac, f.srcMac],
    [t.f.type, f.type === 'ARP' ? '0x0806 (ARP)' : '0x0800 (IPv4)'],
  ]);
  const a = f.arp;
  const inner = a
    ? fields(t.arpMsg, [
        [t.f.op, a.op === 'request' ? t.opReq : t.opRep],
        [t.f.sIp, ip(a.senderIp)],
        [t.f.sMac, a.senderMac],
        [t.f.tIp, ip(a.targetIp)],
        [t.f.tMac, a.op === 'request' ? t.unknownMac : a.targetMac],
      ])
    : fields(t.ipHdr, [
        [t.f.srcIp, ip(f.ip!.src)],
        [t.f.dstIp, ip(f.ip!.dst)],
      ]);
  return `<div class="ip-hdrs">${eth}${inner}</div>`;
}
