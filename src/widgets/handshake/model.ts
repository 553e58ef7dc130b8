// The TCP connection state machine of RFC 9293, run as a pure function of a scenario.
// simulate() is a small discrete-event simulation of two endpoints and the wire between them; it
// returns the whole trace, and a view only walks it. Every state change goes through move(), which
// accepts only an edge of TRANSITIONS, so the trace can never leave the RFC's state diagram.
//
// Decisions the contract leaves open:
// - One-way delay: every segment takes ONE_WAY_DELAY = 0.05 s. Times are kept in whole
//   milliseconds inside and reported in seconds (`t`).
// - `ack` is 0 whenever the ACK flag is off (the field is meaningless then, RFC 9293 §3.1).
// - Step 0 (kind 'start', t = 0) shows the states before anything is sent. Its `edges` name the
//   server's passive OPEN (listen()), taken from CLOSED before the run starts (none when the port
//   is closed or both ends open actively), so a walk of the steps starts from CLOSED/CLOSED.
// - A step is one segment, sent at `t` and (unless lost) delivered at `arrives`; `states` are the
//   states after it has arrived, as the RFC's figures and the chapter's table read. When two
//   segments cross on the wire (simultaneous open or close) one step cannot say that, so the
//   segment gets a 'send' step (states after sending) and a later 'arrive' step.
// - Receivers acknowledge every data segment at once (no delayed ACK); one write = one segment.
// - The retransmission timer (RFC 6298): started when a SYN, FIN or data segment goes out, stopped
//   when it is acknowledged (then the RTO returns to `rto`), doubled on each expiry (capped at
//   RTO_MAX). After `retries` retransmissions of one segment, the next expiry gives up: that end
//   goes to CLOSED (user timeout, §3.10.8; like Linux, it sends nothing), and the applications
//   stop. Whatever is still on the wire or on a timer plays out (a segment for a CLOSED end draws
//   a RST). The peer may be left half-open (e.g. ESTABLISHED): outcome() reports its state.
// - TIME-WAIT lasts 2×MSL ('rfc'), or a fixed 60 s ('linux': TCP_TIMEWAIT_LEN; Linux does not
//   derive it from an MSL). A FIN arriving in TIME-WAIT is re-ACKed and restarts the timer.
// - A SYN repeated to a SYN-RECEIVED end is answered by repeating the SYN,ACK (as Linux does).
// - The applications act when the network is quiet (nothing in flight, nothing unacknowledged):
//   connect() at t = 0, then the writes of `data` in order, then close() by `close`; the passive
//   closer calls close() once its ACK of the FIN has arrived, or at once with `piggyback`
//   (which a simultaneous close ignores: nobody is passive there).

import { TRANSITIONS, STATES, transition, type State, type Transition } from './transitions.ts';
import {
  DEFAULT_SCENARIO,
  LIMITS,
  LINUX_TIME_WAIT,
  PRESETS,
  SEQ_MOD,
  dataLength,
  decodeScenario,
  encodeScenario,
  timeWaitSeconds,
  validateScenario,
  type CloseMode,
  type DataItem,
  type OpenMode,
  type Scenario,
  type Side,
  type TimeWaitRule,
  type ValidationResult,
} from './scenario.ts';

export { TRANSITIONS, STATES, transition };
export type { State, Transition };
export {
  DEFAULT_SCENARIO,
  LIMITS,
  LINUX_TIME_WAIT,
  PRESETS,
  SEQ_MOD,
  dataLength,
  decodeScenario,
  encodeScenario,
  timeWaitSeconds,
  validateScenario,
};
export type { CloseMode, DataItem, OpenMode, Scenario, Side, TimeWaitRule, ValidationResult };

/** Seconds a segment spends on the wire. */
export const ONE_WAY_DELAY = 0.05;
/** Upper bound of the backed-off retransmission timeout, seconds (Linux TCP_RTO_MAX). */
export const RTO_MAX = 120;
/** No run is longer than this many steps; simulate() throws rather than exceed it. */
export const MAX_STEPS = 400;

