// Build step: writes dist/_headers, the response headers of the site in the format Netlify and
// Cloudflare Pages read, and the one scripts/serve.mjs applies. The Content-Security-Policy allows
// scripts from the site itself plus the hash of each inline script the build wrote (the theme
// one-liner before first paint, the language chooser's and 404's redirects), so nothing injected
// can run; Pagefind compiles its WebAssembly, hence 'wasm-unsafe-eval'.
// With --meta (or CSP_META=1 in the environment), each page also gets the policy as a <meta> element,
// for hosts that cannot send headers (GitHub Pages); it costs about 100 bytes of brotli per page,
// which is why it is not the default.
// Usage: node scripts/headers.mjs <dist> [--meta]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cspFor, inlineScripts, headersFile, withMetaCsp } from '../src/lib/csp.ts';

const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const meta = process.argv.includes('--meta') || process.env.CSP_META === '1';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const scripts = new Set();
for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (e.isFile() && e.name.endsWith('.html')) {
    const file = join(e.parentPath, e.name);
    const html = readFileSync(file, 'utf8');
    for (const s of inlineScripts(html)) scripts.add(s);
    if (meta) writeFileSync(file, withMetaCsp(html));
  }
}
const csp = cspFor([...scripts]);
writeFileSync(join(dist, '_headers'), headersFile(csp, base));
console.log(`headers: ${meta ? '<meta> CSP in every page; ' : ''}CSP with ${scripts.size} inline script hash${scripts.size === 1 ? '' : 'es'} → ${join(dist, '_headers')}`);
