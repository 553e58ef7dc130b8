// Ports and the four-tuple (W5): type a port and see where it falls among IANA's ranges and
// Linux's ephemeral range; connect clients to one server on 127.0.0.1:8000 and watch each accepted
// connection become its own row, a distinct four-tuple, all sharing :8000; a UDP socket on :8000
// beside it; a second TCP bind to :8000 failing with EADDRINUSE. The state is ?port-lab=<port>.<clients>[.b].
import { kitText, langOf } from '../kit/i18n.ts';
import { readState, writeState } from '../kit/url-state.ts';
import { fit, type Fit } from '../kit/draw/fit.ts';
import { tools } from '../kit/tools.ts';
import { portsText } from './i18n.ts';
import { decodeState, DEFAULT_STATE, encodeState, ephemeralPorts, MAX_CLIENTS, parsePort, PortError, type PortsState } from './model.ts';
import { lineSvg, portFacts, portWords, rebindLine, socketsTable } from './view.ts';
import { addStyles } from './style.ts';
import { defineWidget } from '../kit/define.ts';
import { h, pictureFirst } from '../kit/dom.ts';


function mount(host: HTMLElement): void {
  addStyles();
  const lang = langOf(host);
  const t = portsText[lang];
  const id = host.dataset.id ?? 'port-lab';
  let state: PortsState = { ...DEFAULT_STATE };
  let notice = '';
  const raw = readState(id);
  if (raw !== null) {
    const d = decodeState(raw);
    if (d) state = d;
    else notice = kitText[lang].badState;
  }

  const body = h('div', 'widget-body pt', { tabindex: -1 });
  if (notice) body.append(h('p', 'kit-notice', { role: 'note' }, notice));
  const err = h('p', 'kit-error pt-err', { id: `${id}-err` });
  const input = h('input', 'pt-input', { type: 'text', inputmode: 'numeric', id: `${id}-in`, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': err.id });
  input.value = String(state.port);
  const line = h('div', 'kit-pic pt-line', { tabindex: 0 });
  const facts = h('ul', 'pt-facts');
  const connect = h('button', 'kit-btn pt-connect', { type: 'button' }, t.connect);
  const reset = h('button', 'kit-btn pt-reset', { type: 'button' }, t.reset);
  const rebind = h('button', 'kit-btn pt-rebind', { type: 'button', 'aria-pressed': 'false' }, t.rebind);
  // A table wider than a phone's column scrolls in the kit's frame (a keyboard stop, for axe too).
  const tableBox = h('div', 'pt-table kit-pic', { tabindex: 0 });
  const distinct = h('p', 'pt-distinct');
  const rebindOut = h('p', 'pt-rebind-out');
  const live = h('p', 'kit-live', { role: 'status', 'aria-live': 'polite' });
  const stage = h('div', 'kit-stage pt-stage', {}, line);
  body.append(
    h('div', 'pt-field', {}, h('label', '', { for: input.id }, t.field), input),
    err,
    stage,
    facts,
    h('p', 'pt-server', {}, t.server),
    h('div', 'pt-tools', {}, connect, reset, rebind),
    tableBox,
    distinct,
    h('p', 'pt-coexist', {}, t.coexist),
    rebindOut,
    h('p', 'pt-pick', {}, t.pick),
    live,
    tools(host, { id, lang, encode: () => encodeState(state), say: (s) => (live.textContent = s), copyLabel: t.copy }),
  );

  let size: Fit | null = null;
  const drawLine = () => {
    if (size) line.innerHTML = lineSvg(state.port, t, size);
  };
  const render = (fresh = false) => {
    facts.replaceChildren(...portFacts(state.port, t).map((s) => h('li', '', {}, s)));
    tableBox.innerHTML = socketsTable(state.clients, t, fresh);
    distinct.textContent = t.distinct(state.clients);
    rebind.setAttribute('aria-pressed', String(state.rebind));
    connect.setAttribute('aria-disabled', String(state.clients >= MAX_CLIENTS));
    reset.setAttribute('aria-disabled', String(state.clients === 0));
    rebindOut.replaceChildren(...(state.rebind ? [h('span', 'kit-error', {}, t.rebindSays), h('code', '', {}, rebindLine()), ' ', t.rebindWhy] : []));
    rebindOut.hidden = !state.rebind;
    drawLine();
  };
  const save = () => writeState(id, encodeState(state));
  const update = (next: Partial<PortsState>, said: string, fresh = false) => {
    state = { ...state, ...next };
    render(fresh);
    live.textContent = said;
    save();
  };

  input.addEventListener('input', () => {
    try {
      const port = parsePort(input.value);
      input.removeAttribute('aria-invalid');
      err.textContent = '';
      update({ port }, t.portNow(port, portWords(port, t)));
    } catch (e) {
      if (!(e instanceof PortError)) throw e;
      input.setAttribute('aria-invalid', 'true');
      err.textContent = `${t.error(e.key, input.value.trim().slice(0, 40))} ${t.kept}`;
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && err.textContent) live.textContent = err.textContent;
  });
  connect.addEventListener('click', () => {
    if (state.clients >= MAX_CLIENTS) return void (live.textContent = t.maxed(MAX_CLIENTS));
    const n = state.clients + 1;
    update({ clients: n }, t.joined(ephemeralPorts(n)[n - 1]!), true);
  });
  reset.addEventListener('click', () => state.clients && update({ clients: 0 }, t.cleared));
  rebind.addEventListener('click', () => {
    const on = !state.rebind;
    update({ rebind: on }, on ? t.rebindSays + rebindLine() : t.coexist);
  });

  // site.ts lands on a linked section again once a widget above it has grown.
  pictureFirst(body);
  host.replaceChildren(body);
  render();
  live.textContent = notice || t.portNow(state.port, portWords(state.port, t));
  fit(stage, (f) => {
    size = f;
    drawLine();
  });
  host.closest('figure')?.setAttribute('data-live', '');
}

defineWidget('ports-widget', mount);