export type Flag = 'SYN' | 'FIN' | 'RST' | 'PSH' | 'ACK';
/** The canonical order of `Segment.flags` (as Wireshark prints them: [SYN, ACK], [FIN, ACK], [RST, ACK]). */
export const FLAG_ORDER: readonly Flag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];

export type Segment = {
  from: Side;
  flags: Flag[];
  seq: number;
  /** The next byte the sender expects; 0 when the ACK flag is off. */
  ack: number;
  /** Data bytes (SYN and FIN not counted; see segLen). */
  len: number;
  /** The text of a data segment, when the write was a string. */
  text?: string;
};

/**
 * What a step is about, for narration. Segment steps: the segment's role ('syn', 'syn-ack',
 * 'handshake-ack', 'data', 'data-ack', 'fin', 'fin-ack', 'dup-ack', 'rst'); params carry from, to,
 * seq, ack (if ACK), len (if data), and retransmission: n on the n-th resend, piggyback: true on a
 * FIN that rides on the ACK of the peer's FIN, simultaneous: true on the SYN,ACK of Figure 7,
 * reason ('closed-port' | 'no-connection' | 'bad-ack') on a RST. Timer steps: 'rto' { side, rto,
 * attempt }, 'give-up' { side, retransmissions }, 'time-wait-expired' { side, waited }.
 * 'arrive' { to, role } for the arrival of a segment sent in an earlier step; 'start' { client, server }.
 */
export type NoteKey =
  | 'start'
  | 'syn'
  | 'syn-ack'
  | 'handshake-ack'
  | 'data'
  | 'data-ack'
  | 'fin'
  | 'fin-ack'
  | 'dup-ack'
  | 'rst'
  | 'rto'
  | 'give-up'
  | 'time-wait-expired'
  | 'arrive';
export type NoteParams = Record<string, string | number | boolean>;
export type Note = { key: NoteKey; params: NoteParams };

/**
 * How the receiver reacted, beyond the edge it took: 'time-wait-restart' { until } (a FIN in
 * TIME-WAIT: re-ACK, 2×MSL again), 'duplicate' (already received: re-ACKed), 'reset' (RST in a
 * synchronized state), 'refused' (RST answering our SYN), 'listen' (RST sends a passive
 * SYN-RECEIVED back to LISTEN), 'ignored' (dropped without reply).
 */
export type EffectKey = 'time-wait-restart' | 'duplicate' | 'reset' | 'refused' | 'listen' | 'ignored';
export type Effect = { side: Side; key: EffectKey; params: NoteParams };

/** Pending timers of one endpoint, as absolute times in seconds. */
export type Deadlines = { retransmit?: number; timeWait?: number };

export type StepKind = 'start' | 'segment' | 'send' | 'arrive' | 'timer';

export type Step = {
  /** Seconds. Segment and send steps: when the segment was put on the wire. Arrive and timer steps: when it happened. */
  t: number;
  kind: StepKind;
  segment?: Segment;
  /** Transmission index of the segment (what Scenario.lose counts), on segment, send and arrive steps. */
  index?: number;
  /** The segment was dropped on the wire. */
  lost?: boolean;
  /** When the segment arrives (segment and send steps, unless lost). */
  arrives?: number;
  /** Which timer fired: 'retransmit' (the RTO; also the give-up) or 'time-wait' (2×MSL). */
  timer?: 'retransmit' | 'time-wait';
  /** Both endpoints' states after this step. */
  states: { client: State; server: State };
  /** TRANSITIONS ids taken in this step, per endpoint. */
  edges: { client?: string; server?: string };
  note: Note;
  effect?: Effect;
  deadlines: { client: Deadlines; server: Deadlines };
};

export type Outcome =
  | { kind: 'closed' }
  | { kind: 'refused' }
  | { kind: 'reset'; side: Side }
  | { kind: 'gave-up'; side: Side; peer: State };

// ---------------------------------------------------------------------------------------------
// Sequence arithmetic, mod 2^32 (RFC 9293 §3.4).

