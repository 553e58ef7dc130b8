// The framing widget's model (src/widgets/framing/model.ts): the test names are its specification.
// Vectors: tests/fixtures/framing/, verbatim copies of the course review's data (CPython 3.11.7).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  encodeFrame,
  encodeHeader,
  frameBands,
  FrameDecoder,
  FramingError,
  jsonDumps,
  mistakeByteOrder,
  mistakeCharCount,
  mistakeSizeInPrefix,
  mulberry32,
  naiveReceive,
  packLength,
  pythonFloatRepr,
  pythonLen,
  receive,
  tcpDeliver,
  udpDeliver,
  unpackLength,
  UDP_MAX_PAYLOAD,
  type DecoderOptions,
  type Frame,
  type LengthFormat,
  type Span,
  type TraceStep,
} from '../../src/widgets/framing/model.ts';

// ---------------------------------------------------------------------------------------------
// fixtures

const VECTORS_DIR = join(process.cwd(), 'tests', 'fixtures', 'framing');

interface ModeVector {
  json_text: string;
  json_bytes_hex: string;
  len_header_bytes: number;
  pack_i_native_hex: string;
  pack_lt_i_hex: string;
  pack_net_I_hex: string;
  frame_prefix_plus_header_hex_net: string;
}
interface Vector {
  label: string;
  header_dict: Record<string, string | number>;
  ensure_ascii_true: ModeVector;
  ensure_ascii_false_utf8: ModeVector;
  file_size_fits_pack_i: boolean;
  file_size_fits_pack_net_I: boolean;
  body_hex?: string;
}
interface FramingVectors {
  vectors: Vector[];
  edge_cases: Record<string, string>;
}
interface StreamDemo {
  stream_hex: string;
  stream_len: number;
  recv_chunks_hex: string[];
  expected_messages: Array<{ header: Record<string, string | number>; body_utf8: string }>;
  final_parser_state: string;
  leftover_bytes: number;
}

const FRAMING = JSON.parse(readFileSync(join(VECTORS_DIR, 'framing_vectors.json'), 'utf8')) as FramingVectors;
const STREAM_DEMO = JSON.parse(readFileSync(join(VECTORS_DIR, 'stream_demo.json'), 'utf8')) as StreamDemo;

const te = new TextEncoder();
const td = new TextDecoder();

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function unhex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Cuts `bytes` at the given offsets (any order, any repeats). */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, p));
    start = p;
  }
  return chunks;
}

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

function framingError(f: () => unknown): FramingError {
  const e = catchError(f);
  expect(e).toBeInstanceOf(FramingError);
  return e as FramingError;
}

/** Everything a decoder makes of a run of chunks, comparable with toEqual. */
function decodeAll(chunks: Uint8Array[], options: DecoderOptions) {
  const decoder = new FrameDecoder(options);
  const frames: Frame[] = [];
  let error: string | null = null;
  for (const c of chunks) {
    const r = decoder.pushTraced(c);
    frames.push(...r.frames);
    expect(decoder.allocated).toBeLessThanOrEqual(Math.max(64, 2 * decoder.buffered));
    if (r.error) {
      error = r.error.code;
      break;
    }
  }
  return { frames, error, state: decoder.state, buffered: decoder.buffered };
}

const MODES = [
  ['ensure_ascii_true', true],
  ['ensure_ascii_false_utf8', false],
] as const;

// Characters worth testing: Chinese, emoji, controls, quotes, backslashes, DEL, separators.
const specialChar = fc.constantFrom('网', '络', '😀', '\u0000', '\u001f', '\u007f', '"', '\\', '\n', '\t', '\u2028', '\ufeff', 'é', ' ');
const anyChar = fc.oneof(
  specialChar,
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
);
const text = fc.string({ unit: anyChar, maxLength: 12 });
const key = text.filter((k) => !/^\d+$/.test(k) && k !== '__proto__');
const { value: headerValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((x) => !Number.isInteger(x)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));

// ---------------------------------------------------------------------------------------------

