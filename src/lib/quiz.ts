// Self-checks: grading one answer and the progress a reader keeps in localStorage. Pure: the quiz
// element (src/widgets/quiz/element.ts) and the home page's progress script call these, and the
// unit tests hold them to their word. Progress is per chapter slug, so answering on the Chinese
// page counts on the English home too.

export type Lang = 'zh' | 'en';

export interface ChoiceQuestion {
  id: string;
  type: 'choice';
  /** Index of the right choice. */
  answer: number;
  choices: number;
}

export interface NumberQuestion {
  id: string;
  type: 'number';
  answer: number;
  /** Wrong values that have their own explanation. */
  near: number[];
}

export type Question = ChoiceQuestion | NumberQuestion;

export type Verdict =
  | { kind: 'right' }
  | { kind: 'wrong'; near?: number }
  /** Nothing chosen, or text that is not a number: not an answer, so not recorded. */
  | { kind: 'invalid'; reason: 'empty' | 'not-a-number' | 'too-long' };

const MAX_INPUT = 40;

/**
 * Reads a number the way a student types it: ASCII or full-width digits, a leading sign (also
 * the full-width or typographic minus), spaces and thousands separators (`28,232`, `28 232`),
 * a decimal point. Anything else is not a number.
 */
export function parseNumber(text: string): number | null {
  const ascii = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\uFF0B]/g, '+')
    .replace(/[\uFF0D\u2212\u2013]/g, '-')
    .replace(/\uFF0E/g, '.')
    .replace(/[\s,\uFF0C_]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(ascii)) return null;
  const n = Number(ascii);
  return Number.isFinite(n) ? n : null;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** Grades a response: the chosen index as a string for a choice question, the typed text for a number. */
export function grade(q: Question, response: string | null): Verdict {
  if (response === null || response.trim() === '') return { kind: 'invalid', reason: 'empty' };
  if (response.length > MAX_INPUT) return { kind: 'invalid', reason: 'too-long' };
  if (q.type === 'choice') {
    const i = Number(response);
    if (!Number.isInteger(i) || i < 0 || i >= q.choices) return { kind: 'invalid', reason: 'empty' };
    return i === q.answer ? { kind: 'right' } : { kind: 'wrong' };
  }
  const n = parseNumber(response);
  if (n === null) return { kind: 'invalid', reason: 'not-a-number' };
  if (same(n, q.answer)) return { kind: 'right' };
  const near = q.near.find((v) => same(n, v));
  return near === undefined ? { kind: 'wrong' } : { kind: 'wrong', near };
}

/** slug → question id → was the latest answer right. */
export type Progress = Record<string, Record<string, boolean>>;

export const PROGRESS_KEY = 'nc-quiz-v1';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Whatever is stored (nothing, old formats, hand-edited junk) becomes a valid Progress. */
export function parseProgress(raw: string | null): Progress {
  if (!raw || raw.length > 100_000) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  const out: Progress = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const [slug, answers] of Object.entries(data)) {
    if (!ID.test(slug) || typeof answers !== 'object' || answers === null || Array.isArray(answers)) continue;
    const clean: Record<string, boolean> = {};
    for (const [id, ok] of Object.entries(answers)) if (ID.test(id) && typeof ok === 'boolean') clean[id] = ok;
    if (Object.keys(clean).length) out[slug] = clean;
  }
  return out;
}

export function record(p: Progress, slug: string, id: string, ok: boolean): Progress {
  return { ...p, [slug]: { ...p[slug], [id]: ok } };
}

export function forget(p: Progress, slug: string): Progress {
  const { [slug]: _gone, ...rest } = p;
  return rest;
}

/** How a chapter stands, counting only the questions it has now (renamed ones are ignored). */
export function score(p: Progress, slug: string, ids: readonly string[]): { answered: number; right: number; total: number } {
  const answers = p[slug] ?? {};
  let answered = 0;
  let right = 0;
  for (const id of ids) {
    if (!Object.hasOwn(answers, id)) continue;
    answered++;
    if (answers[id]) right++;
  }
  return { answered, right, total: ids.length };
}
