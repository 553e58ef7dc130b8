// The offline card's words in Chinese (i18n.ts pairs them with i18n.en.ts; the Chinese bundle
// loads this file in place of i18n.en.ts, see src/lib/widget-bundles.ts).
export const text = {
  offer: (size: string) => `把整门课的中文版（约 ${size}）存进这台设备的浏览器：没有网络时也能读每一章、用搜索、做自测。读过的页面本来就会自动保存。`,
  save: '保存离线副本',
  update: '更新离线副本',
  remove: '删除离线副本',
  saving: (done: number, all: number) => `正在保存：${done} / ${all} 个文件…`,
  saved: '已保存：这台设备上可以离线阅读和搜索整门课（中文）。',
  outdated: (n: number, size: string) => `课程有了更新，离线副本还差 ${n} 个文件（约 ${size}）。`,
  failed: (done: number, all: number) => `保存中断了：已存好 ${done} / ${all} 个文件。联网后再点一次，会从断开的地方继续。`,
  full: '浏览器的存储空间不够，没能存完。清理一些空间后再试。',
  removed: '离线副本已删除。以后读过的页面仍会自动保存。',
  unsupported: '这个浏览器不支持离线保存（需要 Service Worker，而且页面要通过 https 或本机地址打开）。',
  noManifest: '现在取不到课程的文件清单（可能没有联网），稍后再试。',
};
