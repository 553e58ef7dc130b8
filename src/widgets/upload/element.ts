// W9 Upload progress: the reader steps the receiver's loop recv call by recv call and sees file 1
// fill by what each call returned, the stream with its frame boundaries, and (when the loop reaches
// frame 2) the bytes where file 1 ends. Any change of scenario or option starts again at step 0.
// The URL holds the scenario and the step (?upload=3000.1024.m.7.2).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { uploadText } from './i18n.ts';
import { checkScenario, decodeState, encodeState, parseBytes, PRESET_NAMES, PRESETS, presetOf, runUpload, type Md5Mode, type UploadRun, type UploadScenario } from './model.ts';
import { barPicture, loopCode, narrate, stepsOf, streamPicture, windowPicture } from './view.ts';
import { defineWidget } from '../kit/define.ts';
import { h, pictureFirst } from '../kit/dom.ts';


/** A label beside its control (not around it: a select's options would become part of its name). */
let uid = 0;
function field(text: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  control.id = `up-${control.name}-${++uid}`;
  return h('span', 'up-field', {}, h('label', '', { for: control.id }, text), control);
}

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = uploadText[lang];
  const id = host.dataset.id ?? 'upload';
  let sc: UploadScenario = { ...PRESETS.normal };
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ scenario: sc, step: start } = d.value);
    else notice = kitText[lang].badState;
  }
  let run: UploadRun = runUpload(sc);

  const body = h('div', 'widget-body up', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const preset = h('select', '', { name: 'preset' });
  for (const p of [...PRESET_NAMES, 'custom']) preset.append(h('option', '', { value: p }, t.preset[p]!));
  const size = h('input', '', { name: 'size', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': `${id}-err` });
  const chunk = h('input', '', { name: 'chunk', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': `${id}-err` });
  const useMin = h('input', '', { type: 'checkbox', name: 'min' });
  const drop = h('input', '', { type: 'checkbox', name: 'drop' });
  const md5 = h('select', '', { name: 'md5' });
  for (const m of ['none', 'match', 'mismatch']) md5.append(h('option', '', { value: m }, t.md5Mode[m]!));
  const seedBtn = h('button', 'kit-btn up-seed', { type: 'button' });
  const err = h('p', 'kit-error', { id: `${id}-err`, role: 'alert' });
  body.append(
    h(
      'div',
      'up-form',
      { role: 'group', 'aria-label': t.settings },
      field(t.presets, preset),
      field(t.size, size),
      field(t.chunk, chunk),
      h('label', 'up-check', {}, useMin, t.useMin),
      h('label', 'up-check', {}, drop, t.drop),
      field(t.md5, md5),
      seedBtn,
    ),
    err,
  );
  const code = h('pre', 'up-code', { role: 'region', 'aria-label': t.code, tabindex: 0 });
  const status = h('p', 'up-status');
  const barPic = h('div', 'kit-pic up-bar', { tabindex: 0, role: 'group', 'aria-label': t.barTitle });
  const streamPic = h('div', 'kit-pic up-stream', { tabindex: 0, role: 'group', 'aria-label': t.streamTitle });
  const winPic = h('div', 'kit-pic up-window', { tabindex: 0, role: 'group', 'aria-label': t.windowTitle });
  const verdictP = h('p', 'up-verdict');
  const callsList = h('ol', 'up-calls', { 'aria-label': t.callsTitle });
  const note = h('p', 'up-note', {}, t.whileNote);
  const stage = h('div', 'kit-stage', {}, h('p', 'up-cap', {}, t.barTitle), barPic, status, h('p', 'up-cap', {}, t.streamTitle), streamPic, winPic, verdictP);
  const slot = h('div', 'up-player');
  body.append(code, slot, stage, note, h('details', 'up-log', {}, h('summary', '', {}, t.callsTitle), callsList));

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (!fitted) return;
    barPic.innerHTML = barPicture(run, shown, t, fitted);
    streamPic.innerHTML = streamPicture(run, shown, t, fitted);
    const w = windowPicture(run, shown, t, fitted);
    winPic.hidden = w === null;
    winPic.innerHTML = w ?? '';
  };
  const render = (p: number): string => {
    shown = p;
    const n = Math.min(p, run.calls.length);
    const last = run.calls[n - 1];
    const rem = last ? last.remainingAfter : run.scenario.size;
    status.textContent = t.status(run.scenario.size - Math.max(0, rem), run.scenario.size, rem);
    callsList.replaceChildren(...run.calls.slice(0, n).map((c) => h('li', '', {}, t.recvSeg(c.asked, c.got))));
    const said = narrate(run, p, t);
    verdictP.textContent = p > run.calls.length ? said : '';
    verdictP.dataset.kind = p > run.calls.length ? run.outcome.kind : '';
    note.hidden = run.scenario.useMin;
    draw();
    return said;
  };
  const encode = (p: number) => encodeState(sc, p);
  const player = new Player(body, { id, lang, total: stepsOf(run), render, encode, barHost: slot, liveHost: slot });

  const showForm = () => {
    preset.value = presetOf(sc) ?? 'custom';
    size.value = String(sc.size);
    chunk.value = String(sc.chunk);
    useMin.checked = sc.useMin;
    drop.checked = sc.dropAt !== null;
    md5.value = sc.md5;
    seedBtn.textContent = t.arrivals(sc.seed);
    code.textContent = loopCode(sc.useMin, sc.chunk).join('\n');
  };
  /** A new scenario: checked, run, and shown from step 0. */
  const restart = (next: UploadScenario) => {
    const c = checkScenario(next);
    if (!c.ok) {
      err.textContent = c.field === 'calls' ? t.bad.calls(c.max!) : c.field === 'chunk' ? t.bad.chunk(c.min!, c.max!) : t.bad.size(c.min!, c.max!);
      player.say(err.textContent);
      return;
    }
    err.textContent = '';
    size.removeAttribute('aria-invalid');
    chunk.removeAttribute('aria-invalid');
    sc = next;
    run = runUpload(sc);
    showForm();
    player.setTotal(stepsOf(run), 0);
    writeState(id, encode(0));
  };
  const typed = (input: HTMLInputElement, field: 'size' | 'chunk') => {
    const v = parseBytes(input.value, field);
    if (!v.ok) {
      input.setAttribute('aria-invalid', 'true');
      err.textContent = t.bad[field](v.min!, v.max!);
      player.say(err.textContent);
      return;
    }
    const next = { ...sc, [field]: v.value };
    if (next.dropAt !== null) next.dropAt = Math.floor(next.size * 0.6);
    restart(next);
  };
  preset.addEventListener('change', () => preset.value !== 'custom' && restart({ ...PRESETS[preset.value as keyof typeof PRESETS] }));
  size.addEventListener('change', () => typed(size, 'size'));
  chunk.addEventListener('change', () => typed(chunk, 'chunk'));
  useMin.addEventListener('change', () => restart({ ...sc, useMin: useMin.checked }));
  drop.addEventListener('change', () => restart({ ...sc, dropAt: drop.checked ? Math.floor(sc.size * 0.6) : null }));
  md5.addEventListener('change', () => restart({ ...sc, md5: md5.value as Md5Mode }));
  seedBtn.addEventListener('click', () => restart({ ...sc, seed: (sc.seed + 1) % 1000 }));

  showForm();
  player.setTotal(stepsOf(run), Math.min(start, stepsOf(run)));
  pictureFirst(body, slot, code);
  host.replaceChildren(body);
  fit(barPic, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('upload-widget', mount);
