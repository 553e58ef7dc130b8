import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SCENARIO,
  LIMITS,
  ONE_WAY_DELAY,
  PRESETS,
  STATES,
  TRANSITIONS,
  dataLength,
  decodeScenario,
  encodeScenario,
  outcome,
  rfcNotation,
  segLen,
  seqAdd,
  seqDiff,
  simulate,
  timeWaitSeconds,
  transition,
  validateScenario,
  type Scenario,
  type Segment,
  type Side,
  type State,
  type Step,
} from '../../src/widgets/handshake/model.ts';

const TOP = 2 ** 32 - 1;
const other = (s: Side): Side => (s === 'client' ? 'server' : 'client');
const SIDES: Side[] = ['client', 'server'];

/** Every transmission once, in the order segments were put on the wire. */
function transmissions(steps: Step[]): Array<Step & { segment: Segment; index: number }> {
  return steps.filter(
    (s): s is Step & { segment: Segment; index: number } => s.kind === 'segment' || s.kind === 'send',
  );
}

/** One row per step, shaped like the chapter's table: direction, flags, seq, ack, data bytes, states. */
function row(s: Step): [string, string, number | '—', number | '—', number | '—', State, State] {
  const states: [State, State] = [s.states.client, s.states.server];
  if (s.segment === undefined) return ['—', s.timer ?? s.kind, '—', '—', '—', ...states];
  const g = s.segment;
  return [
    g.from === 'client' ? 'A → B' : 'B → A',
    g.flags.join(', '),
    g.seq,
    g.flags.includes('ACK') ? g.ack : '—',
    g.len,
    ...states,
  ];
}

const W6: ReturnType<typeof row>[] = [
  ['—', 'start', '—', '—', '—', 'CLOSED', 'LISTEN'],
  ['A → B', 'SYN', 100, '—', 0, 'SYN-SENT', 'SYN-RECEIVED'], // ①
  ['B → A', 'SYN, ACK', 300, 101, 0, 'ESTABLISHED', 'SYN-RECEIVED'], // ②
  ['A → B', 'ACK', 101, 301, 0, 'ESTABLISHED', 'ESTABLISHED'], // ③
  ['A → B', 'ACK', 101, 301, 5, 'ESTABLISHED', 'ESTABLISHED'], // ④ "hello"
  ['B → A', 'ACK', 301, 106, 0, 'ESTABLISHED', 'ESTABLISHED'], // ④ its ACK
  ['A → B', 'FIN, ACK', 106, 301, 0, 'FIN-WAIT-1', 'CLOSE-WAIT'], // ⑤
  ['B → A', 'ACK', 301, 107, 0, 'FIN-WAIT-2', 'CLOSE-WAIT'], // ⑥
  ['B → A', 'FIN, ACK', 301, 107, 0, 'TIME-WAIT', 'LAST-ACK'], // ⑦
  ['A → B', 'ACK', 107, 302, 0, 'TIME-WAIT', 'CLOSED'], // ⑧
  ['—', 'time-wait', '—', '—', '—', 'CLOSED', 'CLOSED'], // ⑨
];

/** The #full-run table of a chapter, as rows of the same shape. */
function chapterTable(lang: 'en' | 'zh'): ReturnType<typeof row>[] {
  const text = readFileSync(new URL(`../../content/chapters/${lang}/04-tcp-udp.mdx`, import.meta.url), 'utf8');
  const after = text.slice(text.indexOf('#full-run'));
  const lines = after.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const table: string[] = [];
  for (const l of lines.slice(first)) {
    if (!l.startsWith('|')) break;
    table.push(l);
  }
  const num = (c: string): number | '—' => (c === '—' ? '—' : Number.parseInt(c, 10));
  return table.slice(2).map((l) => {
    const c = l
      .split('|')
      .slice(1, -1)
      .map((x) => x.trim());
    const [, dir = '', flags = '', seq = '', ack = '', len = '', a = '', b = ''] = c;
    const timer = flags.includes('2×MSL');
    return [
      dir,
      dir === '—' ? (timer ? 'time-wait' : 'start') : flags,
      num(seq),
      num(ack),
      dir === '—' ? '—' : num(len),
      a as State,
      b as State,
    ];
  });
}

