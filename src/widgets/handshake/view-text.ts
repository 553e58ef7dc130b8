// What each step says, in words read off the model: the note (its key and params), the segment in
// the RFC's notation, the TRANSITIONS edges taken (with Figure 5's event / action) and the
// receiver's effect. Also the SVGs' accessible names. Pure: the static list in Handshake.astro and
// the live region in element.ts say the same thing.
import { rfcNotation, segLen, seqAdd, transition, type Step } from './model.ts';
import { fill, type LiveText } from './i18n.ts';
import { SIDES, isTransmission, letter, other, secs } from './view-svg.ts';


/**
 * What step `i` says: the narration (the live region's and the static list's), and the accessible
 * names of the time-sequence diagram (how many segments so far, and the current one in the RFC's
 * notation) and of Figure 5 (both states, and the edges just taken).
 */
export function describe(steps: readonly Step[], i: number, t: LiveText): [said: string, sequence: string, figure: string] {
  const s = steps[i]!;
  const n = t.n;
  const p = s.note.params;
  const seg = s.segment;
  const v: Record<string, unknown> = { ...p, t: secs(s.t), a: s.states.client, b: s.states.server, S: letter(p['side']) };
  if (seg) Object.assign(v, { X: letter(seg.from), Y: letter(other(seg.from)), n: s.index! + 1, rfc: rfcNotation(seg) });
  const head = seg ? fill(n['seg']!, v) : '';
  let out = fill(n['time']!, v);
  const key = s.note.key;
  if (seg && isTransmission(s)) {
    // A resend says so rather than repeat what made the first one ("calls close()" again).
    // Variants: 'syn-ack-sim' (Figure 7), 'fin-pig' (the FIN on the ACK), 'rst-closed-port' …
    const variant = p['retransmission']
      ? 'again'
      : key + (p['simultaneous'] ? '-sim' : '') + (p['piggyback'] ? '-pig' : '') + (p['reason'] ? `-${p['reason']}` : '');
    out += head;
    v['last'] = seqAdd(seg.seq, seg.len - 1);
    out += fill(n[variant] ?? '', v);
    if (s.lost) {
      const d = s.deadlines[seg.from].retransmit;
      out += segLen(seg) > 0 && d !== undefined ? fill(n['lostT']!, { ...v, d: secs(d) }) : fill(n['lostN']!, v);
    }
  } else out += fill(n[key] ?? '', v);
  let moves = '';
  for (const side of SIDES) {
    const e = transition(s.edges[side] ?? '');
    if (e) moves += fill(n['edge']!, { S: letter(side), from: e.from, to: e.to, ev: e.action === 'x' ? e.event : `${e.event} / ${e.action}` });
  }
  out += moves || (s.kind === 'start' ? '' : fill(n['same']!, v));
  if (s.effect) {
    const ep = s.effect.params;
    out += fill(n[s.effect.key] ?? '', { ...ep, S: letter(s.effect.side), until: secs(+ep['until']!) });
  }
  return [
    out.trim(),
    fill(t.seqImg, { n: steps.slice(1, i + 1).filter(isTransmission).length, cur: head }).trim(),
    fill(t.figImg, { a: s.states.client, b: s.states.server, e: moves }).trim(),
  ];
}

/** The narration of step `i`. */
export const narrate = (steps: readonly Step[], i: number, t: LiveText): string => describe(steps, i, t)[0];
