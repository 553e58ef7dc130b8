// The live framing widgets: <framing-widget> (W8, build a frame and watch the receiver take it
// apart) and <sticky-lab-widget> (W7, send() boundaries over TCP and UDP). Each clones the markup
// its .astro file rendered in the page's language, fills it from the view helpers, and walks the
// model's trace with the kit's Player. All text goes in through textContent.
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { unpackLength } from './model.ts';
import { fill, hex, int, pyBytes, type Strings } from './view-format.ts';
import {
  BODY_CAP,
  buildFrame,
  decodeFraming,
  encodeFraming,
  FRAMING_DEFAULT,
  frameRun,
  frameText,
  mistake,
  narrateDecode,
  pyLines,
  SHOW_CAP,
  utf8,
  type Built,
  type DecodeRun,
  type FramingState,
  type MistakeId,
} from './view-framing.ts';
import { decodeLab, encodeLab, LAB_DEFAULT, labRun, MAX_CHARS, MAX_MSGS, narrateLab, type DecoderView, type LabState } from './view-lab.ts';

/** The largest seed (any 32-bit number works; this keeps it positive). */
const I32_MAX = 2 ** 31 - 1;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
}

/** The live widget's parts: the figure's <template> cloned in, its strings, the URL state, lookups. */
function mount(host: HTMLElement) {
  const tpl = host.parentElement!.querySelector('template')!;
  host.append(tpl.content.cloneNode(true));
  const id = host.dataset.id!;
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) => host.querySelector<T>(sel)!;
  const field = (name: string) => $<HTMLInputElement>(`[name="${name}"]`);
  return {
    t: JSON.parse(tpl.dataset.t!) as Strings,
    lang: langOf(host),
    id,
    raw: readState(id),
    $,
    /** Puts each field of a state into the control of the same name (checkboxes take booleans). */
    put(s: object) {
      for (const [k, v] of Object.entries(s)) {
        const f = host.querySelector<HTMLInputElement>(`[name="${k}"]`);
        if (f) Object.assign(f, { [f.type === 'checkbox' ? 'checked' : 'value']: v });
      }
    },
    field,
  };
}

/** Shows the live widget in place of the static figure, saying so if the link's state was not understood. */
function goLive(host: HTMLElement, badState: string | false): void {
  const notice = host.querySelector<HTMLElement>('.kit-notice')!;
  notice.hidden = !badState;
  notice.textContent = badState || '';
  host.closest('figure')?.setAttribute('data-live', '');
}