describe('the default run is course-brief W6, step by step', () => {
  const steps = simulate();

  test('simulate() with no argument runs the default scenario', () => {
    expect(steps).toEqual(simulate(DEFAULT_SCENARIO));
    expect(steps).toEqual(simulate(PRESETS['normal']));
  });

  test('① to ⑧ are the W6 segments and ⑨ is the 2×MSL timer, with both states after each', () => {
    expect(steps.map(row)).toEqual(W6);
  });

  test("the chapter's #full-run table (en and zh) is exactly this run", () => {
    expect(chapterTable('en')).toEqual(steps.map(row));
    expect(chapterTable('zh')).toEqual(steps.map(row));
  });

  test('in RFC notation', () => {
    expect(transmissions(steps).map((s) => rfcNotation(s.segment))).toEqual([
      '<SEQ=100><CTL=SYN>',
      '<SEQ=300><ACK=101><CTL=SYN,ACK>',
      '<SEQ=101><ACK=301><CTL=ACK>',
      '<SEQ=101><ACK=301><CTL=ACK><DATA=5>',
      '<SEQ=301><ACK=106><CTL=ACK>',
      '<SEQ=106><ACK=301><CTL=FIN,ACK>',
      '<SEQ=301><ACK=107><CTL=ACK>',
      '<SEQ=301><ACK=107><CTL=FIN,ACK>',
      '<SEQ=107><ACK=302><CTL=ACK>',
    ]);
  });

  test('each step names the Figure 5 edges it takes', () => {
    expect(steps.map((s) => s.edges)).toEqual([
      { server: 'closed-passive-open' },
      { client: 'closed-active-open', server: 'listen-rcv-syn' },
      { client: 'syn-sent-rcv-syn-ack' },
      { server: 'syn-received-rcv-ack' },
      {},
      {},
      { client: 'established-close', server: 'established-rcv-fin' },
      { client: 'fin-wait-1-rcv-ack' },
      { server: 'close-wait-close', client: 'fin-wait-2-rcv-fin' },
      { server: 'last-ack-rcv-ack' },
      { client: 'time-wait-timeout' },
    ]);
  });

  test('each step carries a narration key, not prose', () => {
    expect(steps.map((s) => s.note.key)).toEqual([
      'start',
      'syn',
      'syn-ack',
      'handshake-ack',
      'data',
      'data-ack',
      'fin',
      'fin-ack',
      'fin',
      'fin-ack',
      'time-wait-expired',
    ]);
    expect(steps[4]?.note.params).toEqual({ from: 'client', to: 'server', seq: 101, ack: 301, len: 5, text: 'hello' });
    expect(steps[4]?.segment?.text).toBe('hello');
  });

  test('each segment takes 0.05 s; the next is sent when the last has arrived', () => {
    expect(ONE_WAY_DELAY).toBe(0.05);
    expect(steps.map((s) => s.t)).toEqual([0, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 240.4]);
    for (const s of transmissions(steps)) expect(s.arrives).toBeCloseTo(s.t + 0.05, 9);
  });

  test('A enters TIME-WAIT when ⑦ arrives (0.4 s) and is CLOSED 2×MSL = 240 s later', () => {
    expect(steps[8]?.deadlines.client).toEqual({ timeWait: 240.4 });
    expect(steps[10]).toMatchObject({
      kind: 'timer',
      timer: 'time-wait',
      t: 240.4,
      note: { params: { side: 'client', waited: 240 } },
    });
    expect(outcome(steps)).toEqual({ kind: 'closed' });
  });

  test('a segment without the ACK flag has ack 0', () => {
    expect(steps[1]?.segment).toEqual({ from: 'client', flags: ['SYN'], seq: 100, ack: 0, len: 0 });
  });
});

describe('sequence numbers are 32-bit and wrap', () => {
  test('seqAdd and seqDiff work mod 2^32', () => {
    expect(seqAdd(TOP, 1)).toBe(0);
    expect(seqAdd(TOP - 1, 5)).toBe(3);
    expect(seqAdd(0, -1)).toBe(TOP);
    expect(seqDiff(0, TOP)).toBe(1);
    expect(seqDiff(TOP, 0)).toBe(-1);
  });

  test('an ISN of 2^32−1: the SYN is acknowledged with ack 0, and data starts at 0', () => {
    const steps = simulate({ isn: { client: TOP, server: TOP - 2 } });
    const rows = transmissions(steps).map((s) => [
      s.segment.flags.join(','),
      s.segment.seq,
      s.segment.ack,
      s.segment.len,
    ]);
    expect(rows).toEqual([
      ['SYN', TOP, 0, 0],
      ['SYN,ACK', TOP - 2, 0, 0],
      ['ACK', 0, TOP - 1, 0],
      ['ACK', 0, TOP - 1, 5],
      ['ACK', TOP - 1, 5, 0],
      ['FIN,ACK', 5, TOP - 1, 0],
      ['ACK', TOP - 1, 6, 0],
      ['FIN,ACK', TOP - 1, 6, 0],
      ['ACK', 6, TOP, 0],
    ]);
  });

  test('SEG.LEN counts SYN and FIN', () => {
    expect(segLen({ flags: ['SYN'], len: 0 })).toBe(1);
    expect(segLen({ flags: ['FIN', 'ACK'], len: 0 })).toBe(1);
    expect(segLen({ flags: ['ACK'], len: 5 })).toBe(5);
    expect(segLen({ flags: ['ACK'], len: 0 })).toBe(0);
  });
});

