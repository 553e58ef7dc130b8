"""socketserver：同步服务器一次只服务一个客户端，多线程服务器能同时服务 · socketserver: the
synchronous server serves one client at a time, the threading server serves them together.

五个客户端同时连上来，每个请求要“干活” 0.3 秒 · five clients connect at once; each request takes 0.3 s.
"""
import socket
import socketserver
import threading
import time

CLIENTS = 5
WORK = 0.3          # 每个请求的“慢活”（秒）· the slow work per request, in seconds


class SlowEcho(socketserver.BaseRequestHandler):
    """每个连接一个实例，handle() 里处理整个连接 · one instance per connection."""

    def handle(self):
        while True:
            data = self.request.recv(1024)      # self.request 就是这条连接的 socket
            if not data:                        # b'' = 客户端关了 · the client closed
                break
            time.sleep(WORK)                    # 模拟慢活：等数据库、等别的服务 · simulated slow work
            self.request.sendall(data)          # 原样发回 · echo it back


class Threading(socketserver.ThreadingTCPServer):
    daemon_threads = True                       # 处理线程设为守护线程 · handler threads are daemons


def client(port, i, start, results):
    """连上、发一句、等回声 · connect, send one line, wait for the echo."""
    message = f'hello from client {i}'.encode()
    with socket.create_connection(('127.0.0.1', port)) as sock:
        sock.sendall(message)
        sock.shutdown(socket.SHUT_WR)           # 说完了：发 FIN，服务端 recv 得到 b'' · done: send FIN
        reply = b''
        while len(reply) < len(message):        # 收满为止（第 6 章）· read it all (chapter 6)
            chunk = sock.recv(1024)
            if not chunk:
                break
            reply += chunk
    results.append((time.perf_counter() - start, i, reply.decode()))


def run(server_class, name):
    with server_class(('127.0.0.1', 0), SlowEcho) as server:    # 端口 0 · port 0
        port = server.server_address[1]
        print(f'== {name} on 127.0.0.1:{port}: {CLIENTS} clients, {WORK} s of work each ==')
        loop = threading.Thread(target=server.serve_forever)   # 服务器在后台线程里转 · serve in a thread
        loop.start()
        results = []
        start = time.perf_counter()
        clients = [threading.Thread(target=client, args=(port, i, start, results))
                   for i in range(CLIENTS)]
        for t in clients:                       # 五个客户端几乎同时出发 · all five start together
            t.start()
        for t in clients:
            t.join()
        elapsed = time.perf_counter() - start
        server.shutdown()                       # 从另一个线程叫停 serve_forever · stop it from another thread
        loop.join()
    # 离开 with 时调用 server_close() · leaving the with block calls server_close()
    for seconds, i, reply in sorted(results):
        print(f'client {i} got {reply!r} after {seconds:.2f} s')
    ok = sum(reply == f'hello from client {i}' for _, i, reply in results)
    print(f'{name}: {ok}/{CLIENTS} echoes in {elapsed:.2f} s')
    return elapsed


if __name__ == '__main__':
    sequential = run(socketserver.TCPServer, 'TCPServer')
    threaded = run(Threading, 'ThreadingTCPServer')
    print(f'threaded / sequential = {threaded / sequential:.2f}')
    if hasattr(socketserver, 'ForkingTCPServer'):             # 只有 POSIX 有 fork · POSIX only
        forked = run(socketserver.ForkingTCPServer, 'ForkingTCPServer')
        print(f'forking / sequential = {forked / sequential:.2f}')
    else:
        print('ForkingTCPServer: not available here (POSIX only)')
