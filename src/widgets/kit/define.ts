// Every widget's custom element: mounts once, when the element first connects (a move in the DOM
// reconnects it, and must not mount it twice). `mount` fills the element and marks the figure live.
export function defineWidget(tag: string, mount: (host: HTMLElement) => void | Promise<void>): void {
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback(): void {
        if (this.dataset.ready) return;
        this.dataset.ready = '1';
        void mount(this);
      }
    },
  );
}
