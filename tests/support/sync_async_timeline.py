"""The four callers of the sync/async lab (W14), for real, on 127.0.0.1.

For each timing (ready, poll in seconds) runs, one after another:
  apply  pool.apply(task)                       the caller waits in the call
  async  pool.apply_async(task, callback=done)  the call returns; the result thread runs done()
  recv   sock.recv(1024), blocking              the peer sends after `ready`
  poll   setblocking(False), recv every `poll`  BlockingIOError until the data is there
and prints, as JSON, each cell's events in the order they happened, with times from the cell's start.
python3 sync_async_timeline.py '[[0.3, 0.2], [0.5, 0.2]]'
"""
import json
import select
import socket
import sys
import threading
import time
from multiprocessing import Pool


def task(seconds):
    time.sleep(seconds)
    return 'result'


def until(deadline):
    """Other work until `deadline` (short sleeps, so a busy 2-CPU machine is not hogged)."""
    while time.perf_counter() < deadline:
        time.sleep(0.002)


def pair():
    server = socket.socket()
    server.bind(('127.0.0.1', 0))
    server.listen(1)
    peer = socket.create_connection(server.getsockname())
    conn, _ = server.accept()
    server.close()
    return peer, conn


def run(pool, ready, poll):
    out = {}
    log = []

    def mark(cell, kind, t0, **extra):
        log.append(dict(cell=cell, kind=kind, t=round(time.perf_counter() - t0, 4), **extra))

    # apply
    t0 = time.perf_counter()
    mark('apply', 'call', t0)
    pool.apply(task, (ready,))
    mark('apply', 'result', t0)

    # async
    t0 = time.perf_counter()
    mark('async', 'call', t0)
    r = pool.apply_async(task, (ready,), callback=lambda _: mark('async', 'callback', t0, thread=threading.current_thread().name))
    mark('async', 'returned', t0)
    until(t0 + ready + 0.15)
    r.wait()

    # recv (blocking) and poll (non-blocking)
    # The peer sends at `ready`, the poller polls at k × `poll`. On a busy machine either thread can
    # wake late, so the two are tied by what the timing means, not by the clock alone: a poll due
    # before `ready` happens before the send, and a poll due at or after `ready` happens after it.
    for cell in ('recv', 'poll'):
        peer, conn = pair()
        t0 = time.perf_counter()
        sent = threading.Event()
        early_polls_done = threading.Event()
        if cell == 'recv':
            early_polls_done.set()

        def send():
            until(t0 + ready)
            early_polls_done.wait()
            mark(cell, 'send', t0)
            peer.sendall(b'hello')
            if cell == 'poll':                    # delivered: in the receiving socket's buffer
                select.select([conn], [], [], 5)
            sent.set()

        sender = threading.Thread(target=send)
        sender.start()
        if cell == 'recv':
            mark(cell, 'call', t0)
            conn.recv(1024)
            mark(cell, 'result', t0)
        else:
            conn.setblocking(False)
            k = 0
            while True:
                until(t0 + k * poll)
                if k * poll >= ready - 1e-9:
                    early_polls_done.set()
                    sent.wait()
                try:
                    conn.recv(1024)
                    mark(cell, 'result', t0)
                    break
                except BlockingIOError:
                    mark(cell, 'raised', t0)
                    k += 1
                    if k * poll >= ready - 1e-9:
                        early_polls_done.set()
        sender.join()
        peer.close()
        conn.close()

    for e in log:
        out.setdefault(e.pop('cell'), []).append(e)
    return out


if __name__ == '__main__':
    timings = json.loads(sys.argv[1])
    with Pool(processes=1) as pool:
        pool.apply(time.sleep, (0,))  # warm up: the worker is running before timing starts
        results = [dict(ready=ready, poll=poll, cells=run(pool, ready, poll), main=threading.current_thread().name) for ready, poll in timings]
    print(json.dumps(results))
