// The handshake widget's ISN editor on the picture: a click on a lane's title opens a field over it.
// Its own file, fetched on the first click (element.ts): most readers never set an ISN there.
/**
 * Set an ISN on the picture: a click on a lane's title opens a field over it. Enter or leaving it
 * applies the number (checked as the ISN fields above check it: they are its keyboard twin),
 * Esc puts it away.
 */
export function editIsn(title: SVGGElement, seq: HTMLElement, isn: HTMLInputElement[]): void {
  const k = Number(title.dataset.lane);
  const twin = isn[k]!;
  seq.querySelector('.hs-isn-inline')?.remove();
  const field = document.createElement('input');
  field.className = 'hs-isn-inline';
  field.inputMode = 'numeric';
  field.value = twin.value;
  field.setAttribute('aria-label', twin.parentElement!.textContent!.trim());
  const box = title.getBoundingClientRect();
  const host = seq.getBoundingClientRect();
  field.style.left = `${box.left - host.left + seq.scrollLeft}px`;
  field.style.top = `${box.top - host.top}px`;
  field.style.width = `${Math.max(box.width, 120)}px`;
  let done = false;
  const finish = (apply: boolean) => {
    if (done) return;
    done = true;
    field.remove();
    if (apply && field.value.trim() !== twin.value) {
      twin.value = field.value;
      twin.dispatchEvent(new Event('change'));
    }
  };
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') finish(true);
    else if (e.key === 'Escape') {
      e.stopPropagation();
      finish(false);
    }
  });
  field.addEventListener('blur', () => finish(true));
  seq.append(field);
  field.focus();
  field.select();
}
