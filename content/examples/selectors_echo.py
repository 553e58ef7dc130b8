"""selectors：一个线程服务很多客户端 · selectors: one thread serves many clients.

非阻塞套接字 + DefaultSelector：select() 告诉我们哪些套接字可读、可写，一个循环轮流处理。
Non-blocking sockets + DefaultSelector: select() says which sockets are ready to read or write,
and one loop serves them in turn.
python3 selectors_echo.py [N] [--lines K] [--blocking-handler]
  N                   客户端个数，默认 5 · number of clients (default 5)
  --blocking-handler  服务器读到的第一行让处理函数 time.sleep(0.5)：整个循环停住，所有客户端一起等
                      the first line the server reads makes its handler call time.sleep(0.5): the
                      whole loop stops and every client waits with it
"""
import argparse
import selectors
import socket
import threading
import time

HOST = '127.0.0.1'
SLEEP = 0.5          # --blocking-handler 的阻塞时长（秒）· how long the blocking handler sleeps
TIMEOUT = 5.0        # 客户端每次等待的上限（秒）：演示绝不会挂住 · a client never waits longer than this


class Conn:
    """一个连接的状态：还没发出去的字节 · one connection's state: the bytes not sent yet."""

    def __init__(self, sock, peer):
        self.sock = sock
        self.peer = peer                         # (ip, port)
        self.outbox = bytearray()


class EchoServer:
    """单线程回声服务器 · a single-threaded echo server."""

    def __init__(self, blocking_handler=False):
        self.sel = selectors.DefaultSelector()   # Linux: epoll, macOS: kqueue, Windows: select
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind((HOST, 0))            # 端口 0：系统挑 · port 0: the OS picks
        self.listener.listen(128)
        self.listener.setblocking(False)         # accept() 不再阻塞 · accept() never blocks
        self.port = self.listener.getsockname()[1]
        self.sel.register(self.listener, selectors.EVENT_READ, data=None)   # data=None 表示监听套接字
        # 唤醒用的一对套接字：stop() 往里写一个字节，select() 就返回 · a wake-up pair for stop()
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.sel.register(self.wake_r, selectors.EVENT_READ, data='wake')
        self.blocking_handler = blocking_handler
        self.stalled_on = None                   # 睡过的那个客户端的端口 · the port of the client it slept on
        self.threads = set()                     # 跑过处理函数的线程 · threads that ran a handler
        self.running = True

    def serve(self):
        """事件循环：等事件，逐个处理，直到 stop() · the event loop, until stop()."""
        try:
            while self.running:
                for key, mask in self.sel.select():    # 阻塞在这里，直到有套接字就绪 · blocks here
                    self.threads.add(threading.get_ident())
                    if key.data is None:
                        self.accept()
                    elif key.data == 'wake':
                        self.running = False
                    else:
                        self.service(key.data, mask)
        finally:
            for key in list(self.sel.get_map().values()):
                self.sel.unregister(key.fileobj)
                key.fileobj.close()
            self.sel.close()
            self.wake_w.close()

    def accept(self):
        sock, peer = self.listener.accept()      # 已就绪，不会阻塞 · ready: does not block
        sock.setblocking(False)
        self.sel.register(sock, selectors.EVENT_READ, data=Conn(sock, peer))

    def service(self, conn, mask):
        if mask & selectors.EVENT_READ:
            try:
                data = conn.sock.recv(4096)      # 只读一次，读到多少算多少 · one recv, whatever is there
            except ConnectionResetError:
                data = b''
            if not data:                         # b''：对方关了 · the peer closed
                self.sel.unregister(conn.sock)   # 先注销再关闭 · unregister before close
                conn.sock.close()
                return
            if self.blocking_handler and self.stalled_on is None:
                self.stalled_on = conn.peer[1]
                print(f'server: the handler for {conn.peer[0]}:{conn.peer[1]} read '
                      f'{data.decode().strip()!r} and calls time.sleep({SLEEP}): the whole loop stops',
                      flush=True)
                time.sleep(SLEEP)                # 阻塞调用：循环停住，谁也得不到服务 · blocks everyone
            conn.outbox += data
            # 有东西要发：也关心"可写" · something to send: watch for writable too
            self.sel.modify(conn.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, data=conn)
        if mask & selectors.EVENT_WRITE and conn.outbox:
            sent = conn.sock.send(conn.outbox)   # 可能只发出一部分 · may send only part of it
            del conn.outbox[:sent]
            if not conn.outbox:                  # 发完了：不再关心可写，否则 select() 空转
                self.sel.modify(conn.sock, selectors.EVENT_READ, data=conn)   # done: stop watching writes

    def stop(self):
        """从别的线程叫停 · stop the loop from another thread."""
        self.wake_w.send(b'x')


