// Strings every widget's controls share, in both languages. Widget-specific text lives beside
// each widget.
export type Lang = 'zh' | 'en';

export const kitText = {
  zh: {
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
    keys: '快捷键：← → 单步，空格 播放/暂停，Home / End 到开头 / 结尾',
    controls: '播放控制',
    noscript: '下面是默认场景的完整步骤（静态版本）。',
  },
  en: {
    restart: 'Back to the start',
    back: 'Step back',
    forward: 'Step forward',
    end: 'Go to the end',
    play: 'Play',
    pause: 'Pause',
    step: (i: number, n: number) => `Step ${i} of ${n}`,
    start: 'Before the first step',
    copyStep: 'Copy a link to this step',
    copied: 'Copied',
    copyFailed: 'Could not copy; copy the link from the address bar',
    badState: 'The state in the link was not understood (perhaps from an older version); starting from the default.',
    keys: 'Keys: ← → step, Space play/pause, Home / End to the start / end',
    controls: 'Playback controls',
    noscript: 'Below are all the steps of the default run (static version).',
  },
} as const;

export function langOf(el: Element): Lang {
  return (el.closest('[lang]')?.getAttribute('lang') ?? 'zh').startsWith('en') ? 'en' : 'zh';
}
