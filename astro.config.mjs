// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkHeadingIds } from './src/lib/remark-heading-ids.ts';
import { rehypeFigures } from './src/lib/rehype-figures.ts';
import { rehypeGlossary } from './src/lib/rehype-glossary.ts';
import { rehypeAnchors } from './src/lib/rehype-anchors.ts';
import { shikiOptions } from './src/lib/shiki-options.ts';
import { widgetBundles } from './src/lib/widget-bundles.ts';
import { captureCheck } from './src/lib/captures.ts';

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
  build: { format: 'directory', inlineStylesheets: 'never' },
  srcDir: './src',
  // The build tests (tests/build) build broken fixtures with their own cache, beside the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  publicDir: './public',
  devToolbar: { enabled: false },
  markdown: {
    // Math as native MathML (KaTeX's `output: 'mathml'`): no KaTeX stylesheet or fonts at all.
    // Measured: 2.7 KB of CSS and 43–48 KB of fonts less on every page with math, and 0.1–1.6 KB
    // less HTML. Chromium draws every formula of the course well; \underbrace it drew badly, so
    // the course does not use it.
    processor: unified({
      remarkPlugins: [remarkHeadingIds, remarkMath],
      rehypePlugins: [[rehypeKatex, { strict: 'error', output: 'mathml' }], rehypeGlossary, rehypeFigures, rehypeAnchors],
    }),
    shikiConfig: shikiOptions,
  },
  // captureCheck: bad or missing content/captures/*.json stops the build, naming the file.
  integrations: [captureCheck(), mdx(), widgetBundles()],
  vite: {
    build: {
      rollupOptions: {
        // Astro marks every MDX module with the directive "use astro:head-inject", which the bundler
        // warns it may drop; it is Astro's own marker, read before bundling, and the built pages
        // carry their head as before. Every other warning still shows.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
