// `npm run build`: the site, then what a static host needs beside it, in order.
//   1. astro build                  the pages, styles and widget bundles (dist/)
//   2. scripts/headers.mjs          dist/_headers: the CSP with the inline scripts' hashes, caching
//   3. pagefind                     the search index of both languages (dist/pagefind/)
//   3b. esbuild                     the site's own search UI and marker, beside Pagefind's files
//   4. scripts/offline.mjs          dist/offline.json and dist/sw.js (offline reading)
//   5. scripts/compress.mjs         .br and .gz beside every text file, last, so all of it is covered
// Astro's telemetry is off for every step (no notice, nothing sent).
//   node scripts/build.mjs [--outDir DIR]     (default dist; BASE_PATH=/course/ for a sub-path)
import { spawnSync } from 'node:child_process';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const at = process.argv.indexOf('--outDir');
const dist = at > 0 ? process.argv[at + 1] : 'dist';
if (!dist) throw new Error('build: --outDir needs a folder');
const steps = [
  ['astro', ['build', '--outDir', dist]],
  [process.execPath, ['scripts/headers.mjs', dist]],
  ['pagefind', ['--site', dist, '--exclude-selectors', '.katex', '--exclude-selectors', '.h-anchor']],
  ['esbuild', ['src/scripts/search-ui.ts', 'src/scripts/search-mark.ts', '--bundle', '--format=esm', '--minify', '--target=es2022',
    '--charset=utf8', '--legal-comments=none', '--log-level=warning', `--outdir=${dist}/pagefind`]],
  [process.execPath, ['scripts/offline.mjs', dist]],
  [process.execPath, ['scripts/compress.mjs', dist]],
];
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`build: \`${[cmd === process.execPath ? 'node' : cmd, ...args].join(' ')}\` failed${r.error ? ` (${r.error.message})` : ''}`);
    process.exit(r.status ?? 1);
  }
}
