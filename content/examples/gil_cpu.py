"""CPU 密集的任务：两个线程不比一个快，两个进程才快 · CPU-bound work: two threads are no faster than one; two processes are.

同样两份计算，分别用 1 个线程依次做、2 个线程同时做、2 个进程同时做，轮流测 3 轮，各取最快的一次。
除了耗时（wall），还打印用掉的 CPU 时间：CPU 时间 / 耗时 = 平均有几个核在忙。
The same two pieces of work, done one after the other in 1 thread, in 2 threads, and in 2 processes; 3 rounds,
best of each. Besides the elapsed (wall) time it prints the CPU time used: CPU / wall = how many cores were busy.
python3 gil_cpu.py [--n N] [--start-method M]
"""
import argparse
import multiprocessing
import os
import sys
import time
from multiprocessing import Process, Queue
from threading import Thread


def work(n):
    """纯计算，没有 I/O · pure computation, no I/O."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def one_thread(n):
    work(n)                         # 一份做完 · one piece,
    work(n)                         # 再做另一份 · then the other
    return time.process_time()      # 本进程所有线程用掉的 CPU 时间 · CPU time of all threads of this process


def two_threads(n):
    threads = [Thread(target=work, args=(n,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.process_time()


def child(n, q):
    work(n)
    q.put(time.process_time())      # 子进程自己用掉的 CPU 时间 · the CPU time this child used


def two_processes(n):
    q = Queue()                     # 队列当参数传给子进程 · the queue is passed as an argument
    processes = [Process(target=child, args=(n, q)) for _ in range(2)]
    for p in processes:
        p.start()
    cpu = q.get() + q.get()         # 先取结果再 join · take the results before joining
    for p in processes:
        p.join()
    return time.process_time() + cpu


def measure(f, n):
    cpu0, start = time.process_time(), time.perf_counter()
    cpu1 = f(n)
    return time.perf_counter() - start, cpu1 - cpu0


def cpus():
    """本进程能用几个 CPU · how many CPUs this process may use."""
    if hasattr(os, 'sched_getaffinity'):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


if __name__ == '__main__':          # spawn/forkserver 的子进程会重新导入本文件 · children re-import this file
    parser = argparse.ArgumentParser(description='CPU-bound work in threads vs processes')
    parser.add_argument('--n', type=int, default=3_000_000)
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    gil = getattr(sys, '_is_gil_enabled', lambda: True)()   # 3.13 起才有 · new in 3.13
    print(f'python {sys.version.split()[0]}, GIL enabled: {gil}, cpus: {cpus()}, '
          f'start method: {multiprocessing.get_start_method()}')
    kinds = {'1 thread, one after the other': one_thread, '2 threads at once': two_threads,
             '2 processes at once': two_processes}
    best = {}
    for _ in range(3):              # 轮流测 3 轮 · 3 rounds, taking turns
        for label, f in kinds.items():
            wall, cpu = measure(f, args.n)
            if label not in best or wall < best[label][0]:
                best[label] = (wall, cpu)   # 别的程序抢 CPU 只会让某一次变慢 · other load only slows a run down
    seq = best['1 thread, one after the other'][0]
    for label, (wall, cpu) in best.items():
        print(f'{label + ":":30} {wall:.2f} s ({wall / seq:.2f} x sequential), '
              f'CPU {cpu:.2f} s, cores busy {cpu / wall:.2f}')
