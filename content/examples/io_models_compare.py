"""同一批慢客户端，三种服务器模型：多线程、selectors、asyncio · The same slow clients against three
server models: threads, selectors, asyncio.

每个客户端连上、发一行；服务器等 0.2 秒（模拟查数据库）再把这一行发回去。三种服务器各自等法：
Each client connects and sends one line; the server waits 0.2 s (a pretend database query), then
echoes the line. Each model waits in its own way:
  threading  socketserver.ThreadingTCPServer，每个连接一个线程，线程里 time.sleep(0.2)
             one thread per connection, time.sleep(0.2) in that thread
  selectors  一个线程、一个循环：不睡，记下到期时间，到期再发 · one thread, one loop: no sleep, a
             deadline per connection, the echo goes out when it is due
  asyncio    一个线程、一个事件循环：await asyncio.sleep(0.2) · one thread, one event loop
每个服务器在自己的子进程里跑，这样线程数和内存只算服务器那一边。
Each server runs in a child process of its own, so thread counts and memory are the server's alone.

python3 io_models_compare.py [N] [--concurrency C] [--wait S] [--time-limit T]
  N              客户端个数，默认 1000，最多 10000 · clients (default 1000, at most 10000)
  --concurrency  同时最多几个客户端连着，默认 min(N, 200) · clients connected at once (default min(N, 200))
  --time-limit   整个比较的上限（秒），默认 60 · a limit for the whole comparison (default 60 s)
"""
import argparse
import asyncio
import heapq
import itertools
import json
import os
import selectors
import socket
import socketserver
import sys
import threading
import time

HOST = '127.0.0.1'
MODELS = ['threading', 'selectors', 'asyncio']
MAX_CLIENTS = 10_000     # 上限：每个模型用掉 N 个临时端口 · a cap: each model uses N ephemeral ports
MAX_CONCURRENCY = 200    # 默认同时连着的客户端上限 · default cap on clients connected at once
FD_MARGIN = 64           # 除了连接之外要用的文件描述符 · file descriptors besides the connections
BACKLOG = 1024           # listen() 队列：默认的 5（socketserver）或 100（asyncio）太小；系统还会再封顶
                         # (Linux somaxconn 4096, macOS 128) · the accept queue; the OS caps it too
STATS = b'STATS\n'       # 客户端都结束后，父进程用这一行要统计 · the parent asks for the numbers with this


# ---------- 服务器一边（子进程里）· the server side (in a child process) ----------

def proc_status_kb(field):
    """读 /proc/self/status 里的一项（kB），没有就返回 None · a field of /proc/self/status in kB, or None."""
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith(field + ':'):
                    return int(line.split()[1])
    except OSError:                      # 不是 Linux（macOS、Windows）· not Linux
        pass
    return None


class Stats:
    """服务器这一边的数字 · the server side's numbers."""

    def __init__(self, model):
        self.model = model
        self.served = 0
        self.peak_threads = threading.active_count()
        self.lock = threading.Lock()     # 多线程模型里各线程都会更新 · the threading model updates it from many threads
        # Linux：往 clear_refs 写 5，把峰值 VmHWM 归零成当前 RSS，之前导入模块时的峰值不算
        # Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current RSS
        try:
            with open('/proc/self/clear_refs', 'w') as f:
                f.write('5')
        except OSError:
            pass
        self.rss_start = proc_status_kb('VmRSS')

    def note(self):
        """记下此刻的线程数 · note how many threads run now."""
        n = threading.active_count()
        with self.lock:
            self.peak_threads = max(self.peak_threads, n)

    def echoed(self):
        with self.lock:
            self.served += 1

    def report(self):
        hwm = proc_status_kb('VmHWM')
        rss = None if hwm is None or self.rss_start is None else hwm - self.rss_start
        return (json.dumps({'model': self.model, 'served': self.served, 'peak_threads': self.peak_threads,
                            'peak_rss_increase_kb': rss}) + '\n').encode()


