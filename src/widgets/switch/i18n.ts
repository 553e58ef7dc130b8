// The switch lab's words, zh and en; the player's shared strings are in kit/i18n.ts. Each language
// is a module of its own so that the element's browser bundle carries the page's language only.
import type { Lang } from '../kit/i18n.ts';
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const text = { zh, en } as const;
export type Text = (typeof text)[Lang];
