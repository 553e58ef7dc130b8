// The MAC dissector's words, zh and en. Each language is a module of its own so that the element's
// browser bundle carries the page's language only (src/lib/widget-bundles.ts).
import type { Lang } from '../kit/i18n.ts';
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const macText = { zh, en } as const;
export type MacText = (typeof macText)[Lang];
