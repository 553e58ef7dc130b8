"""asyncio 回声服务器：协程 + StreamReader/StreamWriter · an asyncio echo server: coroutines + streams.

服务器和 N 个客户端都是同一个事件循环里的协程，全在一个线程里。
The server and the N clients are coroutines on one event loop, all in one thread.
python3 asyncio_echo.py [N] [--lines K] [--blocking-handler]
  --blocking-handler  跑两轮：服务器读到的第一行先让处理函数 time.sleep(0.5)（阻塞，整个循环停住），
                      再换成 await asyncio.sleep(0.5)（只有这个客户端等）
                      two rounds: the first line the server reads makes its handler call
                      time.sleep(0.5) (blocks the whole loop), then await asyncio.sleep(0.5)
                      (only that client waits)
"""
import argparse
import asyncio
import threading
import time

HOST = '127.0.0.1'
SLEEP = 0.5          # 慢处理的时长（秒）· how long the slow handler takes
TIMEOUT = 5.0        # 客户端每次等待的上限（秒）· a client never waits longer than this


class Round:
    """一轮演示的共享状态 · what one round of the demo shares."""

    def __init__(self, slow):
        self.slow = slow                 # None、'time.sleep' 或 'asyncio.sleep'
        self.stalled_on = None           # 睡过的那个客户端的端口 · the port of the client it slept on
        self.threads = set()             # 跑过处理协程的线程 · threads that ran a handler
        self.handlers = set()            # 处理协程所在的任务 · the handler tasks
        self.first_sent = asyncio.Event()
        self.start = None


async def handle(reader, writer, rnd):
    """每个连接一个处理协程 · one handler coroutine per connection."""
    rnd.threads.add(threading.get_ident())
    rnd.handlers.add(asyncio.current_task())     # start_server 为每个连接建一个任务 · one task per connection
    ip, port = writer.get_extra_info('peername')[:2]
    try:
        while line := await reader.readline():     # b''：对方关了 · b'': the peer closed
            rnd.threads.add(threading.get_ident())
            if rnd.slow and rnd.stalled_on is None:
                rnd.stalled_on = port
                print(f'server: the handler for {ip}:{port} read {line.decode().strip()!r} '
                      f'and calls {"await " if rnd.slow == "asyncio.sleep" else ""}{rnd.slow}({SLEEP})')
                if rnd.slow == 'time.sleep':
                    time.sleep(SLEEP)              # 阻塞：整个事件循环停住 · blocks the whole loop
                else:
                    await asyncio.sleep(SLEEP)     # 让出：别的协程照常运行 · yields: the others go on
            writer.write(line)
            await writer.drain()                   # 缓冲区太满就在这里等 · waits if the buffer is full
    except ConnectionResetError:
        pass
    finally:
        writer.close()
        await writer.wait_closed()


async def client(port, i, lines, rnd):
    """连上、逐行发送、核对回声 · connect, send line by line, check every echo.

    客户端 0 先发第一行，别的客户端等它发完再发；第一次回声的延迟都从客户端 0 发出那一刻算起。
    Client 0 sends its first line first and the others right after it; every first echo's latency
    counts from the moment client 0 sent.
    """
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
    me = writer.get_extra_info('sockname')[1]      # 本地端口：服务器看到的就是它 · the port the server sees
    ok = 0
    first_latency = None
    try:
        for k in range(lines):
            line = f'client {i} line {k}\n'.encode()
            if k == 0 and i != 0:
                await rnd.first_sent.wait()
            if k == 0 and i == 0:
                rnd.start = time.perf_counter()    # 这一轮从这里算起 · the round starts here
            writer.write(line)
            await writer.drain()
            if k == 0 and i == 0:
                rnd.first_sent.set()
            async with asyncio.timeout(TIMEOUT):   # Python 3.11+
                echo = await reader.readline()
            if k == 0:
                first_latency = time.perf_counter() - rnd.start
            ok += echo == line
    finally:
        writer.close()
        await writer.wait_closed()
    return ok, first_latency, me


async def run_round(n, lines, slow):
    rnd = Round(slow)
    server = await asyncio.start_server(lambda r, w: handle(r, w, rnd), HOST, 0)   # 端口 0 · port 0
    port = server.sockets[0].getsockname()[1]
    label = {None: 'no slow handler', 'time.sleep': 'time.sleep', 'asyncio.sleep': 'await asyncio.sleep'}[slow]
    print(f'== asyncio echo server on {HOST}:{port}: {n} clients, {lines} lines each, [{label}] ==')
    async with server:                             # 离开时关闭监听套接字 · closes the listener on exit
        results = await asyncio.gather(*(client(port, i, lines, rnd) for i in range(n)))
        # 等处理协程都结束；3.12 起 server.wait_closed() 会等它们，3.11 不会
        # wait for the handlers to end: from 3.12 server.wait_closed() waits for them, 3.11 does not
        await asyncio.wait_for(asyncio.gather(*rnd.handlers), TIMEOUT)
    total_ok = 0
    slow = 0                                       # 没有慢处理时，"其他"指客户端 0 以外 · no stall: all but client 0
    for i, (ok, latency, me) in enumerate(results):
        total_ok += ok
        mark = ''
        if me == rnd.stalled_on:
            slow, mark = i, ' (the server slept on this one)'
        print(f'client {i}: {ok}/{lines} echoes ok, first echo after {latency:.3f} s{mark}')
    others = [latency for i, (_, latency, _) in enumerate(results) if i != slow]
    if others:
        print(f'[{label}] other clients\' first echo: min {min(others):.3f} s, max {max(others):.3f} s')
    print(f'summary [{label}]: {total_ok}/{n * lines} echoes ok, {n} clients, '
          f'server used {len(rnd.threads)} thread(s)')
    return others


async def main(n, lines, blocking_handler):
    if not blocking_handler:
        await run_round(n, lines, None)
        return
    blocked = await run_round(n, lines, 'time.sleep')
    yielded = await run_round(n, lines, 'asyncio.sleep')
    if blocked and yielded:
        print(f'other clients\' worst first echo: time.sleep {max(blocked):.3f} s, '
              f'await asyncio.sleep {max(yielded):.3f} s')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='an asyncio echo server and its clients on one loop')
    parser.add_argument('clients', nargs='?', type=int, default=5, help='number of clients (default 5)')
    parser.add_argument('--lines', type=int, default=3, help='lines per client (default 3)')
    parser.add_argument('--blocking-handler', action='store_true',
                        help=f'one handler sleeps {SLEEP} s: time.sleep, then await asyncio.sleep')
    args = parser.parse_args()
    asyncio.run(main(max(1, args.clients), max(1, args.lines), args.blocking_handler))
