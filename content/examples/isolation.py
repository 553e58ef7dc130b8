"""进程之间数据隔离，线程之间数据共享 · Processes are isolated; threads share memory.

全局变量 n = 100。子进程把 n 改成 0，父进程里还是 100；
线程把 n 改成 0，主线程看到的就是 0。
A global n = 100. A child process sets n = 0: the parent still sees 100.
A thread sets n = 0: the main thread sees 0.
python3 isolation.py [--start-method M]
"""
import argparse
import multiprocessing
import os
from multiprocessing import Process
from threading import Thread

n = 100                     # 全局变量 · a global variable


def task(who):
    global n
    n = 0                   # 只改了自己那份 n（进程）/ 大家共用的 n（线程）· its own copy (process) / the shared one (thread)
    print(f'{who}: set n = 0 (pid {os.getpid()})', flush=True)


if __name__ == '__main__':  # spawn/forkserver 的子进程会重新导入本文件 · children re-import this file
    parser = argparse.ArgumentParser(description='process isolation vs thread sharing')
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    print(f'start method: {multiprocessing.get_start_method()}', flush=True)

    p = Process(target=task, args=('child process',))
    p.start()
    p.join()                # 等子进程改完 · wait until the child has set its n
    print(f'after the process: parent n = {n} (pid {os.getpid()})', flush=True)   # 100

    t = Thread(target=task, args=('thread',))
    t.start()
    t.join()                # 等线程改完 · wait until the thread has set n
    print(f'after the thread: parent n = {n} (pid {os.getpid()})', flush=True)    # 0
