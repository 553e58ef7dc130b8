// Encapsulation (W1), live: the reader types a message (or a byte count), picks TCP or UDP and
// Linux's timestamps option, and steps down the layers: each step adds that layer's header (and
// trailer) around the unit above, with the real sizes, the unit's name and the padding rule. The
// kit's Player walks the five layers; any change of message or option starts again at the top.
// Everything drawn and said is read from the model (model.ts) through view.ts.
import { langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { bytesOf, DEFAULT_STATE, encapsulate, EncapError, encodeState, parseLink, type EncapState, type Layer } from './model.ts';
import { encapPicture, narrate } from './view.ts';
import { encapText } from './i18n.ts';
import { defineWidget } from '../kit/define.ts';

const PRESETS: Record<string, string | number> = { hello: 'hello', noPad: 26, full: 1460, chinese: '你好' };

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = encapText[lang];
  const id = host.dataset.id ?? 'encap';
  const figure = host.closest('figure')!;

  let state: EncapState = DEFAULT_STATE;
  const raw = readState(id);
  const linked = raw === null ? null : parseLink(raw);
  if (linked) state = linked.state;
  const layersOf = (s: EncapState): Layer[] => encapsulate({ bytes: bytesOf(s.message), transport: s.transport, timestamps: s.timestamps });
  let layers = layersOf(state);

  const uid = `${id}-${Math.random().toString(36).slice(2, 7)}`;
  host.innerHTML =
    `<div class="widget-body enc" tabindex="-1">` +
    `<p class="kit-notice" role="note"${raw !== null && !linked ? '' : ' hidden'}></p>` +
    // The kit's order: the picture, the player under it, then the settings.
    `<div class="kit-stage"><div class="kit-pic enc-pic" tabindex="0"></div></div><div class="enc-player"></div>` +
    `<div class="enc-controls">` +
    `<label class="enc-msg"><span>${t.message}</span><input type="text" class="enc-text" spellcheck="false" autocomplete="off" aria-describedby="${uid}-h ${uid}-e"></label>` +
    `<p class="enc-hint" id="${uid}-h">${t.messageHint}</p>` +
    `<p class="enc-error" id="${uid}-e" role="status" aria-live="polite"></p>` +
    `<fieldset class="enc-tr"><legend>${t.transport}</legend>` +
    `<label><input type="radio" name="${uid}-tr" value="tcp"> TCP</label> <label><input type="radio" name="${uid}-tr" value="udp"> UDP</label></fieldset>` +
    `<label class="enc-ts"><input type="checkbox" class="enc-ts-box"> ${t.timestamps}</label>` +
    `<div class="enc-presets" role="group" aria-label="${t.presets}">${Object.keys(PRESETS).map((k) => `<button type="button" class="kit-btn enc-preset" data-p="${k}">${t.preset[k as keyof typeof t.preset]}</button>`).join('')}</div>` +
    `</div></div>`;
  const $ = <T extends Element = HTMLElement>(s: string) => host.querySelector<T>(s)!;
  $('.kit-notice').textContent = t.notice;
  const text = $<HTMLInputElement>('.enc-text');
  const error = $('.enc-error');
  const ts = $<HTMLInputElement>('.enc-ts-box');
  const radios = [...host.querySelectorAll<HTMLInputElement>(`input[name="${uid}-tr"]`)];
  const pic = $('.enc-pic');

  let size: Fit = { width: 640, scale: 1 };
  const draw = (p: number) => {
    pic.innerHTML = encapPicture(layers, p, t, size).svg;
  };
  const render = (p: number): string => {
    draw(p);
    return narrate(layers, p, state, t);
  };
  const player = new Player($('.enc'), { id, lang, total: 4, render, encode: (p) => `${encodeState(state)}.${p}`, barHost: $('.enc-player'), liveHost: $('.enc-player') });

  const showControls = () => {
    text.value = typeof state.message === 'number' ? String(state.message) : state.message;
    for (const r of radios) r.checked = r.value === state.transport;
    ts.checked = state.timestamps;
    ts.disabled = state.transport === 'udp';
  };

  /** A new state from the controls: run it, or say why not (the picture keeps the last good one). */
  const apply = (next: EncapState) => {
    try {
      layers = layersOf(next);
    } catch (e) {
      if (!(e instanceof EncapError)) throw e;
      error.textContent = e.key === 'too-big' ? t.error['too-big'](e.limit, next.transport === 'tcp') : t.error['not-a-count'];
      text.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    text.removeAttribute('aria-invalid');
    state = next;
    showControls();
    player.setTotal(4, 0);
    writeState(id, `${encodeState(state)}.0`);
  };
  const fromText = (v: string): string | number => (/^\s*\d+\s*$/.test(v) && v.trim().length <= 6 ? Number(v) : v);
  text.addEventListener('input', () => apply({ ...state, message: fromText(text.value) }));
  for (const r of radios) r.addEventListener('change', () => apply({ ...state, transport: r.value as EncapState['transport'], timestamps: r.value === 'tcp' && state.timestamps }));
  ts.addEventListener('change', () => apply({ ...state, timestamps: ts.checked }));
  host.querySelector('.enc-presets')!.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLElement>('[data-p]');
    if (b) apply({ ...state, message: PRESETS[b.dataset.p!]! });
  });

  showControls();
  player.go(linked?.step ?? 0, false);
  fit(pic, (f) => {
    size = f;
    draw(player.position);
  });
  figure.setAttribute('data-live', '');
}

defineWidget('encap-widget', mount);
