// The kit's strings in English (i18n.ts pairs them with i18n.zh.ts). The English widget bundles
// load this file in place of i18n.zh.ts (src/lib/widget-bundles.ts), so the two export the same names.
export const kit = {
  restart: 'Back to the start',
  back: 'Step back',
  forward: 'Step forward',
  end: 'Go to the end',
  play: 'Play',
  pause: 'Pause',
  step: (i: number, n: number) => `Step ${i} of ${n}`,
  start: 'Before the first step',
  copyStep: 'Copy a link to this step',
  copied: 'Copied',
  copyFailed: 'Could not copy; copy the link from the address bar',
  badState: 'The state in the link was not understood (perhaps from an older version); starting from the default.',
  keys: 'Keys (with the player or the picture focused): ← → step, Space play/pause, Home / End to the start / end, F presenter mode',
  swipe: 'Swipe the picture to step: left for the next step.',
  present: 'Presenter mode (F)',
  leave: 'Leave presenter mode (Esc)',
  speed: (x: number) => `Playback speed ${x}× (press to change)`,
  controls: 'Playback controls',
  noscript: 'Below are all the steps of the default run (static version).',
} as const;
