// The layer mapper's words in both languages, paired as { zh, en }. The element's browser bundle
// carries only its page's language (src/lib/widget-bundles.ts resolves both imports to one).
import { text as zh } from './i18n.zh.ts';
import { text as en } from './i18n.en.ts';

export const layersText = { zh, en } as const;
export type LayersText = typeof zh;
