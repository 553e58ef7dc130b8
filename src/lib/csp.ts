// The site's Content-Security-Policy and the rest of its response headers, written once at build
// time (scripts/headers.mjs) into dist/_headers. Pure, so the policy is tested without a build.
import { createHash } from 'node:crypto';

/** The text of every classic or module inline script (no src) in an HTML document; data blocks such as JSON-LD are not scripts. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    out.push(m[2] ?? '');
  }
  return out;
}

export const hashOf = (script: string): string => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/**
 * The policy: only the site's own code and these inline scripts run; nothing is framed elsewhere or
 * loaded from another origin. `meta` leaves out frame-ancestors, which a <meta> policy cannot carry
 * (browsers ignore it there and say so in the console).
 */
export function cspFor(scripts: string[], { meta = false } = {}): string {
  const hashes = [...new Set(scripts.map(hashOf))].sort();
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes, "'wasm-unsafe-eval'"].join(' ')}`,
    // Shiki's token colours and a few computed sizes are style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(meta ? [] : ["frame-ancestors 'self'"]),
  ].join('; ');
}

export const SECURITY_HEADERS = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

// Files whose names carry a hash of their content never change: a year, immutable. Everything else
// (pages, sw.js, offline.json, figures, pagefind.js and its entry file) is revalidated on each use.
// The service worker's rule for the same files is HASHED in offline.ts; a unit test holds them equal.
export const HASHED = ['_astro/*', '_widgets/*', 'pagefind/fragment/*', 'pagefind/index/*', 'pagefind/*.pf_meta'];

export function headersFile(csp: string, base = '/'): string {
  const lines = [
    '# Written by scripts/headers.mjs at build time. Netlify and Cloudflare Pages read this file as it is;',
    '# scripts/serve.mjs applies it too. For another host, set the same headers in its configuration.',
    `${base}*`,
    ...Object.entries({ ...SECURITY_HEADERS(csp), 'Cache-Control': 'no-cache' }).map(([k, v]) => `  ${k}: ${v}`),
  ];
  for (const p of HASHED) lines.push(`${base}${p}`, '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}

/**
 * The same policy as a <meta> element, first in <head> so it covers every script after it, for a
 * host that cannot send headers (GitHub Pages). Only the hashes of this page's own inline scripts.
 */
export function withMetaCsp(html: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${cspFor(inlineScripts(html), { meta: true })}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('no <head> to put the CSP in');
  const at = head.index + head[0].length;
  // <meta charset> must stay within the first 1024 bytes: keep it first.
  const charset = /^\s*<meta charset="[^"]*">/i.exec(html.slice(at));
  const cut = at + (charset ? charset[0].length : 0);
  return html.slice(0, cut) + meta + html.slice(cut);
}