describe("encodeHeader is Python's json.dumps(header, ensure_ascii=A).encode('utf-8'), byte for byte", () => {
  for (const v of FRAMING.vectors) {
    for (const [mode, ensureAscii] of MODES) {
      const want = v[mode];
      test(`${v.label}, ensure_ascii=${ensureAscii ? 'True' : 'False'}: ${want.len_header_bytes} bytes`, () => {
        expect(jsonDumps(v.header_dict, { ensureAscii })).toBe(want.json_text);
        const bytes = encodeHeader(v.header_dict, { ensureAscii });
        expect(hex(bytes)).toBe(want.json_bytes_hex);
        expect(bytes.length).toBe(want.len_header_bytes);
      });
    }
  }

  test("ensure_ascii defaults to True, as Python's does", () => {
    expect(jsonDumps({ n: '网' })).toBe('{"n": "\\u7f51"}');
  });

  test('uses the default separators ", " and ": " and keeps insertion order', () => {
    expect(jsonDumps({ b: 1, a: [1, 2, { c: null }], d: {}, e: [] })).toBe('{"b": 1, "a": [1, 2, {"c": null}], "d": {}, "e": []}');
  });

  test('writes true, false and null in lower case', () => {
    expect(jsonDumps([true, false, null])).toBe('[true, false, null]');
  });

  test('escapes quotes, backslashes and \\b \\f \\n \\r \\t with short forms, other controls as \\u00xx in lower case', () => {
    const s = '"\\\b\f\n\r\t\u0000\u0001\u001b\u001f';
    const want = '"\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u0001\\u001b\\u001f"';
    expect(jsonDumps(s, { ensureAscii: true })).toBe(want);
    expect(jsonDumps(s, { ensureAscii: false })).toBe(want);
  });

  test('escapes DEL (0x7f) with ensure_ascii=True only; without it DEL is written raw', () => {
    expect(jsonDumps('\u007f', { ensureAscii: true })).toBe('"\\u007f"');
    expect(hex(encodeHeader('\u007f', { ensureAscii: false }))).toBe('227f22');
  });

  test('with ensure_ascii=True, non-ASCII becomes lower-case \\uXXXX and astral characters a surrogate pair', () => {
    expect(jsonDumps('é网😀\u2028', { ensureAscii: true })).toBe('"\\u00e9\\u7f51\\ud83d\\ude00\\u2028"');
  });

  test('with ensure_ascii=False, non-ASCII is written raw as UTF-8 (U+2028 included)', () => {
    expect(hex(encodeHeader('é网😀\u2028', { ensureAscii: false }))).toBe('22c3a9e7bd91f09f9880e280a822');
  });

  test('a lone surrogate is written \\udXXX with ensure_ascii=True', () => {
    expect(jsonDumps('a\ud800b\udc00', { ensureAscii: true })).toBe('"a\\ud800b\\udc00"');
  });

  test("a lone surrogate with ensure_ascii=False is a 'lone-surrogate' error, as Python's .encode('utf-8') raises", () => {
    const e = framingError(() => encodeHeader({ file_name: 'x\ud83d.txt' }, { ensureAscii: false }));
    expect(e.code).toBe('lone-surrogate');
    expect(e.message).toMatch(/U\+D83D/);
    expect(jsonDumps({ file_name: 'x\ud83d.txt' }, { ensureAscii: false })).toBe('{"file_name": "x\ud83d.txt"}');
  });

  test('integers print exactly: safe numbers, and bigints up to and beyond 2^63', () => {
    expect(jsonDumps([0, -0, -1, 4294967297, Number.MAX_SAFE_INTEGER, 2n ** 63n, -(2n ** 64n)])).toBe(
      '[0, 0, -1, 4294967297, 9007199254740991, 9223372036854775808, -18446744073709551616]',
    );
  });

  test("a number beyond 2^53 − 1 is an 'unsafe-integer' error that suggests a bigint", () => {
    const e = framingError(() => encodeHeader({ file_size: 2 ** 53 }));
    expect(e.code).toBe('unsafe-integer');
    expect(e.message).toMatch(/9007199254740992n/);
    expect(e.params['path']).toBe('header.file_size');
  });

  test("a non-integer number prints as Python's float repr", () => {
    const cases: Array<[number, string]> = [
      [1.5, '1.5'],
      [0.1, '0.1'],
      [-2.5, '-2.5'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1.5e-7, '1.5e-07'],
      [-2.5e-300, '-2.5e-300'],
      [123456789.125, '123456789.125'],
      [1e15 + 0.5, '1000000000000000.5'],
      [5e-324, '5e-324'],
    ];
    for (const [x, want] of cases) expect(pythonFloatRepr(x)).toBe(want);
    expect(jsonDumps({ ratio: 0.25 })).toBe('{"ratio": 0.25}');
    expect(pythonFloatRepr(1e16)).toBe('1e+16');
    expect(pythonFloatRepr(2)).toBe('2.0');
  });

  test.each([
    ['undefined', { a: undefined }, 'header.a'],
    ['a function', { f: () => 1 }, 'header.f'],
    ['a symbol', [Symbol('s')], 'header[0]'],
    ['NaN', { x: NaN }, 'header.x'],
    ['Infinity', { x: -Infinity }, 'header.x'],
    ['a Map', { m: new Map() }, 'header.m'],
    ['a Date', { d: new Date(0) }, 'header.d'],
    ['bytes', { b: new Uint8Array(1) }, 'header.b'],
    ['a hole in an array', { a: [1, , 3] }, 'header.a[1]'],
  ])("refuses %s with an 'unsupported-value' error naming where it is", (_what, header, path) => {
    const e = framingError(() => encodeHeader(header));
    expect(e.code).toBe('unsupported-value');
    expect(e.params['path']).toBe(path);
    expect(e.message).toContain(path);
  });

  test("refuses an object that contains itself ('circular') and absurd nesting ('too-deep')", () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    expect(framingError(() => encodeHeader(a)).code).toBe('circular');
    let deep: unknown = 1;
    for (let i = 0; i < 1500; i++) deep = [deep];
    expect(framingError(() => encodeHeader(deep)).code).toBe('too-deep');
  });

  test('the same value twice (not nested in itself) is fine', () => {
    const shared = { x: 1 };
    expect(jsonDumps([shared, shared])).toBe('[{"x": 1}, {"x": 1}]');
  });

  test('accepts objects without a prototype', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o['a'] = 1;
    expect(jsonDumps(o)).toBe('{"a": 1}');
  });

  test('limitation: JavaScript puts integer-like keys first, so such a header cannot keep Python order', () => {
    expect(jsonDumps({ b: 1, '2': 2, a: 3 })).toBe('{"2": 2, "b": 1, "a": 3}');
  });

  test("pythonLen counts code points, like Python's len(str)", () => {
    expect(pythonLen('a网😀')).toBe(3);
    expect(pythonLen('\ud800')).toBe(1);
  });

  test('any header encodes; with ensure_ascii=True the bytes are ASCII and parse back to the same value', () => {
    fc.assert(
      fc.property(headerValue, (h) => {
        const bytes = encodeHeader(h, { ensureAscii: true });
        expect(bytes.every((b) => b < 0x80)).toBe(true);
        expect(JSON.parse(td.decode(bytes))).toEqual(JSON.parse(JSON.stringify(h)));
        expect(JSON.parse(td.decode(encodeHeader(h, { ensureAscii: false })))).toEqual(JSON.parse(JSON.stringify(h)));
      }),
    );
  });
});

