// Strings every widget's controls share, in both languages. Widget-specific text lives beside
// each widget. Each language's strings are a module of their own (i18n.zh.ts, i18n.en.ts) so that
// a widget's browser bundle can carry the page's language only (src/lib/widget-bundles.ts); the
// .astro fallbacks and the dev server get both from here.
import { kit as zh } from './i18n.zh.ts';
import { kit as en } from './i18n.en.ts';

export type Lang = 'zh' | 'en';

export const kitText = { zh, en } as const;

export function langOf(el: Element): Lang {
  return (el.closest('[lang]')?.getAttribute('lang') ?? 'zh').startsWith('en') ? 'en' : 'zh';
}
