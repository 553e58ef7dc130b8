import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'esbuild';
import { minifySync } from 'rolldown/utils';
import { isLang, LANGS, type Lang } from '../i18n/ui.ts';

/**
 * Bundles each widget's element.ts into self-contained files, one per language
 * (dist/_widgets/<name>.<lang>.<hash>.js), and points the widget's figure at the one for the
 * page's language (data-src). The site script then loads it with a plain import() when the figure
 * nears the screen. Going around Vite here is deliberate: Vite would split the widgets' shared kit
 * into its own chunk and add its preload helper (0.6 KB brotli) to the script every page runs,
 * breaking the 2 KB budget for JavaScript before interaction.
 *
 * What a widget needs only when the reader asks for it (presenter mode; the decoder of a state
 * link) is a dynamic import(): it becomes its own self-contained file beside the bundle
 * (<name>.<lang>.<module>-<hash>.js), so the bundle a page fetches stays one file and small.
 *
 * One bundle per language because a page only ever shows one language, and the other language's
 * strings are a good part of a widget's 12 KB (brotli) budget. Widgets keep their strings in one
 * module per language (i18n.zh.ts, i18n.en.ts, same exports) that their i18n.ts pairs up as
 * `{ zh, en }`; in the zh bundle every import of i18n.en.ts is resolved to i18n.zh.ts beside it
 * (and the other way round), so both keys hold the page language's strings and the other
 * language's text is never bundled. The .astro fallbacks, the unit tests and the dev server
 * import the sources as they are and get both languages.
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
        /** The bundle's URL by widget name, then page language. */
        const src = new Map<string, Record<Lang, string>>();
        mkdirSync(join(out, '_widgets'), { recursive: true });
        for (const name of names) {
          const urls = {} as Record<Lang, string>;
          const sizes: string[] = [];
          for (const lang of LANGS) {
            const { code, files } = await bundle(join(widgetsDir, name, 'element.ts'), name, lang, base);
            const file = `${name}.${lang}.${hash(code)}.js`;
            writeFileSync(join(out, '_widgets', file), code);
            urls[lang] = `${base}_widgets/${file}`;
            sizes.push(`${file} (${Buffer.byteLength(code)} bytes)`);
            for (const [f, c] of files) {
              writeFileSync(join(out, '_widgets', f), c);
              sizes.push(`${f} (${Buffer.byteLength(c)} bytes, on demand)`);
            }
          }
          src.set(name, urls);
          logger.info(`${name}: ${sizes.join(', ')}`);
        }
        const pages = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
        for (const page of pages) {
          const path = join(page.parentPath, page.name);
          const html = readFileSync(path, 'utf8');
          let lang: Lang | undefined;
          const next = html.replace(/data-widget="([a-z0-9-]+)"/g, (m, name: string) => {
            const urls = src.get(name);
            if (!urls) throw new Error(`${path}: no src/widgets/${name}/element.ts for data-widget="${name}".`);
            lang ??= pageLang(relative(out, path), html);
            return `${m} data-src="${urls[lang]}"`;
          });
          if (next !== html) writeFileSync(path, next);
        }
      },
    },
  };
}

const hash = (code: string) => createHash('sha256').update(code).digest('hex').slice(0, 10);

/**
 * One widget module bundled for one language: `code`, and `files`, the modules it loads with a
 * dynamic import() (presenter mode, the state-link decoder), each bundled on its own the same way
 * and named <widget>.<lang>.<module>-<hash>.js. An on-demand file is self-contained: whatever it
 * shares with the widget is copied into it, so the widget's own file is never split and a page
 * fetches one file before the widget works.
 */
async function bundle(entry: string, name: string, lang: Lang, base: string): Promise<{ code: string; files: Map<string, string> }> {
  const files = new Map<string, string>();
  const onDemand: Plugin = {
    name: 'course:widget-on-demand',
    setup(b) {
      b.onResolve({ filter: /^\.{1,2}\/.*\.ts$/ }, async (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const inner = await bundle(join(args.resolveDir, args.path), name, lang, base);
        const file = `${name}.${lang}.${basename(args.path, '.ts')}-${hash(inner.code)}.js`;
        files.set(file, inner.code);
        for (const [f, c] of inner.files) files.set(f, c);
        return { path: `./${file}`, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // Module scripts are always decoded as UTF-8: Chinese text stays as it is, not \u escapes.
    charset: 'utf8',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base), 'import.meta.env.DEV': 'false' },
    plugins: [onlyLang(lang), onDemand],
  });
  return { code: shrink(result.outputFiles[0]!.text), files };
}

/**
 * esbuild's minified output, minified again by Oxc (Rolldown's minifier) with top-level names
 * mangled: 4–5 % fewer brotli bytes on the handshake bundle (17.8 → 17.0 KB), measured with
 * scripts/bench.mjs. Export names and import paths are kept, so chunks still link up.
 */
function shrink(code: string): string {
  const r = minifySync('widget.js', code, { compress: { target: 'es2022' }, mangle: { toplevel: true } });
  if (r.errors.length > 0) throw new Error(`minifying a widget bundle failed: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.code;
}

/**
 * The esbuild plugin behind the per-language bundles: resolves every `…/i18n.zh.ts` and
 * `…/i18n.en.ts` import to the `lang` module in the same folder.
 */
function onlyLang(lang: Lang): Plugin {
  return {
    name: `course:widget-lang-${lang}`,
    setup(b) {
      b.onResolve({ filter: /(^|\/)i18n\.(zh|en)(\.ts)?$/ }, (args) => {
        const path = join(args.resolveDir, args.path.replace(/i18n\.(zh|en)(\.ts)?$/, `i18n.${lang}.ts`));
        if (!existsSync(path)) return { errors: [{ text: `${args.path} (imported by ${args.importer}) has no ${lang} counterpart: ${path}` }] };
        return { path };
      });
    },
  };
}

/**
 * The language a built page is in: its folder (zh/… or en/…), or for pages outside those (the
 * root's language chooser, 404) its <html lang> (zh-CN → zh, en → en). `file` is relative to dist.
 */
function pageLang(file: string, html: string): Lang {
  const top = file.split(sep)[0];
  if (isLang(top)) return top;
  const tag = /<html\b[^>]*?\slang="([^"]*)"/i.exec(html)?.[1];
  const primary = tag?.split('-')[0]?.toLowerCase();
  if (isLang(primary)) return primary;
  throw new Error(`${file}: cannot tell the page's language (not under zh/ or en/, <html lang="${tag ?? ''}">) to pick its widget bundles.`);
}
