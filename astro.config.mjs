// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkHeadingIds } from './src/lib/remark-heading-ids.ts';
import { remarkMathFlag } from './src/lib/remark-math-flag.ts';
import { rehypeFigures } from './src/lib/rehype-figures.ts';
import { rehypeGlossary } from './src/lib/rehype-glossary.ts';
import { shikiOptions } from './src/lib/shiki-options.ts';
import { katexAssets } from './src/lib/katex-assets.ts';
import { widgetBundles } from './src/lib/widget-bundles.ts';

// Sub-path deploys: BASE_PATH=/course/ npm run build. Nothing else in the site hard-codes "/".
const base = process.env.BASE_PATH ?? '/';
// Astro fills import.meta.env.* from process.env, so a BASE_URL left in the environment (CI
// systems and test runners set one) would silently replace the base above in every link.
delete process.env.BASE_URL;
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  srcDir: './src',
  // The build tests (tests/build) build broken fixtures with their own cache, beside the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  publicDir: './public',
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkHeadingIds, remarkMath, remarkMathFlag],
      rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeGlossary, rehypeFigures],
    }),
    shikiConfig: shikiOptions,
  },
  integrations: [mdx(), katexAssets(), widgetBundles()],
});