describe('TRANSITIONS is RFC 9293 Figure 5 as data', () => {
  test('has the 11 states of the RFC, spelt as the RFC spells them', () => {
    expect(STATES).toEqual([
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
    ]);
  });

  test('the edges drawn in Figure 5, with their events and actions', () => {
    const drawn = TRANSITIONS.filter((t) => t.figure).map((t) => `${t.from} → ${t.to}: ${t.event} / ${t.action}`);
    expect(drawn).toEqual([
      'CLOSED → LISTEN: passive OPEN / create TCB',
      'CLOSED → SYN-SENT: active OPEN / create TCB; snd SYN',
      'LISTEN → CLOSED: CLOSE / delete TCB',
      'LISTEN → SYN-RECEIVED: rcv SYN / snd SYN,ACK',
      'LISTEN → SYN-SENT: SEND / snd SYN',
      'SYN-SENT → CLOSED: CLOSE / delete TCB',
      'SYN-SENT → SYN-RECEIVED: rcv SYN / snd SYN,ACK',
      'SYN-SENT → ESTABLISHED: rcv SYN,ACK / snd ACK',
      'SYN-RECEIVED → ESTABLISHED: rcv ACK of SYN / x',
      'SYN-RECEIVED → LISTEN: rcv RST / x',
      'SYN-RECEIVED → FIN-WAIT-1: CLOSE / snd FIN',
      'ESTABLISHED → FIN-WAIT-1: CLOSE / snd FIN',
      'ESTABLISHED → CLOSE-WAIT: rcv FIN / snd ACK',
      'FIN-WAIT-1 → FIN-WAIT-2: rcv ACK of FIN / x',
      'FIN-WAIT-1 → CLOSING: rcv FIN / snd ACK',
      'FIN-WAIT-2 → TIME-WAIT: rcv FIN / snd ACK',
      'CLOSE-WAIT → LAST-ACK: CLOSE / snd FIN',
      'CLOSING → TIME-WAIT: rcv ACK of FIN / x',
      'LAST-ACK → CLOSED: rcv ACK of FIN / x',
      'TIME-WAIT → CLOSED: timeout=2MSL / delete TCB',
    ]);
  });

  test('includes note 2: FIN-WAIT-1 → TIME-WAIT on a FIN that also acknowledges our FIN', () => {
    expect(transition('fin-wait-1-rcv-fin-ack')).toMatchObject({
      from: 'FIN-WAIT-1',
      to: 'TIME-WAIT',
      action: 'snd ACK',
      figure: false,
    });
    expect(transition('fin-wait-1-rcv-fin-ack')?.ref).toContain('note 2');
  });

  test('ids are unique and every edge joins two of the 11 states', () => {
    expect(new Set(TRANSITIONS.map((t) => t.id)).size).toBe(TRANSITIONS.length);
    for (const t of TRANSITIONS) {
      expect(STATES).toContain(t.from);
      expect(STATES).toContain(t.to);
      expect(transition(t.id)).toBe(t);
    }
  });

  test('the extra edges (RST, give-up, TIME-WAIT restart) are marked as not drawn and cite the RFC', () => {
    for (const t of TRANSITIONS.filter((x) => !x.figure)) expect(t.ref).toMatch(/RFC 9293/);
    expect(transition('time-wait-rcv-fin')).toMatchObject({ from: 'TIME-WAIT', to: 'TIME-WAIT' });
  });
});

