// Build step: writes dist/_headers, the response headers of the site in the format Netlify and
// Cloudflare Pages read, and the one scripts/serve.mjs applies. The Content-Security-Policy allows
// scripts from the site itself plus the hash of each inline script the build wrote (the theme
// one-liner before first paint, the language chooser's and 404's redirects), so nothing injected
// can run; Pagefind compiles its WebAssembly, hence 'wasm-unsafe-eval'.
// Usage: node scripts/headers.mjs <dist>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cspFor, inlineScripts, headersFile } from '../src/lib/csp.ts';

const dist = process.argv[2] ?? 'dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const scripts = new Set();
for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (e.isFile() && e.name.endsWith('.html')) {
    for (const s of inlineScripts(readFileSync(join(e.parentPath, e.name), 'utf8'))) scripts.add(s);
  }
}
const csp = cspFor([...scripts]);
writeFileSync(join(dist, '_headers'), headersFile(csp, base));
console.log(`headers: CSP with ${scripts.size} inline script hash${scripts.size === 1 ? '' : 'es'} → ${join(dist, '_headers')}`);
