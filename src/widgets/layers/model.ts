// The layer mapper (course brief W1, first half): seven protocols placed on three layer models'
// columns, each placement judged right, close or wrong with the reason. Pure: no DOM.
//
// The columns are drawn on OSI's seven rows so that they line up: a band covers the OSI layers it
// stands for (TCP/IP's application layer covers OSI 5–7, its link layer OSI 1–2). A protocol's home
// is the OSI layers it belongs to (Ethernet spans 1 and 2: IEEE 802.3 defines both the frame and
// the signals on the cable). A placement is right when its band covers the home; close when it is a
// placement books argue about (ARP in the network layer: it serves IP, but rides in Ethernet frames
// directly; HTTP or FTP in OSI's session or presentation layer, whose work TCP/IP leaves to the
// application); wrong otherwise.

export const PROTOCOLS = ['ethernet', 'arp', 'ip', 'tcp', 'udp', 'http', 'ftp'] as const;
export type Proto = (typeof PROTOCOLS)[number];

export const MODELS = ['osi', 'five', 'tcpip'] as const;
export type ModelId = (typeof MODELS)[number];

/** A band's name key, for the i18n tables. */
export type BandKey = 'application' | 'presentation' | 'session' | 'transport' | 'network' | 'internet' | 'link' | 'physical';

export interface Band {
  key: BandKey;
  /** The OSI layers (1–7) it covers, low to high. */
  covers: readonly number[];
  /** The data unit's key at this band, if the band has one name for it. */
  unit?: 'message' | 'segment' | 'packet' | 'frame' | 'bits';
}

/** Each model's bands from the top down. */
export const BANDS: Record<ModelId, readonly Band[]> = {
  osi: [
    { key: 'application', covers: [7], unit: 'message' },
    { key: 'presentation', covers: [6] },
    { key: 'session', covers: [5] },
    { key: 'transport', covers: [4], unit: 'segment' },
    { key: 'network', covers: [3], unit: 'packet' },
    { key: 'link', covers: [2], unit: 'frame' },
    { key: 'physical', covers: [1], unit: 'bits' },
  ],
  five: [
    { key: 'application', covers: [5, 6, 7], unit: 'message' },
    { key: 'transport', covers: [4], unit: 'segment' },
    { key: 'network', covers: [3], unit: 'packet' },
    { key: 'link', covers: [2], unit: 'frame' },
    { key: 'physical', covers: [1], unit: 'bits' },
  ],
  tcpip: [
    { key: 'application', covers: [5, 6, 7], unit: 'message' },
    { key: 'transport', covers: [4], unit: 'segment' },
    { key: 'internet', covers: [3], unit: 'packet' },
    { key: 'link', covers: [1, 2], unit: 'frame' },
  ],
};

/** The OSI layers each protocol belongs to. */
export const HOME: Record<Proto, readonly number[]> = {
  ethernet: [1, 2],
  arp: [2],
  ip: [3],
  tcp: [4],
  udp: [4],
  http: [7],
  ftp: [7],
};

/**
 * What each protocol is carried in, and the field that says so: the chapter's rule of thumb ("see
 * what it is carried in") made data. Ethernet goes on the wire; ARP and IP ride in Ethernet frames
 * (EtherType 0x0806 and 0x0800); TCP and UDP in IP packets (protocol 6 and 17); HTTP and FTP in TCP
 * (ports 80 and 21).
 */
export const CARRIED_IN: Record<Proto, { in: Proto | 'wire'; field?: 'ethertype' | 'protocol' | 'port'; value?: number }> = {
  ethernet: { in: 'wire' },
  arp: { in: 'ethernet', field: 'ethertype', value: 0x0806 },
  ip: { in: 'ethernet', field: 'ethertype', value: 0x0800 },
  tcp: { in: 'ip', field: 'protocol', value: 6 },
  udp: { in: 'ip', field: 'protocol', value: 17 },
  http: { in: 'tcp', field: 'port', value: 80 },
  ftp: { in: 'tcp', field: 'port', value: 21 },
};

