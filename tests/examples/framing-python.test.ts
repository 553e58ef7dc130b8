// The framing model against real CPython, byte for byte: ~200 random headers (Chinese, emoji,
// control characters, DEL, quotes, backslashes, lone surrogates, nesting, floats, ints up to 2^63)
// go to ONE python3 process, which answers with json.dumps(...).encode('utf-8') in both
// ensure_ascii modes, len() of the str, and struct.pack('!I' / '<i' / 'i').
//
// The headers travel to Python as JSON, which loses nothing for these types: strings (lone
// surrogates as \udXXX escapes), bigints written as raw JSON digits, and doubles in shortest
// round-trip form. Keys that look like integers are left out, because a JS object always lists
// them first and Python's dict would not (see the limitation noted in the model's json.ts).
import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import {
  encodeHeader,
  FramingError,
  jsonDumps,
  packLength,
  pythonLen,
  type LengthFormat,
} from '../../src/widgets/framing/model.ts';

const TIMEOUT_MS = 20_000;

const SCRIPT = String.raw`
import json, struct, sys
items = json.loads(sys.stdin.buffer.read().decode('utf-8'))
def pack(fmt, n):
    try:
        return struct.pack(fmt, n).hex()
    except struct.error:
        return None
out = []
for it in items:
    h, n = it['h'], it['n']
    raw = json.dumps(h, ensure_ascii=False)
    try:
        utf8 = raw.encode('utf-8').hex()
    except UnicodeEncodeError:
        utf8 = None
    out.append({
        'ascii': json.dumps(h, ensure_ascii=True).encode('utf-8').hex(),
        'utf8': utf8,
        'chars': len(raw),
        'net': pack('!I', n),
        'le': pack('<i', n),
        'native': pack('i', n),
    })
sys.stdout.write(json.dumps({'byteorder': sys.byteorder, 'version': sys.version.split()[0], 'out': out}))
`;

interface PyAnswer {
  ascii: string;
  utf8: string | null;
  chars: number;
  net: string | null;
  le: string | null;
  native: string | null;
}
interface PyReply {
  byteorder: string;
  version: string;
  out: PyAnswer[];
}

function runPython(input: string): Promise<PyReply> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', SCRIPT], {
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`python3 did not answer within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`python3 exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout) as PyReply);
    });
    child.stdin.end(input, 'utf8');
  });
}

/** JSON for Python, with bigints as exact digits. */
function toPythonJson(value: unknown): string {
  const rawJSON = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;
  if (!rawJSON) throw new Error('JSON.rawJSON is missing: run the tests on Node 24 (npx vitest)');
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? rawJSON(v.toString()) : v));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------------
// the cases

const anyChar = fc.oneof(
  { arbitrary: fc.constantFrom('网', '络', '编', '程', '😀', '🎉', '\u0000', '\u0001', '\u001f', '\u007f', '\u0080', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u2028', '\ufeff', 'é', ' '), weight: 6 },
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 6 },
  { arbitrary: fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)), weight: 3 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), weight: 1 }, // lone surrogates
);
const text = fc.string({ unit: anyChar, maxLength: 16 });
const key = text.filter((k) => !/^\d+$/.test(k));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n }),
    fc.boolean(),
    fc.constant(null),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const header = fc
  .record({ file_name: text, file_size: fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 63n })), extra: fc.dictionary(key, value, { maxKeys: 4 }) })
  .map(({ file_name, file_size, extra }) => ({ file_name, file_size, ...extra }));
const n = fc.oneof(
  fc.constantFrom(0, -1, 39, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 0.5, -2.5),
  fc.integer({ min: -(2 ** 31) - 10, max: 2 ** 32 + 10 }),
);

const FIXED: unknown[] = [
  { file_name: 'a.txt', file_size: 11 },
  { file_name: '网络编程笔记.pdf', file_size: 1024 },
  { file_name: '抢票_测试😀.mp4', file_size: 2147483647, md5: 'd41d8cd98f00b204e9800998ecf8427e' },
  { file_name: 'movie.mkv', file_size: 4294967297 },
  { controls: '\u0000\u0007\u001f\u007f\u0080\u009f', quotes: '"\'\\', lone: '\ud800x\udfff' },
  { empty: {}, list: [], nested: [[[{}]]], t: true, f: false, z: null },
  { big: 2n ** 63n, neg: -(2n ** 63n), safe: Number.MAX_SAFE_INTEGER },
  { floats: [0.1, 1e-5, 0.0001, 1.5e-7, 123456789.125, -2.5e-300, 5e-324, 1e15 + 0.5] },
  {},
];