def recv_exact(sock, n):
    """收满 n 个字节 · read exactly n bytes."""
    data = b''
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError(f'closed after {len(data)} of {n} bytes')
        data += chunk
    return data


def client(port, i, lines, first_sent, results):
    """连上，逐行发送并核对回声 · connect, send line by line, check each echo.

    客户端 0 先发第一行，别的客户端等它发完再发；第一次回声的延迟都从客户端 0 发出那一刻算起。
    Client 0 sends its first line first and the others right after it; every first echo's latency
    counts from the moment client 0 sent.
    """
    ok = 0
    first_latency = None
    with socket.create_connection((HOST, port), timeout=TIMEOUT) as sock:
        me = sock.getsockname()[1]               # 本地端口：服务器看到的就是它 · the port the server sees
        for k in range(lines):
            line = f'client {i} line {k}\n'.encode()
            if k == 0 and i != 0:
                first_sent.wait(TIMEOUT)
            if k == 0 and i == 0:
                results['start'] = time.perf_counter()   # 这一轮从这里算起 · the round starts here
            sock.sendall(line)
            if k == 0 and i == 0:
                first_sent.set()
            echo = recv_exact(sock, len(line))
            if k == 0:
                first_latency = time.perf_counter() - results['start']
            ok += echo == line
    results[i] = (ok, first_latency, me)


def main(n, lines, blocking_handler):
    server = EchoServer(blocking_handler)
    loop = threading.Thread(target=server.serve, name='selector-loop')
    loop.start()
    print(f'== selectors echo server on {HOST}:{server.port}: {n} clients, {lines} lines each'
          f'{", blocking handler" if blocking_handler else ""} ==', flush=True)
    results = {}
    first_sent = threading.Event()
    clients = [threading.Thread(target=client, args=(server.port, i, lines, first_sent, results))
               for i in range(n)]
    try:
        for t in clients:
            t.start()
        for t in clients:
            t.join(TIMEOUT * (lines + 1))
    finally:
        server.stop()
        loop.join(TIMEOUT)
    total_ok = 0
    slow = 0                                     # 没有慢处理时，"其他"指客户端 0 以外 · no stall: all but client 0
    for i in range(n):
        ok, latency, me = results.get(i, (0, None, None))
        total_ok += ok
        shown = 'n/a' if latency is None else f'{latency:.3f} s'
        mark = ''
        if me is not None and me == server.stalled_on:
            slow, mark = i, ' (the server slept on this one)'
        print(f'client {i}: {ok}/{lines} echoes ok, first echo after {shown}{mark}')
    others = [results[i][1] for i in range(n) if i != slow and i in results]
    if others:
        print(f'other clients\' first echo: min {min(others):.3f} s, max {max(others):.3f} s'
              f'{f" (the handler slept {SLEEP} s)" if blocking_handler else ""}')
    print(f'summary: {total_ok}/{n * lines} echoes ok, {n} clients, '
          f'server used {len(server.threads)} thread(s)')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='a single-threaded echo server with selectors')
    parser.add_argument('clients', nargs='?', type=int, default=5, help='number of clients (default 5)')
    parser.add_argument('--lines', type=int, default=3, help='lines per client (default 3)')
    parser.add_argument('--blocking-handler', action='store_true',
                        help=f'one handler calls time.sleep({SLEEP}) inside the loop')
    args = parser.parse_args()
    main(max(1, args.clients), max(1, args.lines), args.blocking_handler)
