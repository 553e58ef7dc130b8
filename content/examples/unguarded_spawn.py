"""反面教材：没有 __main__ 守卫 · What NOT to do: no __main__ guard.

spawn 的子进程会重新导入本文件，又执行到 p.start()，于是抛出 RuntimeError。forkserver 在
3.13.8、3.14.1 之前也是这样；之后是 fork 服务器预加载本文件时出错，父进程的 p.start() 抛出 EOFError。
Under spawn the child re-imports this file, reaches p.start() again and raises RuntimeError. So does
forkserver before 3.13.8 / 3.14.1; since then the fork server fails while preloading this file and
the parent's p.start() raises EOFError.
python3 unguarded_spawn.py [spawn | forkserver | fork]
"""
import multiprocessing
import os
import sys


def task():
    print('child: task ran', flush=True)     # 守卫缺失时永远到不了这里 · never reached without the guard


method = sys.argv[1] if len(sys.argv) > 1 else 'spawn'
print(f'module top level: __name__ = {__name__}, pid {os.getpid()}', flush=True)
ctx = multiprocessing.get_context(method)
p = ctx.Process(target=task)                 # 错误示范：放在模块顶层 · wrong: at module top level
p.start()
p.join()
print(f'{method}: child exitcode {p.exitcode}', flush=True)
