// What scripts/serve.mjs decides before a file is looked up, as pure functions so every hostile
// request can be tested without a socket: which methods are served, how a request target decodes,
// when a directory is redirected (and that the redirect can only stay on this origin), which
// encodings a client accepts, and which headers from dist/_headers apply to a path.

export type Verdict =
  | { kind: 'error'; status: 400 | 405 | 414; message: string; headers?: Record<string, string>; path?: string }
  | { kind: 'redirect'; location: string; path: string }
  | { kind: 'outside'; path: string }
  | { kind: 'file'; rest: string; path: string };

export interface RequestInfo {
  method: string;
  /** The request target as it came on the request line. */
  url: string;
  /** The site's base path, with a trailing slash ('/' or '/course/'). */
  base: string;
  /** Whether a path below the base (no leading slash) names a directory of the built site. */
  isDir: (rel: string) => boolean;
}

export const MAX_TARGET = 4096;

// Any byte a file name of the built site never has and a header value must never carry.
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

/** Encodes a decoded path for a URL: like encodeURI, and '?' and '#' too, which would end the path. */
export function encodePath(path: string): string {
  return encodeURI(path).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}

export function checkRequest({ method, url, base, isDir }: RequestInfo): Verdict {
  if (method !== 'GET' && method !== 'HEAD') {
    return { kind: 'error', status: 405, message: 'Only GET and HEAD are served.', headers: { allow: 'GET, HEAD' } };
  }
  if (url.length > MAX_TARGET) return { kind: 'error', status: 414, message: 'Request target too long.' };
  // Origin-form only: "/path?query". Absolute-form ("http://host/…") and "*" are for proxies.
  if (!url.startsWith('/')) return { kind: 'error', status: 400, message: 'Bad request target.' };
  const q = url.search(/[?#]/);
  const rawPath = q < 0 ? url : url.slice(0, q);
  const query = q < 0 || url[q] === '#' ? '' : url.slice(q).replace(/#.*$/, '');
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'error', status: 400, message: 'Bad percent-escape in the path.' };
  }
  if (!path.isWellFormed() || FORBIDDEN.test(path)) {
    return { kind: 'error', status: 400, message: 'Bad character in the path.' };
  }
  if (path.split('/').some((s) => s === '.' || s === '..')) {
    return { kind: 'error', status: 400, message: 'Dot segments are not served.' };
  }
  // "//zh" is "/zh": empty segments mean nothing to a static site, and a path that starts with two
  // slashes must never reach a Location header.
  path = path.replace(/\/{2,}/g, '/');
  const isBase = `${path}/` === base;
  if (!path.startsWith(base) && !isBase) return { kind: 'outside', path };
  const rest = isBase ? '' : `/${path.slice(base.length)}`;
  if (isBase || (!rest.endsWith('/') && isDir(rest.slice(1)))) {
    // /zh/tcp-udp → /zh/tcp-udp/, as static hosts do, so relative links keep working. The target is
    // rebuilt from the path's own segments, so it starts with exactly one slash: never "//host" or
    // "/\host", which a browser would take for another origin.
    const clean = `/${`${base}${rest.slice(1)}`.split('/').filter(Boolean).join('/')}/`;
    const safeQuery = query.replace(/[^\x21-\x7e]|\\/g, (c) => encodeURIComponent(c));
    return { kind: 'redirect', location: encodePath(clean) + safeQuery, path };
  }
  return { kind: 'file', rest: encodePath(rest), path };
}

/** The content codings (of 'br' and 'gzip') an Accept-Encoding header accepts, most wanted first. */
export function acceptedEncodings(header: string | string[] | undefined): Array<'br' | 'gzip'> {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [raw, ...params] = part.toLowerCase().split(';');
    const name = raw?.trim();
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const star = q.get('*');
  const ok = (c: string) => (q.get(c) ?? star ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** Reads a `_headers` file (the format Netlify and Cloudflare Pages read): a path line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" belongs to no path`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Whether a `_headers` path pattern (exact, or with `*` matching anything) covers a path. */
export function matches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

/** The headers for a path: every matching rule in file order, a later rule's value winning. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) if (matches(r.pattern, path)) Object.assign(out, r.headers);
  return out;
}
