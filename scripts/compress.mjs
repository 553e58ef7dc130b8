// Last build step: writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every text
// file of the site, once, so no server compresses on a request. scripts/serve.mjs (sirv) sends them
// to clients that accept them; nginx (brotli_static/gzip_static), Caddy (precompressed) and most
// static hosts can too. A copy that would not be smaller is not written.
// Usage: node scripts/compress.mjs <dist>
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const dist = process.argv[2] ?? 'dist';
const TEXT = /\.(html|css|js|mjs|json|svg|txt|py|webmanifest|xml)$/;
const MIN = 256;

const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name));
for (const f of files) if (/\.(br|gz)$/.test(f)) rmSync(f);
const todo = files.filter((f) => TEXT.test(f) && statSync(f).size >= MIN);

let raw = 0;
let out = 0;
async function one(f) {
  const body = readFileSync(f);
  const [b, g] = await Promise.all([
    br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz(body, { level: 9 }),
  ]);
  raw += body.length;
  if (b.length < body.length) (writeFileSync(`${f}.br`, b), (out += b.length));
  if (g.length < body.length) writeFileSync(`${f}.gz`, g);
}
const queue = [...todo];
await Promise.all(Array.from({ length: 4 }, async () => {
  for (let f = queue.shift(); f; f = queue.shift()) await one(f);
}));
console.log(`compress: ${todo.length} text files, ${(raw / 1024).toFixed(0)} KB → ${(out / 1024).toFixed(0)} KB brotli (+ gzip)`);
