// The "recorded on Linux" scenarios: the real segments of the course's own examples
// (content/captures/*.json, scripts/capture.py): the echo client and server, the framed upload, a
// server that closes first (TIME-WAIT on its side) and a connection refused by a port nobody
// listens on. Drawn on the same lanes as the model's runs and walked by the same player. The widget
// fetches this module (its own file, with the captures and their words in the page's language)
// only when the reader picks a recording or a link names one.
// The states are read off the segments' flags with the RFC 9293 edges (transitions.ts): one row per
// segment, the states after it has arrived (on lo it arrives within microseconds).
// Raw, not canonical: every segment Linux sent is drawn, the ones only its timers decide included.
import echo from '../../../content/captures/echo.json';
import upload from '../../../content/captures/upload.json';
import first from '../../../content/captures/time-wait.json';
import refused from '../../../content/captures/refused.json';
import { hasFlag, type Capture, type Segment as CapSegment } from '../../lib/capture-model.ts';
import type { LaneRow } from '../kit/draw/lanes.ts';
import { lanes } from '../kit/draw/lanes.ts';
import { transition, type State, type Step } from './model.ts';
import { fill, type LiveText } from './i18n.ts';
import { esc, figureMarks, letter } from './view-svg.ts';
import type { Rec, Run } from './view-run.ts';
import { DEFAULT_SCENARIO } from './scenario.ts';
import { words as zh } from './recorded/i18n.zh.ts';
import { words as en } from './recorded/i18n.en.ts';

export type RecordedText = Record<
  | 'on' | 'start' | 'startClosed' | 'noListen' | 'time' | 'seg' | 'syn' | 'synack' | 'hsack' | 'data' | 'quick' | 'ack' | 'fin' | 'fin2' | 'last' | 'rst'
  | 'procTw' | 'up0' | 'up1' | 'up2' | 'up3',
  string
>;
/** Both languages in the sources and tests; one in a browser bundle (src/lib/widget-bundles.ts). */
export const recordedText: Record<'zh' | 'en', RecordedText> = { zh, en };

/**
 * The recordings by the name their URL value starts with (a model scenario's code starts with "1"):
 * `linux.4` is the echo example at step 4, as links made when it was the only one still say.
 */
const FILES = { linux: echo, 'linux-upload': upload, 'linux-first': first, 'linux-refused': refused };
export type RecordingName = keyof typeof FILES;
export const RECORDINGS = FILES as unknown as Record<RecordingName, Capture>;
/** In the order the scenario list offers them (Handshake.astro). */
export const RECORDING_NAMES = Object.keys(FILES) as RecordingName[];
export const RECORDED_CODE: RecordingName = 'linux';
export const recordedCode = (position: number, name: RecordingName = RECORDED_CODE): string => `${name}.${position}`;
/** The recording and step a URL value names, or undefined (the caller checks it is a step). */
export function parseRecorded(raw: string): { name: RecordingName; position: number } | undefined {
  const m = /^([a-z-]+)\.(\d{1,4})$/.exec(raw);
  return m && Object.hasOwn(FILES, m[1]!) ? { name: m[1] as RecordingName, position: Number(m[2]) } : undefined;
}

export const capture = RECORDINGS.linux;
/** The data bytes a full segment holds once both ends use timestamps: MSS − 12. */
const TS_BYTES = 12;

type Side = 'client' | 'server';
const sideOf = (s: CapSegment): Side => (s.dir === 'c>s' ? 'client' : 'server');
const peer = (x: Side): Side => (x === 'client' ? 'server' : 'client');
/** Milliseconds as the widget prints them: 0.118, 0.004 (no float noise). */
const ms = (t: number): string => String(+t.toFixed(3));

/** A segment's label on the lanes: flags, relative seq/ack, length; a SYN's options on a second line. */
export function segmentLabel(s: CapSegment, n: number): string {
  let out = `${n}: ${s.flags} seq=${s.seq}${s.ack === null ? '' : ` ack=${s.ack}`} len=${s.len}`;
  const o = s.options;
  if (hasFlag(s, 'SYN'))
    out += `\n${[o.mss !== undefined && `MSS ${o.mss}`, o.sackPermitted && 'SACK', o.ts && 'TS', o.wscale !== undefined && `WS ${o.wscale}`].filter(Boolean).join(' ')}`;
  return out;
}

/** What a segment is in the story, read off its flags and what came before and after it. */
export type Role = 'syn' | 'synack' | 'hsack' | 'data' | 'quick' | 'ack' | 'fin' | 'fin2' | 'last' | 'rst';

