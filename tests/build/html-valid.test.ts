// Every page of the built site is valid HTML, by the W3C Nu checker (vnu-jar, run with Java).
import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

test('the Nu HTML checker finds no error in any built page', () => {
  expect(existsSync('dist/zh/index.html'), 'run "npm run build" first').toBe(true);
  const r = spawnSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--skip-non-html', '--format', 'json', 'dist'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.error, 'java must be installed (apt-get install -y default-jre-headless)').toBeUndefined();
  const { messages } = JSON.parse(r.stderr) as { messages: { type: string; url: string; lastLine: number; message: string }[] };
  // `interestfor` on a glossary term's link (src/lib/rehype-glossary.ts) shows its definition on
  // hover and focus with no script. Chromium ships it (142); the Nu checker does not know it yet
  // (its HTML pull request, whatwg/html#11006, is open). Only that message on <a> is let through.
  const pending = (m: { message: string }) => m.message === 'Attribute “interestfor” not allowed on element “a” at this point.';
  const errors = messages.filter((m) => m.type === 'error' && !pending(m)).map((m) => `${m.url.replace(/^.*\/dist\//, '')}:${m.lastLine} ${m.message}`);
  expect(errors).toEqual([]);
}, 150_000);
