// The IPv4/ARP explorer's words, zh and en. Used at build time by Ipv4.astro and at run time by the
// element; each language is a module of its own so a browser bundle carries the page's language only.
import type { Lang } from '../kit/i18n.ts';
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const text: Record<Lang, typeof en> = { zh, en };
export type Text = typeof en;
