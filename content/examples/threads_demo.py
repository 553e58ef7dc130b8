"""开线程的两种方式、线程名、active_count、join 与守护线程 · Two ways to start a thread, names, active_count, join and daemon threads.

python3 threads_demo.py
"""
import threading
import time
from threading import Thread


def say(line):
    """一整行一次写出 · one write per line, so threads don't mix their output."""
    print(line + '\n', end='', flush=True)


def task(who):
    me = threading.current_thread().name           # 当前是哪个线程 · which thread is running this
    say(f'{me}: {who} 开始 · starts')
    time.sleep(0.5)                                 # 模拟 I/O · pretend to wait for I/O
    say(f'{me}: {who} 结束 · ends')


class MyThread(Thread):                             # 方式二：继承 Thread · style 2: subclass Thread
    def __init__(self, who):
        super().__init__()                          # 先调用父类的 __init__ · call Thread.__init__ first
        self.who = who

    def run(self):                                  # start() 会在新线程里调用 run() · start() calls run() in the new thread
        task(self.who)


def background():
    time.sleep(2)                                   # 主线程早就结束了 · the main thread is long gone by then
    say('daemon: 这一行不会出现 · this line never appears')


if __name__ == '__main__':
    say(f'main: 我是 · I am {threading.current_thread().name}, active_count = {threading.active_count()}')
    t1 = Thread(target=task, args=('egon',))        # 方式一：target + args · style 1: target + args
    t2 = MyThread('jason')
    d = Thread(target=background, name='daemon', daemon=True)   # start() 之前设置 · set before start()
    for t in (t1, t2, d):
        t.start()
    say(f'main: active_count = {threading.active_count()}')
    say(f'main: enumerate = {[t.name for t in threading.enumerate()]}')
    t1.join()                                       # 等 t1 结束 · wait for t1 to finish
    t2.join()
    say(f'main: joined, active_count = {threading.active_count()}')
    say(f'main: 主线程结束 · main thread ends; daemon alive = {d.is_alive()}')
