// The event loop's words, zh and en: one module per language so the browser bundle carries only
// the page's language (src/lib/widget-bundles.ts); the .astro figure and tests get both.
import type { Lang } from '../kit/i18n.ts';
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const loopText = { zh, en } as const;
export type LoopText = (typeof loopText)[Lang];
