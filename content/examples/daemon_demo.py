"""守护进程：主进程的代码一结束，它就被终止 · A daemon child is terminated when the parent's code ends.

python3 [-O] daemon_demo.py [--daemon-seconds S] [--normal-seconds S] [--start-method M]
"""
import argparse
import multiprocessing
import time
from multiprocessing import Event, Process


def say(line):
    print(line + '\n', end='', flush=True)


def guard(name, seconds, started):
    say(f'{name}: started, sleeping {seconds} s')
    started.set()                             # 告诉父进程：我已经开始了 · tell the parent: I have started
    time.sleep(seconds)
    say(f'{name}: woke up and finished')     # 守护进程的这一行永远不会出现 · never appears for the daemon


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='daemon vs normal child')
    parser.add_argument('--daemon-seconds', type=float, default=3)
    parser.add_argument('--normal-seconds', type=float, default=0.5)
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    say(f'start method: {multiprocessing.get_start_method()}')

    d_started, n_started = Event(), Event()
    d = Process(target=guard, args=('daemon child', args.daemon_seconds, d_started))
    d.daemon = True                           # 必须在 start() 之前 · must come before start()
    d.start()
    n = Process(target=guard, args=('normal child', args.normal_seconds, n_started))
    n.start()                                 # 普通子进程：主进程会等它 · normal child: the parent waits for it

    try:
        n.daemon = True                       # start() 之后再改 · changing it after start()
    except AssertionError as e:
        say(f'setting daemon after start(): AssertionError: {e}')
    else:                                     # python3 -O 去掉了 assert · python3 -O strips asserts
        say(f'setting daemon after start(): no error, n.daemon = {n.daemon}')

    d_started.wait(10)                        # 等两个子进程都打印了第一行 · until both children printed their first line
    n_started.wait(10)
    say('main: my code ends here')
    # 主代码结束：先终止守护子进程，再等普通子进程 · code ends: daemon children are terminated, normal ones joined
