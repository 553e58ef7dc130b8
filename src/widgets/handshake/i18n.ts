// The handshake widget's words, zh and en. Narration is a set of templates whose {names} are filled
// from a step's note params (and a few values read off the step), so what is said comes from the
// model's trace; the keys of `n` are the model's note keys (plus a few variants, see view-text.ts).
// Each language is a module of its own (i18n.zh.ts, i18n.en.ts), as for every widget, so a browser
// bundle that imports them carries the page's language only (src/lib/widget-bundles.ts).
import { words as zh } from './i18n.zh.ts';
import { words as en } from './i18n.en.ts';

export type Lang = 'zh' | 'en';

type Words = {
  title: string;
  intro: string;
  client: string;
  server: string;
  scenario: string;
  /** The scenario choices that show a recording (recorded.ts), and their group's label. */
  recorded: Record<'group' | import('./recorded.ts').RecordingName, string>;
  custom: string;
  presets: Record<string, string>;
  isnA: string;
  isnB: string;
  isnBad: string;
  tw: string;
  twRfc: string;
  twLinux: string;
  twOther: string;
  clock: string;
  clockNote: string;
  /** Pending deadlines, by Deadlines key. */
  retransmit: string;
  timeWait: string;
  idle: string;
  segs: string;
  /** The list's heading for the recording. */
  recordedSegs: string;
  lose: string;
  lost: string;
  loseBad: string;
  failed: string;
  seqImg: string;
  figImg: string;
  /** Over the edges out of the current state (the phone's view of Figure 5). */
  near: string;
  /** The toggle between that view and the whole figure. */
  whole: string;
  /** Timer rows of the time-sequence diagram. */
  tm: Record<string, string>;
  /** Narration, by note key, effect key and outcome. */
  n: Record<string, string>;
};

export const handshakeText: Record<Lang, Words> = { zh, en };
export type HandshakeText = Words;
/** What the live widget reads from the page (the rest is already in its template's markup). */
export type LiveText = Omit<
  Words,
  'title' | 'intro' | 'scenario' | 'recorded' | 'custom' | 'presets' | 'isnA' | 'isnB' | 'tw' | 'twRfc' | 'twLinux' | 'twOther' | 'clock' | 'clockNote' | 'segs' | 'recordedSegs' | 'whole'
>;

/** A template with its {names} filled in; a missing name becomes the empty string. */
export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
