"""阻塞调用让出 CPU，纯计算不让 · A blocking call gives up the CPU; pure computation does not.

两个线程各 sleep 0.5 秒，总共约 0.5 秒；两个线程各算一段，在有 GIL 的 CPython 上约等于算两段。
Two threads that each sleep 0.5 s take about 0.5 s; two threads that each compute take, on a GIL
build, about as long as computing twice.
"""
import sys
import threading
import time

SLEEP = 0.5          # 每次阻塞的时长（秒）· each blocking call, in seconds
CPU = 0.25           # 一段计算大约多长（秒）· roughly how long one piece of computation takes
REPEAT = 2           # 计算类的测量取最小值，少受机器负载干扰 · take the best of 2 against noise


def spin(n):
    """纯计算：不调用任何阻塞函数 · pure computation, no blocking call."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def calibrate(seconds):
    """找一个 n，让 spin(n) 大约耗时 seconds 秒 · pick n so spin(n) takes about that long."""
    n = 100_000
    while True:
        took = min(timed(lambda: spin(n)) for _ in range(3))
        if took >= 0.03:
            return max(1, int(n * seconds / took))
        n *= 2


def timed(*jobs):
    """依次运行，返回总耗时 · run one after another; return the total time."""
    start = time.perf_counter()
    for job in jobs:
        job()
    return time.perf_counter() - start


def in_threads(*jobs):
    """每个任务一个线程，同时启动，返回全部结束的耗时 · one thread per job, all at once."""
    threads = [threading.Thread(target=job) for job in jobs]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def best(*jobs):
    """依次运行和多线程运行各测 REPEAT 次，各取最小值 · best of REPEAT, both ways."""
    seq = min(timed(*jobs) for _ in range(REPEAT))
    par = min(in_threads(*jobs) for _ in range(REPEAT))
    return seq, par


if __name__ == '__main__':
    check = getattr(sys, '_is_gil_enabled', None)          # 3.13 起才有 · new in 3.13
    gil = check() if check else True                       # 更早的版本一定有 GIL · older: always a GIL
    print(f'Python {sys.version.split()[0]}, GIL enabled: {gil}')

    nap = lambda: time.sleep(SLEEP)                        # 阻塞调用 · a blocking call
    seq = timed(nap, nap)
    par = in_threads(nap, nap)
    print(f'sleep: one after another {seq:.2f} s, in two threads {par:.2f} s, ratio {par / seq:.2f}')

    n = calibrate(CPU)
    work = lambda: spin(n)                                 # 纯计算 · pure computation
    seq, par = best(work, work)
    print(f'cpu: one after another {seq:.2f} s, in two threads {par:.2f} s, ratio {par / seq:.2f}')

    short_nap = lambda: time.sleep(CPU)                    # 和一段计算一样长 · as long as one piece
    seq, par = best(work, short_nap)                       # 一个算、一个等 · one computes, one waits
    print(f'cpu + sleep: one after another {seq:.2f} s, in two threads {par:.2f} s, ratio {par / seq:.2f}')
