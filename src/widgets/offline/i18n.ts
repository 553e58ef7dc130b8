// The offline card's words, zh and en, one module each so a bundle carries only its page's language.
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const text = { zh, en };
