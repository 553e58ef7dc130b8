// Every Python code block a chapter shows runs in CI. Each ```python (```py, ```pycon) fence in
// content/chapters/{zh,en}/*.mdx is, first, parsed by CPython's own parser (ast.parse), and then handed
// to the one harness registered for it below (FENCES, keyed by chapter file and the fence's place in
// it), which runs it with python3 and checks what the chapter says about that code:
//
// - program: the fence is a whole script. It runs as written (a fixed port 8080 swapped for a free one),
//   and a real client on 127.0.0.1 talks to it where it is a server.
// - slice: the fence is cut from a file in content/examples/ that the chapter's own tests run. Its code
//   (comments, docstrings and blank lines ignored, dedented) must be a contiguous run of that file.
// - snippet: a fragment that needs context (conn, sock, q, lock, count...). The harness supplies it,
//   runs the fence, and checks the result, also where the fence is the notes' wrong code and the chapter
//   says how it goes wrong.
//
// A fence without a harness fails the suite, and so does a harness whose fence has gone, so a fence
// added later cannot slip through unrun. The zh and en twins of a chapter must show the same fences in
// the same order, with the same code apart from comments and string literals (compared as ASTs). Both
// languages' fences are run (once where the zh fence is byte for byte the en one), so Chinese comments
// and strings go through python3 too. Every python3 goes through tests/support/python.ts: its own
// process group, a time limit, nothing left behind.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, expectClean, POSIX, runPython, type Run } from '../support/python.ts';

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];
const TEST_TIMEOUT_MS = 45_000;

interface Block {
  lang: Lang;
  /** The chapter file without .mdx, e.g. "07-socketserver". */
  chapter: string;
  /** 0-based place among the chapter's Python fences. */
  index: number;
  where: string;
  title: string | undefined;
  /** The code as python3 runs it: `# [!code ...]` marks stripped, >>> prompts removed. */
  code: string;
  /** 0-based lines of `code` marked `# [!code ++]` (the lines a diff fence adds). */
  added: number[];
}

function pythonBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const lang of LANGS) {
    const dir = join('content', 'chapters', lang);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      let index = 0;
      for (let i = 0; i < lines.length; i++) {
        const open = /^(\s*)(`{3,})(python|pycon|py)\b(.*)$/.exec(lines[i]!);
        if (!open) continue;
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && !lines[i]!.startsWith(`${open[1]}${open[2]}`); i++) body.push(lines[i]!.slice(open[1]!.length));
        const added = body.flatMap((l, n) => (/# \[!code \+\+\]/.test(l) ? [n] : []));
        let code = body.join('\n').replace(/\s*# \[!code [^\]]+\]/g, '');
        if (/^>>> /m.test(code)) code = body.filter((l) => /^(>>>|\.\.\.)( |$)/.test(l)).map((l) => l.slice(4)).join('\n');
        blocks.push({
          lang,
          chapter: file.replace(/\.mdx$/, ''),
          index: index++,
          where: `${dir}/${file}:${start + 1}`,
          title: /title="([^"]*)"/.exec(open[4]!)?.[1],
          code: `${code}\n`,
          added,
        });
      }
    }
  }
  return blocks;
}

const keyOf = (b: Block) => `${b.chapter}#${b.index}`;
/** The first line that is not blank, without its comment: what a harness names to pin its fence. */
const firstLine = (code: string) => code.split('\n').find((l) => l.trim() !== '')!.replace(/\s+#.*$/, '');

/** A driver's last stdout line: JSON whose shape each harness knows. */
type Facts = Record<string, any>;

interface Harness {
  kind: 'program' | 'slice' | 'snippet';
  /** The fence's first line (comment dropped), so a fence inserted or moved ahead of it is caught. */
  first: string;
  /** What the chapter says about the fence, checked by `run` (or, for a slice, by being in `file`). */
  claim: string;
  /** slice: the file in content/examples/ the fence is cut from. */
  file?: string;
  /** program, snippet: runs the fence (`siblings` are the same chapter's fences in the same language). */
  run?: (block: Block, siblings: Block[]) => Promise<void>;
  /** `run` uses the other fences of the chapter too (so a zh run differs when any of them differs). */
  readsSiblings?: true;
  timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------------
// Running python3

/** Runs python3 `args` in a fresh temp dir holding `files` (UTF-8), removed afterwards. */
async function inTempDir(files: Record<string, string>, args: string[], timeoutMs: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'fence-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8');
    return await runPython(args, { cwd: dir, timeoutMs });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the fence itself as `python3 <name>` (a program harness that needs no driver). */
async function runFence(block: Block, name: string, timeoutMs = 20_000): Promise<Run> {
  const run = await inTempDir({ [name]: block.code }, [name], timeoutMs);
  expectClean(run);
  return run;
}

// Shared by every driver: reads the fence (argv[1]) and the examples folder (argv[2]), plus helpers.
// Drivers print one JSON line of facts last; the TypeScript side makes the assertions.
const COMMON = String.raw`
import ast, errno, json, os, signal, socket, subprocess, sys, textwrap, threading, time

FENCE_PATH, EXAMPLES = sys.argv[1], sys.argv[2]
ADDED = json.loads(sys.argv[3])               # lines the fence marks [!code ++]
with open(FENCE_PATH, encoding='utf-8') as _f:
    FENCE = _f.read()
# The fence without its added lines: the "before" of a diff fence.
WITHOUT_ADDED = '\n'.join(l for n, l in enumerate(FENCE.split('\n')) if n not in ADDED)
sys.path.insert(0, EXAMPLES)                  # framing.py, for the harnesses that compare with it


def facts(**kw):
    print(json.dumps(kw, ensure_ascii=False), flush=True)


def fence_code(src=None):
    return compile(FENCE if src is None else src, FENCE_PATH, 'exec')


def with_body(body, src=None):
    """The fence with its '...' placeholder statement replaced by the statements in body."""
    tree = ast.parse(FENCE if src is None else src)
    class Fill(ast.NodeTransformer):
        def visit_Expr(self, node):
            if isinstance(node.value, ast.Constant) and node.value.value is Ellipsis:
                return ast.parse(body).body
            return node
    return compile(ast.fix_missing_locations(Fill().visit(tree)), FENCE_PATH, 'exec')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def on_port(src, port):
    """The fence with its fixed ('127.0.0.1', 8080) swapped for another port."""
    fixed = "('127.0.0.1', 8080)"
    assert src.count(fixed) == 1, 'expected the fence to bind 8080 once'
    return src.replace(fixed, f"('127.0.0.1', {port})")


def connect(port, within=10):
    """Connects to a server that may still be starting."""
    deadline = time.monotonic() + within
    while True:
        try:
            return socket.create_connection(('127.0.0.1', port), timeout=10)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def recv_n(sock, n):
    buf = b''
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def recv_all(sock):
    buf = b''
    while chunk := sock.recv(65536):
        buf += chunk
    return buf


def time_wait(port):
    """Connections in TIME-WAIT (state 06) on local port, from /proc/net/tcp; None off Linux."""
    try:
        with open('/proc/net/tcp') as f:
            rows = f.read().split('\n')[1:]
    except OSError:
        return None
    return sum(1 for r in rows if r.split()[1:2] and int(r.split()[1].split(':')[1], 16) == port
               and r.split()[3] == '06')
`;

/**
 * Runs `driver` (after COMMON) as harness.py next to the fence (fence.py) and any `files`, checks the
 * run is clean (exit 0, empty stderr, in time, nothing left behind) and returns its facts.
 */
async function drive(block: Block, driver: string, { files = {}, timeoutMs = 25_000 }: { files?: Record<string, string>; timeoutMs?: number } = {}): Promise<Facts> {
  const run = await inTempDir(
    { 'fence.py': block.code, 'harness.py': COMMON + driver, ...files },
    ['harness.py', 'fence.py', EXAMPLES, JSON.stringify(block.added)],
    timeoutMs,
  );
  expectClean(run);
  const last = run.stdout.trimEnd().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Facts;
}

/** Lines of a run's stdout, without the empty last one. */
const lines = (run: Run) => run.stdout.split('\n').filter((l) => l !== '');
/** Where fork exists (it is POSIX only), harnesses use it: children start in milliseconds. */
const LINUX = process.platform === 'linux';

// ---------------------------------------------------------------------------------------------------
// One harness per fence

const FENCES: Record<string, Harness> = {
  // Chapter 4, TIME-WAIT: "Restart it right away and bind fails with Errno 98 ... The fix is to set
  // SO_REUSEADDR before bind" (the fence is a diff that adds that line).
  '04-tcp-udp#0': {
    kind: 'program',
    first: 'import socket',
    claim: 'with a connection in TIME-WAIT on the port, the fence without its added line fails with EADDRINUSE; as shown it binds and listens',
    run: async (block) => {
      expect(block.added, 'the fence marks the setsockopt line as added').toHaveLength(1);
      const f = await drive(block, String.raw`
port = free_port()
# A previous server run: it set SO_REUSEADDR (as the fence does), served one client and closed
# first, so its end of the connection now waits in TIME-WAIT on the server port.
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', port))
srv.listen()
cli = socket.create_connection(('127.0.0.1', port))
conn, _ = srv.accept()
conn.close()
srv.close()
assert cli.recv(1) == b''       # the server's FIN has arrived
cli.close()                     # ours goes back: the server's end enters TIME-WAIT
time.sleep(0.2)

def restart(src, name):
    with open(name, 'w', encoding='utf-8') as f:
        f.write(on_port(src, port))
    p = subprocess.run([sys.executable, name], capture_output=True, text=True, timeout=15)
    return {'code': p.returncode, 'stderr': p.stderr.strip().split('\n')[-1]}

facts(time_wait=time_wait(port), eaddrinuse=errno.EADDRINUSE,
      without=restart(WITHOUT_ADDED, 'without.py'), shown=restart(FENCE, 'echo_server.py'))
`);
      if (LINUX) expect(f.time_wait).toBeGreaterThanOrEqual(1);
      expect(f.without.code).toBe(1);
      expect(f.without.stderr).toBe(`OSError: [Errno ${f.eaddrinuse}] Address already in use`);
      expect(f.shown).toEqual({ code: 0, stderr: '' });
    },
  },

  // Chapter 5: the notes' loop without `if not data: break`.
  '05-sockets#0': {
    kind: 'snippet',
    first: 'while True:',
    claim: "the notes' loop echoes, then once the client disconnects recv returns b'' at once, every time, and the loop never stops",
    run: async (block) => {
      const f = await drive(block, String.raw`
class Spinning(Exception):
    """Stops the loop from outside: it never stops by itself."""

class Watched:
    """The real connected socket; records what each recv returned, and stops the loop at 10,000."""
    def __init__(self, sock):
        self.sock, self.reads = sock, []
    def recv(self, n):
        data = self.sock.recv(n)
        self.reads.append(data)
        if len(self.reads) >= 10_000:
            raise Spinning
        return data
    def send(self, data):
        return self.sock.send(data)

listener = socket.create_server(('127.0.0.1', 0))
client = socket.create_connection(listener.getsockname())
raw, _ = listener.accept()
got = []
def client_side():
    client.sendall(b'hello')
    got.append(recv_n(client, 5))
    client.close()                              # the client disconnects
talker = threading.Thread(target=client_side)
talker.start()
conn = Watched(raw)
start = time.perf_counter()
try:
    exec(fence_code(), {'conn': conn})
    stopped = False
except Spinning:
    stopped = True
seconds = time.perf_counter() - start
talker.join()
reads = conn.reads
facts(stopped_by_us=stopped, first=reads[0].decode(), client_got=got[0].decode(), reads=len(reads),
      empty=sum(1 for d in reads if d == b''), seconds=seconds)
`);
      expect(f.first).toBe('hello');
      expect(f.client_got).toBe('HELLO');
      expect(f.stopped_by_us, 'the loop only ended because the harness stopped it').toBe(true);
      expect(f.empty, 'every read after the first returned b""').toBe(f.reads - 1);
      expect(f.reads).toBe(10_000);
      expect(f.seconds, 'an empty read returns at once: nearly 10,000 of them take no time').toBeLessThan(5);
    },
  },

  '05-sockets#1': {
    kind: 'snippet',
    first: 'view = memoryview(data)',
    claim: "sendall's loop: send() hands over only part of a large buffer each time, and the loop sends every byte, in order",
    run: async (block) => {
      const f = await drive(block, String.raw`
listener = socket.create_server(('127.0.0.1', 0))
raw = socket.socket()
raw.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)   # a small kernel buffer: partial sends
raw.connect(listener.getsockname())
peer, _ = listener.accept()
raw.settimeout(10)      # with a timeout, send() returns what fitted instead of blocking for all of it
data = os.urandom(4 * 1024 * 1024)
received = bytearray()
def reader():
    while chunk := peer.recv(65536):
        received.extend(chunk)
t = threading.Thread(target=reader)
t.start()
calls = []
class Counted:
    """The real socket; records how much each send() was offered and how much it took."""
    def send(self, view):
        n = raw.send(view)
        calls.append((len(view), n))
        return n
ns = {'data': data, 'sock': Counted()}
exec(fence_code(), ns)
raw.shutdown(socket.SHUT_WR)
t.join()
facts(calls=len(calls), partial=sum(1 for offered, took in calls if took < offered),
      sent=sum(took for _, took in calls), size=len(data), intact=bytes(received) == data,
      left=len(ns['view']))
`);
      expect(f.calls).toBeGreaterThan(1);
      expect(f.partial, 'send() took only part of what it was offered').toBeGreaterThan(0);
      expect(f.sent).toBe(f.size);
      expect(f.left).toBe(0);
      expect(f.intact, 'the peer got every byte, in order').toBe(true);
    },
  },

  // Chapter 6: the five client steps and the five server steps, written out.
  '06-framing#0': {
    kind: 'snippet',
    first: "header = {'file_name': 'a.txt', 'file_size': 11}",
    claim: "the five client steps put on the wire exactly the bytes framing.py's send_msg does: 54 bytes, prefix 00000027",
    run: async (block) => {
      const f = await drive(block, String.raw`
import struct
import framing
sock, peer = socket.socketpair()
ns = {'json': json, 'struct': struct, 'sock': sock, 'body': b'hello world'}
exec(fence_code(), ns)
sock.close()
wire = recv_all(peer)
a, b = socket.socketpair()
framing.send_msg(a, {'file_name': 'a.txt', 'file_size': 11}, b'hello world')
a.close()
expected = recv_all(b)
c, d = socket.socketpair()
c.sendall(wire)
c.close()
header, body = framing.recv_msg(d)
facts(same=wire == expected, length=len(wire), prefix=wire[:4].hex(), header_bytes=len(ns['header_bytes']),
      header=header, body=body.decode())
`);
      expect(f.same, "the same bytes as framing.py's send_msg").toBe(true);
      expect(f.length).toBe(4 + 39 + 11);
      expect(f.prefix).toBe('00000027');
      expect(f.header_bytes).toBe(39);
      expect(f.header).toEqual({ file_name: 'a.txt', file_size: 11 });
      expect(f.body).toBe('hello world');
    },
  },

  '06-framing#1': {
    kind: 'snippet',
    first: 'prefix = recv_exact(sock, 4)',
    claim: "the five server steps read back framing.py's frame whatever the recv boundaries, and take not one byte of the next frame",
    run: async (block) => {
      const f = await drive(block, String.raw`
import struct
import framing
sock, peer = socket.socketpair()
wire = (framing.pack_header({'file_name': 'a.txt', 'file_size': 11}) + b'hello world'
        + framing.pack_header({'file_name': '网络编程笔记.txt', 'file_size': 6}) + '你好'.encode())
returned = threading.Event()
reads = []
class Counted:
    """The real socket; records each recv (asked, got) and lets the sender go on."""
    def recv(self, n):
        data = sock.recv(n)
        reads.append((n, len(data)))
        returned.set()
        return data
def sender():
    # Pieces that cut the prefix, the header and the body, then the rest and the next frame glued on.
    # Each goes out only after a recv has returned, so the reader really sees these boundaries.
    for a, b in ((0, 2), (2, 20), (20, 50), (50, len(wire))):
        returned.clear()
        peer.sendall(wire[a:b])
        returned.wait(5)
t = threading.Thread(target=sender)
t.start()
ns = {'recv_exact': framing.recv_exact, 'struct': struct, 'json': json, 'sock': Counted()}
exec(fence_code(), ns)
t.join()
header2, body2 = framing.recv_msg(sock)
facts(n=ns['n'], header=ns['header'], body=ns['body'].decode(), short_reads=sum(1 for n, got in reads if got < n),
      next=[header2, body2.decode()])
`);
      expect(f.n).toBe(39);
      expect(f.header).toEqual({ file_name: 'a.txt', file_size: 11 });
      expect(f.body).toBe('hello world');
      expect(f.short_reads, 'some recv returned less than asked (split packets)').toBeGreaterThan(0);
      expect(f.next).toEqual([{ file_name: '网络编程笔记.txt', file_size: 6 }, '你好']);
    },
  },

  '06-framing#2': {
    kind: 'slice',
    first: 'def recv_exact(sock: socket.socket, n: int) -> bytes:',
    file: 'framing.py',
    claim: 'is recv_exact as framing.py has it (tests/examples/ch06.test.ts runs it)',
  },

  '06-framing#3': {
    kind: 'slice',
    first: 'remaining = size',
    file: 'upload.py',
    claim: "is upload.py's receive loop (tests/examples/ch06.test.ts runs the upload)",
  },

  // Chapter 7: one client at a time, then socketserver.
  '07-socketserver#0': {
    kind: 'program',
    first: 'import socket',
    claim: "echoes in upper case; a second client connects and sends at once but gets no answer until the first disconnects",
    run: async (block) => {
      const f = await drive(block, String.raw`
port = free_port()
with open('loop_server.py', 'w', encoding='utf-8') as f:
    f.write(on_port(FENCE, port))
server = subprocess.Popen([sys.executable, 'loop_server.py'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
try:
    first = connect(port)
    first.sendall(b'hello')
    one = recv_n(first, 5).decode()
    second = connect(port)          # the kernel does the handshake: connect() succeeds
    second.sendall(b'second')       # and sendall() too: the bytes wait in the server's buffer
    second.settimeout(1.0)
    try:
        second.recv(1024)
        waited = False
    except socket.timeout:
        waited = True               # nobody answers: the server sits in recv() on the first client
    first.close()                   # the first client leaves; the server goes back to accept()
    second.settimeout(10)
    two = recv_n(second, 6).decode()
    second.close()
    alive = server.poll() is None   # it loops forever: still running
finally:
    server.kill()
    _, err = server.communicate(timeout=10)
facts(one=one, waited=waited, two=two, alive=alive, stderr=err.decode())
`);
      expect(f.one).toBe('HELLO');
      expect(f.waited, 'the second client got no answer while the first was connected').toBe(true);
      expect(f.two).toBe('SECOND');
      expect(f.alive).toBe(true);
      expect(f.stderr).toBe('');
    },
  },

  '07-socketserver#1': {
    kind: 'snippet',
    first: 'import socketserver',
    claim: 'EchoHandler echoes in upper case, prints the client address, gets a new instance per connection, and the server closes the connection after handle()',
    run: async (block) => {
      const f = await drive(block, String.raw`
import contextlib, io, socketserver
ns = {'__name__': 'echo_handler'}
exec(fence_code(), ns)
seen = []
class Watched(ns['EchoHandler']):
    def setup(self):
        seen.append(self)
        super().setup()
printed = io.StringIO()
replies, clients = [], []
with contextlib.redirect_stdout(printed), socketserver.TCPServer(('127.0.0.1', 0), Watched) as server:
    loop = threading.Thread(target=server.serve_forever)
    loop.start()
    for msg in (b'hello', b'hi there'):
        with socket.create_connection(server.server_address, timeout=10) as c:
            clients.append(repr(c.getsockname()))
            c.sendall(msg)
            c.shutdown(socket.SHUT_WR)
            replies.append(recv_all(c).decode())   # ends only when the server closes the connection
    server.shutdown()
    loop.join()
facts(replies=replies, instances=len({id(h) for h in seen}), printed=printed.getvalue().splitlines(),
      clients=clients)
`);
      expect(f.replies).toEqual(['HELLO', 'HI THERE']);
      expect(f.instances, 'one handler instance per connection').toBe(2);
      expect(f.printed).toHaveLength(2);
      f.printed.forEach((line: string, i: number) => expect(line.endsWith(` ${f.clients[i]}`), line).toBe(true));
    },
  },

  '07-socketserver#2': {
    kind: 'snippet',
    first: 'class LineHandler(socketserver.StreamRequestHandler):',
    claim: 'rfile collects whole lines: input sent in pieces that cut the lines comes back one upper-cased write per line',
    run: async (block) => {
      const f = await drive(block, String.raw`
import socketserver
ns = {'socketserver': socketserver}
exec(fence_code(), ns)
writes = []
class Recorder:
    """The handler's wfile, recording each write."""
    def __init__(self, real):
        self.real = real
    def write(self, b):
        writes.append(bytes(b).decode())
        return self.real.write(b)
    def __getattr__(self, name):
        return getattr(self.real, name)
class Watched(ns['LineHandler']):
    def setup(self):
        super().setup()
        self.wfile = Recorder(self.wfile)
with socketserver.TCPServer(('127.0.0.1', 0), Watched) as server:
    loop = threading.Thread(target=server.serve_forever)
    loop.start()
    with socket.create_connection(server.server_address, timeout=10) as c:
        for piece in (b'ab', b'c\nde', b'f\n'):
            c.sendall(piece)
            time.sleep(0.1)
        c.shutdown(socket.SHUT_WR)
        reply = recv_all(c).decode()
    server.shutdown()
    loop.join()
facts(reply=reply, writes=writes)
`);
      expect(f.reply).toBe('ABC\nDEF\n');
      expect(f.writes).toEqual(['ABC\n', 'DEF\n']);
    },
  },

  '07-socketserver#3': {
    kind: 'program',
    first: 'import socketserver',
    claim: 'with the EchoHandler fence: serves two clients at once; on Ctrl+C it stops at once although a client is still connected (daemon_threads; without that line it waits for the client); it restarts at once on the port while TIME-WAIT holds it',
    timeoutMs: 45_000,
    readsSiblings: true,
    run: async (block, siblings) => {
      const handler = siblings.find((b) => b.title === 'echo_handler.py');
      expect(handler, "the chapter's echo_handler.py fence").toBeDefined();
      const f = await drive(block, String.raw`
with open('echo_handler.py', encoding='utf-8') as f:
    HANDLER = f.read()
# Python leaves SIGINT alone if it starts ignored; make Ctrl+C (SIGINT) raise KeyboardInterrupt.
def ctrl_c_works():
    signal.signal(signal.SIGINT, signal.SIG_DFL)

def start(src, port):
    with open('echo_server.py', 'w', encoding='utf-8') as f:
        f.write(HANDLER + '\n\n' + on_port(src, port))
    return subprocess.Popen([sys.executable, 'echo_server.py'], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=ctrl_c_works)

def echo(sock, msg):
    sock.sendall(msg)
    return recv_n(sock, len(msg)).decode()

def wait_exit(server, within):
    """The seconds the server took to exit, or None if it was still running after within."""
    start = time.monotonic()
    try:
        server.wait(within)
        return time.monotonic() - start
    except subprocess.TimeoutExpired:
        return None

def ctrl_c(server, within):
    server.send_signal(signal.SIGINT)
    return wait_exit(server, within)

def last_line(server):
    _, err = server.communicate(timeout=10)
    return err.decode().strip().split('\n')[-1]

# As shown.
port = free_port()
server = start(FENCE, port)
idle = connect(port)
one = echo(idle, b'one')                    # idle stays connected, its handler thread in recv()
busy = connect(port)
two = echo(busy, b'two')                    # answered while the first connection is still open
busy.close()
time.sleep(0.2)
stopped = ctrl_c(server, 5)                 # a client is still connected
interrupted = last_line(server)
idle.settimeout(10)
peer_closed = idle.recv(1) == b''           # the exiting server closed its end first
idle.close()
time.sleep(0.2)
held = time_wait(port)
try:                                        # a plain bind shows the port is held
    with socket.socket() as s:
        s.bind(('127.0.0.1', port))
    plain_bind = 'ok'
except OSError as e:
    plain_bind = errno.errorcode.get(e.errno, str(e.errno))
server = start(FENCE, port)                 # allow_reuse_address: the restart binds all the same
again = connect(port)
three = echo(again, b'three')
again.close()
time.sleep(0.2)
ctrl_c(server, 5)
last_line(server)

# Without daemon_threads = True: Ctrl+C waits for the connected client.
lines = FENCE.split('\n')
without = '\n'.join(l for l in lines if not l.strip().startswith('daemon_threads = True'))
assert without != FENCE
port = free_port()
server = start(without, port)
idle = connect(port)
echo(idle, b'x')
waiting = ctrl_c(server, 1.5) is None       # server_close() waits for the handler thread
idle.close()                                # the handler gets b'' and returns
after_close = wait_exit(server, 5)
last_line(server)
facts(one=one, two=two, stopped=stopped, interrupted=interrupted, peer_closed=peer_closed, time_wait=held,
      plain_bind=plain_bind, three=three, waiting_without_daemon=waiting, exit_after_close=after_close)
`, { files: { 'echo_handler.py': handler!.code }, timeoutMs: 40_000 });
      expect([f.one, f.two, f.three]).toEqual(['ONE', 'TWO', 'THREE']);
      expect(f.stopped, 'Ctrl+C ends the server within 5 s although a client is connected').not.toBeNull();
      expect(f.interrupted).toBe('KeyboardInterrupt');
      expect(f.peer_closed).toBe(true);
      if (LINUX) {
        expect(f.time_wait, "the server closed first: TIME-WAIT on its port").toBeGreaterThanOrEqual(1);
        expect(f.plain_bind, 'without SO_REUSEADDR the port is taken').toBe('EADDRINUSE');
      }
      expect(f.waiting_without_daemon, 'without daemon_threads, Ctrl+C waits for the idle client').toBe(true);
      expect(f.exit_after_close, 'and ends once that client disconnects').not.toBeNull();
    },
  },

  '07-socketserver#4': {
    kind: 'snippet',
    first: 'class ThreadingTCPServer(ThreadingMixIn, TCPServer): pass',
    claim: "is CPython's own line: same bases; the mix-in comes first so its process_request wins and each connection gets a new thread",
    run: async (block) => {
      const f = await drive(block, String.raw`
import inspect, socketserver
from socketserver import ThreadingMixIn, TCPServer
ns = {'ThreadingMixIn': ThreadingMixIn, 'TCPServer': TCPServer}
exec(fence_code(), ns)
Mine = ns['ThreadingTCPServer']
class Swapped(TCPServer, ThreadingMixIn):
    pass
def owner(cls, name):
    return next(c.__name__ for c in cls.__mro__ if name in vars(c))
threads = []
class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        threads.append(threading.current_thread().name)
with Mine(('127.0.0.1', 0), Handler) as server:
    loop = threading.Thread(target=server.serve_forever, name='serve_forever')
    loop.start()
    socket.create_connection(server.server_address, timeout=10).close()
    while not threads:
        time.sleep(0.01)
    server.shutdown()
    loop.join()
facts(bases=[c.__name__ for c in Mine.__bases__],
      same_bases=Mine.__bases__ == socketserver.ThreadingTCPServer.__bases__,
      in_cpython=FENCE.strip() in inspect.getsource(socketserver),
      process_request=owner(Mine, 'process_request'), swapped=owner(Swapped, 'process_request'),
      handler_thread=threads[0])
`);
      expect(f.bases).toEqual(['ThreadingMixIn', 'TCPServer']);
      expect(f.same_bases).toBe(true);
      expect(f.in_cpython, 'the line appears verbatim in socketserver.py').toBe(true);
      expect(f.process_request).toBe('ThreadingMixIn');
      expect(f.swapped, 'mix-in second: the synchronous process_request wins').toBe('BaseServer');
      expect(f.handler_thread).not.toBe('serve_forever');
    },
  },

  // Chapter 9: a non-blocking recv.
  '09-processes#0': {
    kind: 'program',
    first: 'import socket',
    claim: 'prints the BlockingIOError (Errno 11, EAGAIN, on Linux) and then the data, as the output shown',
    run: async (block) => {
      const run = await runFence(block, 'nonblocking.py');
      expect(lines(run)).toHaveLength(2);
      expect(lines(run)[0]).toMatch(/^no data yet: \[Errno \d+\] .+$/);
      if (LINUX) expect(lines(run)[0]).toBe('no data yet: [Errno 11] Resource temporarily unavailable');
      expect(lines(run)[1]).toBe("b'hello'");
    },
  },

  // Chapter 11: the notes' buy(), with and without the lock, and the lock's two spellings.
  '11-locks#0': {
    kind: 'snippet',
    first: 'def buy(name):',
    claim: "the notes' buy() run by 5 processes on 1 ticket oversells (several win) and the file still says 0: a lost update",
    timeoutMs: 45_000,
    run: async (block) => {
      const f = await drive(block, BUY_DRIVER, { timeoutMs: 30_000 });
      expect(f.locked).toBe(false);
      const rounds = f.rounds as { got: number; sold_out: number; ticket_num: number; exitcodes: number[] }[];
      for (const r of rounds) {
        expect(r.exitcodes).toEqual([0, 0, 0, 0, 0]);
        expect(r.got + r.sold_out).toBe(5);
        expect(r.ticket_num, 'the file ends at 0 however many won').toBe(0);
      }
      expect(rounds.some((r) => r.got > 1), `winners per round: ${rounds.map((r) => r.got).join(', ')}`).toBe(true);
    },
  },

  '11-locks#1': {
    kind: 'snippet',
    first: 'def buy(name, lock):',
    claim: 'with the lock exactly one of 5 processes wins and 4 are sold out; but an exception between acquire() and release() leaves the lock held',
    timeoutMs: 45_000,
    run: async (block) => {
      const f = await drive(block, BUY_DRIVER, { timeoutMs: 30_000 });
      expect(f.locked).toBe(true);
      for (const r of f.rounds) expect(r).toEqual({ got: 1, sold_out: 4, ticket_num: 0, exitcodes: [0, 0, 0, 0, 0] });
      expect(f.error, 'a corrupt data.json makes json.load raise').toBe('JSONDecodeError');
      expect(f.stuck, 'release() never ran: the lock stays locked').toBe(true);
    },
  },

  '11-locks#2': {
    kind: 'snippet',
    first: 'with lock:',
    claim: 'holds the lock inside the block and releases it after, also when the block raises or returns (multiprocessing.Lock and threading.Lock)',
    run: async (block) => expectLockedBlock(await drive(block, LOCK_DRIVER)),
  },

  '11-locks#3': {
    kind: 'snippet',
    first: 'lock.acquire()',
    claim: 'the try/finally spelling behaves exactly like with lock: held inside, released after, also on raise or return',
    run: async (block) => expectLockedBlock(await drive(block, LOCK_DRIVER)),
  },

  '11-locks#4': {
    kind: 'snippet',
    first: 'count += 1',
    claim: 'adds one, in three bytecode steps: a load of count, an add, a store (LOAD_GLOBAL, LOAD_CONST, BINARY_OP +=, STORE_GLOBAL on 3.11)',
    run: async (block) => {
      const f = await drive(block, String.raw`
import dis, platform
ns = {'count': 0}
exec(fence_code(), ns)
fn = 'def add():\n    global count\n' + textwrap.indent(FENCE, '    ')
ns2 = {'count': 41}
exec(compile(fn, FENCE_PATH, 'exec'), ns2)
ns2['add']()
def steps(code):
    return [f'{i.opname} {i.argrepr}'.strip() for i in dis.get_instructions(code)]
facts(module=ns['count'], function=ns2['count'], version=list(sys.version_info[:2]),
      implementation=platform.python_implementation(),
      module_steps=steps(fence_code()), function_steps=steps(ns2['add']))
`);
      expect(f.module).toBe(1);
      expect(f.function).toBe(42);
      // Names change between versions (3.14 loads 1 with LOAD_SMALL_INT; before 3.11 the add was
      // INPLACE_ADD): match a load of count, a load of 1, an add, a store to count, in a row.
      const threeSteps = (scope: 'GLOBAL' | 'NAME') =>
        new RegExp(`(^|\\n)LOAD_${scope} (NULL \\+ )?count\\nLOAD_\\w+ 1\\n(BINARY_OP \\d* ?\\+=|INPLACE_ADD)\\nSTORE_${scope} count(\\n|$)`);
      expect(f.function_steps.join('\n')).toMatch(threeSteps('GLOBAL'));
      expect(f.module_steps.join('\n')).toMatch(threeSteps('NAME'));
      if (f.implementation === 'CPython' && f.version[0] === 3 && f.version[1] === 11) {
        const ops = (f.function_steps as string[]).map((s) => s.split(' ')[0]);
        const at = ops.indexOf('LOAD_GLOBAL');
        expect(ops.slice(at, at + 4)).toEqual(['LOAD_GLOBAL', 'LOAD_CONST', 'BINARY_OP', 'STORE_GLOBAL']);
      }
    },
  },

  // Chapter 12: threads.
  '12-threads#0': {
    kind: 'program',
    first: 'import threading',
    claim: "each thread sees its own data.value and its own local total; the main thread has no value (the output shown)",
    run: async (block) => {
      const out = lines(await runFence(block, 'local_demo.py'));
      expect(out).toHaveLength(3);
      expect([...out.slice(0, 2)].sort()).toEqual(['T1 1 10', 'T2 2 20']);
      expect(out[2]).toBe('main has value? False');
    },
  },

  '12-threads#1': {
    kind: 'program',
    first: 'import multiprocessing as mp, threading, time',
    claim: 'starts 100 threads, 100 fork processes and 100 spawn processes; threads are cheapest, then fork, and spawn costs the most',
    // 100 spawned interpreters: about 5 s on an idle two-core machine, far more under load.
    timeoutMs: 58_000,
    run: async (block) => {
      if (!POSIX) return; // fork exists on POSIX only
      const out = lines(await runFence(block, 'start_cost.py', 55_000));
      expect(out).toHaveLength(3);
      const thread = /^100 threads: +([\d.]+) s$/.exec(out[0]!);
      const fork = /^100 processes \(fork\): ([\d.]+) s, (\d+)x$/.exec(out[1]!);
      const spawn = /^100 processes \(spawn\): ([\d.]+) s, (\d+)x$/.exec(out[2]!);
      expect(thread && fork && spawn, out.join('\n')).toBeTruthy();
      const [t, f, s] = [thread![1], fork![1], spawn![1]].map(Number) as [number, number, number];
      expect(t).toBeLessThan(f);
      expect(f).toBeLessThan(s);
    },
  },

  '12-threads#2': {
    kind: 'slice',
    first: 'tmp = count',
    file: 'thread_counter.py',
    claim: "is the loop body of thread_counter.py's add_unsafe (tests/examples/ch12.test.ts shows it loses updates)",
  },

  // Chapter 13: multiprocessing.Queue.
  '13-queues#0': {
    kind: 'snippet',
    first: 'from multiprocessing import Queue',
    claim: 'Queue(5) holds at most 5: five put_nowait calls fit, the sixth raises queue.Full; the items come back first in, first out',
    run: async (block) => {
      const f = await drive(block, String.raw`
import queue
import _multiprocessing
ns = {}
exec(fence_code(), ns)
q = ns['q']
for i in range(5):
    q.put_nowait(i)
try:
    q.put_nowait(5)
    sixth = 'fitted'
except queue.Full:
    sixth = 'queue.Full'
got = [q.get(timeout=10) for _ in range(5)]
q.close()
q.join_thread()
unbounded = ns['Queue']()
facts(maxsize=q._maxsize, sixth=sixth, got=got, default_maxsize=unbounded._maxsize,
      sem_value_max=_multiprocessing.SemLock.SEM_VALUE_MAX)
`);
      expect(f.maxsize).toBe(5);
      expect(f.sixth).toBe('queue.Full');
      expect(f.got).toEqual([0, 1, 2, 3, 4]);
      expect(f.default_maxsize, 'no argument: as large as a semaphore can count').toBe(f.sem_value_max);
    },
  },

  '13-queues#1': {
    kind: 'snippet',
    first: 'if not q.empty():',
    claim: "check-then-act: when another consumer takes the item between empty() and get(), this get() blocks until something new arrives",
    run: async (block) => {
      const f = await drive(block, String.raw`
import multiprocessing as mp

CTX = mp.get_context('fork' if 'fork' in mp.get_all_start_methods() else 'spawn')

def rival(q, go, took):
    """Another consumer process: takes one item when told to."""
    go.wait(10)
    took.put(q.get(timeout=10))

if __name__ == '__main__':
    real, go, took = CTX.Queue(), CTX.Event(), CTX.Queue()
    other = CTX.Process(target=rival, args=(real, go, took))
    other.start()                       # before any put: no feeder thread yet when it forks
    real.put('job')
    while real.empty():                 # until the feeder thread has written it to the pipe
        time.sleep(0.01)

    class Scheduled:
        """The real queue; right after the check, the scheduler lets the rival run first."""
        rival_got = None
        def empty(self):
            answer = real.empty()
            go.set()
            Scheduled.rival_got = took.get(timeout=10)
            return answer
        def get(self, *args, **kwargs):
            return real.get(*args, **kwargs)

    ns = {'q': Scheduled()}
    consumer = threading.Thread(target=exec, args=(fence_code(), ns), daemon=True)
    consumer.start()
    consumer.join(1.0)
    blocked = consumer.is_alive()
    real.put('later')                   # something new: the blocked get() takes it
    consumer.join(10)
    other.join(10)
    facts(rival_got=Scheduled.rival_got, blocked=blocked, item=ns.get('item'), done=not consumer.is_alive())
`);
      expect(f.rival_got).toBe('job');
      expect(f.blocked, 'get() blocked after empty() had said the queue was not empty').toBe(true);
      expect(f.item).toBe('later');
      expect(f.done).toBe(true);
    },
  },

  '13-queues#2': {
    kind: 'snippet',
    first: 'try:',
    claim: 'get_nowait() on an empty queue raises queue.Empty and the except branch runs; with an item waiting it takes it',
    run: async (block) => {
      const f = await drive(block, String.raw`
import queue
from multiprocessing import Queue

def trial(waiting, body=None):
    q = Queue()
    if waiting:
        q.put('x')
        while q.empty():                # until the feeder thread has written it to the pipe
            time.sleep(0.01)
    ns = {'q': q, 'queue': queue}
    exec(fence_code() if body is None else with_body(body), ns)
    q.close()
    q.join_thread()
    return {'item': ns.get('item'), 'except_ran': ns.get('except_ran', False)}

facts(as_shown=trial(False), empty=trial(False, 'except_ran = True'), waiting=trial(True, 'except_ran = True'))
`);
      expect(f.as_shown).toEqual({ item: null, except_ran: false });
      expect(f.empty).toEqual({ item: null, except_ran: true });
      expect(f.waiting).toEqual({ item: 'x', except_ran: false });
    },
  },

  // Chapter 14: I/O models.
  '14-io-models#0': {
    kind: 'slice',
    first: 'async def read_frame(reader):',
    file: 'asyncio_framing.py',
    claim: "is asyncio_framing.py's read_frame (tests/examples/ch14.test.ts runs it on every cut of the course's frames, and on truncated ones)",
  },
};

// Runs chapter 11's buy() (either fence) in 5 real processes on a real data.json holding 1 ticket.
// buy without a lock may, rarely, happen not to race; up to 3 rounds are run until one oversells.
const BUY_DRIVER = String.raw`
import inspect, json, multiprocessing as mp, random

CTX = mp.get_context('fork' if 'fork' in mp.get_all_start_methods() else 'spawn')
exec(fence_code())              # defines buy() at the top level, where the buyer processes find it
LOCKED = 'lock' in inspect.signature(buy).parameters
BUYERS = 5

def buyer(i, *lock):
    with open(f'out-{i}.txt', 'w', encoding='utf-8') as out:
        sys.stdout = out                # each buyer prints into its own file
        buy(f'buyer {i}', *lock)

def grab():
    with open('data.json', 'w') as f:
        json.dump({'ticket_num': 1}, f)
    lock = (CTX.Lock(),) if LOCKED else ()
    buyers = [CTX.Process(target=buyer, args=(i, *lock)) for i in range(BUYERS)]
    for p in buyers:
        p.start()
    deadline = time.monotonic() + 8         # a round takes about 1 s (the sleep is at most 1 s)
    for p in buyers:
        p.join(max(0, deadline - time.monotonic()))
    for p in buyers:
        if p.is_alive():                    # stuck (a lock never released): exit code -9 says so
            p.kill()
            p.join()
    said = [open(f'out-{i}.txt', encoding='utf-8').read().strip() for i in range(BUYERS)]
    with open('data.json') as f:
        left = json.load(f)['ticket_num']
    return {'got': sum(s.endswith(' got a ticket') for s in said),
            'sold_out': sum(s.endswith(' sold out') for s in said),
            'ticket_num': left, 'exitcodes': [p.exitcode for p in buyers]}

if __name__ == '__main__':
    rounds = []
    for _ in range(2 if LOCKED else 3):
        rounds.append(grab())
        if not LOCKED and rounds[-1]['got'] > 1:
            break
    error = stuck = None
    if LOCKED:
        with open('data.json', 'w') as f:
            f.write('{"ticket_num": ')   # a corrupt "database"
        lock = CTX.Lock()
        try:
            buy('buyer x', lock)
        except ValueError as e:
            error = type(e).__name__
        stuck = not lock.acquire(False)
    facts(locked=LOCKED, rounds=rounds, error=error, stuck=stuck)
`;

// Runs chapter 11's two lock spellings (their body is "..."): as shown, with a probe in the body, with
// a body that raises, and inside a function whose body returns; for both kinds of lock.
const LOCK_DRIVER = String.raw`
import multiprocessing

PROBE = 'held = not lock.acquire(False)'     # non-blocking: fails only if someone holds the lock

def trial(make, body=None, function=False):
    lock = make()
    ns = {'lock': lock}
    raised = returned = None
    try:
        if function:
            src = 'def run():\n' + textwrap.indent(FENCE, '    ')
            exec(with_body(body, src), ns)
            returned = ns['run']()
        else:
            exec(fence_code() if body is None else with_body(body), ns)
    except RuntimeError as e:
        raised = str(e)
    free = lock.acquire(False)
    if free:
        lock.release()
    return {'held_inside': ns.get('held', returned), 'raised': raised, 'free_after': free}

result = {}
for name, make in (('multiprocessing', multiprocessing.Lock), ('threading', threading.Lock)):
    result[name] = {
        'as_shown': trial(make),
        'probe': trial(make, PROBE),
        'raises': trial(make, PROBE + "\nraise RuntimeError('boom')"),
        'returns': trial(make, 'return not lock.acquire(False)', function=True),
    }
facts(**result)
`;

function expectLockedBlock(f: Facts) {
  for (const kind of ['multiprocessing', 'threading']) {
    expect(f[kind], kind).toEqual({
      as_shown: { held_inside: null, raised: null, free_after: true },
      probe: { held_inside: true, raised: null, free_after: true },
      raises: { held_inside: true, raised: 'boom', free_after: true },
      returns: { held_inside: true, raised: null, free_after: true },
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Whole-set checks, each one python3 run

/** Source lines without comments, docstrings and blank lines (the slice comparison). */
const CODE_LINES = String.raw`
import ast, io, json, sys, textwrap, tokenize

def code_lines(src):
    src = textwrap.dedent(src)
    cut = {}
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.COMMENT:
            cut[tok.start[0]] = tok.start[1]
    docs = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            docs.update(range(node.lineno, node.end_lineno + 1))
    out = []
    for n, line in enumerate(src.split('\n'), 1):
        line = (line[:cut[n]] if n in cut else line).rstrip()
        if n not in docs and line.strip():
            out.append((n, line))
    return out
`;

describe('python fences in the chapters', () => {
  const blocks = pythonBlocks();
  const byLang = (lang: Lang) => blocks.filter((b) => b.lang === lang);

  test('there are Python blocks to check in both languages', () => {
    expect(byLang('zh').length).toBeGreaterThan(5);
    expect(byLang('en').length).toBe(byLang('zh').length);
  });

  test('every ```python block parses with CPython', async () => {
    const checker = [
      'import ast, json, sys',
      'bad = []',
      'for b in json.load(open(sys.argv[1], encoding="utf-8")):',
      '    try:',
      '        ast.parse(b["code"])',
      '    except SyntaxError as e:',
      '        bad.append(f\'{b["where"]} (+{e.lineno}): {e.msg}\')',
      'print(json.dumps(bad))',
    ].join('\n');
    const run = await inTempDir({ 'blocks.json': JSON.stringify(blocks), 'check.py': checker }, ['check.py', 'blocks.json'], 20_000);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  test('every fence has exactly one harness, and every harness still has its fence', () => {
    const keys = new Set(blocks.map(keyOf));
    const unrun = [...keys].filter((k) => !(k in FENCES)).map((k) => `${k} (${blocks.find((b) => keyOf(b) === k)!.where})`);
    expect(unrun, 'fences without a harness: add one to FENCES in tests/examples/code-blocks.test.ts').toEqual([]);
    expect(Object.keys(FENCES).filter((k) => !keys.has(k)), 'harnesses whose fence is gone').toEqual([]);
    for (const b of blocks) {
      const h = FENCES[keyOf(b)]!;
      expect(firstLine(b.code), `${b.where}: not the fence the harness ${keyOf(b)} was written for`).toBe(h.first);
      expect(h.kind === 'slice' ? h.file !== undefined && h.run === undefined : h.run !== undefined, keyOf(b)).toBe(true);
    }
  });

  test('the zh and en twins of each chapter show the same fences: same code apart from comments and strings', async () => {
    const zh = byLang('zh');
    const en = byLang('en');
    expect(zh.map(keyOf)).toEqual(en.map(keyOf));
    const pairs = zh.map((z, i) => ({ where: `${z.where} ~ ${en[i]!.where}`, zh: z.code, en: en[i]!.code }));
    // Two fences are twins when their ASTs match once every str constant is emptied and f-strings keep
    // only their {fields}: translated comments and strings may differ, names, calls and numbers may not.
    const checker = String.raw`
import ast, json, sys

class Blank(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant('') if isinstance(node.value, str) else node
    def visit_JoinedStr(self, node):
        return ast.JoinedStr([self.visit(v) for v in node.values if isinstance(v, ast.FormattedValue)])

def shape(src):
    return ast.dump(Blank().visit(ast.parse(src)), include_attributes=False)

print(json.dumps([p['where'] for p in json.load(open(sys.argv[1], encoding='utf-8'))
                  if shape(p['zh']) != shape(p['en'])]))
`;
    const run = await inTempDir({ 'pairs.json': JSON.stringify(pairs), 'twins.py': checker }, ['twins.py', 'pairs.json'], 20_000);
    expectClean(run);
    expect(JSON.parse(run.stdout), 'zh and en fences whose code differs').toEqual([]);
  });

  test('each slice fence is a contiguous run of the example file it is cut from (comments, docstrings, blank lines aside)', async () => {
    const slices = blocks
      .filter((b) => FENCES[keyOf(b)]?.kind === 'slice')
      .map((b) => ({ where: b.where, code: b.code, file: join(EXAMPLES, FENCES[keyOf(b)]!.file!) }));
    expect(slices.length).toBeGreaterThan(0);
    const checker = CODE_LINES + String.raw`
bad, found = [], []
for s in json.load(open(sys.argv[1], encoding='utf-8')):
    want = [l for _, l in code_lines(s['code'])]
    want = textwrap.dedent('\n'.join(want)).split('\n')
    with open(s['file'], encoding='utf-8') as f:
        have = code_lines(f.read())
    at = None
    for i in range(len(have) - len(want) + 1):
        window = textwrap.dedent('\n'.join(l for _, l in have[i:i + len(want)])).split('\n')
        if window == want:
            at = have[i][0]
            break
    if at is None:
        bad.append(f"{s['where']}: not in {s['file']}")
    else:
        found.append(f"{s['where']}: {s['file']}:{at}")
print(json.dumps({'bad': bad, 'found': found}))
`;
    const run = await inTempDir({ 'slices.json': JSON.stringify(slices), 'slices.py': checker }, ['slices.py', 'slices.json'], 20_000);
    expectClean(run);
    const { bad, found } = JSON.parse(run.stdout) as { bad: string[]; found: string[] };
    expect(bad).toEqual([]);
    expect(found).toHaveLength(slices.length);
  });

  // The harnesses are independent (temp dirs, port 0 or a free port, their own process groups), so
  // they run concurrently: the whole set takes about as long as its slowest few. A zh fence that is
  // byte for byte its en twin (with the chapter's other fences too, if the harness reads them) would
  // only repeat the same run, so it runs once, as "zh+en".
  const sameCode = (a: Block[], b: Block[]) => a.length === b.length && a.every((x, i) => x.code === b[i]!.code);
  describe.concurrent('each fence runs', () => {
    for (const b of blocks) {
      const h = FENCES[keyOf(b)];
      if (!h?.run) continue;
      const siblings = blocks.filter((s) => s.lang === b.lang && s.chapter === b.chapter);
      const twins = blocks.filter((s) => s.lang !== b.lang && s.chapter === b.chapter);
      const twin = twins.find((t) => t.index === b.index);
      const once = h.readsSiblings ? sameCode(siblings, twins) : b.code === twin?.code;
      if (once && b.lang === 'zh') continue;
      const langs = once ? 'zh+en' : b.lang;
      test(`${langs} ${keyOf(b)} ${b.title ?? firstLine(b.code)} [${h.kind}]: ${h.claim}`, () => h.run!(b, siblings), h.timeoutMs ?? TEST_TIMEOUT_MS);
    }
  });
});
