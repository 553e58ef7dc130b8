// The kit's strings in Chinese (i18n.ts pairs them with i18n.en.ts). The Chinese widget bundles
// load this file in place of i18n.en.ts (src/lib/widget-bundles.ts), so the two export the same names.
export const kit = {
  restart: '回到开头',
  back: '上一步',
  forward: '下一步',
  end: '跳到结尾',
  play: '播放',
  pause: '暂停',
  step: (i: number, n: number) => `第 ${i} / ${n} 步`,
  start: '开始前',
  copyStep: '复制这一步的链接',
  copied: '已复制',
  copyFailed: '复制失败，请手动复制地址栏中的链接',
  badState: '链接里的状态无法识别（可能来自旧版本），已从默认场景开始。',
  keys: '快捷键（焦点在播放条或图上时）：← → 单步，空格 播放/暂停，Home / End 到开头 / 结尾，F 演示模式',
  swipe: '在图上左右滑动可以单步：向左是下一步。',
  present: '演示模式（F）',
  leave: '退出演示模式（Esc）',
  speed: (x: number) => `播放速度 ${x}×（点一下切换）`,
  controls: '播放控制',
  noscript: '下面是默认场景的完整步骤（静态版本）。',
} as const;