def announce(port):
    print(f'PORT {port}', flush=True)    # 父进程从这一行读端口 · the parent reads the port here


def serve_threading(stats, wait, deadline):
    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            stats.note()                 # 这个连接的线程已经在跑 · this connection's thread runs now
            line = self.rfile.readline()
            if line == STATS:
                self.wfile.write(stats.report())
                self.server.done = True
            elif line:
                time.sleep(wait)         # 阻塞的等待：只挡住这个线程 · a blocking wait: blocks this thread only
                self.wfile.write(line)
                stats.echoed()

    class Server(socketserver.ThreadingTCPServer):
        request_queue_size = BACKLOG
        timeout = 0.05                   # handle_request() 最多等这么久 · handle_request() waits at most this
        done = False

    with Server((HOST, 0), Handler) as server:
        announce(server.server_address[1])
        # 不用 serve_forever()：这样主线程自己能在时间上限或 STATS 之后停下，不用再开线程调 shutdown()
        # not serve_forever(): the main thread itself stops at the time limit or after STATS, with no
        # extra thread to call shutdown()
        while not server.done and time.monotonic() < deadline:
            server.handle_request()
    # 离开 with：server_close() 等所有处理线程结束 · server_close() joins every handler thread


class Conn:
    def __init__(self, sock):
        self.sock = sock
        self.inbox = bytearray()
        self.outbox = bytearray()
        self.line = None
        self.last = False                # 发完统计就停 · stop once the numbers are sent
        self.closed = False


def serve_selectors(stats, wait, deadline):
    sel = selectors.DefaultSelector()    # Windows 上是 select()，最多 512 个套接字 · on Windows: select(), 512 sockets at most
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((HOST, 0))
    listener.listen(BACKLOG)
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, data=None)
    announce(listener.getsockname()[1])
    due = []                             # 堆：(到期时间, 序号, 连接) · a heap of (due time, seq, conn)
    seq = itertools.count()
    running = True

    def close(conn):
        sel.unregister(conn.sock)
        conn.sock.close()
        conn.closed = True

    try:
        while running and time.monotonic() < deadline:
            stats.note()
            now = time.monotonic()
            timeout = deadline - now
            if due:
                timeout = min(timeout, due[0][0] - now)   # 最早到期的那个决定等多久 · the earliest due time
            for key, mask in sel.select(max(0.0, timeout)):
                if key.data is None:
                    sock, _ = listener.accept()
                    sock.setblocking(False)
                    sel.register(sock, selectors.EVENT_READ, data=Conn(sock))
                    continue
                conn = key.data
                if mask & selectors.EVENT_READ:
                    try:
                        data = conn.sock.recv(4096)
                    except ConnectionResetError:
                        data = b''
                    if not data:
                        close(conn)
                        continue
                    conn.inbox += data
                    if conn.line is None and b'\n' in conn.inbox:
                        conn.line = bytes(conn.inbox[:conn.inbox.index(b'\n') + 1])
                        if conn.line == STATS:
                            conn.outbox += stats.report()
                            conn.last = True
                            sel.modify(conn.sock, selectors.EVENT_WRITE, data=conn)
                        else:            # 不睡：记下 wait 秒后到期 · no sleep: due in `wait` seconds
                            heapq.heappush(due, (time.monotonic() + wait, next(seq), conn))
                if mask & selectors.EVENT_WRITE and not conn.closed:
                    sent = conn.sock.send(conn.outbox)
                    del conn.outbox[:sent]
                    if not conn.outbox:
                        close(conn)      # 发完就关 · sent: close
                        if conn.last:
                            running = False
            now = time.monotonic()
            while due and due[0][0] <= now:                # 到期的连接：该回声了 · due: time to echo
                _, _, conn = heapq.heappop(due)
                if not conn.closed:
                    conn.outbox += conn.line
                    stats.echoed()
                    sel.modify(conn.sock, selectors.EVENT_WRITE, data=conn)
    finally:
        for key in list(sel.get_map().values()):
            sel.unregister(key.fileobj)
            key.fileobj.close()
        sel.close()