describe('presets', () => {
  test('include the ones the design names', () => {
    expect(Object.keys(PRESETS)).toEqual(
      expect.arrayContaining([
        'normal',
        'piggyback-close',
        'simultaneous-open',
        'simultaneous-close',
        'lost-syn',
        'lost-final-ack',
        'server-closes-first',
        'rst-closed-port',
        'lost-data',
        'linux-msl',
      ]),
    );
  });

  test.each(Object.keys(PRESETS))('%s is a valid, complete scenario', (name) => {
    const p = PRESETS[name]!;
    expect(validateScenario(p)).toEqual({ ok: true, scenario: p });
  });

  test('piggyback-close: a three-segment close, A going straight from FIN-WAIT-1 to TIME-WAIT', () => {
    const steps = simulate(PRESETS['piggyback-close']);
    const close = transmissions(steps).slice(5);
    expect(close.map((s) => rfcNotation(s.segment))).toEqual([
      '<SEQ=106><ACK=301><CTL=FIN,ACK>',
      '<SEQ=301><ACK=107><CTL=FIN,ACK>',
      '<SEQ=107><ACK=302><CTL=ACK>',
    ]);
    expect(close[1]?.edges).toEqual({ server: 'close-wait-close', client: 'fin-wait-1-rcv-fin-ack' });
    expect(close[1]?.note.params['piggyback']).toBe(true);
    expect(steps.some((s) => s.states.client === 'FIN-WAIT-2')).toBe(false);
    expect(steps.at(-1)).toMatchObject({ timer: 'time-wait', states: { client: 'CLOSED', server: 'CLOSED' } });
  });

  test('simultaneous-open: both go SYN-SENT → SYN-RECEIVED → ESTABLISHED (Figure 7)', () => {
    const steps = simulate(PRESETS['simultaneous-open']);
    for (const side of SIDES) {
      const path = steps.map((s) => s.states[side]).filter((x, i, a) => i === 0 || a[i - 1] !== x);
      expect(path.slice(0, 4)).toEqual(['CLOSED', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED']);
    }
    expect(steps.some((s) => s.states.server === 'LISTEN')).toBe(false);
    expect(
      transmissions(steps)
        .slice(0, 4)
        .map((s) => `${s.segment.from} ${rfcNotation(s.segment)}`),
    ).toEqual([
      'client <SEQ=100><CTL=SYN>',
      'server <SEQ=300><CTL=SYN>',
      'server <SEQ=300><ACK=101><CTL=SYN,ACK>',
      'client <SEQ=100><ACK=301><CTL=SYN,ACK>',
    ]);
    // Crossing segments are shown as a send and a later arrival.
    expect(steps.slice(1, 3).map((s) => s.kind)).toEqual(['send', 'send']);
    expect(steps[3]).toMatchObject({ kind: 'arrive', index: 0, edges: { server: 'syn-sent-rcv-syn' } });
  });

  test('simultaneous-close: both go FIN-WAIT-1 → CLOSING → TIME-WAIT and both wait 2×MSL (Figure 13)', () => {
    const steps = simulate(PRESETS['simultaneous-close']);
    for (const side of SIDES) {
      const path = steps.map((s) => s.states[side]).filter((x, i, a) => i === 0 || a[i - 1] !== x);
      expect(path.slice(-5)).toEqual(['ESTABLISHED', 'FIN-WAIT-1', 'CLOSING', 'TIME-WAIT', 'CLOSED']);
    }
    const close = transmissions(steps)
      .slice(5)
      .map((s) => `${s.segment.from} ${rfcNotation(s.segment)}`);
    expect(close).toEqual([
      'client <SEQ=106><ACK=301><CTL=FIN,ACK>',
      'server <SEQ=301><ACK=106><CTL=FIN,ACK>',
      'server <SEQ=302><ACK=107><CTL=ACK>',
      'client <SEQ=107><ACK=302><CTL=ACK>',
    ]);
    const timers = steps.filter((s) => s.timer === 'time-wait');
    expect(timers.map((s) => [s.note.params['side'], s.t])).toEqual([
      ['client', 240.35],
      ['server', 240.35],
    ]);
  });

  test('server-closes-first: B is the active closer, so B waits in TIME-WAIT', () => {
    const steps = simulate(PRESETS['server-closes-first']);
    expect(steps.some((s) => s.states.client === 'TIME-WAIT')).toBe(false);
    expect(steps.at(-1)).toMatchObject({ timer: 'time-wait', edges: { server: 'time-wait-timeout' } });
    expect(transmissions(steps)[5]?.segment).toEqual({
      from: 'server',
      flags: ['FIN', 'ACK'],
      seq: 301,
      ack: 106,
      len: 0,
    });
  });

  test('lost-syn: A sends the SYN again when its RTO (1 s) expires', () => {
    const steps = simulate(PRESETS['lost-syn']);
    expect(steps[1]).toMatchObject({
      kind: 'segment',
      index: 0,
      lost: true,
      states: { client: 'SYN-SENT', server: 'LISTEN' },
    });
    expect(steps[2]).toMatchObject({
      kind: 'timer',
      timer: 'retransmit',
      t: 1,
      note: { key: 'rto', params: { side: 'client', attempt: 1 } },
    });
    expect(steps[3]).toMatchObject({
      kind: 'segment',
      index: 1,
      t: 1,
      segment: { from: 'client', flags: ['SYN'], seq: 100 },
      note: { key: 'syn', params: { retransmission: 1 } },
      states: { client: 'SYN-SENT', server: 'SYN-RECEIVED' },
    });
    expect(outcome(steps)).toEqual({ kind: 'closed' });
  });

  test('lost-final-ack: B resends its FIN after its RTO; A re-ACKs and restarts 2×MSL', () => {
    const steps = simulate(PRESETS['lost-final-ack']);
    const i = steps.findIndex((s) => s.lost);
    expect(steps[i]).toMatchObject({
      index: 8,
      segment: { flags: ['ACK'], seq: 107, ack: 302 },
      states: { client: 'TIME-WAIT', server: 'LAST-ACK' },
    });
    expect(steps[i + 1]).toMatchObject({ timer: 'retransmit', t: 1.35, note: { params: { side: 'server' } } });
    expect(steps[i + 2]).toMatchObject({
      t: 1.35,
      arrives: 1.4,
      segment: { from: 'server', flags: ['FIN', 'ACK'], seq: 301, ack: 107 },
      edges: { client: 'time-wait-rcv-fin' },
      effect: { side: 'client', key: 'time-wait-restart', params: { until: 241.4 } },
      deadlines: { client: { timeWait: 241.4 } },
    });
    expect(steps[i + 3]).toMatchObject({
      segment: { from: 'client', flags: ['ACK'], seq: 107, ack: 302 },
      states: { server: 'CLOSED' },
    });
    expect(steps.at(-1)).toMatchObject({
      timer: 'time-wait',
      t: 241.4,
      states: { client: 'CLOSED', server: 'CLOSED' },
    });
  });

  test('rst-closed-port: the SYN meets a closed port and gets <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () => {
    const steps = simulate(PRESETS['rst-closed-port']);
    expect(steps.map(row)).toEqual([
      ['—', 'start', '—', '—', '—', 'CLOSED', 'CLOSED'],
      ['A → B', 'SYN', 100, '—', 0, 'SYN-SENT', 'CLOSED'],
      ['B → A', 'RST, ACK', 0, 101, 0, 'CLOSED', 'CLOSED'],
    ]);
    expect(steps[2]).toMatchObject({
      edges: { client: 'syn-sent-rcv-rst' },
      effect: { key: 'refused' },
      note: { key: 'rst', params: { reason: 'closed-port' } },
    });
    expect(outcome(steps)).toEqual({ kind: 'refused' });
    const wrapped = simulate({ portClosed: true, isn: { client: TOP, server: 300 } });
    expect(wrapped[2]?.segment).toMatchObject({ flags: ['RST', 'ACK'], seq: 0, ack: 0 });
  });

  test('lost-data: "hello" is sent again with the same seq, and acknowledged once', () => {
    const steps = simulate(PRESETS['lost-data']);
    const data = transmissions(steps).filter((s) => s.segment.len > 0);
    expect(data.map((s) => [s.t, s.segment.seq, s.segment.len, !!s.lost])).toEqual([
      [0.15, 101, 5, true],
      [1.15, 101, 5, false],
    ]);
    expect(
      transmissions(steps)
        .filter((s) => s.note.key === 'data-ack')
        .map((s) => s.segment.ack),
    ).toEqual([106]);
  });

  test('lost-handshake-ack: B resends its SYN,ACK and A acknowledges it again', () => {
    const steps = simulate(PRESETS['lost-handshake-ack']);
    const acks = transmissions(steps).filter(
      (s) => s.segment.from === 'client' && s.segment.flags.join() === 'ACK' && s.segment.len === 0,
    );
    expect(acks.slice(0, 2).map((s) => [s.segment.seq, s.segment.ack, !!s.lost])).toEqual([
      [101, 301, true],
      [101, 301, false],
    ]);
    expect(acks[1]?.edges).toEqual({ server: 'syn-received-rcv-ack' });
  });

  test('syn-timeout: the RTO doubles (1, 2, 4, 8, 16 s) and after 5 retransmissions A gives up', () => {
    const steps = simulate(PRESETS['syn-timeout']);
    const timers = steps.filter((s) => s.timer === 'retransmit');
    expect(timers.map((s) => [s.t, s.note.key, s.note.params['rto'] ?? null])).toEqual([
      [1, 'rto', 1],
      [3, 'rto', 2],
      [7, 'rto', 4],
      [15, 'rto', 8],
      [31, 'rto', 16],
      [63, 'give-up', null],
    ]);
    expect(steps.at(-1)).toMatchObject({
      edges: { client: 'syn-sent-give-up' },
      states: { client: 'CLOSED', server: 'LISTEN' },
    });
    expect(outcome(steps)).toEqual({ kind: 'gave-up', side: 'client', peer: 'LISTEN' });
  });

  test('linux-msl: TIME-WAIT is a fixed 60 s, whatever the MSL', () => {
    expect(timeWaitSeconds(PRESETS['linux-msl']!)).toBe(60);
    expect(timeWaitSeconds({ msl: 30, timeWait: 'linux' })).toBe(60);
    expect(timeWaitSeconds({ msl: 120, timeWait: 'rfc' })).toBe(240);
    expect(simulate(PRESETS['linux-msl']).at(-1)).toMatchObject({ t: 60.4, note: { params: { waited: 60 } } });
  });

  test('time-wait-too-short: the resent FIN finds A CLOSED, and A answers with a RST', () => {
    const steps = simulate(PRESETS['time-wait-too-short']);
    expect(steps.at(-1)).toMatchObject({
      segment: { from: 'client', flags: ['RST'], seq: 107 },
      edges: { server: 'last-ack-rcv-rst' },
      effect: { key: 'reset', side: 'server' },
      states: { client: 'CLOSED', server: 'CLOSED' },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Invariants over random scenarios.

const isnArb = fc.oneof(fc.integer({ min: 0, max: TOP }), fc.integer({ min: TOP - 300, max: TOP }));
const textArb = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 6 })
  .filter((s) => validateScenario({ data: [{ from: 'client', bytes: s }] }).ok);
const itemArb = fc.record({
  from: fc.constantFrom<Side>('client', 'server'),
  bytes: fc.oneof(textArb, fc.integer({ min: 1, max: LIMITS.dataBytes })),
});
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    isn: fc.record({ client: isnArb, server: isnArb }),
    data: fc.array(itemArb, { maxLength: 4 }),
    close: fc.constantFrom('client-first', 'server-first', 'simultaneous'),
    open: fc.constantFrom('normal', 'simultaneous'),
    piggyback: fc.boolean(),
    lose: fc.uniqueArray(fc.integer({ min: 0, max: 24 }), { maxLength: 5 }),
    msl: fc.constantFrom(0.05, 0.5, 30, 120),
    timeWait: fc.constantFrom('rfc', 'linux'),
    rto: fc.constantFrom(0.2, 1, 3),
    retries: fc.integer({ min: 0, max: 5 }),
    portClosed: fc.boolean(),
  })
  .map((s) => ({ ...s, portClosed: s.portClosed && s.open === 'normal' && s.data.length === 0 }) as Scenario);

const runs = fc.assert;
const RUNS = { numRuns: Number(process.env['HANDSHAKE_RUNS'] ?? 300) };

function failed(steps: Step[]): boolean {
  return outcome(steps).kind !== 'closed';
}

describe('invariants over random scenarios', () => {
  test('SYN and FIN each consume one sequence number, data its length, a pure ACK none', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        for (const side of SIDES) {
          let next: number | undefined;
          const sent: Segment[] = [];
          const data: Segment[] = [];
          for (const { segment: g } of transmissions(steps).filter((s) => s.segment.from === side)) {
            if (g.flags.includes('RST')) continue;
            if (g.flags.includes('SYN')) {
              expect(g.seq).toBe(sc.isn[side]);
              next ??= seqAdd(g.seq, 1);
            } else if (segLen(g) === 0) {
              expect(g.seq).toBe(next); // a pure ACK carries SND.NXT and uses nothing up
            } else if (g.seq === next) {
              next = seqAdd(g.seq, segLen(g)); // new data or a new FIN
              if (g.len > 0) data.push(g);
            } else {
              // anything else repeats an earlier segment exactly
              expect(sent.some((p) => p.seq === g.seq && segLen(p) === segLen(g))).toBe(true);
            }
            sent.push(g);
          }
          const mine = sc.data.filter((d) => d.from === side);
          expect(data.map((g) => g.len)).toEqual(mine.slice(0, data.length).map((d) => dataLength(d.bytes)));
          if (!failed(steps)) expect(data.length).toBe(mine.length);
        }
      }),
      RUNS,
    );
  });

  test('every ACK field is the next byte its sender expects (tracked here independently)', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        const expects: Record<Side, number | undefined> = { client: undefined, server: undefined };
        let before: Step['states'] = { client: 'CLOSED', server: 'CLOSED' };
        for (const s of steps) {
          const g = s.segment;
          if (g !== undefined && s.kind !== 'arrive' && g.flags.includes('ACK')) {
            if (g.flags.includes('RST'))
              expect(g.ack).toBe(seqAdd(sc.isn[other(g.from)], 1)); // RST,ACK only ever answers a SYN
            else expect(g.ack).toBe(expects[g.from]);
          }
          if (g !== undefined && !g.flags.includes('ACK')) expect(g.ack).toBe(0);
          const delivered = g !== undefined && (s.kind === 'arrive' || (s.kind === 'segment' && !s.lost));
          if (delivered) {
            const to = other(g.from);
            const state = before[to];
            if (state !== 'CLOSED' && !g.flags.includes('RST')) {
              if (g.flags.includes('SYN') && (state === 'LISTEN' || state === 'SYN-SENT'))
                expects[to] = seqAdd(g.seq, 1);
              else if (segLen(g) > 0 && g.seq === expects[to]) expects[to] = seqAdd(g.seq, segLen(g));
            }
          }
          for (const side of SIDES)
            if (s.states[side] === 'LISTEN' || s.states[side] === 'CLOSED') expects[side] = undefined;
          before = s.states;
        }
      }),
      RUNS,
    );
  });

  test('every state change follows an edge of TRANSITIONS, and every edge a step names is the change it shows', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        let before: Step['states'] = { client: 'CLOSED', server: 'CLOSED' };
        for (const s of simulate(sc)) {
          for (const side of SIDES) {
            const id = s.edges[side];
            if (id === undefined) expect(s.states[side]).toBe(before[side]);
            else expect([transition(id)?.from, transition(id)?.to]).toEqual([before[side], s.states[side]]);
          }
          before = s.states;
        }
      }),
      RUNS,
    );
  });

  test('TIME-WAIT lasts exactly 2×MSL (Linux: 60 s) from entering it or its last restart, and only active closers enter it', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        const tw = timeWaitSeconds(sc);
        const since: Partial<Record<Side, number>> = {};
        const entered = new Set<Side>();
        for (const s of steps) {
          for (const side of SIDES) {
            const t = transition(s.edges[side] ?? '');
            if (t?.to === 'TIME-WAIT') {
              since[side] = s.kind === 'segment' ? s.arrives! : s.t;
              entered.add(side);
            }
            if (t?.id === 'time-wait-timeout') expect(s.t - since[side]!).toBeCloseTo(tw, 6);
          }
        }
        if (!failed(steps) && !sc.portClosed) {
          const active: Side[] =
            sc.close === 'simultaneous' ? SIDES : [sc.close === 'server-first' ? 'server' : 'client'];
          expect([...entered].sort()).toEqual(active);
        }
      }),
      RUNS,
    );
  });

  test('what a lost segment carried is sent again (its bytes and its ACK), unless the run reports that it failed', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        const out = outcome(steps);
        if (out.kind === 'gave-up' || out.kind === 'reset') {
          expect(
            steps.some((s) => s.note.key === 'give-up' || s.effect?.key === 'reset' || s.effect?.key === 'listen'),
          ).toBe(true);
          return;
        }
        const key = (g: Segment): string => `${g.from}:${g.seq}:${segLen(g)}`;
        const delivered = new Set(
          steps.filter((s) => s.kind === 'arrive' || (s.kind === 'segment' && !s.lost)).map((s) => key(s.segment!)),
        );
        const tx = transmissions(steps);
        for (const l of tx.filter((s) => s.lost)) {
          const g = l.segment;
          const later = tx.filter((h) => h.index > l.index && h.segment.from === g.from);
          // Its sequence numbers get through, in a later copy (or an earlier one still in flight).
          if (segLen(g) > 0) {
            expect(delivered.has(key(g))).toBe(true);
            const earlier = tx.some((h) => h.index < l.index && !h.lost && key(h.segment) === key(g));
            if (!earlier) expect(later.some((h) => key(h.segment) === key(g))).toBe(true);
          }
          // Its acknowledgment gets through in another segment: a later one, or one already on its way (ACKs are cumulative).
          if (g.flags.includes('ACK') && !g.flags.includes('RST'))
            expect(
              tx.some(
                (h) =>
                  h.segment.from === g.from &&
                  !h.lost &&
                  h.segment.flags.includes('ACK') &&
                  seqDiff(h.segment.ack, g.ack) >= 0,
              ),
            ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test('the RTO starts at rto and doubles on each expiry; each expiry resends at once, and the sender gives up after `retries`', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        const last: Partial<Record<Side, number>> = {};
        steps.forEach((s, i) => {
          if (s.note.key === 'give-up') expect(s.note.params['retransmissions']).toBe(sc.retries);
          if (s.note.key !== 'rto') return;
          const side = s.note.params['side'] as Side;
          const rto = s.note.params['rto'] as number;
          const attempt = s.note.params['attempt'] as number;
          if (attempt === 1) expect(rto).toBe(sc.rto);
          else expect(rto).toBe(Math.min(2 * last[side]!, 120));
          last[side] = rto;
          expect(attempt).toBeLessThanOrEqual(sc.retries);
          expect(steps[i + 1]).toMatchObject({
            t: s.t,
            segment: { from: side },
            note: { params: { retransmission: attempt } },
          });
        });
      }),
      RUNS,
    );
  });

  test('every run ends with both ends CLOSED and no timer running, unless it says how it failed', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        const end = steps.at(-1)!;
        expect(end.deadlines).toEqual({ client: {}, server: {} });
        const out = outcome(steps);
        if (out.kind === 'closed' || out.kind === 'refused')
          expect(end.states).toEqual({ client: 'CLOSED', server: 'CLOSED' });
        else if (out.kind === 'gave-up')
          expect(steps.filter((s) => s.note.key === 'give-up').map((s) => s.note.params['side'])).toContain(out.side);
        else expect(['CLOSED', 'LISTEN']).toContain(end.states[out.side]);
      }),
      RUNS,
    );
  });

  test('runs are short (fewer than 200 steps), time never runs backwards, and the same scenario gives the same run', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const steps = simulate(sc);
        expect(steps.length).toBeLessThan(200);
        const times = steps.map((s) => s.t);
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
        expect(simulate(sc)).toEqual(steps);
      }),
      RUNS,
    );
  });

  test('transmission indexes count every segment once, and exactly the scenario’s lose set is lost', () => {
    runs(
      fc.property(scenarioArb, (sc) => {
        const tx = transmissions(simulate(sc));
        expect(tx.map((s) => s.index)).toEqual(tx.map((_, i) => i));
        expect(tx.filter((s) => s.lost).map((s) => s.index)).toEqual(
          sc.lose.filter((i) => i < tx.length).sort((a, b) => a - b),
        );
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Untrusted input.

describe('validateScenario', () => {
  test('fills missing keys from the default', () => {
    expect(validateScenario({})).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
    expect(validateScenario({ piggyback: true })).toEqual({ ok: true, scenario: PRESETS['piggyback-close'] });
  });

  test.each([
    [{ colour: 'red' }, /unknown key "colour"/],
    [{ isn: { client: -1, server: 300 } }, /isn\.client must be an integer from 0 to 4294967295/],
    [{ isn: { client: 2 ** 32, server: 300 } }, /isn\.client/],
    [{ isn: { client: 1.5, server: 300 } }, /isn\.client/],
    [{ lose: [64] }, /lose indexes must be whole numbers from 0 to 63/],
    [{ lose: [-1] }, /lose indexes/],
    [{ msl: 0 }, /msl must be a positive number/],
    [{ msl: -120 }, /msl/],
    [{ msl: Number.NaN }, /msl/],
    [{ rto: 0 }, /rto/],
    [{ retries: 99 }, /retries/],
    [{ close: 'never' }, /close must be/],
    [{ open: 'maybe' }, /open must be/],
    [{ data: [{ from: 'client', bytes: '' }] }, /data\[0\]\.bytes must be 1 to 64 UTF-8 bytes/],
    [{ data: [{ from: 'nobody', bytes: 'x' }] }, /data\[0\]\.from/],
    [{ data: [{ from: 'client', bytes: '\ud800' }] }, /well-formed/],
    [{ data: 'hello' }, /data must be a list/],
    [{ portClosed: true, open: 'simultaneous' }, /portClosed needs open "normal"/],
  ])('rejects %j', (input, message) => {
    const r = validateScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  test('accepts lose as a Set, sorted and without repeats', () => {
    expect(validateScenario({ lose: new Set([5, 2]) })).toMatchObject({ ok: true, scenario: { lose: [2, 5] } });
    expect(validateScenario({ lose: [5, 2, 5] })).toMatchObject({ ok: true, scenario: { lose: [2, 5] } });
  });

  test('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = validateScenario(x);
        if (r.ok) expect(() => simulate(r.scenario)).not.toThrow();
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  test('simulate() throws a RangeError naming the problem for an invalid scenario', () => {
    expect(() => simulate({ msl: -1 })).toThrow(RangeError);
    expect(() => simulate({ msl: -1 })).toThrow(/msl/);
  });
});

describe('encodeScenario / decodeScenario', () => {
  test('the default is "1" and a preset is a few characters', () => {
    expect(encodeScenario(DEFAULT_SCENARIO)).toBe('1');
    expect(encodeScenario(PRESETS['lost-final-ack']!)).toBe('1~l8');
    expect(encodeScenario(PRESETS['piggyback-close']!)).toBe('1~p');
    expect(
      encodeScenario({
        data: [
          { from: 'client', bytes: '你好' },
          { from: 'server', bytes: 1460 },
        ],
      }),
    ).toBe('1~dC5L2g5aW9.s1460');
  });

  test.each(Object.keys(PRESETS))('round-trips the preset %s', (name) => {
    const p = PRESETS[name]!;
    expect(decodeScenario(encodeScenario(p))).toEqual({ ok: true, scenario: p });
  });

  test('round-trips random valid scenarios, using only URL-unreserved characters', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const code = encodeScenario(sc);
        expect(code).toMatch(/^[A-Za-z0-9._~-]+$/);
        expect(decodeScenario(code)).toEqual(validateScenario(sc));
      }),
      RUNS,
    );
  });

  test('random strings never throw: either a valid scenario or errors', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `1~${s}`),
        ),
        (s) => {
          const r = decodeScenario(s);
          if (r.ok) expect(validateScenario(r.scenario)).toEqual(r);
          else expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test.each([
    ['', /version/],
    ['2~p', /version/],
    ['1~z9', /unknown field/],
    ['1~p~p', /repeated or out of order/],
    ['1~pfoo', /takes no value/],
    ['1~a99999999999', /whole number/],
    ['1~a4294967296', /isn\.client/],
    ['1~l64', /lose indexes/],
    ['1~m0', /msl/],
    ['1~dC_w', /not base64url UTF-8/],
    ['1~dx5', /must start with/],
  ])('rejects %j', (code, message) => {
    const r = decodeScenario(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  test('refuses huge input at once, and non-strings', () => {
    const started = performance.now();
    const r = decodeScenario(`1~l${'1.'.repeat(5_000_000)}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/too long/)] });
    expect(decodeScenario(42).ok).toBe(false);
    expect(decodeScenario(null).ok).toBe(false);
  });
});
