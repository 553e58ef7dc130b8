"""创建进程的两种方式 · Two ways to create a process.

方式一：Process(target=函数, args=参数元组)；方式二：继承 Process，重写 run 方法。
Way 1: Process(target=function, args=tuple). Way 2: subclass Process and override run.
python3 create_process.py [--start-method M]
"""
import argparse
import multiprocessing
import os
import time
from multiprocessing import Process


def say(line):
    """一整行一次写出，父子进程的输出不会搅在一起 · one write per line, so outputs don't mix."""
    print(line + '\n', end='', flush=True)


def task(name):
    say(f'{name} is running in pid {os.getpid()}, parent {os.getppid()}')
    time.sleep(0.2)                         # 模拟干活 · pretend to work
    say(f'{name} is over')


class MyProcess(Process):
    def __init__(self, name):
        super().__init__()                  # 先让 Process 初始化好自己 · let Process set itself up first
        self.person = name                  # 不要用 self.name：它是进程名 · not self.name: that is the process's name

    def run(self):                          # start() 之后在子进程里调用 · called in the child after start()
        task(self.person)


if __name__ == '__main__':                  # spawn/forkserver 的子进程会重新导入本文件 · children re-import this file
    parser = argparse.ArgumentParser(description='two ways to create a process')
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    say(f'start method: {multiprocessing.get_start_method()}')
    say(f'main process pid {os.getpid()}')

    p = Process(target=task, args=('egon',))   # 方式一 · way 1  (注意逗号：这是元组 · the comma makes a tuple)
    p.start()                               # 向操作系统申请创建子进程，立刻返回 · ask the OS for a child; returns at once
    say('main: p.start() returned')
    p.join()                                # 等子进程结束 · wait for the child to end
    say(f'main: egon exited with code {p.exitcode}')

    q = MyProcess('jason')                  # 方式二 · way 2
    q.start()
    q.join()
    say(f'main: jason exited with code {q.exitcode}')