class FramingWidget extends HTMLElement {
  connectedCallback(): void {
    if (this.firstChild) return;
    const { t, lang, id, raw, $, put, field } = mount(this);
    let saved = decodeFraming(raw);
    if (saved && !buildFrame(saved.state, utf8(saved.state.body), t).ok) saved = null;
    let s: FramingState = saved?.state ?? FRAMING_DEFAULT;
    put(s);

    const buffer = new Uint8Array(BODY_CAP);
    const encoder = new TextEncoder();
    let body = buffer;
    let bodyDirty = true;
    let built!: Extract<Built, { ok: true }>;
    let run!: DecodeRun;
    let player: Player | undefined;
    let queued = 0;
    const bands = [...this.querySelectorAll('.fr-band')];
    const mout = $('.fr-mout');
    const text = (root: Element, sel: string, value: string) => (root.querySelector(sel)!.textContent = value);

    const draw = () => {
      const { frame, hlen } = built;
      const lines = pyLines(s);
      const cut = Math.min(frame.length, SHOW_CAP);
      text(this, '.fr-py0 code', lines[0]!);
      [0, 4, 4 + hlen, frame.length].reduce((a, z, i) => {
        const band = bands[i - 1]!;
        const shown = frame.subarray(a, Math.max(a, Math.min(z, cut)));
        text(band, '.fr-tag span', fill(t.bytes, { n: z - a }));
        text(band, '.fr-py', lines[i]!);
        text(band, '.fr-hex', hex(shown));
        text(band, '.fr-dec', i > 1 ? new TextDecoder().decode(shown, { stream: true }) : fill(t.unpacked, { f: s.fmt, n: unpackLength(shown, s.fmt) }));
        return z;
      });
      text(this, '.fr-more', frame.length > cut ? fill(t.more, { n: frame.length - cut }) : '');
    };

    const rebuild = () => {
      const f = (name: string) => field(name).value;
      const on = (name: string) => field(name).checked;
      s = { name: f('name'), size: f('size'), extra: f('extra'), body: f('body'), fmt: f('fmt') === 'i' ? 'i' : '!I', ascii: on('ascii'), split: on('split'), seed: int(f('seed'), 0, I32_MAX) ?? s.seed };
      if (bodyDirty) {
        // encodeInto stops at the cap on a character boundary and says how much of the text fitted.
        const { read, written } = encoder.encodeInto(s.body, buffer);
        const over = read < s.body.length;
        if (over) field('body').value = s.body = s.body.slice(0, read);
        text(this, `#${id}-e-body`, over ? fill(t.bodyCap, { n: written }) : '');
        body = buffer.slice(0, written);
        bodyDirty = false;
      }
      const b = buildFrame(s, body, t);
      for (const k of ['name', 'size', 'extra']) {
        const bad = !b.ok && b.field === k;
        text(this, `#${id}-e-${k}`, bad ? b.message : '');
        field(k).setAttribute('aria-invalid', String(bad));
      }
      text(this, `#${id}-h-size`, fill(t.sizeAuto, { n: body.length }));
      text(this, '.fr-stale', b.ok ? '' : t.stale!);
      mout.replaceChildren();
      if (!b.ok) return;
      built = b;
      draw();
      run = frameRun(b.frame, s);
      if (player) {
        player.setTotal(run.steps.length);
        writeState(id, encodeFraming(s, player.position));
      }
    };
    rebuild();

    const pills = [...this.querySelectorAll<HTMLElement>('[data-s]')];
    const [label, code, more] = $('.fr-chunk').children;
    const render = (p: number): string => {
      const step = run.steps[p - 1];
      const m = step?.t;
      // The state that took this step's bytes, and how much of its piece it holds now.
      const now = step?.stuck ?? m ?? { state: 'need-length', got: 0, need: 4 };
      for (const pill of pills) pill.toggleAttribute('aria-current', pill.dataset.s === now.state);
      text(this, '.fr-buf', '· ' + fill(t.buffered, now));
      const c = m ? step.chunk : new Uint8Array(0);
      const a = (m?.from ?? 0) - (step?.at ?? 0);
      const z = (m?.to ?? 0) - (step?.at ?? 0);
      const cut = (x: number, y: number) => hex(c.subarray(Math.min(x, 64), Math.min(y, 64)));
      label!.textContent = m ? fill(t.chunk, { k: step.k, n: run.chunks, len: c.length }) : '';
      [cut(0, a), cut(a, z), cut(z, 64)].forEach((h, i) => (code!.children[i]!.textContent = h));
      more!.textContent = c.length > 64 ? fill(t.more, { n: c.length - 64 }) : '';
      $('.fr-frames').replaceChildren(...run.frames.slice(0, step?.frames ?? 0).map((f, i) => el('li', '', frameText(f, i + 1, t))));
      return step ? narrateDecode(step, run, s.fmt, t) : kitText[lang].start;
    };
    player = new Player($('.fr-run'), { id, lang, total: run.steps.length, render, encode: (p) => encodeFraming(s, p) });
    player.setTotal(run.steps.length, saved?.step ?? 0);

    this.addEventListener('input', (e) => {
      if ((e.target as Element).closest('.kit-player')) return;
      if ((e.target as HTMLInputElement).name === 'body') bodyDirty = true;
      // However fast the reader types (or pastes a megabyte), build and draw once per frame.
      queued ||= requestAnimationFrame(() => {
        queued = 0;
        rebuild();
      });
    });
    this.addEventListener('change', () => int(field('seed').value, 0, I32_MAX) ?? put({ seed: s.seed }));
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLElement>('[data-act],[data-m]');
      if (b?.dataset.act) {
        put({ seed: Math.floor(Math.random() * 1e6) });
        rebuild();
      } else if (b) {
        const story = mistake(b.dataset.m as MistakeId, built, body, s, t);
        mout.replaceChildren(...story.lines.map((l) => el('p', '', l)), el('p', 'kit-error', story.error), el('p', '', story.why));
      }
    });
    goLive(this, raw !== null && !saved && kitText[lang].badState);
  }
}

