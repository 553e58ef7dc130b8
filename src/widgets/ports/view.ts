// What the ports widget shows, as strings: the number line of 0–65535 (kit numberLine(): IANA's
// three ranges, Linux's ephemeral range, the typed port marked), the server host's sockets as a
// connection table (kit table()), and the sentences that explain both. Used by the build-time
// figure (Ports.astro), the labs page's still and the live element.
import type { Fit } from '../kit/draw/fit.ts';
import { numberLine } from '../kit/draw/numberline.ts';
import { table } from '../kit/draw/table.ts';
import { classifyPort, IANA_RANGES, inLinuxEphemeral, LINUX_EPHEMERAL, MAX_PORT, REBIND, sockets, SERVER } from './model.ts';
import type { PortsText } from './i18n.ts';

const TONE = { system: 1, user: 3, dynamic: 2 } as const;

/** The words by the marked port: its class, and whether Linux would hand it out. */
export function portWords(n: number, t: PortsText): string {
  return [String(n), t.classWord[classifyPort(n)], ...(inLinuxEphemeral(n) ? [t.linuxWord] : [])].join(' · ');
}

export function lineSvg(port: number, t: PortsText, f: Fit): string {
  return numberLine(
    {
      min: 0,
      max: MAX_PORT,
      bands: IANA_RANGES.map((r) => ({ from: r.from, to: r.to, tone: TONE[r.name] })),
      spans: [
        ...IANA_RANGES.map((r) => ({ from: r.from, to: r.to, label: t.range[r.name], tone: TONE[r.name] })),
        { from: LINUX_EPHEMERAL.from, to: LINUX_EPHEMERAL.to, label: t.linux, dashed: true },
      ],
      mark: { at: port, label: portWords(port, t) },
      label: t.lineLabel(portWords(port, t)),
    },
    f,
  );
}

/** The sentences about a port. */
export function portFacts(n: number, t: PortsText): string[] {
  const out = [t.classSays[classifyPort(n)](n), inLinuxEphemeral(n) ? t.ephemeralYes(n) : t.ephemeralNo(n)];
  if (t.known[n]) out.push(t.knownSays(n, t.known[n]!));
  return out;
}

/** The connection table for `clients` clients; the newest one marked added when `fresh`. */
export function socketsTable(clients: number, t: PortsText, fresh = false): string {
  return table({
    caption: t.caption,
    columns: t.cols,
    rows: sockets(clients).map((r) => ({ cells: [r.proto, r.local, r.remote, r.state], mark: fresh && r.client === clients ? ('added' as const) : undefined })),
    words: t.marks,
  });
}

/** The failed second bind, as Python reports it. */
export const rebindLine = (): string => `bind(('${SERVER.host}', ${SERVER.port})) → ${REBIND.python} (${REBIND.name})`;
