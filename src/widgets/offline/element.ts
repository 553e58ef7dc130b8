// The course home's "save for offline" card. It fetches the build's offline.json, puts every file of
// the page's language into the cache the service worker (src/scripts/sw.ts) answers from, and says
// how far it got. Saving can stop anywhere (a closed tab, a lost network): pressing again fetches
// only what is missing. The card exists only where a service worker can run; with JavaScript off
// it stays hidden, since nothing could be served offline without one.
import { CACHE, MANIFEST, drain, formatBytes, parseManifest, type OfflineManifest } from '../../lib/offline.ts';
import { langOf, type Lang } from '../kit/i18n.ts';
import { text } from './i18n.ts';

const SAVED_KEY = 'nc-offline-v1';
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const url = (path: string) => new URL(base + path, location.href).href;

function savedLangs(): Partial<Record<Lang, string>> {
  try {
    return JSON.parse(localStorage.getItem(SAVED_KEY) ?? '{}') as Partial<Record<Lang, string>>;
  } catch {
    return {};
  }
}
function remember(lang: Lang, version: string | undefined): void {
  const all = savedLangs();
  if (version) all[lang] = version;
  else delete all[lang];
  try {
    localStorage.setItem(SAVED_KEY, JSON.stringify(all));
  } catch {
    /* private mode: the card recounts the cache anyway */
  }
}

async function worker(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return false;
  if (await navigator.serviceWorker.getRegistration(base)) return true;
  // The site script registers it on load; give it a moment.
  return Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 4000))]);
}

class OfflineCard {
  readonly lang: Lang;
  readonly t: (typeof text)['zh'];
  readonly status: HTMLElement;
  readonly bar: HTMLProgressElement;
  readonly saveButton: HTMLButtonElement;
  readonly removeButton: HTMLButtonElement;
  manifest: OfflineManifest | undefined;
  busy = false;

  constructor(readonly card: HTMLElement) {
    this.lang = langOf(card);
    this.t = text[this.lang];
    this.status = card.querySelector('.offline-status')!;
    this.bar = card.querySelector('progress')!;
    this.saveButton = card.querySelector('.offline-save')!;
    this.removeButton = card.querySelector('.offline-remove')!;
    this.removeButton.textContent = this.t.remove;
    this.saveButton.addEventListener('click', () => void this.save());
    this.removeButton.addEventListener('click', () => void this.remove());
  }

  say(message: string): void {
    this.status.textContent = message;
  }

  async cachedPaths(): Promise<Set<string>> {
    const cache = await caches.open(CACHE);
    const prefix = url('');
    return new Set((await cache.keys()).map((r) => decodeURI(r.url.slice(prefix.length))));
  }

  async start(): Promise<void> {
    if (!(await worker())) {
      this.say(this.t.unsupported);
      return;
    }
    // The build's list online; offline, the copy the worker and the last save kept.
    const online = fetch(url(MANIFEST), { cache: 'no-cache' }).then((r) => (r.ok ? r : Promise.reject(new Error(String(r.status)))));
    try {
      this.manifest = parseManifest(await (await online.catch(() => caches.match(url(MANIFEST))))?.json());
    } catch {
      this.say(this.t.noManifest);
      return;
    }
    await this.show();
  }

  async show(): Promise<void> {
    const mine = this.manifest!.langs[this.lang];
    const have = await this.cachedPaths();
    const missing = mine.files.filter((f) => !have.has(f));
    const wasSaved = !!savedLangs()[this.lang];
    this.bar.hidden = true;
    this.removeButton.hidden = !wasSaved;
    this.saveButton.hidden = wasSaved && !missing.length;
    this.saveButton.textContent = wasSaved ? this.t.update : this.t.save;
    if (!wasSaved) this.say(this.t.offer(formatBytes(mine.bytes)));
    else if (missing.length) this.say(this.t.outdated(missing.length, formatBytes(missing.length / mine.files.length * mine.bytes)));
    else this.say(this.t.saved);
  }

  async save(): Promise<void> {
    if (this.busy || !this.manifest) return;
    this.busy = true;
    this.saveButton.setAttribute('aria-disabled', 'true');
    const { version, langs } = this.manifest;
    const files = langs[this.lang].files;
    const have = await this.cachedPaths();
    const todo = files.filter((f) => !have.has(f));
    let done = files.length - todo.length;
    let full = false;
    this.bar.max = files.length;
    this.bar.value = done;
    this.bar.hidden = false;
    this.say(this.t.saving(done, files.length));
    // Ask the browser to keep the copy under storage pressure (it may say no; saving goes on).
    void navigator.storage?.persist?.().catch(() => false);
    const cache = await caches.open(CACHE);
    await cache.put(url(MANIFEST), new Response(JSON.stringify(this.manifest)));
    const saved = await drain(todo, async (f) => {
      if (full) throw new Error('storage full');
      const res = await fetch(url(f), { cache: 'no-cache' });
      if (!res.ok) throw new Error(`${f}: ${res.status}`);
      await cache.put(url(f), res).catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'QuotaExceededError') full = true;
        throw e;
      });
      done += 1;
      this.bar.value = done;
      // The visible count moves with every file; the live region hears it every tenth.
      if (done % 10 === 0 || done === files.length) this.say(this.t.saving(done, files.length));
    });
    this.busy = false;
    this.saveButton.removeAttribute('aria-disabled');
    if (!saved) {
      this.bar.hidden = true;
      this.say(full ? this.t.full : this.t.failed(done, files.length));
      return;
    }
    remember(this.lang, version);
    await this.show();
    this.removeButton.focus();
  }

  async remove(): Promise<void> {
    if (this.busy || !this.manifest) return;
    const { langs } = this.manifest;
    // Files the other language's saved copy also uses stay.
    const keep = new Set(
      (Object.keys(langs) as Lang[]).filter((l) => l !== this.lang && savedLangs()[l]).flatMap((l) => langs[l].files),
    );
    const cache = await caches.open(CACHE);
    await Promise.all(langs[this.lang].files.filter((f) => !keep.has(f)).map((f) => cache.delete(url(f))));
    remember(this.lang, undefined);
    await this.show();
    this.say(this.t.removed);
    this.saveButton.focus();
  }
}

for (const card of document.querySelectorAll<HTMLElement>('.offline-card')) void new OfflineCard(card).start();
