// Every string the site's chrome shows, in both languages. Chapters carry their own text.
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function isLang(x: unknown): x is Lang {
  return x === 'zh' || x === 'en';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The language of a chapter file from its path (`content/chapters/en/…` → en; default zh). */
export function langOfPath(path: string): Lang {
  return /[\\/]chapters[\\/]en[\\/]/.test(path) ? 'en' : 'zh';
}

export const ui = {
  zh: {
    siteName: '网络与并发',
    siteTagline: '用 Python 学网络编程与并发编程',
    switchTo: 'English',
    switchLabel: '阅读英文版',
    skip: '跳到正文',
    home: '课程首页',
    contents: '目录',
    courseNav: '课程目录',
    onThisPage: '本页内容',
    inThisChapter: '本章内容',
    prev: '上一章',
    next: '下一章',
    pager: '上一页与下一页',
    prevPage: '上一页',
    nextPage: '下一页',
    pageOf: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
    wholeLink: '整章单页（便于打印和查找）',
    wholeChapter: '整章单页',
    pagedLink: '回到分页阅读',
    search: '搜索',
    searchNoJs: '搜索需要启用 JavaScript。你也可以从下面的目录找到每一章。',
    themeAuto: '主题：跟随系统',
    themeLight: '主题：浅色',
    themeDark: '主题：深色',
    copyLink: '复制本节链接',
    copied: '已复制',
    copyFailed: '复制失败，请手动复制地址栏中的链接',
    copyCode: '复制',
    tableLabel: '表格（可横向滚动）',
    part: (n: number) => `第 ${n} 部分`,
    chapter: (n: number) => `第 ${n} 章`,
    partEmpty: '本部分的章节正在编写中。',
    offlineTitle: '离线阅读',
    offlineLoading: '正在查看这台设备上保存了什么…',
    homeIntro:
      '从网线上的比特一路讲到 Python 里的进程、线程、锁和队列。每一章先讲清道理，再配上能运行的例子；笔记里过时或说错的地方，都会指出来并给出出处。中英文两个版本内容相同，随时可以切换。',
    awayTitle: (t: string) => `⏸ ${t} · 回来继续`,
    cubeLabel: '六个部分（旋转立方体）',
    cubePause: '暂停旋转',
    partsList: '全部六个部分',
    notFoundTitle: '找不到这个页面',
    notFoundBody: '这个地址没有对应的页面。它可能拼错了，或者章节已经改名。',
    notFoundHome: '回到课程首页',
    chooseBody: '课程有中文和英文两个版本，内容相同，章节链接可以互相跳转。',
    footer: '网络与并发 · 课程内容以中英双语编写',
    glossary: '术语表',
    glossaryIntro: '课程里的术语，中英对照。在每一章里，一个术语第一次出现时，后面会用括号注上它的英文名；右栏链接到它在各章第一次出现的地方。',
    glossaryZh: '中文',
    glossaryEn: '英文',
    glossaryWhere: '首次出现',
    quizTitle: '自测',
    quizIntro: (n: number) => `${n} 道小题，检查一下这一章的要点。答案和每个选项的解析都折叠在题目下面；启用 JavaScript 时可以直接作答，结果只保存在这台设备的浏览器里，课程首页会显示进度。`,
    quizShow: '看答案和解析',
    quizAnswerIs: '答案：',
    quizYourAnswer: '你的答案',
    quizNear: (v: string) => `如果填了 ${v}：`,
  },
  en: {
    siteName: 'Networks & Concurrency',
    siteTagline: 'Network programming and concurrency, in Python',
    switchTo: '中文',
    switchLabel: 'Read this in Chinese',
    skip: 'Skip to content',
    home: 'Course home',
    contents: 'Contents',
    courseNav: 'Course contents',
    onThisPage: 'On this page',
    inThisChapter: 'In this chapter',
    prev: 'Previous',
    next: 'Next',
    pager: 'Previous and next',
    prevPage: 'Previous page',
    nextPage: 'Next page',
    pageOf: (n: number, total: number) => `page ${n} of ${total}`,
    wholeLink: 'whole chapter on one page (to print or search it)',
    wholeChapter: 'whole chapter on one page',
    pagedLink: 'back to reading in pages',
    search: 'Search',
    searchNoJs: 'Search needs JavaScript. Every chapter is also listed below.',
    themeAuto: 'Theme: follow the system',
    themeLight: 'Theme: light',
    themeDark: 'Theme: dark',
    copyLink: 'Copy link to this section',
    copied: 'Copied',
    copyFailed: 'Could not copy; copy the link from the address bar',
    copyCode: 'Copy',
    tableLabel: 'Table (scrolls sideways)',
    part: (n: number) => `Part ${n}`,
    chapter: (n: number) => `Chapter ${n}`,
    partEmpty: 'The chapters of this part are being written.',
    offlineTitle: 'Read offline',
    offlineLoading: 'Checking what is saved on this device…',
    homeIntro:
      'From bits on the wire to processes, threads, locks and queues in Python. Each chapter explains the idea, then gives examples you can run; where the original notes are dated or wrong, it says so and cites the source. The Chinese and English versions say the same things, and you can switch at any point.',
    awayTitle: (t: string) => `⏸ ${t} · come back to it`,
    cubeLabel: 'The six parts (rotating cube)',
    cubePause: 'Pause the rotation',
    partsList: 'All six parts',
    notFoundTitle: 'Page not found',
    notFoundBody: 'Nothing lives at this address. It may be mistyped, or the chapter may have moved.',
    notFoundHome: 'Back to the course home',
    chooseBody: 'The course exists in Chinese and in English, with the same content; every section links to its twin.',
    footer: 'Networks & Concurrency · written in Chinese and English',
    glossary: 'Glossary',
    glossaryIntro: 'The course’s terms in English and Chinese. In every chapter, the first use of a term carries its Chinese name in brackets; the last column links to where each chapter first uses it.',
    glossaryZh: 'Chinese',
    glossaryEn: 'English',
    glossaryWhere: 'First used in',
    quizTitle: 'Check yourself',
    quizIntro: (n: number) => `${n} short questions on the main points of this chapter. The answer and why each choice is right or wrong are folded under every question; with JavaScript on you can answer right here. Results stay in this browser only, and the course home shows your progress.`,
    quizShow: 'Show the answer and why',
    quizAnswerIs: 'Answer: ',
    quizYourAnswer: 'Your answer',
    quizNear: (v: string) => `If you wrote ${v}: `,
  },
} as const;

export type UI = (typeof ui)[Lang];