/** a + n, wrapped to 32 bits. */
export function seqAdd(a: number, n: number): number {
  return (((a + n) % SEQ_MOD) + SEQ_MOD) % SEQ_MOD;
}

/** The signed distance a − b, in (−2^31, 2^31]: negative when a comes before b. */
export function seqDiff(a: number, b: number): number {
  const d = (((a - b) % SEQ_MOD) + SEQ_MOD) % SEQ_MOD;
  return d > SEQ_MOD / 2 ? d - SEQ_MOD : d;
}

/** SEG.LEN: data bytes plus one for SYN and one for FIN (RFC 9293 §3.4). */
export function segLen(seg: Pick<Segment, 'flags' | 'len'>): number {
  return seg.len + (seg.flags.includes('SYN') ? 1 : 0) + (seg.flags.includes('FIN') ? 1 : 0);
}

/** The RFC's notation: `<SEQ=300><ACK=101><CTL=SYN,ACK>`, with `<DATA=5>` for data. */
export function rfcNotation(seg: Segment): string {
  const ack = seg.flags.includes('ACK') ? `<ACK=${seg.ack}>` : '';
  const data = seg.len > 0 ? `<DATA=${seg.len}>` : '';
  return `<SEQ=${seg.seq}>${ack}<CTL=${seg.flags.join(',')}>${data}`;
}

function canonical(flags: readonly Flag[]): Flag[] {
  return FLAG_ORDER.filter((f) => flags.includes(f));
}

function other(side: Side): Side {
  return side === 'client' ? 'server' : 'client';
}

