// The one error type the framing model throws for bad headers and bad streams. A view shows
// `message` as it is (English, written for a student) or looks `code` up in its own strings and
// fills in `params`, so a translation never has to parse the English text.

export type FramingErrorCode =
  // encoding a header (the sender's side)
  | 'unsupported-value' // undefined, a function, a symbol, NaN, Infinity, a Map, a Date ...
  | 'unsafe-integer' // a JS number beyond 2^53 − 1: its digits may already be wrong, use a bigint
  | 'circular' // an object that contains itself
  | 'too-deep' // nesting deeper than MAX_DEPTH
  | 'lone-surrogate' // half of a surrogate pair: Python's .encode('utf-8') refuses it
  // decoding a stream (the receiver's side)
  | 'negative-length' // an 'i' prefix that reads as a negative number
  | 'header-too-large' // a prefix claiming more header bytes than the receiver accepts
  | 'bad-utf8' // header bytes that are not UTF-8
  | 'bad-json' // header text that is not JSON
  | 'header-not-object' // JSON, but not a {...} object
  | 'missing-file-size' // no "file_size" key
  | 'bad-file-size' // "file_size" is not a non-negative whole number we can count to exactly
  | 'body-too-large'; // "file_size" over the receiver's maxBodyBytes

export class FramingError extends Error {
  readonly code: FramingErrorCode;
  /** The numbers and names the message mentions, for a localized message. */
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: FramingErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'FramingError';
    this.code = code;
    this.params = Object.freeze({ ...params });
  }
}
