// A widget's state lives in the query string under the widget's id (?handshake=normal.5), and the
// fragment names the widget (#handshake) so one link opens the page scrolled to that exact step.
// Values are short ASCII strings made by each model's encoder; anything longer than MAX is
// ignored as garbage before a model ever sees it.

export const MAX_STATE = 2000;

export function readState(id: string, search: string = location.search): string | null {
  const v = new URLSearchParams(search).get(id);
  if (v === null) return null;
  return v.length > MAX_STATE ? '\u0000' : v; // an impossible value: the model rejects it
}

/** encodeURIComponent throws on a lone surrogate (text typed into a widget can hold one): U+FFFD, as URLSearchParams writes it. */
const wellFormed = (s: string): string => s.toWellFormed();

/**
 * `search` with the parameter `id` (an ASCII widget id) set to `value`, last, or removed when
 * value is null; every other parameter is left exactly as it was written. Values are escaped
 * with encodeURIComponent, so the characters the models' codes use (A–Z a–z 0–9 - _ . ~ *) stay
 * readable: URLSearchParams would turn `~` into `%7E`. Reading is URLSearchParams either way, so
 * links written both ways work.
 */
export function withParam(search: string, id: string, value: string | null): string {
  // Ids are plain ASCII, so a key is compared as written, never decoded (a broken escape cannot throw).
  const out = search.replace(/^\?/, '').split('&').filter((p) => p && p.split('=')[0] !== id);
  if (value !== null) out.push(`${id}=${encodeURIComponent(wellFormed(value))}`);
  return out.length ? `?${out.join('&')}` : '';
}

/** The URL of this page with the widget's state set, pointing at the widget. */
export function stateUrl(id: string, value: string, href: string = location.href): string {
  const url = new URL(href);
  const search = withParam(withParam(url.search, 'highlight', null), id, value);
  return `${url.origin}${url.pathname}${search}#${encodeURIComponent(id)}`;
}

const pending = new Map<string, string>();
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Keeps the address bar in step with the widget without adding history entries. The write waits
 * for the reader to stop for 100 ms: history.replaceState costs a step about as much as drawing it
 * (and Chromium throttles a page that calls it too often), so stepping or playing fast writes the
 * address once, when the reader pauses.
 */
export function writeState(id: string, value: string): void {
  pending.set(id, value);
  clearTimeout(timer);
  timer = setTimeout(flushState, 100);
}

/** Writes what writeState has waiting now (before a link to the page is copied). */
export function flushState(): void {
  clearTimeout(timer);
  if (!pending.size) return;
  let search = location.search;
  // What the address bar already says is not written again (typing in a long body changes nothing).
  for (const [id, value] of pending) if (value !== readState(id)) search = withParam(search, id, value);
  pending.clear();
  if (search === location.search) return;
  history.replaceState(history.state, '', location.pathname + search + location.hash);
}

// A link followed (the language switch carries the query to the twin page) or the page left:
// write first, so no step is lost to the wait. Capture runs before the site script's handler.
if (typeof document !== 'undefined') {
  addEventListener('click', (e) => (e.target as Element).closest?.('a') && flushState(), true);
  addEventListener('pagehide', flushState);
}

/** Whether the page's URL asks for this widget in presenter mode: `?present=<id>`, or `?present` with `#<id>`. */
export function linkWantsPresent(id: string, url: URL = new URL(location.href)): boolean {
  const v = url.searchParams.get('present');
  if (v === null) return false;
  return v === id || (v === '' && url.hash === `#${id}`);
}