function slug(s: State): string {
  return s.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// The simulation.

type Outstanding = {
  seq: number;
  syn: boolean;
  fin: boolean;
  len: number;
  text?: string;
  key: NoteKey;
  extra: NoteParams;
};

type Endpoint = {
  side: Side;
  state: State;
  iss: number;
  sndNxt: number;
  rcvNxt: number;
  passive: boolean;
  /** Has had a connection (so a RST it sends from CLOSED is not about a closed port). */
  hadTcb: boolean;
  out: Outstanding | undefined;
  rtoMs: number;
  attempts: number;
  rtxAt: number | undefined;
  rtxToken: number;
  twAt: number | undefined;
  twToken: number;
};

type EventBody =
  | { type: 'deliver'; idx: number; seg: Segment }
  | { type: 'rtx'; side: Side; token: number }
  | { type: 'tw'; side: Side; token: number };
type Event = EventBody & { t: number; order: number };

type Snapshot = { states: Step['states']; deadlines: Step['deadlines'] };

type Raw =
  | ({ type: 'send'; idx: number; t: number; seg: Segment; lost: boolean; edges: Step['edges']; note: Note } & Snapshot)
  | ({ type: 'deliver'; idx: number; t: number; edges: Step['edges']; effect?: Effect } & Snapshot)
  | ({ type: 'timer'; t: number; timer: 'retransmit' | 'time-wait'; edges: Step['edges']; note: Note } & Snapshot);

type Reaction = { edge?: string; effect?: Effect; then: Array<() => void> };

type Phase = 'handshake' | 'data' | 'close' | 'passive-close' | 'done';

const sec = (ms: number): number => ms / 1000;

/**
 * Runs a scenario (missing keys take DEFAULT_SCENARIO's values) and returns every step.
 * Throws a RangeError naming the problems if the scenario is invalid; check untrusted input
 * with validateScenario first.
 */
export function simulate(scenario: Partial<Scenario> = {}): Step[] {
  const checked = validateScenario({ ...DEFAULT_SCENARIO, ...scenario });
  if (!checked.ok) throw new RangeError(`invalid scenario: ${checked.errors.join('; ')}`);
  const sc = checked.scenario;

  const DELAY = Math.round(ONE_WAY_DELAY * 1000);
  const RTO = Math.round(sc.rto * 1000);
  const TW = Math.round(timeWaitSeconds(sc) * 1000);
  const lose = new Set(sc.lose);
  const portClosed = sc.portClosed === true;
  const simultaneousOpen = sc.open === 'simultaneous' && !portClosed;
  const activeCloser: Side = sc.close === 'server-first' ? 'server' : 'client';
  const passiveCloser = other(activeCloser);

  const mk = (side: Side): Endpoint => ({
    side,
    state: 'CLOSED',
    iss: sc.isn[side],
    sndNxt: sc.isn[side],
    rcvNxt: 0,
    passive: false,
    hadTcb: false,
    out: undefined,
    rtoMs: RTO,
    attempts: 0,
    rtxAt: undefined,
    rtxToken: 0,
    twAt: undefined,
    twToken: 0,
  });
  const ep: Record<Side, Endpoint> = { client: mk('client'), server: mk('server') };

  let now = 0;
  let order = 0;
  let tx = 0;
  let halted = false;
  let phase: Phase = 'handshake';
  let dataIndex = 0;
  const queue: Event[] = [];
  const raw: Raw[] = [];

  const snapshot = (): Snapshot => {
    const dl = (e: Endpoint): Deadlines => ({
      ...(e.rtxAt !== undefined ? { retransmit: sec(e.rtxAt) } : {}),
      ...(e.twAt !== undefined ? { timeWait: sec(e.twAt) } : {}),
    });
    return {
      states: { client: ep.client.state, server: ep.server.state },
      deadlines: { client: dl(ep.client), server: dl(ep.server) },
    };
  };

  const schedule = (e: EventBody & { t: number }): void => {
    queue.push({ ...e, order: order++ });
  };

  const move = (e: Endpoint, id: string): string => {
    const tr = transition(id);
    if (tr === undefined || tr.from !== e.state) throw new Error(`internal: no edge ${id} from ${e.state}`);
    e.state = tr.to;
    return id;
  };

  const armRtx = (e: Endpoint): void => {
    e.rtxAt = now + e.rtoMs;
    e.rtxToken++;
    schedule({ t: e.rtxAt, type: 'rtx', side: e.side, token: e.rtxToken });
  };
  const stopRtx = (e: Endpoint): void => {
    e.rtxAt = undefined;
    e.rtxToken++;
  };
  const startTimeWait = (e: Endpoint): void => {
    e.twAt = now + TW;
    e.twToken++;
    schedule({ t: e.twAt, type: 'tw', side: e.side, token: e.twToken });
  };
  const forget = (e: Endpoint): void => {
    e.out = undefined;
    stopRtx(e);
    e.twAt = undefined;
    e.twToken++;
  };
  const acked = (e: Endpoint): void => {
    e.out = undefined;
    stopRtx(e);
    e.rtoMs = RTO;
    e.attempts = 0;
  };

  const transmit = (
    e: Endpoint,
    flags: Flag[],
    seq: number,
    ack: number,
    len: number,
    key: NoteKey,
    extra: NoteParams = {},
    edge?: string,
    text?: string,
  ): void => {
    const seg: Segment = { from: e.side, flags: canonical(flags), seq, ack: flags.includes('ACK') ? ack : 0, len };
    if (text !== undefined) seg.text = text;
    const idx = tx++;
    const lost = lose.has(idx);
    if (segLen(seg) > 0 && e.out !== undefined && e.rtxAt === undefined) armRtx(e);
    const params: NoteParams = { from: e.side, to: other(e.side), seq: seg.seq };
    if (seg.flags.includes('ACK')) params['ack'] = seg.ack;
    if (seg.len > 0) params['len'] = seg.len;
    raw.push({
      type: 'send',
      idx,
      t: now,
      seg,
      lost,
      edges: edge !== undefined ? { [e.side]: edge } : {},
      note: { key, params: { ...params, ...extra } },
      ...snapshot(),
    });
    if (!lost) schedule({ t: now + DELAY, type: 'deliver', idx, seg });
  };

  // ----- user calls

  const activeOpen = (e: Endpoint): void => {
    const edge = move(e, 'closed-active-open');
    e.hadTcb = true;
    e.out = { seq: e.iss, syn: true, fin: false, len: 0, key: 'syn', extra: {} };
    e.sndNxt = seqAdd(e.iss, 1);
    transmit(e, ['SYN'], e.iss, 0, 0, 'syn', {}, edge);
  };

  const write = (e: Endpoint, item: DataItem): void => {
    const len = dataLength(item.bytes);
    const text = typeof item.bytes === 'string' ? item.bytes : undefined;
    const extra: NoteParams = text !== undefined ? { text } : {};
    e.out = { seq: e.sndNxt, syn: false, fin: false, len, key: 'data', extra, ...(text !== undefined ? { text } : {}) };
    const seq = e.sndNxt;
    e.sndNxt = seqAdd(seq, len);
    transmit(e, ['ACK'], seq, e.rcvNxt, len, 'data', extra, undefined, text);
  };

  const close = (e: Endpoint, piggyback: boolean): void => {
    const edge = move(e, e.state === 'CLOSE-WAIT' ? 'close-wait-close' : 'established-close');
    const extra: NoteParams = piggyback ? { piggyback: true } : {};
    e.out = { seq: e.sndNxt, syn: false, fin: true, len: 0, key: 'fin', extra };
    const seq = e.sndNxt;
    e.sndNxt = seqAdd(seq, 1);
    transmit(e, ['FIN', 'ACK'], seq, e.rcvNxt, 0, 'fin', extra, edge);
  };

  // ----- the applications: they act when nothing is in flight and nothing is unacknowledged

  const quiet = (): boolean =>
    ep.client.out === undefined && ep.server.out === undefined && !queue.some((e) => e.type === 'deliver');

  const direct = (): void => {
    if (halted || phase === 'done' || !quiet()) return;
    if (phase === 'handshake') {
      if (ep.client.state !== 'ESTABLISHED' || ep.server.state !== 'ESTABLISHED') return;
      phase = 'data';
    }
    if (phase === 'data') {
      const item = sc.data[dataIndex];
      if (item !== undefined) {
        dataIndex++;
        write(ep[item.from], item);
        return;
      }
      phase = 'close';
    }
    if (phase === 'close') {
      if (sc.close === 'simultaneous') {
        close(ep.client, false);
        close(ep.server, false);
        phase = 'done';
      } else {
        close(ep[activeCloser], false);
        phase = 'passive-close';
      }
      return;
    }
    if (phase === 'passive-close' && ep[passiveCloser].state === 'CLOSE-WAIT') {
      close(ep[passiveCloser], false);
      phase = 'done';
    }
  };

  // ----- a segment arrives (RFC 9293 §3.10.7, for the cases these scripts can produce)

  const receive = (e: Endpoint, seg: Segment): Reaction => {
    const r: Reaction = { then: [] };
    const has = (f: Flag): boolean => seg.flags.includes(f);
    const [SYN, FIN, RST, ACK] = [has('SYN'), has('FIN'), has('RST'), has('ACK')];
    const L = segLen(seg);
    const effect = (key: EffectKey, params: NoteParams = {}): void => {
      r.effect = { side: e.side, key, params };
    };
    const reply = (flags: Flag[], seq: number, ack: number, key: NoteKey, extra: NoteParams = {}): void => {
      r.then.push(() => transmit(e, flags, seq, ack, 0, key, extra));
    };
    const ackNow = (key: NoteKey): void => reply(['ACK'], e.sndNxt, e.rcvNxt, key);
    const refuse = (reason: string): void =>
      ACK
        ? reply(['RST'], seg.ack, 0, 'rst', { reason })
        : reply(['RST', 'ACK'], 0, seqAdd(seg.seq, L), 'rst', { reason });

    switch (e.state) {
      case 'CLOSED':
        // §3.10.7.1: no TCB. Anything but a RST is answered by a RST.
        if (RST) effect('ignored');
        else refuse(e.hadTcb ? 'no-connection' : 'closed-port');
        return r;

      case 'LISTEN':
        if (RST) effect('ignored');
        else if (ACK) refuse('no-connection');
        else if (SYN) {
          e.rcvNxt = seqAdd(seg.seq, 1);
          e.hadTcb = true;
          r.edge = move(e, 'listen-rcv-syn');
          e.out = { seq: e.iss, syn: true, fin: false, len: 0, key: 'syn-ack', extra: {} };
          e.sndNxt = seqAdd(e.iss, 1);
          reply(['SYN', 'ACK'], e.iss, e.rcvNxt, 'syn-ack');
        } else effect('ignored');
        return r;

      case 'SYN-SENT': {
        const ackOk = ACK && seg.ack === e.sndNxt;
        if (ACK && !ackOk) {
          if (RST) effect('ignored');
          else refuse('bad-ack');
        } else if (RST) {
          if (ackOk) {
            r.edge = move(e, 'syn-sent-rcv-rst');
            forget(e);
            halted = true;
            effect('refused');
          } else effect('ignored');
        } else if (SYN) {
          e.rcvNxt = seqAdd(seg.seq, 1);
          if (ackOk) {
            acked(e);
            r.edge = move(e, 'syn-sent-rcv-syn-ack');
            ackNow('handshake-ack');
          } else {
            // Simultaneous open (Figure 7): our SYN again, now acknowledging theirs.
            r.edge = move(e, 'syn-sent-rcv-syn');
            if (e.out !== undefined) e.out = { ...e.out, key: 'syn-ack', extra: { simultaneous: true } };
            reply(['SYN', 'ACK'], e.iss, e.rcvNxt, 'syn-ack', { simultaneous: true });
          }
        } else effect('ignored');
        return r;
      }

      case 'SYN-RECEIVED':
        if (RST) {
          if (seg.seq !== e.rcvNxt) effect('ignored');
          else if (e.passive) {
            r.edge = move(e, 'syn-received-rcv-rst');
            forget(e);
            e.sndNxt = e.iss;
            e.rtoMs = RTO;
            e.attempts = 0;
            halted = true;
            effect('listen');
          } else {
            r.edge = move(e, 'syn-received-rcv-rst-active');
            forget(e);
            halted = true;
            effect('refused');
          }
        } else if (ACK) {
          if (seg.ack !== e.sndNxt) refuse('bad-ack');
          else {
            // A SYN,ACK here (Figure 7) repeats the peer's SYN, which we already have.
            acked(e);
            r.edge = move(e, 'syn-received-rcv-ack');
          }
        } else if (SYN) {
          // The peer sent its SYN again, so our SYN,ACK was lost: send it again.
          effect('duplicate');
          reply(['SYN', 'ACK'], e.iss, e.rcvNxt, 'syn-ack');
        } else effect('ignored');
        return r;

      default: {
        // Synchronized states.
        if (RST) {
          if (seg.seq === e.rcvNxt) {
            r.edge = move(e, `${slug(e.state)}-rcv-rst`);
            forget(e);
            halted = true;
            effect('reset');
          } else effect('ignored');
          return r;
        }
        let finAcked = false;
        if (ACK && e.out !== undefined && seg.ack === e.sndNxt) {
          finAcked = e.out.fin;
          acked(e);
        }
        const isNew = L > 0 && seg.seq === e.rcvNxt;
        const duplicate = L > 0 && !isNew;
        if (isNew) e.rcvNxt = seqAdd(e.rcvNxt, L);
        const newFin = isNew && FIN;
        switch (e.state) {
          case 'ESTABLISHED':
            if (newFin) {
              r.edge = move(e, 'established-rcv-fin');
              if (sc.piggyback && phase === 'passive-close' && e.side === passiveCloser && !halted) {
                // The application closes at once: the FIN rides on the ACK.
                phase = 'done';
                r.then.push(() => close(e, true));
              } else ackNow('fin-ack');
            } else if (isNew) ackNow('data-ack');
            break;
          case 'FIN-WAIT-1':
            if (newFin && finAcked) {
              r.edge = move(e, 'fin-wait-1-rcv-fin-ack');
              startTimeWait(e);
              ackNow('fin-ack');
            } else if (newFin) {
              r.edge = move(e, 'fin-wait-1-rcv-fin');
              ackNow('fin-ack');
            } else {
              if (finAcked) r.edge = move(e, 'fin-wait-1-rcv-ack');
              if (isNew) ackNow('data-ack');
            }
            break;
          case 'FIN-WAIT-2':
            if (newFin) {
              r.edge = move(e, 'fin-wait-2-rcv-fin');
              startTimeWait(e);
              ackNow('fin-ack');
            } else if (isNew) ackNow('data-ack');
            break;
          case 'CLOSING':
            if (finAcked) {
              r.edge = move(e, 'closing-rcv-ack');
              startTimeWait(e);
            }
            break;
          case 'LAST-ACK':
            if (finAcked) {
              r.edge = move(e, 'last-ack-rcv-ack');
              forget(e);
            }
            break;
          case 'TIME-WAIT':
            if (duplicate && FIN) {
              r.edge = move(e, 'time-wait-rcv-fin');
              startTimeWait(e);
              effect('time-wait-restart', { until: sec(now + TW) });
            }
            break;
          default:
            break;
        }
        if (duplicate) {
          if (r.effect === undefined) effect('duplicate');
          ackNow('dup-ack');
        }
        return r;
      }
    }
  };

  // ----- timers

  const onRetransmitTimer = (e: Endpoint): void => {
    const out = e.out;
    if (out === undefined) return;
    e.rtxAt = undefined;
    if (e.attempts >= sc.retries) {
      const edge = move(e, `${slug(e.state)}-give-up`);
      forget(e);
      halted = true;
      raw.push({
        type: 'timer',
        t: now,
        timer: 'retransmit',
        edges: { [e.side]: edge },
        note: { key: 'give-up', params: { side: e.side, retransmissions: e.attempts } },
        ...snapshot(),
      });
      return;
    }
    raw.push({
      type: 'timer',
      t: now,
      timer: 'retransmit',
      edges: {},
      note: { key: 'rto', params: { side: e.side, rto: sec(e.rtoMs), attempt: e.attempts + 1 } },
      ...snapshot(),
    });
    e.attempts++;
    e.rtoMs = Math.min(2 * e.rtoMs, RTO_MAX * 1000);
    const flags: Flag[] = out.syn
      ? e.state === 'SYN-RECEIVED'
        ? ['SYN', 'ACK']
        : ['SYN']
      : out.fin
        ? ['FIN', 'ACK']
        : ['ACK'];
    transmit(
      e,
      flags,
      out.seq,
      e.rcvNxt,
      out.len,
      out.key,
      { ...out.extra, retransmission: e.attempts },
      undefined,
      out.text,
    );
  };

  const onTimeWaitTimer = (e: Endpoint): void => {
    const edge = move(e, 'time-wait-timeout');
    forget(e);
    raw.push({
      type: 'timer',
      t: now,
      timer: 'time-wait',
      edges: { [e.side]: edge },
      note: { key: 'time-wait-expired', params: { side: e.side, waited: sec(TW) } },
      ...snapshot(),
    });
  };

  // ----- run

  const startEdges: Step['edges'] = {};
  if (!portClosed && !simultaneousOpen) {
    startEdges.server = move(ep.server, 'closed-passive-open');
    ep.server.passive = true;
  }
  const start: Step = {
    t: 0,
    kind: 'start',
    states: { client: ep.client.state, server: ep.server.state },
    edges: startEdges,
    note: { key: 'start', params: { client: ep.client.state, server: ep.server.state } },
    deadlines: { client: {}, server: {} },
  };

  activeOpen(ep.client);
  if (simultaneousOpen) activeOpen(ep.server);

  let guard = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < queue.length; i++) {
      const a = queue[i]!;
      const b = best < 0 ? undefined : queue[best]!;
      if (b === undefined || a.t < b.t || (a.t === b.t && a.order < b.order)) best = i;
    }
    if (best < 0) break;
    const ev = queue.splice(best, 1)[0]!;
    if (++guard > 10 * MAX_STEPS) throw new Error('internal: the simulation does not terminate');
    if (ev.type === 'rtx') {
      if (ev.token !== ep[ev.side].rtxToken) continue;
      now = ev.t;
      onRetransmitTimer(ep[ev.side]);
    } else if (ev.type === 'tw') {
      if (ev.token !== ep[ev.side].twToken) continue;
      now = ev.t;
      onTimeWaitTimer(ep[ev.side]);
    } else {
      now = ev.t;
      const receiver = ep[other(ev.seg.from)];
      const r = receive(receiver, ev.seg);
      raw.push({
        type: 'deliver',
        idx: ev.idx,
        t: now,
        edges: r.edge !== undefined ? { [receiver.side]: r.edge } : {},
        ...(r.effect !== undefined ? { effect: r.effect } : {}),
        ...snapshot(),
      });
      for (const f of r.then) f();
    }
    direct();
  }

  const steps = [start, ...toSteps(raw)];
  if (steps.length > MAX_STEPS) throw new Error('internal: the run is too long');
  return steps;
}

