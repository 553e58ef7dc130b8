// The offline card's words in English (i18n.ts pairs them with i18n.zh.ts).
export const text: typeof import('./i18n.zh.ts').text = {
  offer: (size: string) => `Save the whole course in English (about ${size}) in this device's browser, so every chapter, the search and the self-checks work without a network. Pages you read are saved as you go anyway.`,
  save: 'Save for offline',
  update: 'Update the offline copy',
  remove: 'Delete the offline copy',
  saving: (done: number, all: number) => `Saving: ${done} of ${all} files…`,
  saved: 'Saved: the whole course (English) can be read and searched offline on this device.',
  outdated: (n: number, size: string) => `The course has changed: the offline copy lacks ${n} files (about ${size}).`,
  failed: (done: number, all: number) => `Saving stopped: ${done} of ${all} files are saved. Press again when you are online; it carries on where it stopped.`,
  full: 'The browser ran out of storage before the copy was complete. Free some space and try again.',
  removed: 'The offline copy is deleted. Pages you read will still be saved as you go.',
  unsupported: 'This browser cannot save the course for offline use (it needs service workers, and the site must be opened over https or on this machine).',
  noManifest: 'The list of the course\'s files cannot be fetched right now (perhaps you are offline). Try again later.',
};
