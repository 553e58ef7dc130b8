// The layer mapper (W1): pick a protocol from the tray (click, tap or Enter) or drag it, then drop
// it on a layer of any of the three models; each drop is judged right, close or wrong, with the
// reason, in the picture (a sign and a word on the chip), in the box under it and in the live
// region. A placed chip can be picked up again to move it, put back, or asked why. The state is
// ?layers=<column>.<osi>.<five>.<tcpip> (see model.ts).
import { kitText, langOf } from '../kit/i18n.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { tools } from '../kit/tools.ts';
import { defineWidget } from '../kit/define.ts';
import { layersText } from './i18n.ts';
import { answers, BANDS, decodeState, DEFAULT_STATE, EMPTY, encodeState, MODELS, place, PROTOCOLS, score, type LayersState, type ModelId, type Proto } from './model.ts';
import { layersPicture, verdictText } from './view.ts';
import { h, pictureFirst } from '../kit/dom.ts';


const CSS = `.ly>*+*{margin-top:.6rem}.ly p{margin:0}.ly-cols,.ly-tools,.ly-tray ul{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}.ly-tray{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;min-height:48px;padding:.3rem;border:1.5px dashed var(--line);border-radius:6px}.ly-tray ul{margin:0;padding:0;list-style:none}.ly .kit-btn{min-height:44px}.ly [aria-pressed=true].kit-btn{background:var(--accent-soft);border-color:var(--accent)}.ly-why{padding:.5rem .7rem;border-left:4px solid var(--accent);background:var(--bg-soft)}.ly-why:empty{display:none}.ly-score{font-weight:700}`;