export type Verdict = 'right' | 'close' | 'wrong';
/** Why a close placement is close, for the words. */
export type CloseWhy = 'arp-network' | 'app-upper';

export interface Judgement {
  verdict: Verdict;
  why?: CloseWhy;
}

/** Judges protocol `p` placed in band `band` (an index into BANDS[model]). */
export function judge(model: ModelId, p: Proto, band: number): Judgement {
  const b = BANDS[model][band];
  if (!b) throw new RangeError(`no band ${band} in ${model}`);
  if (b.covers.some((l) => HOME[p].includes(l))) return { verdict: 'right' };
  if (p === 'arp' && b.covers.includes(3)) return { verdict: 'close', why: 'arp-network' };
  if ((p === 'http' || p === 'ftp') && (b.covers.includes(5) || b.covers.includes(6))) return { verdict: 'close', why: 'app-upper' };
  return { verdict: 'wrong' };
}

/** The band a protocol belongs in: the first from the top that judges right. */
export function answer(model: ModelId, p: Proto): number {
  return BANDS[model].findIndex((_, i) => judge(model, p, i).verdict === 'right');
}

/** Placements: for each model, each protocol's band index, or -1 while it is in the tray. */
export type Placements = Record<ModelId, number[]>;

export interface LayersState {
  placed: Placements;
  /** The column being filled. */
  model: ModelId;
}

export const EMPTY: number[] = PROTOCOLS.map(() => -1);
export const DEFAULT_STATE: LayersState = { placed: { osi: [...EMPTY], five: [...EMPTY], tcpip: [...EMPTY] }, model: 'five' };

/** Every protocol in its right band, in every column (the build-time figure, "show answers"). */
export function answers(): Placements {
  return { osi: PROTOCOLS.map((p) => answer('osi', p)), five: PROTOCOLS.map((p) => answer('five', p)), tcpip: PROTOCOLS.map((p) => answer('tcpip', p)) };
}

/** Places protocol `p` in `band` of `model` (-1 puts it back in the tray); returns a new state. */
export function place(state: LayersState, model: ModelId, p: Proto, band: number): LayersState {
  if (band < -1 || band >= BANDS[model].length || !Number.isInteger(band)) throw new RangeError(`no band ${band} in ${model}`);
  const row = [...state.placed[model]];
  row[PROTOCOLS.indexOf(p)] = band;
  return { model, placed: { ...state.placed, [model]: row } };
}

export interface Score {
  placed: number;
  right: number;
  close: number;
  wrong: number;
}

export function score(state: LayersState, model: ModelId): Score {
  const s: Score = { placed: 0, right: 0, close: 0, wrong: 0 };
  state.placed[model].forEach((band, i) => {
    if (band < 0) return;
    s.placed++;
    s[judge(model, PROTOCOLS[i]!, band).verdict]++;
  });
  return s;
}

const LETTER: Record<ModelId, string> = { osi: 'o', five: 'f', tcpip: 't' };

/** The link form: the column being filled, then each column's seven bands ('-' in the tray), e.g. `f.-------.0123-44.-------`. */
export function encodeState(s: LayersState): string {
  const col = (m: ModelId) => s.placed[m].map((b) => (b < 0 ? '-' : String(b))).join('');
  return [LETTER[s.model], ...MODELS.map(col)].join('.');
}

/** Reads a link's state; null when it is not one this widget wrote. */
export function decodeState(raw: string): LayersState | null {
  const parts = raw.split('.');
  if (parts.length !== 4) return null;
  const model = MODELS.find((m) => LETTER[m] === parts[0]);
  if (!model) return null;
  const placed = {} as Placements;
  for (const [i, m] of MODELS.entries()) {
    const col = parts[i + 1]!;
    if (col.length !== PROTOCOLS.length) return null;
    const row: number[] = [];
    for (const ch of col) {
      if (ch === '-') row.push(-1);
      else if (/^[0-9]$/.test(ch) && Number(ch) < BANDS[m].length) row.push(Number(ch));
      else return null;
    }
    placed[m] = row;
  }
  return { model, placed };
}
