"""同步提交 vs 异步提交 · Submitting tasks synchronously vs asynchronously.

同样 3 个任务、每个睡 0.3 秒：Pool.apply 提交一个等一个；
Pool.apply_async 全部提交完就往下走，结果由回调函数送回来。
The same 3 tasks of 0.3 s each: Pool.apply submits one and waits for it;
Pool.apply_async submits them all and moves on; a callback delivers each result.
python3 sync_async.py [--tasks N] [--seconds S] [--start-method M]
"""
import argparse
import multiprocessing
import os
import time
from multiprocessing import Pool

START = time.perf_counter()


def say(line):
    """带时间戳打印一整行 · print one whole line with a timestamp."""
    print(f'[{time.perf_counter() - START:5.2f} s] {line}\n', end='', flush=True)


def task(i, seconds):
    time.sleep(seconds)                    # 模拟 IO：子进程进入阻塞态 · pretend I/O: the worker blocks
    return f'task {i} done in pid {os.getpid()}'


def done(result):
    """回调：在父进程的结果处理线程里运行 · callback: runs in the parent's result-handler thread."""
    say(f'callback got: {result}')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Pool.apply vs Pool.apply_async')
    parser.add_argument('--tasks', type=int, default=3)
    parser.add_argument('--seconds', type=float, default=0.3)
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    n, s = args.tasks, args.seconds

    with Pool(processes=n) as pool:         # 进程池先建好，不计入下面的时间 · the pool is ready before timing
        pool.apply(os.getpid)               # 预热 · warm up

        say('== sync: Pool.apply ==')
        t0 = time.perf_counter()
        for i in range(1, n + 1):
            say(f'submit task {i} and wait')
            result = pool.apply(task, (i, s))           # 同步：原地等结果 · sync: wait right here
            say(f'got: {result}')
        sync_total = time.perf_counter() - t0
        say(f'sync total: {sync_total:.2f} s')

        say('== async: Pool.apply_async(callback=...) ==')
        t0 = time.perf_counter()
        pending = []
        for i in range(1, n + 1):
            pending.append(pool.apply_async(task, (i, s), callback=done))   # 异步：提交就走 · async: submit, go on
            say(f'submitted task {i}, not waiting')
        say('main goes on with other work')
        for r in pending:
            r.wait()                        # 最后再统一等 · wait once, at the very end
        async_total = time.perf_counter() - t0
        say(f'async total: {async_total:.2f} s')

    print(f'async/sync = {async_total / sync_total:.2f}', flush=True)
