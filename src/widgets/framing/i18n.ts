// The framing widgets' words, in both languages. Plain strings with {name} holes (filled by
// view-format.ts `fill`), so the .astro files can hand the page's language to the browser as
// JSON and the widget code ships no strings of its own. Error texts are keyed `e-<code>` by
// FramingError.code; `range` is struct.pack's RangeError. Python code stays as it is.
// Each language is a module of its own (i18n.zh.ts, i18n.en.ts), as for every widget, so a browser
// bundle that imports them carries the page's language only (src/lib/widget-bundles.ts).
import type { Lang } from '../kit/i18n.ts';
import { framing as framingZh, lab as labZh } from './i18n.zh.ts';
import { framing as framingEn, lab as labEn } from './i18n.en.ts';

export type FramingText = typeof framingZh;
export type LabText = typeof labZh;

export const framingText: Record<Lang, FramingText> = { zh: framingZh, en: framingEn };
export const labText: Record<Lang, LabText> = { zh: labZh, en: labEn };
