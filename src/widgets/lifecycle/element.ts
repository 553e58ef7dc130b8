// W15 process lifecycle lab: the reader calls start / join / terminate / kill / is_alive / daemon on
// one Process, lets time pass or ends the parent's code, on a platform and Python version whose
// default start method the picker shows. Each call is a step on the lanes (parent and child).
// The URL holds the settings, the calls and the step (?lifecycle=l.3-12.g.3.sajj.2).
import { kitText, langOf } from '../kit/i18n.ts';
import { Player } from '../kit/player.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { defineWidget } from '../kit/define.ts';
import { lifeText } from './i18n.ts';
import { ACTIONS, decodeState, encodeState, LIMITS, preset, PRESET_NAMES, presetOf, runLifecycle, VERSIONS, type Action, type Lifecycle, type Platform, type Scenario, type Version } from './model.ts';
import { lanesOf, methodLines, narrate } from './view.ts';
import { h, selectField, pictureFirst } from '../kit/dom.ts';

const select = (label: string, options: Array<[string, string]>) => selectField('lc-field', label, options);

function mount(host: HTMLElement): void {
  const lang = langOf(host);
  const t = lifeText[lang];
  const id = host.dataset.id ?? 'lifecycle';
  let sc: Scenario = preset('terminate');
  let start = 0;
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d.ok) ({ scenario: sc, step: start } = d);
    else notice = kitText[lang].badState;
  }
  let life: Lifecycle = runLifecycle(sc);

  const body = h('div', 'widget-body lc', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const [presetL, presetS] = select(t.preset, [...PRESET_NAMES, 'custom'].map((p) => [p, t.presets[p]!]));
  const [platL, platS] = select(t.platform, ['linux', 'macos', 'windows'].map((p) => [p, t.platforms[p]!]));
  const [verL, verS] = select(t.version, VERSIONS.map((v) => [v, v]));
  const [guardL, guardS] = select(t.guard, ['g', 'u'].map((g) => [g, t.guards[g]!]));
  const [workL, workS] = select(t.work, Array.from({ length: LIMITS.work.max }, (_, i): [string, string] => [String(i + 1), ((i + 1) / 10).toFixed(1)]));
  const methodP = h('p', 'lc-method');
  const guardP = h('p', 'lc-note');
  body.append(h('div', 'lc-form', { role: 'group', 'aria-label': t.settings }, presetL, platL, verL, guardL, workL), methodP, guardP);
  const buttons = ACTIONS.map((a) => h('button', 'kit-btn lc-op', { type: 'button', 'data-action': a }, t.btn[a]!));
  const again = h('button', 'kit-btn lc-again', { type: 'button' }, t.again);
  const ops = h('div', 'lc-ops', { role: 'group', 'aria-label': t.calls }, ...buttons, again);
  body.append(ops);
  const slot = h('div', 'lc-player');
  const pic = h('div', 'kit-pic lc-lanes', { tabindex: 0, role: 'group', 'aria-label': t.label });
  const facts = h('p', 'lc-facts');
  body.append(slot, h('div', 'kit-stage', {}, facts, pic));

  let shown = 0;
  let fitted: Fit | null = null;
  const draw = () => {
    if (!fitted) return;
    const cut: Lifecycle = { ...life, steps: life.steps.slice(0, shown) };
    pic.innerHTML = lanesOf(cut, t, fitted.width, fitted.scale).svg;
  };
  const render = (p: number): string => {
    shown = p;
    const s = p === 0 ? { exitcode: null, daemon: false } : life.steps[p - 1]!;
    facts.replaceChildren(h('code', '', {}, t.exitcode(s.exitcode)), ' ', h('code', '', {}, t.daemonNow(s.daemon)));
    draw();
    return narrate(life, p, t);
  };
  const encode = (p: number) => encodeState(sc, p);
  const player = new Player(body, { id, lang, total: life.steps.length, render, encode, barHost: slot, liveHost: slot });

  const showForm = () => {
    presetS.value = presetOf(sc) ?? 'custom';
    platS.value = sc.platform;
    verS.value = sc.version;
    guardS.value = sc.guarded ? 'g' : 'u';
    workS.value = String(sc.work);
    const [m, u] = methodLines(sc, t);
    methodP.textContent = m;
    guardP.textContent = u;
    guardP.hidden = sc.guarded;
  };
  const restart = (next: Scenario, step = 0) => {
    sc = next;
    life = runLifecycle(sc);
    showForm();
    player.setTotal(life.steps.length, step);
    writeState(id, encode(step));
  };
  presetS.addEventListener('change', () => presetS.value !== 'custom' && restart(preset(presetS.value as (typeof PRESET_NAMES)[number])));
  const fromForm = () => restart({ ...sc, platform: platS.value as Platform, version: verS.value as Version, guarded: guardS.value === 'g', work: Number(workS.value) });
  for (const s of [platS, verS, guardS, workS]) s.addEventListener('change', fromForm);
  for (const b of buttons)
    b.addEventListener('click', () => {
      if (sc.actions.length >= LIMITS.actions) return player.say(t.tooMany(LIMITS.actions));
      const actions = [...sc.actions, b.dataset.action as Action];
      restart({ ...sc, actions }, actions.length);
    });
  again.addEventListener('click', () => restart({ ...sc, actions: [] }));

  showForm();
  player.setTotal(life.steps.length, Math.min(start, life.steps.length));
  pictureFirst(body, slot, ops);
  host.replaceChildren(body);
  fit(pic, (f) => {
    fitted = f;
    draw();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('lifecycle-widget', mount);
