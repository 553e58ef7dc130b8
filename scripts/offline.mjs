// The last build step (after Pagefind): writes dist/offline.json, the list of files a saved copy of
// the course holds in each language, and dist/sw.js, the service worker that serves them offline.
// Usage: node scripts/offline.mjs <dist>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { LANGS } from '../src/i18n/ui.ts';
import { MANIFEST, filesFor, pageUrl } from '../src/lib/offline.ts';

const dist = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(dist, p).split(sep).join('/'));
  }
})(dist);

// Sizes as a reader downloads them: text compressed (a server gzips it at least), the rest as is.
const TEXT = /\.(html|css|js|json|svg|webmanifest|txt)$/;
const size = new Map();
const hash = createHash('sha256');
for (const f of files.sort()) {
  const bytes = readFileSync(join(dist, f));
  size.set(f, TEXT.test(f) ? gzipSync(bytes).length : bytes.length);
  if (f !== MANIFEST && f !== 'sw.js') hash.update(f).update(bytes);
}

const title = (f) => {
  const m = /<title>([^<]*)<\/title>/.exec(readFileSync(join(dist, f), 'utf8'));
  return (m?.[1] ?? f).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
};

const langs = {};
for (const lang of LANGS) {
  const mine = filesFor(files, lang);
  const pages = mine.filter((f) => f.startsWith(`${lang}/`) && f.endsWith('index.html'));
  langs[lang] = {
    // A page is fetched (and saved) at its URL, not at its file name.
    files: mine.map((f) => (f.endsWith('index.html') ? pageUrl(f) : f)),
    bytes: mine.reduce((n, f) => n + size.get(f), 0),
    pages: pages.map((f) => ({ path: pageUrl(f), title: title(f) })),
  };
}
const manifest = { version: hash.digest('hex').slice(0, 16), langs };
writeFileSync(join(dist, MANIFEST), JSON.stringify(manifest));

const sw = await build({
  entryPoints: ['src/scripts/sw.ts'],
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  // The worker's bytes change with every build, so the browser installs the new one.
  banner: { js: `// ${manifest.version}` },
});
writeFileSync(join(dist, 'sw.js'), sw.outputFiles[0].contents);

for (const lang of LANGS) {
  const l = langs[lang];
  console.log(`offline ${lang}: ${l.files.length} files, ${(l.bytes / 1e6).toFixed(2)} MB to download, ${l.pages.length} pages`);
}