/**
 * The run of a capture: one step per segment, both ends' states after it (and the Figure 5 edges
 * that got them there), each segment's role. States start at CLOSED (the client) and LISTEN, or
 * CLOSED on both sides when nothing listens on the server's port (`listening` false: refused).
 */
export function recordedSteps(segs: readonly CapSegment[], listening = true): { steps: Step[]; roles: Role[] } {
  const st: Record<Side, State> = { client: 'CLOSED', server: listening ? 'LISTEN' : 'CLOSED' };
  const fin: Partial<Record<Side, number>> = {};
  const mk = (t: number, edges: Step['edges'], index?: number): Step =>
    ({ t, kind: index === undefined ? 'start' : 'segment', index, states: { ...st }, edges, note: { key: 'start', params: {} }, deadlines: { client: {}, server: {} } }) as Step;
  const steps: Step[] = [mk(0, {})];
  const roles: Role[] = [];
  const move = (edges: Step['edges'], side: Side, id: string) => {
    const e = transition(id)!;
    if (e.from !== st[side]) throw new Error(`recorded: ${side} is ${st[side]}, not ${e.from} (${id})`);
    st[side] = e.to;
    edges[side] = id;
  };
  segs.forEach((s, i) => {
    const x = sideOf(s);
    const y = peer(x);
    const edges: Step['edges'] = {};
    const finAcked = fin[y] !== undefined && s.ack !== null && s.ack > fin[y]!;
    let role: Role;
    if (s.flags === 'SYN') {
      move(edges, x, 'closed-active-open');
      // A port nobody listens on has no TCB to change: its kernel answers with a reset (RFC 9293 §3.10.7.1).
      if (st[y] === 'LISTEN') move(edges, y, 'listen-rcv-syn');
      role = 'syn';
    } else if (hasFlag(s, 'RST')) {
      if (st[y] === 'SYN-SENT') move(edges, y, 'syn-sent-rcv-rst');
      role = 'rst';
    } else if (s.flags === 'SYN,ACK') {
      move(edges, y, 'syn-sent-rcv-syn-ack');
      role = 'synack';
    } else if (hasFlag(s, 'FIN')) {
      fin[x] = s.seq + s.len;
      if (st[x] === 'CLOSE-WAIT') {
        move(edges, x, 'close-wait-close');
        role = 'fin2';
      } else {
        move(edges, x, 'established-close');
        role = 'fin';
      }
      if (st[y] === 'ESTABLISHED') move(edges, y, 'established-rcv-fin');
      else if (st[y] === 'FIN-WAIT-1') move(edges, y, finAcked ? 'fin-wait-1-rcv-fin-ack' : 'fin-wait-1-rcv-fin');
      else if (st[y] === 'FIN-WAIT-2') move(edges, y, 'fin-wait-2-rcv-fin');
    } else if (st[y] === 'SYN-RECEIVED') {
      move(edges, y, 'syn-received-rcv-ack');
      role = 'hsack';
    } else if (s.len > 0) role = 'data';
    else if (finAcked && st[y] === 'LAST-ACK') {
      move(edges, y, 'last-ack-rcv-ack');
      role = 'last';
    } else if (finAcked && st[y] === 'FIN-WAIT-1') {
      move(edges, y, 'fin-wait-1-rcv-ack');
      role = 'ack';
    } else if (finAcked && st[y] === 'CLOSING') {
      move(edges, y, 'closing-rcv-ack');
      role = 'last';
    } else {
      // A pure ACK of data: alone although the same side's data follows with the same seq and ack.
      const next = segs[i + 1];
      role = next && sideOf(next) === x && next.len > 0 && next.seq === s.seq && next.ack === s.ack ? 'quick' : 'ack';
    }
    roles.push(role);
    steps.push(mk(s.t_ms / 1000, edges, i));
  });
  return { steps, roles };
}

export type Recorded = Run & { rec: Rec };

