import { describe, expect, test } from 'vitest';
import { neighbourhood } from '../../src/widgets/kit/draw/states.ts';
import { linkWantsPresent } from '../../src/widgets/kit/url-state.ts';
import { TRANSITIONS, transition } from '../../src/widgets/handshake/transitions.ts';

const out = (state: string) => TRANSITIONS.filter((e) => e.from === state && e.figure);

describe('a state and its neighbourhood', () => {
  test('shows the edge just taken, the state now, and every edge out of it to where it leads', () => {
    const d = neighbourhood({ who: 'B (server)', current: 'SYN-RECEIVED', came: transition('listen-rcv-syn'), next: out('SYN-RECEIVED'), nextTitle: 'From here:', width: 320, label: 'x' });
    expect(d.svg).toContain('LISTEN'); // where it came from
    expect(d.svg).toContain('rcv SYN / snd SYN,ACK');
    expect(d.svg).toContain('kit-now');
    for (const e of out('SYN-RECEIVED')) {
      expect(d.svg).toContain(`data-e="${e.id}"`);
      expect(d.svg).toContain(`>${e.to}<`);
    }
  });
  test('draws at 1:1 for the width given, growing down with the edges, never under 12 px', () => {
    const small = neighbourhood({ who: 'A', current: 'FIN-WAIT-2', next: out('FIN-WAIT-2'), nextTitle: 'From here:', width: 296, label: 'x' });
    const big = neighbourhood({ who: 'A', current: 'ESTABLISHED', next: out('ESTABLISHED'), nextTitle: 'From here:', width: 296, label: 'x' });
    expect(small.width).toBe(296);
    expect(big.height).toBeGreaterThan(small.height);
    for (const m of big.svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
  });
  test('presenter scale: every size × 1.5', () => {
    const d = neighbourhood({ who: 'A', current: 'CLOSED', next: out('CLOSED'), nextTitle: 'x', width: 600, scale: 1.5, label: 'x' });
    for (const m of d.svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(18);
  });
});

describe('a link that opens presenter mode', () => {
  const u = (s: string) => new URL(s, 'https://x.test');
  test('?present=<id> names the widget', () => {
    expect(linkWantsPresent('handshake', u('/a/?present=handshake'))).toBe(true);
    expect(linkWantsPresent('framing', u('/a/?present=handshake'))).toBe(false);
  });
  test('?present alone means the widget in the hash', () => {
    expect(linkWantsPresent('handshake', u('/a/?handshake=1.3&present#handshake'))).toBe(true);
    expect(linkWantsPresent('handshake', u('/a/?present#framing'))).toBe(false);
    expect(linkWantsPresent('handshake', u('/a/#handshake'))).toBe(false);
  });
});
