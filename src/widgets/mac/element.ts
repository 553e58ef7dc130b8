// The MAC dissector (W2): type an address in any spelling or pick a preset; the six octets with
// the OUI and the organisation's part, the first octet's bits with I/G and U/L to touch (a click,
// a tap, or Enter flips one), and what it all means. The address is the state: ?mac=<address>.
import { kitText, langOf } from '../kit/i18n.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { tools } from '../kit/tools.ts';
import { macText } from './i18n.ts';
import { DEFAULT_MAC, flipBit, formatMac, fromBytes, MacError, parseMac, PRESETS, type Mac, type PresetName } from './model.ts';
import { bitsPicture, facts, octetsSvg, spellings, summary } from './view.ts';
import { defineWidget } from '../kit/define.ts';
import { h, pictureFirst } from '../kit/dom.ts';


function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = macText[lang];
  const id = host.dataset.id ?? 'mac';
  let mac: Mac = parseMac(DEFAULT_MAC);
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    try {
      mac = parseMac(raw);
    } catch {
      notice = kitText[lang].badState;
    }
  }

  const body = h('div', 'widget-body mac', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const err = h('p', 'kit-error mac-err', { id: `${id}-err` });
  const input = h('input', 'mac-input', { type: 'text', id: `${id}-in`, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', 'aria-describedby': err.id });
  input.value = formatMac(mac.bytes);
  const presetBtns = (Object.keys(PRESETS) as PresetName[]).map((k) => {
    const b = h('button', 'kit-btn mac-preset', { type: 'button', 'aria-pressed': 'false', 'data-preset': k }, t.preset[k]);
    b.addEventListener('click', () => set(parseMac(PRESETS[k]), summary(parseMac(PRESETS[k]), t), true));
    return b;
  });
  const spell = h('p', 'mac-spell');
  const octets = h('div', 'kit-pic mac-octets', { tabindex: 0 });
  const bitsBox = h('div', 'kit-pic mac-bits');
  const stage = h('div', 'kit-stage mac-stage', {}, octets, bitsBox, h('p', 'mac-hint', {}, t.touch));
  const list = h('ul', 'mac-facts');
  const live = h('p', 'kit-live', { role: 'status', 'aria-live': 'polite' });
  body.append(
    h('div', 'mac-field', {}, h('label', '', { for: input.id }, t.field), input),
    err,
    h('div', 'mac-presets', { role: 'group', 'aria-label': t.presets }, ...presetBtns),
    spell,
    stage,
    list,
    live,
    tools(host, { id, lang, encode: () => formatMac(mac.bytes), say: (s) => (live.textContent = s), copyLabel: t.copy }),
  );

  let size: Fit | null = null;
  const draw = () => {
    if (!size) return;
    octets.innerHTML = octetsSvg(mac, t, size);
    const pic = bitsPicture(mac, t, size);
    bitsBox.innerHTML = pic.svg;
    const svg = bitsBox.querySelector('svg')!;
    // The named bits are things to touch: the picture is a group of buttons, not a flat image.
    svg.setAttribute('role', 'group');
    for (const g of svg.querySelectorAll<SVGGElement>('.kit-bit')) {
      const bit = Number(g.dataset.bit) as 0 | 1;
      g.setAttribute('role', 'button');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-label', t.flipName(bit ? t.ul : t.ig, bit, (mac.bytes[0]! >> bit) & 1));
    }
  };
  const render = () => {
    spell.replaceChildren(t.spellings, ...spellings(mac).flatMap((s, i) => [i ? ' · ' : '', h('code', '', {}, s)]));
    list.replaceChildren(...facts(mac, t).map((f) => h('li', '', {}, f)));
    const now = formatMac(mac.bytes);
    for (const b of presetBtns) b.setAttribute('aria-pressed', String(PRESETS[b.dataset.preset as PresetName] === now));
    draw();
  };

  /** Shows `next` and says `said`; `fill`: write it into the field (not while the reader is typing there). */
  function set(next: Mac, said: string, fill: boolean): void {
    mac = next;
    if (fill) input.value = formatMac(mac.bytes);
    input.removeAttribute('aria-invalid');
    err.textContent = '';
    render();
    live.textContent = said;
    writeState(id, formatMac(mac.bytes));
  }

  input.addEventListener('input', () => {
    try {
      const next = parseMac(input.value);
      set(next, summary(next, t), false);
    } catch (e) {
      if (!(e instanceof MacError)) throw e;
      input.setAttribute('aria-invalid', 'true');
      err.textContent = `${t.error(e.key, e.params)} ${t.kept}`;
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && err.textContent) live.textContent = err.textContent;
  });

  const flip = (bit: 0 | 1) => {
    const before = (mac.bytes[0]! >> bit) & 1;
    const next = fromBytes(flipBit(mac.bytes, bit));
    set(next, `${t.flipped(bit ? t.ul : t.ig, bit, before, 1 - before, formatMac(next.bytes))} ${summary(next, t)}`, true);
    bitsBox.querySelector<SVGGElement>(`.kit-bit[data-bit="${bit}"]`)?.focus();
  };
  bitsBox.addEventListener('click', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.kit-bit');
    if (g) flip(Number(g.dataset.bit) as 0 | 1);
  });
  bitsBox.addEventListener('keydown', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.kit-bit');
    if (!g || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    flip(Number(g.dataset.bit) as 0 | 1);
  });

  // site.ts lands on a linked section again once a widget above it has grown.
  pictureFirst(body);
  host.replaceChildren(body);
  render();
  live.textContent = notice || summary(mac, t);
  fit(stage, (f) => {
    size = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('mac-widget', mount);
