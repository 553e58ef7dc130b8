// The live framing widgets: <framing-widget> (W8, build a frame and watch the receiver take it
// apart) and <sticky-lab-widget> (W7, send() boundaries over TCP and UDP). Each clones the markup
// its .astro file rendered in the page's language, fills it from the view helpers, and walks the
// model's trace with the kit's Player. All text goes in through textContent.
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { bytes, boundaryAt } from '../kit/draw/bytes.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fill, int, pyBytes, readable, stateName, type Strings } from './view-format.ts';
import {
  BODY_CAP,
  buildFrame,
  decodeFraming,
  encodeFraming,
  FRAMING_DEFAULT,
  framePicture,
  frameRun,
  frameText,
  mistake,
  narrateDecode,
  PIC_CAP,
  pyLines,
  utf8,
  type Built,
  type DecodeRun,
  type FramingState,
  type MistakeId,
} from './view-framing.ts';
import { decodeLab, encodeLab, LAB_DEFAULT, labPicture, labRun, MAX_CHARS, MAX_MSGS, narrateLab, recvFor, type DecoderView, type LabState, type RecordedSticky } from './view-lab.ts';

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
    let shown: MistakeId | null = null;
    let view: 'hex' | 'text' = 'text';
    let at = 0;
    let size: Fit | null = null;
    const bands = [...this.querySelectorAll('.fr-band')];
    const mout = $('.fr-mout');
    const pic = $('.fr-pic');
    const text = (root: Element, sel: string, value: string) => (root.querySelector(sel)!.textContent = value);

    /** The stream picture at the player's position, for the width the column has. */
    const paint = () => {
      if (!size || !run) return;
      pic.innerHTML = bytes({ ...framePicture(run, s.fmt, at, t), view, width: size.width, scale: size.scale }).svg;
      const more = run.stream.length - PIC_CAP;
      text(this, '.fr-more', more > 0 ? fill(t.more, { n: more }) : '');
    };

    /** The mistake on show, told again with the controls as they are now. */
    const tell = () => {
      mout.replaceChildren();
      if (!shown) return;
      const story = mistake(shown, built, body, s, t);
      const verdict = el('p', 'kit-error');
      verdict.append(el('strong', story.ok ? 'fr-ok' : 'fr-x', story.ok ? t.passed : t.failed), ' ' + story.error);
      mout.append(...story.lines.map((l) => el('p', '', l)), verdict, el('p', '', story.why));
    };

    const draw = () => {
      const { frame, hlen } = built;
      const lines = pyLines(s);
      text(this, '.fr-py0 code', lines[0]!);
      [0, 4, 4 + hlen, frame.length].reduce((a, z, i) => {
        const band = bands[i - 1]!;
        text(band, '.fr-tag span', fill(t.bytes, { n: z - a }));
        text(band, '.fr-py', lines[i]!);
        return z;
      });
    };

    const rebuild = () => {
      const f = (name: string) => field(name).value;
      const on = (name: string) => field(name).checked;
      const seed = int(f('seed'), 0, I32_MAX);
      text(this, `#${id}-e-seed`, seed === null ? t.badSeed! : '');
      field('seed').setAttribute('aria-invalid', String(seed === null));
      s = { name: f('name'), size: f('size'), extra: f('extra'), body: f('body'), fmt: f('fmt') === 'i' ? 'i' : '!I', ascii: on('ascii'), split: on('split'), seed: seed ?? s.seed };
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
      if (!b.ok) return;
      built = b;
      draw();
      run = frameRun(b.frame, s);
      tell();
      if (player) {
        player.setTotal(run.steps.length);
        writeState(id, encodeFraming(s, player.position));
      }
    };
    rebuild();

    const pills = [...this.querySelectorAll<HTMLElement>('[data-s]')];
    const render = (p: number): string => {
      at = p;
      const step = run.steps[p - 1];
      const m = step?.t;
      // The state that took this step's bytes, and how much of its piece it holds now.
      const now = step?.stuck ?? m ?? { state: 'need-length', got: 0, need: 4 };
      for (const pill of pills) pill.toggleAttribute('aria-current', pill.dataset.s === now.state);
      text(this, '.fr-buf', '· ' + fill(t.buffered, now));
      text(this, '.fr-chunk', m ? fill(t.chunk, { k: step.k, n: run.chunks, len: step.chunk.length }) : '');
      $('.fr-frames').replaceChildren(...run.frames.slice(0, step?.frames ?? 0).map((f, i) => el('li', '', frameText(f, i + 1, t))));
      paint();
      return step ? narrateDecode(step, run, s.fmt, t) : kitText[lang].start;
    };
    player = new Player($('.fr-run'), { id, lang, total: run.steps.length, render, encode: (p) => encodeFraming(s, p) });
    player.setTotal(run.steps.length, saved?.step ?? 0);
    fit(pic, (f) => {
      size = f;
      paint();
    });

    this.addEventListener('input', (e) => {
      if ((e.target as Element).closest('.kit-player')) return;
      if ((e.target as HTMLInputElement).name === 'body') bodyDirty = true;
      // However fast the reader types (or pastes a megabyte), build and draw once per frame.
      queued ||= requestAnimationFrame(() => {
        queued = 0;
        rebuild();
      });
    });
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLElement>('[data-act],[data-m]');
      if (b?.dataset.act === 'hex') {
        view = view === 'hex' ? 'text' : 'hex';
        b.setAttribute('aria-pressed', String(view === 'hex'));
        paint();
      } else if (b?.dataset.act) {
        put({ seed: Math.floor(Math.random() * 1e6) });
        rebuild();
      } else if (b) {
        shown = b.dataset.m as MistakeId;
        tell();
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
    // The run recorded on Linux, from the page (StickyLab.astro): the "recorded" preset.
    const rec: RecordedSticky = JSON.parse(this.parentElement!.querySelector('template')!.dataset.rec!);
    const ranges: Record<string, [number, number, string]> = { seed: [0, I32_MAX, t.badSeed!], mss: [0, 64, t.badMss!], recv: [1, 1024, t.badRecv!], loss: [0, 100, t.badLoss!] };
    const list = $('.lab-msgs');
    const add = $<HTMLButtonElement>('[data-act=add]');
    const pic = $('.lab-pic');
    let repr = false;
    let size: Fit | null = null;
    let at = 0;
    let layout: ReturnType<typeof bytes> | null = null;
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
    // Chinese reads as characters; Python's b'\xe4…' form on demand, where the text teaches it.
    const box = (b: Uint8Array, tag = '', cls = '') => {
      const e = el('span', `lab-box ${cls}`);
      e.append(el('code', '', repr ? pyBytes(b) : readable(b)), tag && el('small', '', tag));
      return e;
    };
    let run = labRun(s, rec);
    const paint = () => {
      if (!size) return;
      layout = bytes({ ...labPicture(run, s, at, t), view: 'text', width: size.width, scale: size.scale });
      pic.innerHTML = layout.svg;
    };
    const render = (p: number): string => {
      at = p;
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
      boxes.dec = [el('span', '', fill(t.decState, { s: stateName(t, dec.state), got: dec.got, need: dec.need })), ...dec.frames.map((f) => box(f, '', 'whole'))];
      for (const k in boxes) lanes[k]!.querySelector('dd')!.replaceChildren(...boxes[k]!);
      lanes.dec!.hidden = !s.framing;
      lanes.udp!.hidden = !!s.rec;
      paint();
      return now ? narrateLab(now, run, s, t) : s.rec ? fill(t.recOn!, { ...rec }) : kitText[lang].start;
    };
    const slot = this.querySelector<HTMLElement>('.lab-player')!;
    const player = new Player(this, { id, lang, total: run.steps.length, render, encode: (p) => encodeLab(s, p), barHost: slot, liveHost: slot });
    player.setTotal(run.steps.length, saved?.step ?? 0);
    fit(pic, (f) => {
      size = f;
      paint();
    });
    const rerun = () => {
      run = labRun(s, rec);
      player.setTotal(run.steps.length);
      writeState(id, encodeLab(s, player.position));
    };

    this.addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.closest('.kit-player')) return;
      if (input.name === 'repr') {
        repr = input.checked;
        player.go(player.position, false, true);
        return;
      }
      const range = ranges[input.name];
      const v = range ? int(input.value, range[0], range[1]) : input.checked;
      if (range) {
        // A number out of range (recv(0), a negative n, nothing at all) is said, not ignored; the run stays as it was.
        $(`#${id}-e-${input.name}`).textContent = v === null ? range[2] : '';
        input.setAttribute('aria-invalid', String(v === null));
        if (v === null) return player.say(range[2]);
      }
      if (input.dataset.i) s.msgs[Number(input.dataset.i)] = input.value;
      else Object.assign(s, { [input.name]: v });
      // The recording shows its own messages and recv(); changing anything else leaves it.
      if (input.name === 'rec') {
        if (v) {
          Object.assign(s, { msgs: [...rec.sent], framing: false, recv: 1024 });
          put(s);
          rows();
        }
      } else if (s.rec) put({ rec: (s.rec = false) });
      rerun();
    });
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest('button');
      // A click on the stream picture moves a recv() boundary: n becomes what makes that read stop there.
      const svg = (e.target as Element).closest('.lab-pic svg');
      if (svg && layout) {
        const r = svg.getBoundingClientRect();
        const k = boundaryAt(layout, (e as MouseEvent).clientX - r.left, (e as MouseEvent).clientY - r.top);
        if (k === null || k >= run.tcp.stream.length) return;
        s.recv = recvFor(run, k);
        s.rec = false;
        put({ recv: s.recv, rec: false });
        $(`#${id}-e-recv`).textContent = '';
        $('[name=recv]').setAttribute('aria-invalid', 'false');
        rerun();
        return;
      }
      if (!b || b.closest('.kit-player')) return;
      const del = b.dataset.del;
      if (del) s.msgs.splice(Number(del), 1);
      else if (b === add) s.msgs.push('');
      else s.seed = Math.floor(Math.random() * 1e6);
      s.rec = false;
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
