import type { ShikiTransformer } from 'shiki';
import {
  transformerMetaHighlight,
  transformerNotationDiff,
  transformerNotationHighlight,
} from '@shikijs/transformers';

/** `title="echo_server.py"` in a fence's meta becomes the code figure's caption. */
export function transformerTitle(): ShikiTransformer {
  return {
    name: 'course:title',
    pre(node) {
      const raw = this.options.meta?.__raw ?? '';
      const m = /(?:^|\s)title="([^"]+)"/.exec(raw);
      if (m?.[1]) node.properties['data-title'] = m[1];
    },
  };
}

// The high-contrast light theme and GitHub's default dark theme keep every token at 4.5:1 or more
// on the site's code background (axe checks it); plain github-light has tokens at 3.3–4.4:1.
export const shikiThemes = { light: 'github-light-high-contrast', dark: 'github-dark-default' } as const;

export const shikiTransformers: ShikiTransformer[] = [
  transformerMetaHighlight(),
  transformerNotationDiff(),
  transformerNotationHighlight(),
  transformerTitle(),
];

/** One place for Shiki settings: fenced code (markdown.shikiConfig) and <Example> share it. */
export const shikiOptions = {
  themes: shikiThemes,
  defaultColor: false as const,
  transformers: shikiTransformers,
};
