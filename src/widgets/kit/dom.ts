// The DOM helper every widget's element builds its controls with: an element with a class, its
// attributes (null leaves one out) and its children.
export type Attrs = Record<string, string | number | null>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', attrs: Attrs = {}, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const k in attrs) if (attrs[k] !== null) e.setAttribute(k, String(attrs[k]));
  e.append(...kids);
  return e;
}

let uid = 0;
/**
 * A select and its label beside it (not around it: the options would become part of its name),
 * wrapped in a span of class `cls`. Returns the wrapper and the select.
 */
export function selectField(cls: string, label: string, options: Array<[string, string]>): [HTMLElement, HTMLSelectElement] {
  const s = h('select', '', { id: `kit-sel-${++uid}` });
  for (const [v, text] of options) s.append(h('option', '', { value: v }, text));
  return [h('span', cls, {}, h('label', '', { for: s.id }, label), s), s];
}

/**
 * Puts a widget's body in the kit's order: a notice (a bad state link), then the picture (the one
 * `.kit-stage` child), then `next` (the player's slot, the controls that act on the picture), then
 * everything else in the order it was built (settings, tables). A widget is a picture first and a
 * form second: on a phone the picture and the player come before the forms, and in presenter mode
 * the stage is the left column (kit.css). Call it once the body is built.
 */
export function pictureFirst(body: HTMLElement, ...next: HTMLElement[]): void {
  const notice = body.querySelector<HTMLElement>(':scope > .kit-notice');
  const stage = body.querySelector<HTMLElement>(':scope > .kit-stage');
  body.prepend(...[notice, stage, ...next].filter((e): e is HTMLElement => e !== null));
}

/** Puts a style sheet in the page once (CSS a widget needs only once it is live, or in a mode). */
export function addStyle(id: string, css: string): void {
  if (document.getElementById(id)) return;
  const s = document.createElement('style');
  s.id = id;
  s.textContent = css;
  document.head.append(s);
}