class StickyLabWidget extends HTMLElement {
  connectedCallback(): void {
    if (this.firstChild) return;
    const { t, lang, id, raw, $, put } = mount(this);
    const saved = decodeLab(raw);
    const s: LabState = saved?.state ?? { ...LAB_DEFAULT, msgs: [...LAB_DEFAULT.msgs] };
    const ranges: Record<string, [number, number]> = { seed: [0, I32_MAX], mss: [0, 64], recv: [1, 1024], loss: [0, 100] };
    const list = $('.lab-msgs');
    const add = $<HTMLButtonElement>('[data-act=add]');
    const rows = () => {
      list.replaceChildren(
        ...s.msgs.map((m, i) => {
          const input = el('input');
          const del = el('button', 'kit-btn', '×');
          const li = el('li');
          Object.assign(input, { value: m, maxLength: MAX_CHARS });
          input.dataset.i = del.dataset.del = String(i);
          input.setAttribute('aria-label', fill(t.msg, { i: i + 1 }));
          del.setAttribute('aria-label', fill(t.del, { i: i + 1 }));
          del.type = 'button';
          del.disabled = s.msgs.length < 2;
          li.append(input, del);
          return li;
        }),
      );
      add.disabled = s.msgs.length >= MAX_MSGS;
    };
    put(s);
    rows();

    const lanes: Record<string, HTMLElement> = {};
    for (const lane of this.querySelectorAll<HTMLElement>('[data-lane]')) lanes[lane.dataset.lane!] = lane;
    const box = (bytes: Uint8Array, tag = '', cls = '') => {
      const b = el('span', `lab-box ${cls}`);
      b.append(el('code', '', pyBytes(bytes)), tag && el('small', '', tag));
      return b;
    };
    let run = labRun(s);
    const render = (p: number): string => {
      const now = run.steps[p - 1];
      const boxes: Record<string, HTMLElement[]> = { send: run.sent.map((b) => box(b)), seg: [], recv: [], udp: [] };
      let dec: DecoderView = { state: 'need-length', got: 0, need: 4, frames: [] };
      for (const step of run.steps.slice(0, p)) {
        const c = step === now ? ' now' : '';
        if (step.kind === 'seg') boxes.seg!.push(box(run.tcp.stream.subarray(step.span.start, step.span.end), '', c));
        else if (step.kind === 'udp') boxes.udp!.push(box(utf8(s.msgs[step.i]!), step.lost ? t.lost : t.arrived, (step.lost ? 'lost' : 'whole') + c));
        else {
          const kind = step.dec ? '' : step.read.kind!;
          dec = step.dec ?? dec;
          boxes.recv!.push(box(step.read.bytes, t[kind], kind + c));
        }
      }
      boxes.dec = [el('span', '', fill(t.decState, { s: dec.state, got: dec.got, need: dec.need })), ...dec.frames.map((f) => box(f, '', 'whole'))];
      for (const k in boxes) lanes[k]!.querySelector('dd')!.replaceChildren(...boxes[k]!);
      lanes.dec!.hidden = !s.framing;
      return now ? narrateLab(now, run, s, t) : kitText[lang].start;
    };
    const player = new Player(this, { id, lang, total: run.steps.length, render, encode: (p) => encodeLab(s, p) });
    player.setTotal(run.steps.length, saved?.step ?? 0);
    const rerun = () => {
      run = labRun(s);
      player.setTotal(run.steps.length);
      writeState(id, encodeLab(s, player.position));
    };

    this.addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      const range = ranges[input.name];
      const v = range ? int(input.value, ...range) : input.checked;
      if (input.closest('.kit-player') || v === null) return; // a half-typed number: "change" puts the last good one back
      if (input.dataset.i) s.msgs[Number(input.dataset.i)] = input.value;
      else Object.assign(s, { [input.name]: v });
      rerun();
    });
    this.addEventListener('change', () => put(s));
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest('button');
      if (!b || b.closest('.kit-player')) return;
      const del = b.dataset.del;
      if (del) s.msgs.splice(Number(del), 1);
      else if (b === add) s.msgs.push('');
      else s.seed = Math.floor(Math.random() * 1e6);
      put(s);
      rows();
      // Keep the keyboard where the reader was: on the row after the removed one, or on the new row.
      if (del || b === add) list.querySelectorAll('input')[del ? Math.min(Number(del), s.msgs.length - 1) : s.msgs.length - 1]!.focus();
      rerun();
    });
    goLive(this, raw !== null && !saved && kitText[lang].badState);
  }
}

customElements.define('framing-widget', FramingWidget);
customElements.define('sticky-lab-widget', StickyLabWidget);