/** The narration, the diagram's and Figure 5's accessible names, for every step. */
export function recordedWords(steps: readonly Step[], roles: readonly Role[], segs: readonly CapSegment[], t: LiveText, r: RecordedText, cap = capture): [string, string, string][] {
  return steps.map((s, p) => {
    let said = '';
    let head = '';
    if (p === 0) said = fill(r.on, { kernel: cap.recordedWith.kernel, python: cap.recordedWith.python, cmd: cap.commands.join(' ; ') }) + (cap.isn.server === null ? r.startClosed : r.start);
    else {
      const g = segs[p - 1]!;
      const x = sideOf(g);
      const next = segs[p];
      const prior = segs[p - 2];
      const v = {
        n: p,
        X: letter(x),
        Y: letter(peer(x)),
        flags: g.flags,
        seq: g.seq,
        ack: g.ack === null ? '' : g.ack,
        len: g.len,
        last: g.seq + g.len - 1,
        ms: ms(g.t_ms),
        mss: g.options.mss,
        ws: g.options.wscale,
        data: g.options.mss && g.options.mss - TS_BYTES,
        dt: prior ? ms(g.t_ms - prior.t_ms) : '',
        dt2: next ? ms(next.t_ms - g.t_ms) : '',
        code: cap.scenario === 'refused' ? cap.refused.exitCode : '',
        json: g.len - 4,
        size: cap.scenario === 'upload' ? cap.upload.size : '',
      };
      head = fill(r.seg, { ...v, ack: g.ack === null ? '' : `, ack ${g.ack}` });
      said = fill(r.time, v) + head + fill(r[roles[p - 1]!], v);
      // The upload's four data segments are chapter 6's frames: say which is which.
      const k = roles.slice(0, p).filter((x) => x === 'data').length - 1;
      if (cap.scenario === 'upload' && roles[p - 1] === 'data' && k < 4) said += fill(r[`up${k as 0 | 1 | 2 | 3}`], v);
    }
    let moves = '';
    for (const side of ['client', 'server'] as const) {
      const e = transition(s.edges[side] ?? '');
      if (e) moves += fill(t.n['edge']!, { S: letter(side), from: e.from, to: e.to, ev: e.action === 'x' ? e.event : `${e.event} / ${e.action}` });
    }
    said += moves || (p ? fill(t.n['same']!, { a: s.states.client, b: s.states.server }) : '');
    if (p === steps.length - 1 && cap.scenario === 'time-wait') said = said.trimEnd() + timeWaitWords(cap.timeWait[0] ?? '', r);
    return [
      said.trim(),
      fill(t.seqImg, { n: p, cur: head }).trim(),
      fill(t.figImg, { a: s.states.client, b: s.states.server, e: moves }).trim(),
    ];
  });
}

/**
 * What /proc/net/tcp said right after the close, in words: one row of it (`sl local remote st
 * tx:rx tr:when …`, addresses and ports in hex). State 06 is TIME_WAIT; timer 3 is its timer, with
 * `when` clock ticks (1/100 s, USER_HZ) left.
 */
export function timeWaitWords(line: string, r: RecordedText): string {
  const f = line.split(' ');
  const hex = f[1]?.split(':')[1] ?? '';
  const [tr, when] = (f[5] ?? '').split(':');
  return fill(r.procTw, { line, hex, port: parseInt(hex, 16), st: f[3] ?? '', tr: Number(tr), left: (parseInt(when ?? '', 16) / 100).toFixed(1) });
}

/** A recording as a run the widget shows: its steps, lanes, words and list of segments. */
export function recordedRun(t: LiveText, lang: 'zh' | 'en', name: RecordingName = RECORDED_CODE): Recorded {
  const r = recordedText[lang];
  const cap = RECORDINGS[name];
  const segs = cap.segments;
  const { steps, roles } = recordedSteps(segs, cap.isn.server !== null);
  const said = recordedWords(steps, roles, segs, t, r, cap);
  const rows: LaneRow[] = steps.map((s, p) => {
    const states = [s.states.client, s.states.server];
    const g = segs[p - 1];
    if (!g) return { item: { kind: 'none' }, states };
    const from = g.dir === 'c>s' ? 0 : 1;
    return { item: { kind: 'arrow', from, to: 1 - from, label: segmentLabel(g, p) }, states, time: `${ms(g.t_ms)} ms` };
  });
  const title = (side: Side) => (cap.isn[side] === null ? fill(r.noListen, { port: cap.ports[side] }) : `${t[side]} ISN ${cap.isn[side]}`);
  const shown = steps.map((s, p) => ({ now: '', timerHtml: ['', ''], words: said[p]!, marks: figureMarks(steps, p) }));
  return {
    scenario: DEFAULT_SCENARIO,
    steps,
    rec: {
      code: name,
      layout: (width, scale) => lanes({ lanes: [title('client'), title('server')], rows, width, scale, lost: t.lost, label: said[said.length - 1]![1] }),
      shown,
      list: segs.map((g, i) => `<li data-i="${i}"><span class="hs-what">${letter(sideOf(g))} → ${letter(peer(sideOf(g)))} ${esc(segmentLabel(g, i + 1).replace('\n', ' '))}</span></li>`).join(''),
    },
  };
}
