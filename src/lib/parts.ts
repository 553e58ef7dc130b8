import type { Lang } from '../i18n/ui.ts';

/** The seven parts of the course: the course home, the sidebar and the cube (six faces: see Cube.astro). */
export const PARTS = [
  { n: 1, zh: '网络分层', en: 'Layers of the network' },
  { n: 2, zh: '传输层', en: 'Transport' },
  { n: 3, zh: '套接字编程', en: 'Socket programming' },
  { n: 4, zh: '操作系统与进程', en: 'The OS and processes' },
  { n: 5, zh: '多进程与锁', en: 'Processes and locks' },
  { n: 6, zh: '线程与队列', en: 'Threads and queues' },
  { n: 7, zh: 'I/O 模型', en: 'I/O models' },
] as const;

export type PartNumber = (typeof PARTS)[number]['n'];

export function partTitle(n: number, lang: Lang): string {
  const part = PARTS.find((p) => p.n === n);
  if (!part) throw new RangeError(`There is no part ${n}; parts are numbered 1 to ${PARTS.length}.`);
  return part[lang];
}

/** The anchor of a part on the course home, e.g. `part-3`. */
export function partId(n: number): string {
  return `part-${n}`;
}
