// The self-check's words, zh and en. Each language is a module of its own (i18n.zh.ts, i18n.en.ts)
// so that the element's browser bundle carries the page's language only (src/lib/widget-bundles.ts).
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const text = { zh, en };