const CASES = [...FIXED, ...fc.sample(header, { numRuns: 200, seed: 0x5eed })].map((h, i) => ({
  h,
  n: fc.sample(n, { numRuns: 1, seed: i })[0] ?? 0,
}));

let python: PyReply;

beforeAll(async () => {
  python = await runPython(toPythonJson(CASES));
  expect(python.out).toHaveLength(CASES.length);
}, TIMEOUT_MS + 5_000);

/** Runs `check` on every case and reports each mismatch with its input. */
function mismatches(check: (c: (typeof CASES)[number], py: PyAnswer) => string | null): string[] {
  const bad: string[] = [];
  CASES.forEach((c, i) => {
    const py = python.out[i];
    if (!py) return void bad.push(`#${i}: no answer`);
    const problem = check(c, py);
    if (problem !== null) bad.push(`#${i} ${toPythonJson(c.h)}: ${problem}`);
  });
  return bad;
}

function ours<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof FramingError || e instanceof RangeError) return null;
    throw e;
  }
}

describe(`encodeHeader against CPython's json.dumps, ${CASES.length} headers in one python3 process`, () => {
  test('ensure_ascii=True: the same bytes for every header (lone surrogates as \\udXXX)', () => {
    expect(mismatches(({ h }, py) => {
      const got = hex(encodeHeader(h, { ensureAscii: true }));
      return got === py.ascii ? null : `ours ${got}, Python ${py.ascii}`;
    })).toEqual([]);
  });

  test("ensure_ascii=False: the same UTF-8 bytes, or a 'lone-surrogate' error exactly where Python's .encode('utf-8') fails", () => {
    expect(mismatches(({ h }, py) => {
      let got: string | null;
      try {
        got = hex(encodeHeader(h, { ensureAscii: false }));
      } catch (e) {
        if (!(e instanceof FramingError) || e.code !== 'lone-surrogate') throw e;
        got = null;
      }
      return got === py.utf8 ? null : `ours ${got}, Python ${py.utf8}`;
    })).toEqual([]);
  });

  test("pythonLen(jsonDumps(h)) is Python's len(json.dumps(h, ensure_ascii=False))", () => {
    expect(mismatches(({ h }, py) => {
      const got = pythonLen(jsonDumps(h, { ensureAscii: false }));
      return got === py.chars ? null : `ours ${got}, Python ${py.chars}`;
    })).toEqual([]);
  });

  test('the cases cover what they claim: lone surrogates, astral characters, DEL, bigints past 2^53, floats', () => {
    const all = toPythonJson(CASES.map((c) => c.h));
    expect(CASES.filter((_, i) => python.out[i]?.utf8 === null).length).toBeGreaterThan(5);
    expect(all).toMatch(/[\u{10000}-\u{10ffff}]/u);
    expect(all).toContain('\u007f');
    expect(all).toMatch(/\d{17,}/);
    expect(all).toMatch(/\d\.\d/);
  });
});

describe("packLength against CPython's struct.pack", () => {
  const formats: Array<[LengthFormat, keyof PyAnswer]> = [
    ['!I', 'net'],
    ['i', 'le'],
  ];
  for (const [format, field] of formats) {
    test(`'${format}': the same 4 bytes, and a RangeError exactly where struct.pack raises struct.error`, () => {
      expect(mismatches(({ n: value }, py) => {
        const got = ours(() => hex(packLength(value, format)));
        return got === py[field] ? null : `n=${value}: ours ${got}, Python ${String(py[field])}`;
      })).toEqual([]);
    });
  }

  test("'i' is Python's native 'i' on a little-endian host (x86-64, arm64)", () => {
    if (python.byteorder !== 'little') return;
    expect(mismatches(({ n: value }, py) => {
      const got = ours(() => hex(packLength(value, 'i')));
      return got === py.native ? null : `n=${value}: ours ${got}, Python ${py.native}`;
    })).toEqual([]);
  });
});
