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

/** The URL of this page with the widget's state set, pointing at the widget. */
export function stateUrl(id: string, value: string, href: string = location.href): string {
  const url = new URL(href);
  url.searchParams.set(id, value);
  url.searchParams.delete('highlight');
  url.hash = id;
  return url.href;
}

/** Keeps the address bar in step with the widget without adding history entries. */
export function writeState(id: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(id, value);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}
