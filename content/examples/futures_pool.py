"""concurrent.futures：线程池等 IO，进程池做计算 · thread pools for waiting, process pools for computing.

python3 futures_pool.py [--start-method M]
  --start-method  进程池的启动方式（fork/spawn/forkserver）· how the process pool starts its workers
                  不给就用平台默认：Windows、macOS 是 spawn，Linux 是 fork（3.14 起 forkserver）
                  default: the platform's (spawn on Windows and macOS, fork on Linux, forkserver from 3.14)
进程池的子进程会重新导入本文件（spawn/forkserver），所以主程序必须放在 if __name__ == '__main__': 下。
The pool's workers re-import this file (spawn/forkserver), so the main program must sit under
if __name__ == '__main__':.
"""
import argparse
import math
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

SLEEPS = [0.8, 0.2, 0.6, 0.4]              # 提交顺序；短的先完成 · submitted in this order; short ones end first
LIMITS = [10_000, 20_000, 50_000, 100_000]  # 数这些数以下有多少个素数 · count the primes below these
START = time.perf_counter()


def fetch(seconds):
    """像 IO 一样的等待：线程睡着时不占 GIL · an I/O-like wait: a sleeping thread does not hold the GIL."""
    time.sleep(seconds)
    return seconds, threading.current_thread().name


def count_primes(limit):
    """纯计算：试除法数素数 · pure computation: count primes by trial division."""
    count = sum(1 for n in range(2, limit) if all(n % d for d in range(2, math.isqrt(n) + 1)))
    return limit, count, os.getpid()


def thread_pool():
    print(f'== ThreadPoolExecutor: {len(SLEEPS)} sleeps, submitted in the order {SLEEPS} ==')
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(SLEEPS)) as pool:   # 离开 with 时等所有线程结束 · joins on exit
        futures = {pool.submit(fetch, s): s for s in SLEEPS}     # submit 立刻返回 Future · returns at once
        order = []
        for future in as_completed(futures):                      # 谁先完成先给谁 · in completion order
            seconds, thread = future.result()
            order.append(seconds)
            print(f'as_completed: sleep {seconds} s done in {thread} at {time.perf_counter() - t0:.2f} s')
    print(f'completion order: {order}')
    print(f'thread pool: {time.perf_counter() - t0:.2f} s for {sum(SLEEPS):.2f} s of sleeps')


def result_timeout():
    print('== Future.result(timeout=...) ==')
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(fetch, 0.5)          # 比下面的 timeout 长得多 · much longer than the timeout below
        try:
            future.result(timeout=0.1)            # 最多等 0.1 秒 · wait at most 0.1 s
        except TimeoutError:                      # 3.11 起 concurrent.futures.TimeoutError 就是它 · same class since 3.11
            print(f'result(timeout=0.1): TimeoutError, the task keeps running: done() = {future.done()}')
        seconds, _ = future.result()              # 不给 timeout 就一直等 · no timeout: wait for it
        print(f'result(): {seconds} after all, done() = {future.done()}')


def process_pool(method):
    context = multiprocessing.get_context(method)   # None：本平台默认 · None: the platform default
    print(f'== ProcessPoolExecutor (start method {context.get_start_method()}): primes below {LIMITS} ==')
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        futures = [pool.submit(count_primes, limit) for limit in LIMITS]
        pids = set()
        for future in as_completed(futures):
            limit, count, pid = future.result()
            pids.add(pid)
            print(f'process pool: primes below {limit} = {count} (worker pid {pid})')
        # map() 按传入顺序给结果 · map() gives results in the order passed in
        mapped = [count for _, count, _ in pool.map(count_primes, LIMITS)]
    print(f'map in order: {mapped}')
    print(f'main pid {os.getpid()}, worker pids are other processes: {os.getpid() not in pids}')
    print(f'process pool: {time.perf_counter() - t0:.2f} s')


if __name__ == '__main__':      # spawn/forkserver 的子进程导入本文件时不会进来 · workers skip this part
    parser = argparse.ArgumentParser(description='ThreadPoolExecutor and ProcessPoolExecutor')
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    thread_pool()
    result_timeout()
    process_pool(args.start_method)
    print(f'done in {time.perf_counter() - START:.2f} s')
