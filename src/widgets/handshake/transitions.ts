// RFC 9293 Figure 5 as data. The simulator may only move an endpoint along an edge of this table,
// and the diagram, the narration and the tests all read it from here.

export type State =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** The 11 states in the order RFC 9293 §3.3.2 lists them. */
export const STATES: readonly State[] = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
];

export type Transition = {
  /** Stable id; `Step.edges` names these. */
  id: string;
  from: State;
  to: State;
  /** The event, in Figure 5's words: 'active OPEN', 'rcv SYN', 'CLOSE', 'timeout=2MSL', ... */
  event: string;
  /** What the endpoint does, in Figure 5's words: 'snd SYN,ACK', 'snd ACK', 'x' (nothing), ... */
  action: string;
  /** true: drawn in Figure 5. false: described by the RFC but left out of the figure (see `ref`). */
  figure: boolean;
  /** Where the RFC says so. */
  ref: string;
};

const FIG5 = 'RFC 9293 §3.3.2, Figure 5';

function edge(
  id: string,
  from: State,
  to: State,
  event: string,
  action: string,
  figure: boolean,
  ref: string,
): Transition {
  return { id, from, to, event, action, figure, ref };
}

/** `-rcv-rst` edges: RFC 9293 Figure 5, note 3 (receipt of a RST in a synchronized state → CLOSED). */
const RESET_FROM: readonly State[] = [
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
];

/** `-give-up` edges: the retransmission limit (R2, §3.8.3) or user timeout (§3.10.8) closes the connection. */
const GIVE_UP_FROM: readonly State[] = [
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
];

function slug(s: State): string {
  return s.toLowerCase();
}

export const TRANSITIONS: readonly Transition[] = [
  // The figure itself.
  edge('closed-passive-open', 'CLOSED', 'LISTEN', 'passive OPEN', 'create TCB', true, FIG5),
  edge('closed-active-open', 'CLOSED', 'SYN-SENT', 'active OPEN', 'create TCB; snd SYN', true, FIG5),
  edge('listen-close', 'LISTEN', 'CLOSED', 'CLOSE', 'delete TCB', true, FIG5),
  edge('listen-rcv-syn', 'LISTEN', 'SYN-RECEIVED', 'rcv SYN', 'snd SYN,ACK', true, FIG5),
  edge('listen-send', 'LISTEN', 'SYN-SENT', 'SEND', 'snd SYN', true, FIG5),
  edge('syn-sent-close', 'SYN-SENT', 'CLOSED', 'CLOSE', 'delete TCB', true, FIG5),
  edge('syn-sent-rcv-syn', 'SYN-SENT', 'SYN-RECEIVED', 'rcv SYN', 'snd SYN,ACK', true, `${FIG5}; Figure 7`),
  edge('syn-sent-rcv-syn-ack', 'SYN-SENT', 'ESTABLISHED', 'rcv SYN,ACK', 'snd ACK', true, FIG5),
  edge('syn-received-rcv-ack', 'SYN-RECEIVED', 'ESTABLISHED', 'rcv ACK of SYN', 'x', true, FIG5),
  edge(
    'syn-received-rcv-rst',
    'SYN-RECEIVED',
    'LISTEN',
    'rcv RST',
    'x',
    true,
    `${FIG5}, note 1 (after a passive OPEN)`,
  ),
  edge('syn-received-close', 'SYN-RECEIVED', 'FIN-WAIT-1', 'CLOSE', 'snd FIN', true, FIG5),
  edge('established-close', 'ESTABLISHED', 'FIN-WAIT-1', 'CLOSE', 'snd FIN', true, FIG5),
  edge('established-rcv-fin', 'ESTABLISHED', 'CLOSE-WAIT', 'rcv FIN', 'snd ACK', true, FIG5),
  edge('fin-wait-1-rcv-ack', 'FIN-WAIT-1', 'FIN-WAIT-2', 'rcv ACK of FIN', 'x', true, FIG5),
  edge('fin-wait-1-rcv-fin', 'FIN-WAIT-1', 'CLOSING', 'rcv FIN', 'snd ACK', true, `${FIG5}; Figure 13`),
  edge('fin-wait-2-rcv-fin', 'FIN-WAIT-2', 'TIME-WAIT', 'rcv FIN', 'snd ACK', true, FIG5),
  edge('close-wait-close', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSE', 'snd FIN', true, FIG5),
  edge('closing-rcv-ack', 'CLOSING', 'TIME-WAIT', 'rcv ACK of FIN', 'x', true, FIG5),
  edge('last-ack-rcv-ack', 'LAST-ACK', 'CLOSED', 'rcv ACK of FIN', 'x', true, FIG5),
  edge('time-wait-timeout', 'TIME-WAIT', 'CLOSED', 'timeout=2MSL', 'delete TCB', true, FIG5),

  // Described by the RFC, left out of the figure.
  edge(
    'fin-wait-1-rcv-fin-ack',
    'FIN-WAIT-1',
    'TIME-WAIT',
    'rcv FIN + ACK of FIN',
    'snd ACK',
    false,
    `${FIG5}, note 2 (the passive closer piggybacks its FIN on the ACK)`,
  ),
  edge(
    'time-wait-rcv-fin',
    'TIME-WAIT',
    'TIME-WAIT',
    'rcv FIN',
    'snd ACK; restart 2MSL timer',
    false,
    'RFC 9293 §3.10.7.4 (TIME-WAIT: acknowledge the retransmitted FIN and restart the 2 MSL timeout)',
  ),
  edge('syn-sent-rcv-rst', 'SYN-SENT', 'CLOSED', 'rcv RST', 'x', false, 'RFC 9293 §3.10.7.3 (connection refused)'),
  edge(
    'syn-received-rcv-rst-active',
    'SYN-RECEIVED',
    'CLOSED',
    'rcv RST',
    'x',
    false,
    'RFC 9293 §3.10.7.4 (after an active OPEN: connection refused)',
  ),
  ...RESET_FROM.map((s) =>
    edge(`${slug(s)}-rcv-rst`, s, 'CLOSED', 'rcv RST', 'x', false, `${FIG5}, note 3; §3.10.7.4 (connection reset)`),
  ),
  ...GIVE_UP_FROM.map((s) =>
    edge(
      `${slug(s)}-give-up`,
      s,
      'CLOSED',
      'retransmission limit (R2) / user timeout',
      'delete TCB',
      false,
      'RFC 9293 §3.8.3 (R2), §3.10.8 (USER TIMEOUT)',
    ),
  ),
];

const BY_ID = new Map(TRANSITIONS.map((t) => [t.id, t]));

/** The transition with this id, or undefined. */
export function transition(id: string): Transition | undefined {
  return BY_ID.get(id);
}
