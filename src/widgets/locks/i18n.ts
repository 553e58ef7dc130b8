// The scheduler widget's own words, zh and en; the player's shared strings are in kit/i18n.ts.
// Used at build time by Locks.astro (the static run) and at run time by the element. Each language
// is a module of its own (i18n.zh.ts, i18n.en.ts) so that the element's browser bundle carries the
// page's language only (src/lib/widget-bundles.ts).
import type { Lang } from '../kit/i18n.ts';
import { describe as describeZh, text as zh } from './i18n.zh.ts';
import { describe as describeEn, text as en } from './i18n.en.ts';

export const text = { zh, en } as const;

export type Text = (typeof text)[Lang];

/** "1 ticket, 3 buyers, with the lock" / "1 张票、3 个买家、加锁"; without `lock`, the sizes only. */
export function describe(lang: Lang, kind: 'tickets' | 'counter', a: number, b: number, lock?: boolean): string {
  return (lang === 'zh' ? describeZh : describeEn)(kind, a, b, lock);
}
