// The layer mapper's view: the model's placements → the kit's columns(), and a placement → the
// sentence that judges it. No behaviour of its own.
import { columns, type ColumnBand } from '../kit/draw/columns.ts';
import { answer, BANDS, judge, MODELS, PROTOCOLS, type LayersState, type ModelId, type Proto } from './model.ts';
import type { LayersText } from './i18n.ts';

/** The band names of a model, top down. */
export const bandNames = (m: ModelId, t: LayersText): string[] => BANDS[m].map((b) => t.band(m, b.key));

/** The rows (OSI 7 at row 0) a band covers. */
const rowsOf = (covers: readonly number[]) => ({ from: 7 - Math.max(...covers), to: 7 - Math.min(...covers) });

/** The three columns with each model's placed protocols; `picked` is the chip held, `units` shows data-unit names. */
export function layersPicture(state: LayersState, t: LayersText, opts: { interactive: boolean; picked?: { model: ModelId; p: Proto } | null; marks?: boolean }): string {
  return columns({
    rows: 7,
    words: t.words,
    interactive: opts.interactive,
    target: t.target,
    cols: MODELS.map((m) => ({
      id: m,
      title: t.model[m],
      active: opts.interactive && m === state.model,
      bands: BANDS[m].map(
        (b, bi): ColumnBand => ({
          ...rowsOf(b.covers),
          label: t.band(m, b.key),
          ...(b.unit ? { sub: t.unit[b.unit] } : {}),
          items: PROTOCOLS.flatMap((p, pi) => {
            if (state.placed[m][pi] !== bi) return [];
            return [
              {
                id: `${m}:${p}`,
                label: t.proto[p],
                ...(opts.marks !== false ? { mark: judge(m, p, bi).verdict } : {}),
                ...(p === 'arp' ? { dashed: true } : {}),
                ...(opts.picked?.model === m && opts.picked.p === p ? { picked: true } : {}),
              },
            ];
          }),
        }),
      ),
    })),
  });
}

/** What placing `p` in band `band` of model `m` teaches, in one paragraph. */
export function verdictText(m: ModelId, p: Proto, band: number, t: LayersText): string {
  const j = judge(m, p, band);
  const name = t.proto[p];
  const here = t.band(m, BANDS[m][band]!.key);
  const home = t.band(m, BANDS[m][answer(m, p)]!.key);
  if (j.verdict === 'right') return t.right(name, here, t.about[p]);
  if (j.verdict === 'close') return t.close(j.why!, name, here, home);
  return t.wrong(name, here, t.about[p], home);
}
