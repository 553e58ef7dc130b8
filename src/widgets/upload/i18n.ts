// The upload widget's words, zh and en: one module per language so the browser bundle carries only
// the page's language (src/lib/widget-bundles.ts); the .astro figure and the tests get both here.
import type { Lang } from '../kit/i18n.ts';
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const uploadText = { zh, en } as const;
export type UploadText = (typeof uploadText)[Lang];
