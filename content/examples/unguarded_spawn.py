"""反面教材：没有 __main__ 守卫 · What NOT to do: no __main__ guard.

spawn/forkserver 的子进程会重新导入本文件，又执行到 p.start()，于是抛出 RuntimeError。
Under spawn/forkserver the child re-imports this file, reaches p.start() again and raises RuntimeError.
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
