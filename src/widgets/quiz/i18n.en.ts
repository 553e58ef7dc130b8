// The self-check's words in English (i18n.ts pairs them with i18n.zh.ts). The English widget
// bundles load this file in place of i18n.zh.ts (src/lib/widget-bundles.ts), so the two export
// the same names.
export const text = {
  check: 'Check',
  right: 'Right.',
  wrong: 'Not quite.',
  tryAgain: 'Think again, or open the explanation below.',
  pick: 'Pick one of the choices first.',
  notNumber: 'Type a number, such as 106 (thousands separators are fine).',
  tooLong: 'That is too long; a number is enough.',
  last: (ok: boolean) => (ok ? 'Right last time' : 'Wrong last time'),
  score: (r: number, a: number, n: number) => `This chapter: ${r} of ${n} right (${a} answered)`,
  reset: 'Clear this chapter’s answers',
  cleared: 'This chapter’s answers are cleared.',
  noStorage: 'This browser does not let the page keep your progress, so answers are not remembered.',
};
