"""The event loop widget's scenarios, for real: asyncio_echo.py's handler on 127.0.0.1, three clients.

python3 evloop_truth.py '{"tick": 0.05, "scenarios": [{"arrivals": [0, 1, 2], "lines": 1,
                          "slow": "time", "slowClient": 0, "sleep": 5}]}'

The server is an asyncio loop in the main thread (one task per connection, as in
content/examples/asyncio_echo.py: readline, then time.sleep or await asyncio.sleep on the slow
handler's first line, write, drain). The clients are plain blocking sockets in threads of their
own, so a handler that blocks the loop cannot hold them back: each connects first, then sends its
first line at its arrival tick, each next line when the echo of the previous one is back, and
closes after its last echo. Prints, per scenario, as JSON, with times in seconds from the start:
the server's events in the order they happened (read, sleep, echo, close) and each client's sends
and receives.
"""
import asyncio
import json
import socket
import sys
import threading
import time

HOST = '127.0.0.1'
LIMIT = 5.0   # no wait anywhere lasts longer than this


def line_of(i, k):
    return f'client {i + 1} line {k}\n'.encode()


def client(port, i, sc, tick, go, ports, out):
    s = socket.create_connection((HOST, port), timeout=LIMIT)
    s.settimeout(LIMIT)
    ports[s.getsockname()[1]] = i
    f = s.makefile('rb')
    rec = {'sent': [], 'got': []}
    try:
        go.wait(LIMIT)
        t0 = go.t0
        delay = t0 + sc['arrivals'][i] * tick - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        for k in range(sc['lines']):
            rec['sent'].append(time.perf_counter() - t0)
            s.sendall(line_of(i, k))
            echo = f.readline()
            rec['got'].append(time.perf_counter() - t0)
            assert echo == line_of(i, k), echo
    finally:
        f.close()
        s.close()
        out[i] = rec


async def run(sc, tick):
    log = []
    ports = {}
    handlers = []
    go = threading.Event()
    go.t0 = None
    now = lambda: time.perf_counter() - go.t0

    async def handle(reader, writer):
        handlers.append(asyncio.current_task())
        port = writer.get_extra_info('peername')[1]
        while line := await reader.readline():
            i = ports[port]
            k = int(line.split()[3])
            log.append({'what': 'read', 'client': i, 'line': k, 't': now()})
            if sc['slow'] != 'none' and i == sc['slowClient'] and k == 0:
                start = now()
                if sc['slow'] == 'time':
                    time.sleep(sc['sleep'] * tick)      # blocks the loop
                else:
                    await asyncio.sleep(sc['sleep'] * tick)
                log.append({'what': 'sleep', 'client': i, 'start': start, 'end': now()})
            writer.write(line)
            log.append({'what': 'echo', 'client': i, 'line': k, 't': now()})
            await writer.drain()
        log.append({'what': 'close', 'client': ports[port], 't': now()})
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, HOST, 0)
    port = server.sockets[0].getsockname()[1]
    out = {}
    threads = [threading.Thread(target=client, args=(port, i, sc, tick, go, ports, out)) for i in range(3)]
    async with server:
        for th in threads:
            th.start()
        # Every connection accepted and every handler waiting in readline() before the clock starts.
        async with asyncio.timeout(LIMIT):
            while len(handlers) < 3 or len(ports) < 3:
                await asyncio.sleep(0.005)
        await asyncio.sleep(0.02)
        go.t0 = time.perf_counter()
        go.set()
        await asyncio.wait_for(asyncio.gather(*handlers), LIMIT)
        while any(th.is_alive() for th in threads):
            await asyncio.sleep(0.005)
    return {'log': log, 'clients': [out[i] for i in range(3)]}


def main():
    arg = json.loads(sys.argv[1])
    results = [asyncio.run(run(sc, arg['tick'])) for sc in arg['scenarios']]
    print(json.dumps(results))


if __name__ == '__main__':
    main()