function mount(host: HTMLElement): void {
  if (!document.getElementById('ly-style')) document.head.append(h('style', '', { id: 'ly-style' }, CSS));
  const lang = langOf(host);
  const t = layersText[lang];
  const id = host.dataset.id ?? 'layers';
  let state: LayersState = structuredClone(DEFAULT_STATE);
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d) state = d;
    else notice = kitText[lang].badState;
  }
  /** The chip in hand: from the tray (placed in no band of its model) or from a band. */
  let picked: { model: ModelId; p: Proto } | null = null;

  const body = h('div', 'widget-body ly', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const colBtns = MODELS.map((m) => h('button', 'kit-btn', { type: 'button', 'data-model': m, 'aria-pressed': 'false' }, t.model[m]));
  const trayList = h('ul');
  const trayDone = h('p', 'ly-done');
  const putBack = h('button', 'kit-btn ly-back', { type: 'button' }, t.putBack);
  const tray = h('div', 'ly-tray', { role: 'group', 'aria-label': t.tray }, h('span', '', {}, t.tray + (lang === 'zh' ? '：' : ':')), trayList, trayDone, putBack);
  const pic = h('div', 'kit-pic ly-pic');
  const stage = h('div', 'kit-stage', { tabindex: -1 }, pic);
  const why = h('p', 'ly-why');
  const scoreLine = h('p', 'ly-score');
  const show = h('button', 'kit-btn ly-show', { type: 'button' }, t.answers);
  const clear = h('button', 'kit-btn ly-clear', { type: 'button' }, t.clear);
  const live = h('p', 'kit-live', { role: 'status', 'aria-live': 'polite' });
  const say = (s: string) => (live.textContent = s);
  body.append(
    h('p', 'ly-hint', {}, t.hint),
    h('div', 'ly-cols', { role: 'group', 'aria-label': t.fill }, h('span', '', {}, t.fill), ...colBtns),
    tray,
    stage,
    why,
    scoreLine,
    h('div', 'ly-tools', {}, show, clear),
    live,
    tools(host, { id, lang, encode: () => encodeState(state), say, copyLabel: t.copy }),
  );

  // Re-rendering replaces the chips and bands: the focus goes back to the one it was on.
  const render = () => {
    const had = document.activeElement instanceof HTMLElement && pic.parentElement && body.contains(document.activeElement) ? document.activeElement : null;
    const sel = had?.dataset.item ? `[data-item="${had.dataset.item}"]` : had?.matches('button.kit-band-b') ? `button.kit-band-b[data-col="${had.dataset.col}"][data-band="${had.dataset.band}"]` : null;
    paint();
    if (sel && !had!.isConnected) body.querySelector<HTMLElement>(sel)?.focus({ preventScroll: true });
  };
  /** The column the picture and the tray were last drawn for. */
  let shown: ModelId = state.model;
  const paint = () => {
    const m = state.model;
    shown = m;
    for (const b of colBtns) b.setAttribute('aria-pressed', String(b.dataset.model === m));
    const left = PROTOCOLS.filter((_, i) => state.placed[m][i]! < 0);
    trayList.replaceChildren(
      ...left.map((p) =>
        h('li', '', {}, h('button', `kit-chip${p === 'arp' ? ' kit-chip-dashed' : ''}`, { type: 'button', 'data-item': `tray:${p}`, 'aria-pressed': String(picked?.model === m && picked.p === p && state.placed[m][PROTOCOLS.indexOf(p)]! < 0) }, t.proto[p])),
      ),
    );
    trayDone.textContent = left.length ? '' : t.trayDone;
    trayDone.hidden = left.length > 0;
    const heldPlaced = picked !== null && state.placed[picked.model][PROTOCOLS.indexOf(picked.p)]! >= 0;
    putBack.hidden = !heldPlaced;
    pic.innerHTML = layersPicture(state, t, { interactive: true, picked });
    scoreLine.textContent = t.score(t.model[m], score(state, m));
    clear.setAttribute('aria-disabled', String(state.placed[m].every((b) => b < 0)));
  };
  const save = () => writeState(id, encodeState(state));
  const focusItem = (item: string) => body.querySelector<HTMLElement>(`[data-item="${item}"]`)?.focus({ preventScroll: true });

  // Picking up or letting go only changes which chip is pressed: no redraw.
  const markPicked = () => {
    for (const c of body.querySelectorAll<HTMLElement>('.kit-chip[data-item]')) {
      const [where, p] = c.dataset.item!.split(':') as [string, Proto];
      const model = where === 'tray' ? state.model : (where as ModelId);
      c.setAttribute('aria-pressed', String(picked !== null && picked.model === model && picked.p === p && (where === 'tray') === (state.placed[model][PROTOCOLS.indexOf(p)]! < 0)));
    }
    putBack.hidden = !(picked !== null && state.placed[picked.model][PROTOCOLS.indexOf(picked.p)]! >= 0);
  };
  const pick = (model: ModelId, p: Proto) => {
    if (picked && picked.model === model && picked.p === p) {
      picked = null;
      markPicked();
      return;
    }
    picked = { model, p };
    const band = state.placed[model][PROTOCOLS.indexOf(p)]!;
    if (band >= 0) {
      if (model !== state.model) state = { ...state, model };
      const v = verdictText(model, p, band, t);
      why.textContent = v;
      say(`${t.pickedFrom(t.proto[p], t.band(model, BANDS[model][band]!.key))} ${v}`);
    } else say(t.picked(t.proto[p]));
    if (model !== shown) render();
    else markPicked();
  };
  const drop = (model: ModelId, band: number): boolean => {
    if (!picked) {
      if (model !== state.model) {
        state = { ...state, model };
        render();
        save();
        say(t.column(t.model[model]));
      } else say(t.noPick);
      return false;
    }
    const { p } = picked;
    const from = picked.model;
    // A chip taken from another column's band goes back there first: each column has its own copy.
    if (from !== model && state.placed[from][PROTOCOLS.indexOf(p)]! >= 0) state = place(state, from, p, state.placed[from][PROTOCOLS.indexOf(p)]!);
    state = place(state, model, p, band);
    picked = null;
    const v = verdictText(model, p, band, t);
    why.textContent = v;
    render();
    save();
    say(`${v} ${scoreLine.textContent}`);
    return true;
  };
  const setModel = (m: ModelId) => {
    if (picked && state.placed[picked.model][PROTOCOLS.indexOf(picked.p)]! < 0) picked = null;
    state = { ...state, model: m };
    render();
    save();
    say(`${t.column(t.model[m])} ${scoreLine.textContent}`);
  };

  // Clicks (and Enter/Space on the buttons) through one listener.
  body.addEventListener('click', (e) => {
    if (suppressClick) return void (suppressClick = false);
    const el = e.target as HTMLElement;
    const col = el.closest<HTMLElement>('[data-model]');
    if (col) return setModel(col.dataset.model as ModelId);
    const chip = el.closest<HTMLElement>('.kit-chip[data-item]');
    if (chip) {
      const [where, p] = chip.dataset.item!.split(':') as [string, Proto];
      return pick(where === 'tray' ? state.model : (where as ModelId), p);
    }
    const band = el.closest<HTMLElement>('.kit-band[data-band]');
    if (band) {
      const model = band.dataset.col as ModelId;
      const held = picked;
      if (drop(model, Number(band.dataset.band)) && held) {
        const next = PROTOCOLS.find((_, i) => state.placed[state.model][i]! < 0);
        if (next) focusItem(`tray:${next}`);
        else focusItem(`${model}:${held.p}`);
      }
    }
  });
  putBack.addEventListener('click', () => {
    if (!picked) return;
    const { model, p } = picked;
    state = place(state, model, p, -1);
    picked = null;
    why.textContent = '';
    render();
    save();
    say(t.back(t.proto[p]));
    focusItem(`tray:${p}`);
  });
  show.addEventListener('click', () => {
    const m = state.model;
    state = { ...state, placed: { ...state.placed, [m]: answers()[m] } };
    picked = null;
    why.textContent = '';
    render();
    save();
    say(t.shown(t.model[m]));
  });
  clear.addEventListener('click', () => {
    const m = state.model;
    if (state.placed[m].every((b) => b < 0)) return;
    state = { ...state, placed: { ...state.placed, [m]: [...EMPTY] } };
    picked = null;
    why.textContent = '';
    render();
    save();
    say(t.cleared(t.model[m]));
  });
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && picked) {
      picked = null;
      markPicked();
      say(t.column(t.model[state.model]));
      e.stopPropagation();
    }
  });

  // Dragging: a chip follows the finger or the mouse; let go over a band to drop it there. A press
  // that moves less than 6 px is a click (pick), handled above.
  let suppressClick = false;
  let drag: { x: number; y: number; chip: HTMLElement; ghost: HTMLElement | null; over: HTMLElement | null } | null = null;
  const bandAt = (x: number, y: number) => document.elementFromPoint(x, y)?.closest<HTMLElement>('.kit-band[data-band]') ?? null;
  body.addEventListener('pointerdown', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('.kit-chip[data-item]');
    if (!chip || e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, chip, ghost: null, over: null };
    chip.setPointerCapture(e.pointerId);
  });
  body.addEventListener('pointermove', (e) => {
    if (!drag) return;
    if (!drag.ghost) {
      if (Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 6) return;
      const [where, p] = drag.chip.dataset.item!.split(':') as [string, Proto];
      const model = where === 'tray' ? state.model : (where as ModelId);
      if (!(picked && picked.model === model && picked.p === p)) pick(model, p);
      drag.ghost = h('span', 'kit-chip kit-chip-ghost', { 'aria-hidden': 'true' }, t.proto[p]);
      document.body.append(drag.ghost);
    }
    drag.ghost.style.left = `${e.clientX + 8}px`;
    drag.ghost.style.top = `${e.clientY + 8}px`;
    const over = bandAt(e.clientX, e.clientY);
    if (over !== drag.over) {
      drag.over?.classList.remove('kit-drop');
      over?.classList.add('kit-drop');
      drag.over = over;
    }
  });
  const endDrag = (e: PointerEvent, cancel: boolean) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    if (!d.ghost) return;
    d.ghost.remove();
    d.over?.classList.remove('kit-drop');
    suppressClick = e.type === 'pointerup';
    const band = cancel ? null : bandAt(e.clientX, e.clientY);
    if (band) drop(band.dataset.col as ModelId, Number(band.dataset.band));
    // A click may not follow (the pointer ended elsewhere): forget the suppression next turn.
    setTimeout(() => (suppressClick = false));
  };
  body.addEventListener('pointerup', (e) => endDrag(e, false));
  body.addEventListener('pointercancel', (e) => endDrag(e, true));

  // The tray of chips right under the layers: a drag is a short one.
  pictureFirst(body, tray, why, scoreLine);
  host.replaceChildren(body);
  render();
  say(notice || t.start);
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('layers-widget', mount);
