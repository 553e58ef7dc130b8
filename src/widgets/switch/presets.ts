// The networks the widget shows, its presets, and the state a link carries (?switch=…).
// A topology here is the model's plus where each device sits on the drawing grid (kit/draw/net.ts).
import { BROADCAST, DEFAULT_AGEING, type Action, type Kind, type Scenario, type Topology } from './model.ts';

export interface Place {
  col: number;
  row: number;
  span?: number;
}
export interface Net {
  topology: Topology;
  at: Record<string, Place>;
}

const host = (id: string) => ({ id, kind: 'host' as Kind });

/** Four hosts on one hub or switch, ports 1–4 (the chapter's Figure 2-3). */
export function single(device: 'hub' | 'switch'): Net {
  const hub = device === 'hub' ? 'H' : 'S1';
  const hosts = ['A', 'B', 'C', 'D'];
  return {
    topology: { devices: [...hosts.map(host), { id: hub, kind: device }], links: hosts.map((h, i) => ({ a: h, pa: 1, b: hub, pb: i + 1 })) },
    at: { ...Object.fromEntries(hosts.map((h, i) => [h, { col: i, row: 0 }])), [hub]: { col: 0, row: 1, span: 4 } },
  };
}

/** Four switches in a diamond (two loops sharing S2–S3), a host at the top and one at the bottom. */
export const LOOP: Net = {
  topology: {
    devices: [host('A'), { id: 'S1', kind: 'switch' }, { id: 'S2', kind: 'switch' }, { id: 'S3', kind: 'switch' }, { id: 'S4', kind: 'switch' }, host('D')],
    links: [
      { a: 'A', pa: 1, b: 'S1', pb: 1 },
      { a: 'S1', pa: 2, b: 'S2', pb: 1 },
      { a: 'S1', pa: 3, b: 'S3', pb: 1 },
      { a: 'S2', pa: 2, b: 'S3', pb: 2 },
      { a: 'S2', pa: 3, b: 'S4', pb: 1 },
      { a: 'S3', pa: 3, b: 'S4', pb: 2 },
      { a: 'S4', pa: 3, b: 'D', pb: 1 },
    ],
  },
  at: { A: { col: 1, row: 0 }, S1: { col: 1, row: 1 }, S2: { col: 0, row: 2 }, S3: { col: 2, row: 2 }, S4: { col: 1, row: 3 }, D: { col: 1, row: 4 } },
};

/** Two switches joined by a router: A and B on one segment, C and D on the other. */
export const ROUTED: Net = {
  topology: {
    devices: [host('A'), host('B'), host('C'), host('D'), { id: 'S1', kind: 'switch' }, { id: 'S2', kind: 'switch' }, { id: 'R', kind: 'router', macs: { 1: 'Ra', 2: 'Rb' } }],
    links: [
      { a: 'A', pa: 1, b: 'S1', pb: 1 },
      { a: 'B', pa: 1, b: 'S1', pb: 2 },
      { a: 'C', pa: 1, b: 'S2', pb: 1 },
      { a: 'D', pa: 1, b: 'S2', pb: 2 },
      { a: 'S1', pa: 3, b: 'R', pb: 1 },
      { a: 'S2', pa: 3, b: 'R', pb: 2 },
    ],
  },
  at: { A: { col: 0, row: 0 }, B: { col: 1, row: 0 }, C: { col: 2, row: 0 }, D: { col: 3, row: 0 }, S1: { col: 0, row: 1, span: 2 }, S2: { col: 2, row: 1, span: 2 }, R: { col: 1, row: 2, span: 2 } },
};

export type NetName = 'single' | 'loop' | 'routed';
export interface Setup {
  preset: PresetName | 'custom';
  net: NetName;
  device: 'hub' | 'switch';
  stp: boolean;
  ageing: number;
  actions: Action[];
}

const send = (from: string, to: string): Action => ({ kind: 'send', from, to });
const wait = (seconds: number): Action => ({ kind: 'wait', seconds });

