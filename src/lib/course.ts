import { LANGS, type Lang } from '../i18n/ui.ts';
import { pageOf, planPages, WHOLE, type ChapterPage } from './chapter-pages.ts';
import { chapterUrl } from './urls.ts';

/** What the site needs to know of one chapter file, already read and parsed. */
export interface ChapterSource {
  /** Collection id, e.g. `zh/04-tcp-udp`. */
  id: string;
  /** Path of the file, for error messages, e.g. `content/chapters/zh/04-tcp-udp.mdx`. */
  filePath: string;
  title: string;
  order: number;
  part: number;
  summary: string;
  /** A short title for the hidden-tab title. */
  short?: string;
  /** The h2/h3 ids in document order. */
  sectionIds: string[];
  /** Ids of the glossary terms the chapter uses (src/lib/rehype-glossary.ts), in order of first use. */
  terms?: string[];
  /** The h2 ids where a new page starts (frontmatter `splitAt`). */
  splitAt?: string[];
  /** The h2 ids in order (src/lib/rehype-anchors.ts). */
  h2Ids?: string[];
  /** Every id of the chapter → the h2 section it is in, '' before the first h2. */
  anchors?: Record<string, string>;
}

export interface Chapter extends ChapterSource {
  lang: Lang;
  /** The file name without extension, shared by the twins, e.g. `04-tcp-udp`. */
  file: string;
  /** The URL segment, e.g. `tcp-udp`. */
  slug: string;
  /** The pages it is read in: one unless the frontmatter splits it (src/lib/chapter-pages.ts). */
  pages: ChapterPage[];
}

export interface Course {
  /** Chapters of each language in reading order. */
  chapters: Record<Lang, Chapter[]>;
}

export class CourseError extends Error {
  override name = 'CourseError';
}

