import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

/**
 * Bundles each widget's element.ts into one self-contained file (dist/_widgets/<name>.<hash>.js)
 * and points the widget's figure at it (data-src). The site script then loads it with a plain
 * import() when the figure nears the screen. Going around Vite here is deliberate: Vite would
 * split the widgets' shared kit into its own chunk and add its preload helper (0.6 KB brotli) to
 * the script every page runs, breaking the 2 KB budget for JavaScript before interaction.
 */
export function widgetBundles(): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'course:widget-bundles',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const widgetsDir = join(root, 'src', 'widgets');
        const names = readdirSync(widgetsDir).filter((n) => existsSync(join(widgetsDir, n, 'element.ts')));
        const src = new Map<string, string>();
        mkdirSync(join(out, '_widgets'), { recursive: true });
        for (const name of names) {
          const result = await build({
            entryPoints: [join(widgetsDir, name, 'element.ts')],
            bundle: true,
            format: 'esm',
            minify: true,
            target: 'es2022',
            write: false,
            legalComments: 'none',
            define: { 'import.meta.env.BASE_URL': JSON.stringify(base), 'import.meta.env.DEV': 'false' },
          });
          const code = result.outputFiles[0]!.contents;
          const file = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
          writeFileSync(join(out, '_widgets', file), code);
          src.set(name, `${base}_widgets/${file}`);
          logger.info(`${name}: ${file} (${code.length} bytes)`);
        }
        const pages = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
        for (const page of pages) {
          const path = join(page.parentPath, page.name);
          const html = readFileSync(path, 'utf8');
          const next = html.replace(/data-widget="([a-z-]+)"/g, (m, name: string) => {
            const url = src.get(name);
            if (!url) throw new Error(`${path}: no src/widgets/${name}/element.ts for data-widget="${name}".`);
            return `${m} data-src="${url}"`;
          });
          if (next !== html) writeFileSync(path, next);
        }
      },
    },
  };
}