/** The figure's steps: A→B floods, B→A goes one way, A→B too, C's broadcast floods, A goes quiet and ages out. */
const FIGURE: Action[] = [send('A', 'B'), send('B', 'A'), send('A', 'B'), send('C', BROADCAST), wait(150), send('B', 'C'), send('C', 'B'), wait(150)];

export const PRESETS = {
  figure: { net: 'single', device: 'switch', stp: false, actions: FIGURE },
  hub: { net: 'single', device: 'hub', stp: false, actions: FIGURE.slice(0, 4) },
  storm: { net: 'loop', device: 'switch', stp: false, actions: [send('A', BROADCAST), send('D', 'A')] },
  stp: { net: 'loop', device: 'switch', stp: true, actions: [send('A', BROADCAST), send('D', 'A')] },
  router: { net: 'routed', device: 'switch', stp: false, actions: [send('A', BROADCAST), send('A', 'C'), send('C', 'A')] },
} as const satisfies Record<string, Omit<Setup, 'preset' | 'ageing'>>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export const AGEINGS = [300, 30] as const;

export function presetSetup(name: PresetName): Setup {
  const p = PRESETS[name];
  return { preset: name, net: p.net, device: p.device, stp: p.stp, ageing: DEFAULT_AGEING, actions: [...p.actions] };
}
export const DEFAULT_SETUP = presetSetup('figure');

export function netOf(s: Pick<Setup, 'net' | 'device'>): Net {
  return s.net === 'single' ? single(s.device) : s.net === 'loop' ? LOOP : ROUTED;
}
export const scenarioOf = (s: Setup): Scenario => ({ topology: netOf(s).topology, actions: s.actions, stp: s.stp, ageing: s.ageing });

/** The preset a setup still is, or 'custom' once the reader has changed its sends or options. */
export function presetOf(s: Omit<Setup, 'preset'>): PresetName | 'custom' {
  for (const name of PRESET_NAMES) {
    const p = presetSetup(name);
    if (p.net === s.net && p.device === s.device && p.stp === s.stp && p.ageing === s.ageing && codeActions(p.actions) === codeActions(s.actions)) return name;
  }
  return 'custom';
}

// ---- the link: net.device-stp.ageing.actions.position, e.g. single.s0.300.AB_BA_C*_w150.4
const codeActions = (as: readonly Action[]) => as.map((a) => (a.kind === 'send' ? a.from + a.to : `w${a.seconds}`)).join('_') || '-';

export const MAX_ACTIONS = 30;

export function encode(s: Setup, position: number): string {
  return [s.net, `${s.device[0]}${s.stp ? 1 : 0}`, s.ageing, codeActions(s.actions), position].join('.');
}

/** The setup and position a link names, or null when it is not one this widget could have written. */
export function decode(raw: string): { setup: Setup; position: number } | null {
  const m = /^(single|loop|routed)\.([hs])([01])\.(\d{1,4})\.([A-Za-z0-9*_-]{1,200})\.(\d{1,3})$/.exec(raw);
  if (!m) return null;
  const net = m[1] as NetName;
  const device = m[2] === 'h' ? 'hub' : 'switch';
  if (device === 'hub' && net !== 'single') return null;
  const ageing = Number(m[4]);
  if (!(AGEINGS as readonly number[]).includes(ageing)) return null;
  const hosts = new Set(netOf({ net, device }).topology.devices.filter((d) => d.kind === 'host').map((d) => d.id));
  const actions: Action[] = [];
  if (m[5] !== '-')
    for (const part of m[5]!.split('_')) {
      const w = /^w(\d{1,4})$/.exec(part);
      if (w) {
        const seconds = Number(w[1]);
        if (seconds < 1 || seconds > 3600) return null;
        actions.push(wait(seconds));
      } else if (part.length === 2 && hosts.has(part[0]!) && (part[1] === BROADCAST || (hosts.has(part[1]!) && part[1] !== part[0]))) actions.push(send(part[0]!, part[1]!));
      else return null;
    }
  if (actions.length > MAX_ACTIONS) return null;
  const rest = { net, device, stp: m[3] === '1', ageing, actions } as const;
  return { setup: { ...rest, actions, preset: presetOf(rest) }, position: Number(m[6]) };
}
