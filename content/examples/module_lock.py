"""反面教材：模块级的锁 · What NOT to do: a lock at module level.

父进程拿着锁，两个子进程依次试着拿（不等待）。谁拿到了就一直不放。
The parent holds the lock; two children, one after the other, try to take it without waiting,
and keep it if they get it.
python3 module_lock.py [fork | spawn | forkserver]
"""
import multiprocessing
import os
import sys

print(f'top level runs: __name__ = {__name__}, pid {os.getpid()}', flush=True)
lock = multiprocessing.Lock()           # 错误示范：每次执行模块都新建一把 · wrong: one new lock per run


def probe(name):
    got = lock.acquire(block=False)     # 拿到了也不放 · kept if taken
    print(f'{name}: acquire -> {got}', flush=True)


if __name__ == '__main__':
    method = sys.argv[1] if len(sys.argv) > 1 else 'spawn'
    ctx = multiprocessing.get_context(method)
    lock.acquire()                      # 父进程先拿着 · the parent holds it
    for name in ('child 1', 'child 2'):
        p = ctx.Process(target=probe, args=(name,))
        p.start()
        p.join()