const FILE = /^(\d{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

/** `zh/04-tcp-udp` → `{ lang: 'zh', file: '04-tcp-udp', slug: 'tcp-udp' }`. */
export function parseChapterId(id: string, filePath = id): { lang: Lang; file: string; slug: string } {
  const [lang, file, ...rest] = id.split('/');
  if (lang !== 'zh' && lang !== 'en') {
    throw new CourseError(`${filePath}: chapters live in content/chapters/zh/ or content/chapters/en/.`);
  }
  const m = file === undefined || rest.length ? null : FILE.exec(file);
  if (!m || !file) {
    throw new CourseError(`${filePath}: a chapter file is named NN-slug.mdx (two digits, a dash, lower-case ASCII words), e.g. 04-tcp-udp.mdx.`);
  }
  return { lang, file, slug: m[2] as string };
}

/**
 * Checks the chapters as a whole and puts them in reading order. Every chapter must have its twin
 * (same file name in the other language) with the same part, order and section ids, so that a
 * language switch lands on the same section. Errors name the files involved.
 */
export function buildCourse(sources: ChapterSource[]): Course {
  const problems: string[] = [];
  const byLang: Record<Lang, Map<string, Chapter>> = { zh: new Map(), en: new Map() };
  for (const src of sources) {
    const { lang, file, slug } = parseChapterId(src.id, src.filePath);
    const h2Ids = src.h2Ids ?? [];
    const plan = planPages(h2Ids, src.splitAt ?? []);
    problems.push(...plan.problems.map((p) => `${src.filePath}: ${p}`));
    byLang[lang].set(file, { ...src, lang, file, slug, pages: plan.pages });
  }
  for (const lang of LANGS) {
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    for (const [file, ch] of byLang[lang]) {
      const twin = byLang[other].get(file);
      if (!twin) {
        problems.push(`${ch.filePath} has no ${other} twin: add content/chapters/${other}/${file}.mdx.`);
        continue;
      }
      if (lang === 'en') continue; // compare each pair once
      if (twin.part !== ch.part || twin.order !== ch.order) {
        problems.push(`${ch.filePath} and ${twin.filePath} disagree on part/order (${ch.part}/${ch.order} vs ${twin.part}/${twin.order}).`);
      }
      if (ch.sectionIds.join(' ') !== twin.sectionIds.join(' ')) {
        problems.push(
          `${ch.filePath} and ${twin.filePath} must have the same section ids in the same order:\n` +
            `  zh: ${ch.sectionIds.join(', ')}\n  en: ${twin.sectionIds.join(', ')}`,
        );
      }
      if ((ch.splitAt ?? []).join(' ') !== (twin.splitAt ?? []).join(' ')) {
        problems.push(
          `${ch.filePath} and ${twin.filePath} must split into pages at the same sections (splitAt):\n` +
            `  zh: ${(ch.splitAt ?? []).join(', ') || '(one page)'}\n  en: ${(twin.splitAt ?? []).join(', ') || '(one page)'}`,
        );
      }
    }
    const slugs = new Map<string, string>();
    const orders = new Map<number, string>();
    for (const ch of byLang[lang].values()) {
      const s = slugs.get(ch.slug);
      if (s) problems.push(`${ch.filePath} and ${s} have the same URL slug "${ch.slug}".`);
      slugs.set(ch.slug, ch.filePath);
      const o = orders.get(ch.order);
      if (o) problems.push(`${ch.filePath} and ${o} have the same order ${ch.order}.`);
      orders.set(ch.order, ch.filePath);
    }
  }
  if (problems.length) throw new CourseError(`The course does not hold together:\n- ${problems.join('\n- ')}`);
  const sorted = (lang: Lang) => [...byLang[lang].values()].sort((a, b) => a.order - b.order);
  return { chapters: { zh: sorted('zh'), en: sorted('en') } };
}

export function neighbours(chapters: Chapter[], slug: string): { prev?: Chapter; next?: Chapter } {
  const i = chapters.findIndex((c) => c.slug === slug);
  if (i < 0) return {};
  return { prev: chapters[i - 1], next: chapters[i + 1] };
}

export function chaptersOfPart(chapters: Chapter[], part: number): Chapter[] {
  return chapters.filter((c) => c.part === part);
}

/**
 * The URL of page `n` (1, 2, …) of a chapter: the chapter's URL for the first, then
 * `<slug>/<first h2 id>/`; n = 0 is the whole chapter on one page, `<slug>/all/`.
 */
export function pageUrl(chapter: Pick<Chapter, 'lang' | 'slug' | 'pages'>, n = 1, base?: string): string {
  if (n === 0) return `${chapterUrl(chapter.lang, chapter.slug, base)}${WHOLE}/`;
  const page = chapter.pages[n - 1];
  return chapterUrl(chapter.lang, chapter.slug, base) + (page?.slug ? `${page.slug}/` : '');
}

/** The URL of the page that holds `#id` in a chapter, with the #id; undefined if no page has it. */
export function anchorUrl(chapter: Chapter, id: string, base?: string): string | undefined {
  const page = pageOf(chapter.pages, chapter.anchors ?? {}, id);
  return page && `${pageUrl(chapter, page.n, base)}#${id}`;
}

/** One line of a chapter page's contents list. */
export interface ContentsItem {
  depth: number;
  text: string;
  /** `#id` when the section is on the page shown, else the URL of the page that holds it. */
  href: string;
  /** The first section of a later page (the list marks where each page starts). */
  startsPage: boolean;
  /**
   * The section holds a lab (an interactive widget, LABS): the link to the widget itself, which the
   * list shows as a mark of its own, so a keyboard reader can skip straight to the lab.
   */
  lab?: string;
}

/** One interactive widget of the course (a lab): where it is and what it lets the reader do. */
export interface Lab {
  /** The widget's element id and URL key (`/zh/tcp-udp/data-and-close/#handshake`). */
  id: string;
  /** The chapter file it is in. */
  file: string;
  /** The id of the section (h2 or h3) that holds it. */
  section: string;
  /** One line on what the reader does with it. */
  zh: string;
  en: string;
}

/**
 * Every lab in reading order: the labs page (/zh/labs/) lists them, and a chapter's contents list
 * marks the sections that hold one. A build test checks each against the built pages.
 */
export const LABS: readonly Lab[] = [
  {
    id: 'layers', file: '01-layers', section: 'where-protocols-sit',
    zh: '把以太网、ARP、IP、TCP、UDP、HTTP、FTP 拖进 OSI 七层、教学五层、TCP/IP 四层：每放一个都告诉你对不对、为什么（ARP 为什么算链路层）。',
    en: 'Drag Ethernet, ARP, IP, TCP, UDP, HTTP and FTP onto the OSI, five-layer and TCP/IP models: each drop says right, close or wrong, and why (and why ARP counts as link layer).',
  },
  {
    id: 'encap', file: '01-layers', section: 'hello-frame',
    zh: '一层层把一条消息装进以太网帧：每层加多少字节、数据叫什么、什么时候要填充；可以换消息、换 UDP、开时间戳选项。',
    en: 'Wrap a message into an Ethernet frame layer by layer: the bytes each layer adds, what the data is called, when padding goes in; change the message, switch to UDP, turn on timestamps.',
  },
  {
    id: 'mac', file: '02-ethernet', section: 'ig-ul-bits',
    zh: '输入任意写法的 MAC 地址，拆出 OUI 和组织分配的部分；点一下第一个字节的 I/G 位、U/L 位把它翻转，看单播、组播、广播和本地管理（随机化）地址的区别。',
    en: 'Type a MAC address in any spelling and take it apart into the OUI and the organization’s part; flip the I/G and U/L bits of its first byte and see unicast, multicast, broadcast and locally administered (randomized) addresses.',
  },
  {
    id: 'switch', file: '02-ethernet', section: 'mac-learning',
    zh: '在集线器或交换机上点主机发帧，一拍一拍看 MAC 地址表怎样学习、转发、泛洪和老化；再看路由器怎样挡住广播。',
    en: 'Send frames between hosts on a hub or a switch and watch the MAC table learn, forward, flood and age tick by tick; then see a router stop a broadcast.',
  },
  {
    id: 'storm', file: '02-ethernet', section: 'stp',
    zh: '交换机连成环，一个广播的副本一拍一拍地成倍增加；开启 STP，阻塞一个端口，风暴就停了。',
    en: 'Wire switches in a loop and watch one broadcast’s copies multiply tick by tick; turn STP on, a port is blocked, and the storm is over.',
  },
  {
    id: 'ipv4', file: '03-ip-arp', section: 'arp-on-link',
    zh: '输入任意 IPv4 地址和前缀，看它的 32 位、所属的特殊地址段和掩码比较；再单步走一次 ARP：缓存命中、广播请求、单播应答、跨网段时问网关。',
    en: 'Type any IPv4 address and prefix to see its 32 bits, its special range and the mask compare; then step through ARP: a cache hit, the broadcast request, the unicast reply, and asking for the gateway off the subnet.',
  },
  {
    id: 'port-lab', file: '04-tcp-udp', section: 'four-tuple',
    zh: '输入端口号，看它属于系统、用户还是动态端口，在不在 Linux 的临时端口范围里；让客户端一个个连到 :8000，看每条连接是不同的四元组，TCP 和 UDP 的 8000 互不相干。',
    en: 'Type a port and see whether it is a system, user or dynamic port and whether Linux hands it out; connect clients to :8000 one by one and see each connection as its own four-tuple, with TCP 8000 and UDP 8000 side by side.',
  },
  {
    id: 'handshake', file: '04-tcp-udp', section: 'full-run',
    zh: '单步走完一条 TCP 连接的建立与关闭，看两端的 RFC 9293 状态；可以让任意报文丢失、改初始序号和 MSL，也可以回放在 Linux 上录到的四条真实连接（echo、上传、服务端先关、连接被拒）。',
    en: 'Step through a TCP connection opening and closing with both ends’ RFC 9293 states; lose any segment, change the ISNs and the MSL, or replay four real connections recorded on Linux (echo, an upload, a server that closes first, a refused one).',
  },
  {
    id: 'sticky', file: '06-framing', section: 'recv-up-to-n',
    zh: '看几次 send() 在 TCP 上粘在一起或被拆开、在 UDP 上各自完整（或丢失），再看加上报头后怎样拆回原样。',
    en: 'Watch send() calls glue together and split on TCP, stay whole (or get lost) on UDP, and come apart again once framed.',
  },
  {
    id: 'framing', file: '06-framing', section: 'frame-layout',
    zh: '逐字节拼出一帧：4 字节长度、JSON 报头、正文；单步运行解码器，再试试三种常见错误。',
    en: 'Build a frame byte by byte, length prefix, JSON header and body; step a decoder through it and try the three classic mistakes.',
  },
  {
    id: 'upload', file: '06-framing', section: 'chunked-receive',
    zh: '一次一次地走大文件上传的接收循环：进度条按 recv 实际返回的字节前进；看不加 min 的 recv(1024) 吞掉下一帧的开头、中途断线时 recv 返回空字节而报错，以及报头里 md5 的校验。',
    en: 'Step the upload’s receive loop one recv at a time: the bar moves by what each call returned; see recv(1024) without min swallow the next frame’s start, a drop mid-way end in an error when recv returns nothing, and the header’s md5 checked.',
  },
  {
    id: 'socketserver', file: '07-socketserver', section: 'five-clients',
    zh: '几个客户端同时连上来：看 TCPServer 让它们在 backlog 里排队，ThreadingTCPServer 和 ForkingTCPServer 让它们重叠；I/O 能重叠，计算在 GIL 下只能轮流；Windows 上没有 ForkingTCPServer。',
    en: 'Several clients connect at once: TCPServer queues them in the backlog, ThreadingTCPServer and ForkingTCPServer overlap them; I/O overlaps, CPU work takes turns under the GIL; Windows has no ForkingTCPServer.',
  },
  {
    id: 'multiprog-lab', file: '08-os-history', section: 'worked-example',
    zh: '一个 CPU、几个由 CPU 段和 I/O 段组成的作业：单道、遇到 I/O 就切换、时间片用完才切换、两者都有，每次切换都有开销；一步步看时间线、CPU 利用率和每个作业的完成时刻。',
    en: 'One CPU and jobs made of CPU and I/O bursts: uniprogramming, switching on I/O, on slice expiry, or both, each switch at a cost; step through the timeline and see the CPU utilization and each job’s completion time.',
  },
  {
    id: 'scheduler', file: '09-processes', section: 'worked-traces',
    zh: '给一组作业选调度算法（先来先服务、短作业优先、时间片轮转、多级反馈队列），一格一格地看谁在运行、谁在等、谁在做 I/O，以及每一级队列里排着谁；看进程怎样钻旧规则 4a/4b 的空子，不做提升时长作业怎样饿死；也可以自己写作业。',
    en: 'Pick a scheduler for a set of jobs (FIFO, SJF, round-robin, MLFQ) and step tick by tick: who runs, who waits, who is away on I/O, and who sits in which level’s queue; watch a job game the old rules 4a/4b and a long job starve without a boost; or type your own jobs.',
  },
  {
    id: 'state-lab', file: '09-processes', section: 'three-states',
    zh: '三个进程、一到两个 CPU 核：点状态图上的边，让进程创建、被调度、发出 recv 之类的阻塞调用、被时钟中断换下、退出；阻塞 → 运行、新建 → 运行和核被占着时的调度都会被拒绝，并说明原因。',
    en: 'Three processes on one or two cores: take the edges of the state diagram to admit, dispatch, block in a call such as recv, preempt with the timer and exit them; Blocked → Running, New → Running and dispatching onto a busy core are refused, with the reason.',
  },
  {
    id: 'sync-async-lab', file: '09-processes', section: 'matrix',
    zh: '四个调用者在同一条时间轴上：pool.apply 和阻塞的 recv 在调用里进入阻塞态，apply_async 交出任务就往下走、结果由回调送回，非阻塞的 recv 抛出 BlockingIOError、只能轮询；改结果就绪的时刻和轮询间隔，数白问的次数。',
    en: 'Four callers on one time axis: pool.apply and a blocking recv sit in Blocked inside the call, apply_async hands off the task and goes on while a callback brings the result, a non-blocking recv raises BlockingIOError so its caller polls; change when the result is ready and the poll interval, and count the wasted polls.',
  },
  {
    id: 'lifecycle', file: '10-multiprocessing', section: 'terminate',
    zh: '对一个 Process 自己调用 start、join、terminate、kill、is_alive，设置 daemon：看 terminate 之后 is_alive 还可能是 True、join 之后 exitcode 是 −15、守护子进程随主进程结束、start 之后再设 daemon 报错；选操作系统和 Python 版本，看默认启动方式和没有守卫的脚本。',
    en: 'Call start, join, terminate, kill and is_alive on a Process and set daemon: is_alive can still be True right after terminate, exitcode is −15 after join, a daemon child ends with the parent, daemon after start raises; pick a platform and a Python version to see the default start method and an unguarded script.',
  },
  {
    id: 'isolation-lab', file: '10-multiprocessing', section: 'isolation',
    zh: '子进程和子线程都执行 global n; n = 0：一步一步看两个进程各有一个地址空间、各有一个 n，而两个线程共用一个全局变量框；选 fork、spawn 或 forkserver，改 start() 之前的 n，看子进程的 n 从哪里来，父进程最后打印 100 还是 0。',
    en: 'A child process and a thread each run global n; n = 0: step through two processes with an address space and an n each beside two threads sharing one globals box; pick fork, spawn or forkserver and set n before start() to see where the child’s n comes from, and whether the parent prints 100 or 0.',
  },
  {
    id: 'locks', file: '11-locks', section: 'worst-interleaving',
    zh: '当一回调度器：决定几个买票进程谁先走一步，找出超卖的交错，再加上锁看它消失；可以撤销，也可以穷举所有调度。',
    en: 'Be the scheduler for the ticket grab: pick who runs next, find the interleaving that oversells, add the lock and watch it go; undo, or explore every schedule.',
  },
  {
    id: 'counter', file: '11-locks', section: 'count-plus-one',
    zh: '把 count += 1 拆成 LOAD、ADD、STORE 三步，亲手排出丢失一次加法的交错。',
    en: 'Split count += 1 into LOAD, ADD and STORE, and schedule the interleaving that loses an increment.',
  },
  {
    id: 'sharing', file: '12-threads', section: 'shared-memory',
    zh: '同一个程序，从线程这一边看：子线程有自己的栈，却和主线程共用一个全局变量 n，它写下的 0 正是主线程打印的值；旁边两个进程各有各的 n。',
    en: 'The same run from the thread’s side: the thread has a stack of its own but shares one global n with the main thread, so the 0 it writes is what the main thread prints; beside it, two processes keep an n each.',
  },
  {
    id: 'queue', file: '13-queues', section: 'blocking-put-get',
    zh: '一个 Queue(maxsize) 的格子：生产者太快时 put 被挡住，消费者太快时 get 被挡住；full()/empty() 只是快照；用哨兵或 JoinableQueue 结束，LifoQueue 配哨兵会剩下数据；也可以自己调用 put_nowait、get_nowait 看 Full 和 Empty。',
    en: 'The slots of a Queue(maxsize): a fast producer blocked in put, a fast consumer blocked in get; full()/empty() as snapshots; ending with sentinels or JoinableQueue, and a LifoQueue with sentinels leaving items behind; or call put_nowait and get_nowait yourself and meet Full and Empty.',
  },
  {
    id: 'evloop', file: '14-io-models', section: 'event-loop',
    zh: '一个线程、一个事件循环服务三个客户端：一步一步看 select() 返回哪些套接字、就绪队列里排着谁、每个处理函数停在哪个 await；再让一个处理函数调用 time.sleep()，看所有客户端一起卡住，换成 await asyncio.sleep() 就不会。',
    en: 'One thread and one event loop serve three clients: step through what select() returns, who waits in the ready queue and which await each handler is suspended at; then make one handler call time.sleep() and watch every client stall, which await asyncio.sleep() does not do.',
  },
];

/** The labs of one chapter (by file name). */
export function labsOf(file: string): Lab[] {
  return LABS.filter((l) => l.file === file);
}

/**
 * The contents list of one page of a chapter (`page.n` 0 for the whole chapter on one page): every
 * h2 and h3 of the chapter, each linked on the page that holds it, then the self-check (titled
 * `selfCheck`) when the chapter has one, on its last page.
 */
export function contents(
  chapter: Chapter,
  page: ChapterPage,
  headings: ReadonlyArray<{ depth: number; slug: string; text: string }>,
  selfCheck?: string,
): ContentsItem[] {
  const whole = page.n === 0;
  const labIn = new Map(labsOf(chapter.file).map((l) => [l.section, l.id]));
  const link = (n: number, id: string) => `${whole || n === page.n ? '' : pageUrl(chapter, n)}#${id}`;
  const items = headings
    .filter((h) => h.depth === 2 || h.depth === 3)
    .map((h) => {
      const n = pageOf(chapter.pages, chapter.anchors ?? {}, h.slug)?.n ?? 1;
      const lab = labIn.get(h.slug);
      return {
        depth: h.depth,
        text: h.text,
        href: link(n, h.slug),
        startsPage: !whole && h.depth === 2 && chapter.pages.some((p) => p.n > 1 && p.slug === h.slug),
        // The widget sits in its section, so on the section's page.
        ...(lab ? { lab: link(n, lab) } : {}),
      };
    });
  if (selfCheck) items.push({ depth: 2, text: selfCheck, href: link(chapter.pages.length, 'self-check'), startsPage: false });
  return items;
}