async def serve_asyncio(stats, wait, deadline):
    stop = asyncio.Event()

    async def handle(reader, writer):
        stats.note()
        try:
            line = await reader.readline()
            if line == STATS:
                writer.write(stats.report())
                await writer.drain()
                stop.set()
            elif line:
                await asyncio.sleep(wait)  # 让出：别的连接照常服务 · yields: the other connections go on
                writer.write(line)
                await writer.drain()
                stats.echoed()
        finally:
            writer.close()

    server = await asyncio.start_server(handle, HOST, 0, backlog=BACKLOG)
    announce(server.sockets[0].getsockname()[1])
    async with server:
        try:
            await asyncio.wait_for(stop.wait(), max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            pass


def serve(model, wait, limit):
    deadline = time.monotonic() + limit  # 父进程没了也会自己停 · stops by itself even if the parent is gone
    stats = Stats(model)
    if model == 'threading':
        serve_threading(stats, wait, deadline)
    elif model == 'selectors':
        serve_selectors(stats, wait, deadline)
    else:
        asyncio.run(serve_asyncio(stats, wait, deadline))


# ---------- 客户端一边（父进程，一个事件循环）· the client side (the parent, one event loop) ----------

def raise_fd_limit(need):
    """需要时把 RLIMIT_NOFILE 的软限制提到 need（不超过硬限制），返回现在的软限制 · raise the soft
    RLIMIT_NOFILE to `need` if needed (never above the hard limit); return the soft limit now."""
    try:
        import resource                  # 只有 POSIX 有 · POSIX only
    except ImportError:                  # Windows：没有这个限制，但 select() 只能管 512 个套接字
        return None                      # Windows: no such limit, but select() handles 512 sockets
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= need:
        print(f'open files: the soft limit {soft} is enough for {need}')
        return soft
    target = need if hard == resource.RLIM_INFINITY else min(need, hard)
    if target <= soft:
        print(f'open files: the soft limit {soft} is below {need}, and the hard limit {hard} allows no more')
        return soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))   # 子进程会继承 · children inherit it
        print(f'open files: raised the soft limit from {soft} to {target} (hard limit {hard})')
        return target
    except (ValueError, OSError) as e:
        print(f'open files: could not raise the soft limit {soft}: {e}')
        return soft


async def one_client(port, i, gate, wait):
    async with gate:                     # 同时连着的不超过 concurrency 个 · at most `concurrency` at once
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            line = f'client {i}\n'.encode()
            writer.write(line)
            await writer.drain()
            async with asyncio.timeout(wait + 10):
                echo = await reader.readline()
            return echo == line
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass


async def ask_stats(port):
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(STATS)
        await writer.drain()
        async with asyncio.timeout(5):
            return json.loads(await reader.readline())
    finally:
        writer.close()