describe("packLength / unpackLength are struct.pack / struct.unpack with 'i' (little-endian) and '!I' (big-endian)", () => {
  for (const v of FRAMING.vectors) {
    for (const [mode] of MODES) {
      const want = v[mode];
      test(`${v.label}, ${mode}: length ${want.len_header_bytes} packs as ${want.pack_i_native_hex} / ${want.pack_net_I_hex}`, () => {
        expect(hex(packLength(want.len_header_bytes, 'i'))).toBe(want.pack_i_native_hex);
        expect(hex(packLength(want.len_header_bytes, 'i'))).toBe(want.pack_lt_i_hex);
        expect(hex(packLength(want.len_header_bytes, '!I'))).toBe(want.pack_net_I_hex);
        expect(unpackLength(unhex(want.pack_i_native_hex), 'i')).toBe(want.len_header_bytes);
        expect(unpackLength(unhex(want.pack_net_I_hex), '!I')).toBe(want.len_header_bytes);
      });
    }
  }

  test("pack('i', -1) is ffffffff, and ffffffff unpacks as -1 with 'i' but 4294967295 with '!I'", () => {
    expect(hex(packLength(-1, 'i'))).toBe(FRAMING.edge_cases['i:-1']);
    expect(unpackLength(unhex('ffffffff'), 'i')).toBe(-1);
    expect(unpackLength(unhex('ffffffff'), '!I')).toBe(4294967295);
  });

  test('the ends of each range pack', () => {
    expect(hex(packLength(2147483647, 'i'))).toBe('ffffff7f');
    expect(hex(packLength(-2147483648, 'i'))).toBe('00000080');
    expect(hex(packLength(0, '!I'))).toBe('00000000');
    expect(hex(packLength(4294967295, '!I'))).toBe('ffffffff');
    expect(hex(packLength(39n, '!I'))).toBe('00000027');
  });

  test.each([
    [2 ** 31, 'i', '-2147483648 <= number <= 2147483647'],
    [-(2 ** 31) - 1, 'i', '-2147483648 <= number <= 2147483647'],
    [-1, '!I', '0 <= number <= 4294967295'],
    [2 ** 32, '!I', '0 <= number <= 4294967295'],
    [2n ** 40n, '!I', '0 <= number <= 4294967295'],
    [1.5, 'i', '-2147483648 <= number <= 2147483647'],
    [NaN, '!I', '0 <= number <= 4294967295'],
  ] as const)('packing %s with %s is a RangeError naming the range', (n, format, range) => {
    const e = catchError(() => packLength(n, format));
    expect(e).toBeInstanceOf(RangeError);
    expect((e as RangeError).message).toContain(range);
  });

  test('an unknown format is a RangeError', () => {
    expect(() => packLength(1, 'Q' as LengthFormat)).toThrow(RangeError);
  });

  test('unpacking needs exactly 4 bytes', () => {
    expect(() => unpackLength(new Uint8Array(3), '!I')).toThrow(RangeError);
    expect(() => unpackLength(new Uint8Array(5), 'i')).toThrow(RangeError);
  });

  test('unpack(pack(n)) is n over both ranges, and reads a view into a larger buffer correctly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (i, u) => {
        expect(unpackLength(packLength(i, 'i'), 'i')).toBe(i);
        expect(unpackLength(packLength(u, '!I'), '!I')).toBe(u);
        const big = concat(new Uint8Array([9, 9, 9]), packLength(u, '!I'));
        expect(unpackLength(big.subarray(3), '!I')).toBe(u);
      }),
    );
  });
});

describe('encodeFrame and frameBands: prefix, then header bytes, then body', () => {
  for (const v of FRAMING.vectors) {
    test(`${v.label}: a '!I' frame starts with the vector's prefix and header`, () => {
      for (const [mode, ensureAscii] of MODES) {
        const body = unhex(v.body_hex ?? '');
        const frame = encodeFrame(v.header_dict, body, { format: '!I', ensureAscii });
        expect(hex(frame)).toBe(v[mode].frame_prefix_plus_header_hex_net + hex(body));
      }
    });
  }

  test('the bands cover the frame: 4 length bytes, the header, the body (empty body: an empty band)', () => {
    const header = { file_name: '网络编程笔记.pdf', file_size: 3 };
    const body = te.encode('abc');
    expect(frameBands(header, body, { format: 'i', ensureAscii: false })).toEqual([
      { kind: 'length', start: 0, end: 4 },
      { kind: 'header', start: 4, end: 59 },
      { kind: 'body', start: 59, end: 62 },
    ]);
    expect(frameBands(header, body, { format: 'i', ensureAscii: true })[1]).toEqual({ kind: 'header', start: 4, end: 77 });
    const empty = frameBands({ file_name: 'empty.bin', file_size: 0 }, new Uint8Array(0), { format: '!I' });
    expect(empty[2]).toEqual({ kind: 'body', start: 46, end: 46 });
    expect(encodeFrame({ file_name: 'empty.bin', file_size: 0 }, new Uint8Array(0), { format: '!I' }).length).toBe(46);
  });
});

