// The self-check's words in Chinese (i18n.ts pairs them with i18n.en.ts). The Chinese widget
// bundles load this file in place of i18n.en.ts (src/lib/widget-bundles.ts), so the two export
// the same names.
export const text = {
  check: '检查答案',
  right: '答对了。',
  wrong: '还不对。',
  tryAgain: '可以再想想，或者展开下面的解析。',
  pick: '先选一个选项。',
  notNumber: '请填一个数字，例如 106（可以用全角数字，也可以带千位分隔符）。',
  tooLong: '答案太长了，填一个数字就行。',
  last: (ok: boolean) => (ok ? '上次答对了' : '上次答错了'),
  score: (r: number, a: number, n: number) => `本章自测：答对 ${r} / ${n}（已答 ${a} 题）`,
  reset: '清除本章记录',
  cleared: '已清除本章的自测记录。',
  noStorage: '这个浏览器不允许保存进度，答题结果不会被记住。',
};
