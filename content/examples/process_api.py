"""进程对象的常用方法 · A tour of the Process API.

join（串行 vs 并行）、pid / ppid、terminate、is_alive、exitcode。
join (serial vs parallel), pid / ppid, terminate, is_alive, exitcode.
python3 process_api.py [--seconds S] [--start-method M]
"""
import argparse
import multiprocessing
import os
import time
from multiprocessing import Event, Process, current_process, parent_process


def say(line):
    """一整行一次写出 · one write per line, so processes don't mix their output."""
    print(line + '\n', end='', flush=True)


def sleeper(i, seconds):
    time.sleep(seconds)                     # 模拟 IO · pretend I/O


def whoami():
    parent = parent_process()               # 创建我的那个 Python 进程 · the Python process that created me
    say(f'child: current_process().pid={current_process().pid} os.getpid()={os.getpid()} '
        f'os.getppid()={os.getppid()} parent_process().pid={parent.pid}')


def stubborn(ready):
    try:
        ready.set()                         # 告诉父进程：我已经在 try 里了 · tell the parent: inside the try
        time.sleep(10)
    finally:
        say('child: finally block ran')     # 被 terminate 时不会打印 · never printed after terminate()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='join, pid, terminate, is_alive, exitcode')
    parser.add_argument('--seconds', type=float, default=0.5)
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    say(f'start method: {multiprocessing.get_start_method()}')

    # 1. join：串行 vs 并行 · serial vs parallel
    t0 = time.perf_counter()
    for i in range(3):
        p = Process(target=sleeper, args=(i, args.seconds))
        p.start()
        p.join()                            # 启动一个就等一个：串行 · start one, wait for it: serial
    serial = time.perf_counter() - t0
    say(f'serial: 3 children x {args.seconds} s, start+join one by one: {serial:.2f} s')

    t0 = time.perf_counter()
    children = [Process(target=sleeper, args=(i, args.seconds)) for i in range(3)]
    for p in children:
        p.start()                           # 先全部启动 · start them all first
    for p in children:
        p.join()                            # 再逐个等：并行 · then wait for each: parallel
    parallel = time.perf_counter() - t0
    say(f'parallel: start all, then join all: {parallel:.2f} s (parallel/serial = {parallel / serial:.2f})')

    # 2. join(timeout) 总是返回 None：看 exitcode · join(timeout) returns None either way: check exitcode
    p = Process(target=sleeper, args=(0, args.seconds))
    p.start()
    r = p.join(0.05)
    say(f'join(0.05) returned {r}; is_alive()={p.is_alive()} exitcode={p.exitcode}')
    p.join()
    say(f'join() returned; is_alive()={p.is_alive()} exitcode={p.exitcode}')

    # 3. pid 与 ppid · pid and ppid
    say(f'parent: os.getpid()={os.getpid()}')
    p = Process(target=whoami)
    p.start()
    say(f'parent: p.pid={p.pid}')
    p.join()

    # 4. terminate 是异步的 · terminate() is asynchronous
    ready = Event()                         # 当参数传给子进程 · handed to the child as an argument
    p = Process(target=stubborn, args=(ready,))
    p.start()
    ready.wait(10)
    p.terminate()                           # 发出 SIGTERM 就返回，不等 · sends SIGTERM and returns
    say(f'right after terminate(): is_alive()={p.is_alive()}')
    p.join()
    say(f'after join(): is_alive()={p.is_alive()} exitcode={p.exitcode}')
