import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Puts KaTeX's stylesheet and woff2 fonts in public/vendor/katex/, where only pages with math
 * link them. The copy keeps woff2 alone (every current browser reads it) and lets text show
 * while the fonts load (font-display: swap instead of KaTeX's block).
 */
export function katexAssets(): AstroIntegration {
  return {
    name: 'course:katex-assets',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const require = createRequire(import.meta.url);
        const dist = join(dirname(require.resolve('katex/package.json')), 'dist');
        const out = join(fileURLToPath(config.publicDir), 'vendor', 'katex');
        mkdirSync(join(out, 'fonts'), { recursive: true });
        const css = readFileSync(join(dist, 'katex.min.css'), 'utf8')
          .replace(/src:url\((fonts\/[^)]+\.woff2)\) format\("woff2"\)(?:,url\([^)]+\) format\("[^"]+"\))*/g, 'src:url($1) format("woff2")')
          .replace(/font-display:block/g, 'font-display:swap');
        writeFileSync(join(out, 'katex.min.css'), css);
        for (const f of readdirSync(join(dist, 'fonts'))) {
          if (f.endsWith('.woff2') && !existsSync(join(out, 'fonts', f))) cpSync(join(dist, 'fonts', f), join(out, 'fonts', f));
        }
      },
    },
  };
}