async def run_model(model, n, concurrency, wait, deadline):
    remaining = deadline - time.monotonic()
    if remaining <= 1:
        print(f'{model}: skipped, the time limit was reached')
        return None
    # 子进程 + 管道：Windows 上要 Proactor 事件循环（3.8 起就是默认）· on Windows this needs the
    # Proactor event loop, the default since 3.8
    proc = await asyncio.create_subprocess_exec(
        sys.executable, os.path.abspath(__file__), '--serve', model, '--wait', str(wait),
        '--time-limit', str(remaining), stdout=asyncio.subprocess.PIPE)
    try:
        async with asyncio.timeout(min(10, remaining)):
            port = int((await proc.stdout.readline()).split()[1])
        print(f'== {model} on {HOST}:{port} ==', flush=True)
        gate = asyncio.Semaphore(concurrency)
        t0 = time.perf_counter()
        try:
            async with asyncio.timeout(deadline - time.monotonic()):
                results = await asyncio.gather(*(one_client(port, i, gate, wait) for i in range(n)),
                                               return_exceptions=True)
        except TimeoutError:
            print(f'{model}: timed out after {time.perf_counter() - t0:.2f} s (the time limit)')
            return None
        wall = time.perf_counter() - t0
        stats = await ask_stats(port)
        await asyncio.wait_for(proc.wait(), 10)
    finally:
        if proc.returncode is None:      # 只有出错时才会走到这里 · only on errors
            proc.kill()
            await proc.wait()
    ok = sum(r is True for r in results)
    errors = [r for r in results if isinstance(r, BaseException)]
    rss = stats['peak_rss_increase_kb']
    print(f'{model}: {ok}/{n} echoes correct in {wall:.2f} s, server echoed {stats["served"]}, '
          f'server threads peak {stats["peak_threads"]}, peak RSS {"n/a" if rss is None else f"+{rss} kB"}')
    if errors:
        print(f'{model}: {len(errors)} clients failed, the first with {errors[0]!r}')
    return {'ok': ok, 'wall': wall, 'threads': stats['peak_threads'], 'rss': rss}


def ratio(a, b):
    return 'n/a' if a is None or not b else f'{a / b:.2f}'


async def compare(n, concurrency, wait, limit):
    deadline = time.monotonic() + limit
    got = {}
    for model in MODELS:
        got[model] = await run_model(model, n, concurrency, wait, deadline)
    base = got['threading']
    for other in ['selectors', 'asyncio']:
        if base and got[other]:
            o = got[other]
            print(f'ratios threading/{other}: wall time {ratio(base["wall"], o["wall"])}, '
                  f'server threads {ratio(base["threads"], o["threads"])}, '
                  f'peak RSS {ratio(base["rss"], o["rss"])}')
    ok = all(r is not None and r['ok'] == n for r in got.values())
    print(f'every model answered every client: {ok}')
    return ok


def main():
    parser = argparse.ArgumentParser(description='threads vs selectors vs asyncio, the same slow clients')
    parser.add_argument('clients', nargs='?', type=int, default=1000, help='number of clients (default 1000)')
    parser.add_argument('--concurrency', type=int, help=f'clients connected at once (default min(N, {MAX_CONCURRENCY}))')
    parser.add_argument('--wait', type=float, default=0.2, help="the server's wait per client (default 0.2 s)")
    parser.add_argument('--time-limit', type=float, default=60.0, help='limit for the whole run (default 60 s)')
    parser.add_argument('--serve', choices=MODELS, help=argparse.SUPPRESS)   # 内部用 · internal
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.wait, args.time_limit)
        return
    n = max(1, args.clients)
    if n > MAX_CLIENTS:
        print(f'clients: {n} is over the cap, using {MAX_CLIENTS}')
        n = MAX_CLIENTS
    concurrency = max(1, min(n, args.concurrency or MAX_CONCURRENCY))
    if os.name == 'nt' and concurrency > 400:   # Windows 的 select() 最多 512 个套接字 · Windows select(): 512
        concurrency = 400
        print('concurrency: 400 on Windows (select() handles at most 512 sockets)')
    # 同时打开的套接字大约是 concurrency 个（父进程和服务器各一份）· about `concurrency` sockets open at
    # once, in the parent and in the server alike
    soft = raise_fd_limit(concurrency + FD_MARGIN)
    if soft is not None and soft < concurrency + FD_MARGIN:
        concurrency = max(1, soft - FD_MARGIN)
        print(f'concurrency: clamped to {concurrency}, the open-file limit cannot be raised')
    print(f'== io_models_compare: {n} clients, {concurrency} at once, server wait {args.wait} s, '
          f'time limit {args.time_limit:g} s ==', flush=True)
    ok = asyncio.run(compare(n, concurrency, args.wait, args.time_limit))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
