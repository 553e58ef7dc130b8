// Lighthouse (mobile preset: a mid-range phone, 4× CPU slowdown, simulated slow 4G) on the course
// homes and the first page of each part, several runs each; `npm run bench` prints the medians.
// Scores move between runs on a busy two-core machine, so the median is what counts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The routes measured: /zh/ and /en/, and for each part the first zh chapter page. */
export function lighthouseRoutes(root, base) {
  const first = new Map();
  for (const f of readdirSync(join(root, 'content/chapters/zh')).sort()) {
    const text = readFileSync(join(root, 'content/chapters/zh', f), 'utf8');
    const part = /^part:\s*(\d+)/m.exec(text)?.[1];
    if (part && !first.has(part)) first.set(part, f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
  }
  return [`${base}zh/`, `${base}en/`, ...[...first.values()].map((slug) => `${base}zh/${slug}/`)];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = { lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift', bytes: 'total-byte-weight' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs Lighthouse `runs` times on each route; resolves to one row of medians per route. */
export async function lighthouseRuns(origin, routes, runs, chromeFlags) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', ...chromeFlags] });
  const rows = [];
  try {
    for (const route of routes) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const r = await lighthouse(`${origin}${route}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        const lhr = r?.lhr;
        if (!lhr) continue;
        samples.push({
          ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
          ...Object.fromEntries(Object.entries(METRICS).map(([k, a]) => [k, lhr.audits[a]?.numericValue ?? NaN])),
          failing: CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => ref.id)),
        });
      }
      const pick = (k) => median(samples.map((s) => s[k]));
      rows.push({
        route,
        runs: samples.length,
        ...Object.fromEntries([...CATEGORIES, ...Object.keys(METRICS)].map((k) => [k, samples.length ? pick(k) : null])),
        // What kept a score under 100, in any run (an audit that failed once is worth a look).
        failing: [...new Set(samples.flatMap((s) => s.failing))],
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