/** Folds each segment's sending and arrival into one step where nothing happens in between. */
function toSteps(raw: Raw[]): Step[] {
  const steps: Step[] = [];
  const roles = new Map<number, { seg: Segment; key: NoteKey }>();
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.type === 'timer') {
      steps.push({
        t: sec(r.t),
        kind: 'timer',
        timer: r.timer,
        states: r.states,
        edges: r.edges,
        note: r.note,
        deadlines: r.deadlines,
      });
    } else if (r.type === 'send') {
      const next = raw[i + 1];
      const base = { t: sec(r.t), segment: r.seg, index: r.idx };
      if (r.lost) {
        steps.push({
          ...base,
          kind: 'segment',
          lost: true,
          states: r.states,
          edges: r.edges,
          note: r.note,
          deadlines: r.deadlines,
        });
      } else if (next !== undefined && next.type === 'deliver' && next.idx === r.idx) {
        steps.push({
          ...base,
          kind: 'segment',
          arrives: sec(next.t),
          states: next.states,
          edges: { ...r.edges, ...next.edges },
          note: r.note,
          ...(next.effect !== undefined ? { effect: next.effect } : {}),
          deadlines: next.deadlines,
        });
        i++;
      } else {
        roles.set(r.idx, { seg: r.seg, key: r.note.key });
        steps.push({
          ...base,
          kind: 'send',
          arrives: sec(r.t + Math.round(ONE_WAY_DELAY * 1000)),
          states: r.states,
          edges: r.edges,
          note: r.note,
          deadlines: r.deadlines,
        });
      }
    } else {
      const sent = roles.get(r.idx);
      if (sent === undefined) throw new Error('internal: arrival of an unknown segment');
      steps.push({
        t: sec(r.t),
        kind: 'arrive',
        segment: sent.seg,
        index: r.idx,
        states: r.states,
        edges: r.edges,
        note: { key: 'arrive', params: { to: other(sent.seg.from), role: sent.key } },
        ...(r.effect !== undefined ? { effect: r.effect } : {}),
        deadlines: r.deadlines,
      });
    }
  }
  return steps;
}

/**
 * How a run ended: a clean close, a refused connection, a reset, or a sender that gave up (with
 * the state its peer is left in: LISTEN or CLOSED, or half-open such as ESTABLISHED).
 */
export function outcome(steps: readonly Step[]): Outcome {
  for (const s of steps) {
    if (s.note.key === 'give-up') {
      const side: Side = s.note.params['side'] === 'server' ? 'server' : 'client';
      return { kind: 'gave-up', side, peer: steps[steps.length - 1]?.states[other(side)] ?? 'CLOSED' };
    }
  }
  for (const s of steps) {
    if (s.effect?.key === 'refused') return { kind: 'refused' };
    if (s.effect?.key === 'reset' || s.effect?.key === 'listen') return { kind: 'reset', side: s.effect.side };
  }
  return { kind: 'closed' };
}