describe('FrameDecoder: the receiver state machine need-length → need-header → need-body', () => {
  test('stream demo: the six recv() chunks give exactly the two messages, ending at need-length with 0 bytes held', () => {
    const chunks = STREAM_DEMO.recv_chunks_hex.map(unhex);
    expect(hex(concat(...chunks))).toBe(STREAM_DEMO.stream_hex);
    const decoder = new FrameDecoder({ format: '!I' });
    const frames = chunks.flatMap((c) => decoder.push(c));
    expect(frames.map((f) => ({ header: f.header, body_utf8: td.decode(f.body) }))).toEqual(STREAM_DEMO.expected_messages);
    expect(STREAM_DEMO.final_parser_state).toBe('LEN');
    expect(decoder.state).toBe('need-length');
    expect(decoder.buffered).toBe(STREAM_DEMO.leftover_bytes);
    expect(decoder.offset).toBe(STREAM_DEMO.stream_len);
  });

  test('stream demo: the trace walks the states, waiting where a chunk runs out', () => {
    const decoder = new FrameDecoder({ format: '!I' });
    const steps: TraceStep[] = STREAM_DEMO.recv_chunks_hex.flatMap((c) => decoder.pushTraced(unhex(c)).steps);
    expect(steps.map((s) => `${s.state}:${s.event}:${s.got}/${s.need}@${s.from}-${s.to}`)).toEqual([
      'need-length:wait:3/4@0-3',
      'need-length:length:4/4@3-4',
      'need-header:wait:3/39@4-7',
      'need-header:wait:16/39@7-20',
      'need-header:header:39/39@20-43',
      'need-body:wait:2/11@43-45',
      'need-body:frame:11/11@45-54',
      'need-length:length:4/4@54-58',
      'need-header:wait:2/55@58-60',
      'need-header:header:55/55@60-113',
      'need-body:frame:6/6@113-119',
    ]);
    expect(steps.find((s) => s.event === 'length')?.length).toBe(39);
    expect(steps.filter((s) => s.event === 'frame').map((s) => s.next)).toEqual(['need-length', 'need-length']);
  });

  for (const v of FRAMING.vectors.filter((x) => x.header_dict['file_size'] as number <= 1024)) {
    test(`${v.label}: decodes in both formats and both ensure_ascii modes`, () => {
      const size = v.header_dict['file_size'] as number;
      const body = v.body_hex !== undefined ? unhex(v.body_hex) : new Uint8Array(size).map((_, i) => i % 251);
      for (const format of ['i', '!I'] as const) {
        for (const [, ensureAscii] of MODES) {
          const frames = new FrameDecoder({ format }).push(encodeFrame(v.header_dict, body, { format, ensureAscii }));
          expect(frames).toEqual([{ header: v.header_dict, body }]);
        }
      }
    });
  }

  test('file_size 0 completes the frame with the header, without waiting for a body byte', () => {
    const decoder = new FrameDecoder({ format: '!I' });
    const frame = encodeFrame({ file_name: 'empty.bin', file_size: 0 }, new Uint8Array(0), { format: '!I' });
    const { frames, steps } = decoder.pushTraced(frame);
    expect(frames).toEqual([{ header: { file_name: 'empty.bin', file_size: 0 }, body: new Uint8Array(0) }]);
    expect(steps.map((s) => s.event)).toEqual(['length', 'header', 'frame']);
    expect(steps[2]).toMatchObject({ state: 'need-body', need: 0, got: 0, from: 46, to: 46 });
    expect(decoder.state).toBe('need-length');
  });

  test('a prefix split 3+1, one byte at a time, and several frames in one chunk all give the same frames', () => {
    const a = encodeFrame({ file_name: 'a.txt', file_size: 11 }, te.encode('hello world'), { format: 'i' });
    const b = encodeFrame({ file_name: '网络.txt', file_size: 0 }, new Uint8Array(0), { format: 'i', ensureAscii: false });
    const stream = concat(a, b, a);
    const oneShot = new FrameDecoder({ format: 'i' }).push(stream);
    expect(oneShot).toHaveLength(3);
    const split31 = new FrameDecoder({ format: 'i' });
    expect([...split31.push(stream.slice(0, 3)), ...split31.push(stream.slice(3, 4)), ...split31.push(stream.slice(4))]).toEqual(oneShot);
    const bytewise = new FrameDecoder({ format: 'i' });
    expect(Array.from(stream, (byte) => bytewise.push(new Uint8Array([byte]))).flat()).toEqual(oneShot);
    expect(bytewise.buffered).toBe(0);
  });

  test('an empty chunk changes nothing', () => {
    const decoder = new FrameDecoder({ format: '!I' });
    decoder.push(new Uint8Array([0, 0]));
    expect(decoder.push(new Uint8Array(0))).toEqual([]);
    expect(decoder.pushTraced(new Uint8Array(0)).steps).toEqual([]);
    expect(decoder.buffered).toBe(2);
  });

  test("the receiver unpacking '!I' what the sender packed with 'i' is a 'header-too-large' error with the claimed length, before anything is allocated", () => {
    const sent = encodeFrame({ file_name: 'a.txt', file_size: 11 }, te.encode('hello world'), { format: 'i' });
    const decoder = new FrameDecoder({ format: '!I' });
    const e = framingError(() => decoder.push(sent));
    expect(e.code).toBe('header-too-large');
    expect(e.params['claimed']).toBe(0x27000000);
    expect(e.params['claimed']).toBe(654311424);
    expect(e.params['limit']).toBe(65536);
    expect(e.message).toMatch(/654,311,424/);
    expect(decoder.buffered).toBeLessThanOrEqual(4);
    expect(decoder.allocated).toBeLessThanOrEqual(64);
  });

  test('with the header limit lifted, a 654,311,424-byte claim still allocates only about what arrives', () => {
    const decoder = new FrameDecoder({ format: '!I', maxHeaderBytes: 2 ** 32 });
    decoder.push(unhex('27000000'));
    expect(decoder.state).toBe('need-header');
    expect(decoder.need).toBe(654311424);
    for (let i = 0; i < 10; i++) decoder.push(new Uint8Array(1000).fill(0x20));
    expect(decoder.buffered).toBe(10000);
    expect(decoder.allocated).toBeLessThanOrEqual(20000);
  });

  test('a file_size of 4 GiB + 1 (the movie.mkv vector) is read as it arrives, never allocated up front', () => {
    const decoder = new FrameDecoder({ format: '!I' });
    decoder.push(encodeFrame({ file_name: 'movie.mkv', file_size: 4294967297 }, new Uint8Array(0), { format: '!I' }));
    expect(decoder.state).toBe('need-body');
    expect(decoder.need).toBe(4294967297);
    decoder.push(new Uint8Array(5000));
    expect(decoder.buffered).toBe(5000);
    expect(decoder.allocated).toBeLessThanOrEqual(10000);
  });

  test("a header exactly at maxHeaderBytes is accepted; one byte over is 'header-too-large'", () => {
    const header = { file_size: 0, pad: '' };
    const base = encodeHeader(header).length;
    const frame = encodeFrame({ file_size: 0, pad: 'x'.repeat(100 - base) }, new Uint8Array(0), { format: '!I' });
    expect(new FrameDecoder({ format: '!I', maxHeaderBytes: 100 }).push(frame)).toHaveLength(1);
    expect(framingError(() => new FrameDecoder({ format: '!I', maxHeaderBytes: 99 }).push(frame)).code).toBe('header-too-large');
  });

  test("an 'i' prefix that reads negative is a 'negative-length' error", () => {
    const e = framingError(() => new FrameDecoder({ format: 'i' }).push(unhex('ffffffff')));
    expect(e.code).toBe('negative-length');
    expect(e.params['claimed']).toBe(-1);
  });

  const withHeaderText = (textOrBytes: string | Uint8Array, format: LengthFormat = '!I') => {
    const h = typeof textOrBytes === 'string' ? te.encode(textOrBytes) : textOrBytes;
    return concat(packLength(h.length, format), h);
  };

  test.each([
    ['bytes that are not UTF-8', withHeaderText(unhex('7b22ff227d')), 'bad-utf8'],
    ['UTF-8 for a surrogate (Python refuses it too)', withHeaderText(unhex('7b22eda080227d')), 'bad-utf8'],
    ['a header cut short', withHeaderText('{"file_name": "a.txt", "file_si'), 'bad-json'],
    ['an empty header', withHeaderText(''), 'bad-json'],
    ['a UTF-8 byte order mark (Python json.loads refuses it)', withHeaderText('\ufeff{"file_size": 0}'), 'bad-json'],
    ['NaN (Python would accept it; we do not)', withHeaderText('{"file_size": NaN}'), 'bad-json'],
    ['a list', withHeaderText('[1, 2]'), 'header-not-object'],
    ['null', withHeaderText('null'), 'header-not-object'],
    ['a string', withHeaderText('"file_size"'), 'header-not-object'],
    ['no file_size', withHeaderText('{"file_name": "a.txt"}'), 'missing-file-size'],
    ['a negative file_size', withHeaderText('{"file_size": -1}'), 'bad-file-size'],
    ['a fractional file_size', withHeaderText('{"file_size": 1.5}'), 'bad-file-size'],
    ['a string file_size', withHeaderText('{"file_size": "11"}'), 'bad-file-size'],
    ['a boolean file_size', withHeaderText('{"file_size": true}'), 'bad-file-size'],
    ['a null file_size', withHeaderText('{"file_size": null}'), 'bad-file-size'],
    ['a file_size past 2^53', withHeaderText('{"file_size": 9007199254740993}'), 'bad-file-size'],
  ])("%s is a FramingError '%s'", (_what, bytes, code) => {
    const e = framingError(() => new FrameDecoder({ format: '!I' }).push(bytes));
    expect(e.code).toBe(code);
    expect(e.message.length).toBeGreaterThan(20);
  });

  test("a file_size over maxBodyBytes is 'body-too-large'", () => {
    const frame = encodeFrame({ file_size: 11 }, te.encode('hello world'), { format: '!I' });
    expect(framingError(() => new FrameDecoder({ format: '!I', maxBodyBytes: 10 }).push(frame)).code).toBe('body-too-large');
    expect(new FrameDecoder({ format: '!I', maxBodyBytes: 11 }).push(frame)).toHaveLength(1);
  });

  test('a whole-valued file_size like 11.0 is accepted, as Python would count to 11.0', () => {
    const frames = new FrameDecoder({ format: '!I' }).push(concat(withHeaderText('{"file_size": 11.0}'), te.encode('hello world')));
    expect(frames[0]?.header.file_size).toBe(11);
  });

  test('after an error the decoder stays failed: every later push throws the same error', () => {
    const decoder = new FrameDecoder({ format: '!I' });
    const first = framingError(() => decoder.push(withHeaderText('{"no": 1}')));
    expect(decoder.error).toBe(first);
    expect(catchError(() => decoder.push(new Uint8Array(0)))).toBe(first);
    expect(catchError(() => decoder.push(encodeFrame({ file_size: 0 }, new Uint8Array(0), { format: '!I' })))).toBe(first);
    const traced = decoder.pushTraced(new Uint8Array([1]));
    expect(traced.error).toBe(first);
    expect(traced.steps).toMatchObject([{ event: 'error', error: first }]);
  });

  test('pushTraced never throws a FramingError and returns the frames a chunk completed before its error', () => {
    const good = encodeFrame({ file_size: 2 }, te.encode('ok'), { format: '!I' });
    const r = new FrameDecoder({ format: '!I' }).pushTraced(concat(good, withHeaderText('[]')));
    expect(r.frames).toHaveLength(1);
    expect(r.error?.code).toBe('header-not-object');
    expect(r.steps.at(-1)).toMatchObject({ event: 'error', state: 'need-header', from: good.length + 4, to: good.length + 6 });
  });

  test('options are checked: an unknown format or a negative limit is a RangeError', () => {
    expect(() => new FrameDecoder({ format: '<Q' as LengthFormat })).toThrow(RangeError);
    expect(() => new FrameDecoder({ format: '!I', maxHeaderBytes: -1 })).toThrow(RangeError);
    expect(() => new FrameDecoder({ format: '!I', maxBodyBytes: NaN })).toThrow(RangeError);
  });

  const frameArb = fc.record({
    file_name: text,
    extra: fc.dictionary(key, headerValue, { maxKeys: 2 }),
    body: fc.uint8Array({ maxLength: 40 }),
    ensureAscii: fc.boolean(),
  });

  test('property: any frames under any chunking decode to the frames sent, exactly as one-shot decoding does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LengthFormat>('i', '!I'),
        fc.array(frameArb, { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (format, specs, cuts) => {
          const sent = specs.map(({ file_name, extra, body }) => ({ header: { ...extra, file_name, file_size: body.length }, body }));
          const stream = concat(...sent.map((f, i) => encodeFrame(f.header, f.body, { format, ensureAscii: specs[i]?.ensureAscii ?? true })));
          const oneShot = decodeAll([stream], { format });
          expect(oneShot.error).toBeNull();
          expect(oneShot.frames).toEqual(sent.map((f) => ({ header: JSON.parse(JSON.stringify(f.header)), body: f.body })));
          expect(decodeAll(chunked(stream, cuts), { format })).toEqual(oneShot);
          expect(oneShot).toMatchObject({ state: 'need-length', buffered: 0 });
        },
      ),
    );
  });

  const garbage = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    // a plausible prefix followed by random bytes: reaches the header and body states
    fc.tuple(fc.integer({ min: 0, max: 80 }), fc.uint8Array({ maxLength: 300 })).map(([n, rest]) => concat(packLength(n, '!I'), rest)),
    // a plausible prefix and JSON-ish text
    fc.tuple(fc.string({ unit: fc.constantFrom('{', '}', '"', ':', ',', ' ', 'file_size', '1', '-', '0', '.', 'e', 'a', '网', '[', ']', 'null'), maxLength: 30 }), fc.uint8Array({ maxLength: 40 }))
      .map(([t, rest]) => concat(withHeaderText(t), rest)),
  );

  test('property: garbage either decodes or stops with a FramingError, the same one under any chunking, never another error and never hanging', () => {
    fc.assert(
      fc.property(garbage, fc.constantFrom<LengthFormat>('i', '!I'), fc.array(fc.nat(), { maxLength: 10 }), (bytes, format, cuts) => {
        for (const push of ['push', 'pushTraced'] as const) {
          const decoder = new FrameDecoder({ format });
          try {
            decoder[push](bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(FramingError);
          }
          expect(decoder.allocated).toBeLessThanOrEqual(Math.max(64, 2 * decoder.buffered));
        }
        expect(decodeAll(chunked(bytes, cuts), { format })).toEqual(decodeAll([bytes], { format }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('receive and the three mistakes to try', () => {
  const aTxt = { file_name: 'a.txt', file_size: 11 };
  const hello = te.encode('hello world');

  test("receive reports whole frames, a receiver stuck waiting, or the decoder's error", () => {
    const frame = encodeFrame(aTxt, hello, { format: '!I' });
    expect(receive(frame, { format: '!I' })).toEqual({ kind: 'frames', frames: [{ header: aTxt, body: hello }] });
    expect(receive(frame.slice(0, 50), { format: '!I' })).toEqual({ kind: 'stuck', frames: [], state: 'need-body', need: 11, buffered: 7 });
    expect(receive(frame, { format: 'i' })).toMatchObject({ kind: 'error', error: { code: 'header-too-large' } });
  });

  test("(a) sender packs 'i', receiver unpacks '!I': 'header-too-large', claiming 0x27000000 = 654,311,424 bytes", () => {
    for (const ensureAscii of [true, false]) {
      const m = mistakeByteOrder(aTxt, hello, { ensureAscii });
      expect(hex(m.sent.slice(0, 4))).toBe('27000000');
      expect(m.received.kind).toBe('error');
      if (m.received.kind !== 'error') return;
      expect(m.received.error.code).toBe('header-too-large');
      expect(m.received.error.params['claimed']).toBe(654311424);
    }
  });

  test('(a) when the misread length happens to fit the limit, the receiver is stuck waiting for bytes that never come', () => {
    const base = encodeHeader({ file_name: '', file_size: 0 }).length;
    const header = { file_name: 'x'.repeat(256 - base), file_size: 0 }; // 256 = 00 01 00 00 in 'i' → 65,536 in '!I'
    const m = mistakeByteOrder(header, new Uint8Array(0));
    expect(hex(m.sent.slice(0, 4))).toBe('00010000');
    expect(m.received).toEqual({ kind: 'stuck', frames: [], state: 'need-header', need: 65536, buffered: 256 });
  });

  test("(b) prefix from len(header_str) with ensure_ascii=False and a Chinese name: the header is cut short, 'bad-json'", () => {
    const header = { file_name: '网络编程笔记.pdf', file_size: 3 };
    const m = mistakeCharCount(header, te.encode('abc'), { format: '!I', ensureAscii: false });
    expect(unpackLength(m.sent.slice(0, 4), '!I')).toBe(43); // 43 characters, 55 bytes
    expect(m.received).toMatchObject({ kind: 'error', error: { code: 'bad-json' } });
  });

  test("(b) when the cut falls inside a character, it is 'bad-utf8'", () => {
    const m = mistakeCharCount({ file_size: 0, n: '网网' }, new Uint8Array(0), { format: 'i', ensureAscii: false });
    expect(m.received).toMatchObject({ kind: 'error', error: { code: 'bad-utf8' } });
  });

  test('(b) with ensure_ascii=True characters and bytes agree, so the same mistake goes unnoticed', () => {
    const header = { file_name: '网络编程笔记.pdf', file_size: 3 };
    const m = mistakeCharCount(header, te.encode('abc'), { format: '!I', ensureAscii: true });
    expect(m.received).toEqual({ kind: 'frames', frames: [{ header, body: te.encode('abc') }] });
  });

  test("(c) a file_size over 2^31 − 1 put in the 'i' prefix: RangeError from packLength before anything is sent", () => {
    for (const size of [2 ** 31, 4294967297]) {
      const r = mistakeSizeInPrefix(size, 'i');
      expect(r.kind).toBe('sender-error');
      if (r.kind === 'sender-error') expect(r.error.message).toContain('-2147483648 <= number <= 2147483647');
    }
    expect(mistakeSizeInPrefix(4294967297, '!I')).toMatchObject({ kind: 'sender-error' });
    expect(mistakeSizeInPrefix(2147483647, 'i')).toEqual({ kind: 'packed', sent: unhex('ffffff7f') });
  });

  test('the vectors agree: movie.mkv fits neither format, the others fit both', () => {
    for (const v of FRAMING.vectors) {
      const size = v.header_dict['file_size'] as number;
      expect(mistakeSizeInPrefix(size, 'i').kind === 'packed').toBe(v.file_size_fits_pack_i);
      expect(mistakeSizeInPrefix(size, '!I').kind === 'packed').toBe(v.file_size_fits_pack_net_I);
    }
  });
});

describe('the sticky-packet lab: seeded TCP and UDP delivery', () => {
  const hw = [te.encode('hello'), te.encode('world')];
  const messages = fc.array(fc.uint8Array({ maxLength: 30 }), { maxLength: 8 });
  const seed = fc.integer();

  function partitions(spans: Span[], length: number): boolean {
    let at = 0;
    for (const s of spans) {
      if (s.start !== at || s.end <= s.start) return false;
      at = s.end;
    }
    return at === length;
  }

  test('mulberry32: the same seed gives the same numbers, all in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  test('TCP: the same seed and options give the same run', () => {
    fc.assert(
      fc.property(messages, seed, fc.boolean(), (ms, s, nagle) => {
        expect(tcpDeliver(ms, { seed: s, nagle })).toEqual(tcpDeliver(ms, { seed: s, nagle }));
      }),
    );
  });

  test('TCP: the stream is the writes concatenated; segments and reads each partition it', () => {
    fc.assert(
      fc.property(
        messages,
        seed,
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.integer({ min: 1, max: 40 }),
        (ms, s, nagle, mss, recvSize) => {
          const run = tcpDeliver(ms, mss === undefined ? { seed: s, nagle, recvSize } : { seed: s, nagle, recvSize, mss });
          expect(run.stream).toEqual(concat(...ms));
          expect(run.writes.map((w) => run.stream.slice(w.start, w.end))).toEqual(ms);
          expect(partitions(run.segments, run.stream.length)).toBe(true);
          expect(partitions(run.reads, run.stream.length)).toBe(true);
          if (mss !== undefined) expect(run.mss).toBe(mss);
          const writeEnds = new Set(run.writes.map((w) => w.end));
          const segEnds = new Set(run.segments.map((x) => x.end));
          for (const x of run.segments) {
            // a segment is full-sized, or ends where a write ended (nothing more had been written)
            expect(x.end - x.start === run.mss || writeEnds.has(x.end)).toBe(true);
          }
          for (const r of run.reads) {
            // recv() returns what has arrived: up to a segment's end, at most recvSize bytes
            expect(r.end - r.start).toBeLessThanOrEqual(recvSize);
            expect(r.end - r.start === recvSize || segEnds.has(r.end)).toBe(true);
          }
        },
      ),
    );
  });

  test('TCP: the default MSS is drawn from the seed between 3 and 12', () => {
    const msses = new Set(Array.from({ length: 200 }, (_, s) => tcpDeliver(hw, { seed: s }).mss));
    expect(Math.min(...msses)).toBe(3);
    expect(Math.max(...msses)).toBe(12);
  });

  test('TCP: "hello" + "world" arrive glued ("helloworld") for some seeds and split for others', () => {
    const kinds = new Set<string>();
    let glued = '';
    for (let s = 0; s < 50; s++) {
      const run = tcpDeliver(hw, { seed: s, nagle: true, mss: 16 });
      for (const r of naiveReceive(run.reads, run.stream, run.writes)) {
        if (r.kind) kinds.add(r.kind);
        if (r.kind === 'glued') glued = r.text;
      }
      const split = tcpDeliver(hw, { seed: s, mss: 3 });
      for (const r of naiveReceive(split.reads, split.stream, split.writes)) if (r.kind) kinds.add(r.kind);
    }
    expect(glued).toBe('helloworld');
    expect(kinds).toEqual(new Set(['whole', 'glued', 'split', 'glued-and-split']));
  });

  test('TCP: with Nagle, small writes made while an ACK is awaited coalesce; the first write leaves at once', () => {
    const small = Array.from({ length: 6 }, (_, i) => te.encode(String(i)));
    const runs = Array.from({ length: 30 }, (_, s) => tcpDeliver(small, { seed: s, nagle: true, mss: 100 }));
    expect(runs.some((run) => run.segments.some((x) => x.end - x.start > 1))).toBe(true);
    expect(runs.every((run) => run.segments[0]?.end === 1)).toBe(true);
  });

  test('TCP: without Nagle a write leaves at once when the window is open, but queued writes still share segments', () => {
    const small = Array.from({ length: 6 }, (_, i) => te.encode(String(i)));
    const runs = Array.from({ length: 30 }, (_, s) => tcpDeliver(small, { seed: s, mss: 100 }));
    expect(runs.some((run) => run.segments.length === small.length)).toBe(true);
    expect(runs.some((run) => run.segments.some((x) => x.end - x.start > 1))).toBe(true);
  });

  test('TCP: options are checked', () => {
    expect(() => tcpDeliver(hw, { seed: 1, mss: 0 })).toThrow(RangeError);
    expect(() => tcpDeliver(hw, { seed: 1, recvSize: 1.5 })).toThrow(RangeError);
    expect(() => tcpDeliver(hw, { seed: NaN })).toThrow(RangeError);
    expect(tcpDeliver([], { seed: 1 })).toMatchObject({ segments: [], reads: [] });
  });

  test('naiveReceive shows each recv() as the receiver sees it, flagging a cut character as invalid UTF-8', () => {
    const stream = te.encode('网a');
    const reads = naiveReceive([{ start: 0, end: 2 }, { start: 2, end: 4 }], stream, [{ start: 0, end: 4 }]);
    expect(reads.map((r) => [r.validUtf8, r.kind])).toEqual([
      [false, 'split'],
      [false, 'split'],
    ]);
    expect(reads[0]?.text).toBe('\ufffd');
    expect(naiveReceive([{ start: 0, end: 4 }], stream)[0]).toMatchObject({ text: '网a', validUtf8: true });
    expect(naiveReceive([{ start: 0, end: 4 }], stream)[0]?.kind).toBeUndefined();
  });

  test('UDP: the same seed gives the same delivery', () => {
    fc.assert(
      fc.property(messages, seed, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (ms, s, lossRate, reorder) => {
        expect(udpDeliver(ms, { seed: s, lossRate, reorder })).toEqual(udpDeliver(ms, { seed: s, lossRate, reorder }));
      }),
    );
  });

  test('UDP: every datagram arrives whole and alone, or is lost; none twice, never glued', () => {
    fc.assert(
      fc.property(messages, seed, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (ms, s, lossRate, reorder) => {
        const { delivered, lost } = udpDeliver(ms, { seed: s, lossRate, reorder });
        for (const d of delivered) {
          expect(d.data).toEqual(ms[d.index]);
          expect(d.truncated).toBe(false);
        }
        const indexes = [...delivered.map((d) => d.index), ...lost].sort((a, b) => a - b);
        expect(indexes).toEqual(ms.map((_, i) => i));
        if (!reorder) expect(delivered.map((d) => d.index)).toEqual([...delivered.map((d) => d.index)].sort((a, b) => a - b));
      }),
    );
  });

  test('UDP: no loss and no reordering delivers everything in order; lossRate 1 loses everything', () => {
    const ms = [te.encode('a'), te.encode('b'), te.encode('c')];
    expect(udpDeliver(ms, { seed: 7 }).delivered.map((d) => td.decode(d.data))).toEqual(['a', 'b', 'c']);
    expect(udpDeliver(ms, { seed: 7, lossRate: 1 })).toEqual({ delivered: [], lost: [0, 1, 2] });
  });

  test('UDP: reordering happens for some seeds, and the losses do not depend on it', () => {
    const ms = Array.from({ length: 8 }, (_, i) => te.encode(String(i)));
    const reordered = Array.from({ length: 20 }, (_, s) => udpDeliver(ms, { seed: s, reorder: true, lossRate: 0.2 }));
    expect(reordered.some((r) => r.delivered.some((d, i, all) => i > 0 && d.index < (all[i - 1]?.index ?? 0)))).toBe(true);
    reordered.forEach((r, s) => expect(udpDeliver(ms, { seed: s, lossRate: 0.2 }).lost).toEqual(r.lost));
  });

  test('UDP: recvfrom(n) smaller than a datagram cuts it short (Linux discards the rest)', () => {
    const { delivered } = udpDeliver([te.encode('helloworld')], { seed: 1, recvSize: 5 });
    expect(delivered).toEqual([{ index: 0, data: te.encode('hello'), truncated: true }]);
  });

  test('UDP: a datagram over 65,507 bytes cannot be sent; bad options are RangeErrors', () => {
    expect(() => udpDeliver([new Uint8Array(UDP_MAX_PAYLOAD + 1)], { seed: 1 })).toThrow(RangeError);
    expect(udpDeliver([new Uint8Array(UDP_MAX_PAYLOAD)], { seed: 1 }).delivered).toHaveLength(1);
    expect(() => udpDeliver([], { seed: 1, lossRate: 2 })).toThrow(RangeError);
  });
});
