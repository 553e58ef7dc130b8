// Reads and checks the real packet captures (content/captures/<scenario>.json, `npm run captures`)
// at build time: every expected scenario must be there and well formed, and a file that is not fails
// the build with its name and the problem. The pure part (types, checks, phases) is capture-model.ts,
// which widgets can import without the file system.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CAPTURE_SCENARIOS, CaptureError, parseCapture, type Captures } from './capture-model.ts';

export { CAPTURE_SCENARIOS, CaptureError, canonical, parseCapture, phases, type Capture, type CaptureOf, type Captures, type CaptureScenario, type Segment } from './capture-model.ts';

/** How a message names a file: relative to the project when it is inside it. */
function label(file: string, root: string): string {
  const rel = relative(root, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : file;
}

/**
 * Every capture in `dir` (default content/captures of `root`), checked, by scenario. Throws a
 * CaptureError naming the file when one is missing, unreadable, not JSON, malformed, or unknown.
 */
export function loadCaptures(root = process.cwd(), dir = join(root, 'content', 'captures')): Captures {
  const out: Record<string, unknown> = {};
  for (const name of CAPTURE_SCENARIOS) {
    const file = join(dir, `${name}.json`);
    const at = label(file, root);
    if (!existsSync(file)) throw new CaptureError(`${at}: missing (\`npm run captures\` records it, as root on Linux).`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new CaptureError(`${at}: ${(e as Error).message}`);
    }
    out[name] = parseCapture(data, at, name); // its "scenario" is `name`, so it is CaptureOf<name>
  }
  const known = new Set(CAPTURE_SCENARIOS.map((n) => `${n}.json`));
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    if (!known.has(f)) throw new CaptureError(`${label(join(dir, f), root)}: not a known scenario (${CAPTURE_SCENARIOS.join(', ')}).`);
  }
  return out as Captures;
}

/** Checks the captures when a build starts, so a bad or missing file stops it before any page is made. */
export function captureCheck(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'course:captures',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const captures = loadCaptures(root, process.env.COURSE_CAPTURES ?? join(root, 'content', 'captures'));
        logger.info(`${Object.keys(captures).length} packet captures checked (${CAPTURE_SCENARIOS.join(', ')})`);
      },
    },
  };
}
