// Python's `json.dumps(value, ensure_ascii=A)` (default separators, no indent, no sort_keys) and
// `.encode('utf-8')`, reproduced byte for byte, because the widget shows students the exact bytes their
// Python sender puts on the wire.
//
// Where JavaScript cannot say what Python would see, the rule is:
// - A JS number that is an integer is a Python int (JS has no 1.0 apart from 1, and headers carry
//   counts). Other finite numbers are Python floats and print as Python's repr() does.
// - Integers beyond 2^53 − 1 must be bigints: a number that large may already have lost digits,
//   and printing the wrong digits silently would teach the wrong bytes.
// - Object keys keep insertion order, as Python dicts do, EXCEPT that JavaScript always puts
//   integer-like keys ("0", "42") first in ascending order. A header with such keys cannot be
//   written in Python's order from a JS object; the course's headers never have them.
// - NaN and ±Infinity are refused (Python would write the non-JSON words NaN/Infinity).

import { FramingError } from './errors.ts';

/** What JSON.parse can give back. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a header may hold: JSON values, plus bigints for Python ints beyond 2^53 − 1. */
export type HeaderValue = null | boolean | number | bigint | string | HeaderValue[] | { [key: string]: HeaderValue };

export interface DumpOptions {
  /** Python's `ensure_ascii`; its default is true, so is ours. */
  ensureAscii?: boolean;
}

/** Python's own nesting limit is about 1000 (its recursion limit); past it, it raises too. */
export const MAX_DEPTH = 1000;

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
};

function hex4(unit: number): string {
  return '\\u' + unit.toString(16).padStart(4, '0');
}

/**
 * A Python str literal as json.dumps writes it. JS strings are UTF-16 code units, and Python's
 * ensure_ascii escapes astral characters as their UTF-16 surrogate pair, so escaping unit by unit
 * gives Python's output exactly, lone surrogates included.
 */
export function dumpString(s: string, ensureAscii: boolean): string {
  let out = '"';
  let run = 0; // start of the pending stretch copied as it is
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    let escaped: string | undefined;
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c) {
      escaped = SHORT_ESCAPES[unit] ?? hex4(unit);
    } else if (ensureAscii && unit > 0x7e) {
      // DEL (0x7f) counts as non-printable for ensure_ascii=True only; with False it is written raw.
      escaped = hex4(unit);
    }
    if (escaped !== undefined) {
      out += s.slice(run, i) + escaped;
      run = i + 1;
    }
  }
  return out + s.slice(run) + '"';
}

/**
 * Python's repr() of a float, from the shortest round-trip digits that JS also computes: the
 * digits agree, only the layout differs (Python: 1e-05, 1e+16, 0.0001, 123.0).
 */
export function pythonFloatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`${x} has no Python float literal in JSON`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`unexpected number format: ${String(x)}`);
  const sign = m[1] ?? '';
  const intPart = m[2] ?? '';
  let digits = intPart + (m[3] ?? '');
  let decpt = intPart.length + Number(m[4] ?? '0'); // value = 0.<digits> × 10^decpt
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead).replace(/0+$/, '');
  decpt -= lead;
  // CPython's float_repr_style 'short': exponent form when decpt <= -4 or decpt > 16.
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return 'a Date';
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  if (ArrayBuffer.isView(value)) return 'binary data (put bytes in the body, not the header)';
  return 'an object that is not a plain {...}';
}

function unsupported(value: unknown, path: string): FramingError {
  const what = describe(value);
  const hint =
    typeof value === 'number'
      ? ' Python would write the non-JSON word NaN or Infinity, which other JSON readers reject.'
      : ' A header may hold only strings, whole numbers, true/false, null, lists and {...} objects.';
  return new FramingError('unsupported-value', `${path} is ${what}, which JSON cannot carry.${hint}`, { path, what });
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function dumpValue(value: unknown, ensureAscii: boolean, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return dumpString(value, ensureAscii);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw unsupported(value, path);
      if (!Number.isInteger(value)) return pythonFloatRepr(value);
      if (!Number.isSafeInteger(value)) {
        throw new FramingError(
          'unsafe-integer',
          `${path} is ${value}, beyond 2^53 − 1 = 9007199254740991, where JavaScript numbers stop counting exactly. ` +
            `Pass it as a BigInt (for example ${BigInt(value)}n) so the digits Python would send are known.`,
          { path, value: String(value) },
        );
      }
      return String(value); // String(-0) is "0", as Python's int 0
    case 'object':
      break;
    default:
      throw unsupported(value, path);
  }
  if (value === null) return 'null';
  if (open.has(value)) {
    throw new FramingError('circular', `${path} contains itself; Python raises "Circular reference detected".`, { path });
  }
  if (open.size >= MAX_DEPTH) {
    throw new FramingError('too-deep', `${path} is nested more than ${MAX_DEPTH} levels deep.`, { path, limit: MAX_DEPTH });
  }
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const parts: string[] = [];
      for (let i = 0; i < value.length; i++) parts.push(dumpValue(value[i], ensureAscii, `${path}[${i}]`, open));
      return `[${parts.join(', ')}]`;
    }
    if (!isPlainObject(value)) throw unsupported(value, path);
    if (Object.getOwnPropertySymbols(value).length > 0) throw unsupported(Symbol(), `a key of ${path}`);
    const parts: string[] = [];
    for (const key of Object.keys(value)) {
      const child = keyPath(path, key);
      parts.push(`${dumpString(key, ensureAscii)}: ${dumpValue(value[key], ensureAscii, child, open)}`);
    }
    return `{${parts.join(', ')}}`;
  } finally {
    open.delete(value);
  }
}

/** `json.dumps(value, ensure_ascii=A)` as the Python str (before encoding). Never fails on lone surrogates, like Python. */
export function jsonDumps(value: unknown, options: DumpOptions = {}): string {
  return dumpValue(value, options.ensureAscii ?? true, 'header', new Set());
}

/** Index of the first UTF-16 unit that is half of a surrogate pair, or -1. */
export function loneSurrogateAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

const encoder = new TextEncoder();

/**
 * `str.encode('utf-8')`. TextEncoder would quietly turn a lone surrogate into U+FFFD; Python raises
 * UnicodeEncodeError instead, so we refuse it too rather than show bytes Python never sends.
 */
export function encodeUtf8(s: string): Uint8Array {
  const at = loneSurrogateAt(s);
  if (at >= 0) {
    const unit = s.charCodeAt(at).toString(16).toUpperCase();
    throw new FramingError(
      'lone-surrogate',
      `The header text holds U+${unit}, half of a surrogate pair with no partner. ` +
        `Python's .encode('utf-8') raises UnicodeEncodeError for it; with ensure_ascii=True it would be sent as \\u${unit.toLowerCase()} instead.`,
      { codeUnit: `U+${unit}`, index: at },
    );
  }
  return encoder.encode(s);
}

/** `json.dumps(header, ensure_ascii=A).encode('utf-8')`. */
export function encodeHeader(header: unknown, options: DumpOptions = {}): Uint8Array {
  return encodeUtf8(jsonDumps(header, options));
}

/** Python's len() of a str: code points, not UTF-16 units (a lone surrogate counts as one). */
export function pythonLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
