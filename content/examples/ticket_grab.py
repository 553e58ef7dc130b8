"""抢票：不加锁会超卖，加锁只卖出一张 · Ticket grab: oversold without a lock, one sale with it.

不带参数时先跑不加锁的版本，再跑加锁的版本 · No arguments: without the lock first, then with it.
python3 ticket_grab.py [--lock | --no-lock] [--no-barrier] [--tickets N] [--start-method M]
"""
import argparse
import json
import multiprocessing
import os
import random
import tempfile
import time
from multiprocessing import Barrier, Lock, Process


def load(path):
    """读“数据库” · read the "database"."""
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def save(path, data):
    """写回“数据库” · write the "database"."""
    tmp = f'{path}.{os.getpid()}.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(data, f)
    os.replace(tmp, path)   # 整个换掉，没人读到半个文件 · swapped whole: nobody reads half a file


def issue(i, path):
    """出票：每人一个票根文件，互不共享 · one stub file per winner, nothing shared."""
    open(os.path.join(os.path.dirname(path), f'stub-{i}'), 'w').close()


def say(line):
    """一整行一次写出 · one write per line, so processes don't mix their output."""
    print(line + '\n', end='', flush=True)


def search(i, path):
    """查票：只读，不用锁 · look up the tickets left: only a read, no lock."""
    say(f'buyer {i} 查询 · search: {load(path)["ticket_num"]} left')


def buy(i, path, lock):
    """买票：读-判断-写整段在锁里 · buy: the whole read-check-write inside the lock."""
    with lock:                                       # 抢锁，离开时必定释放 · acquire; always released
        data = load(path)                            # 重新读 · re-read: the search may be stale
        if data['ticket_num'] > 0:                   # 判断 · check
            time.sleep(random.uniform(0.01, 0.05))   # 网络延迟 · network delay
            data['ticket_num'] -= 1
            save(path, data)                         # 写回 · write
            issue(i, path)
            say(f'buyer {i} 抢到了 · got a ticket')
        else:
            say(f'buyer {i} 没抢到 · sold out')


def buy_unsafe(i, path, all_read=None):
    """同样的步骤，但不加锁 · the same steps without the lock."""
    data = load(path)                                # 读 · read
    if all_read is not None:
        all_read.wait(timeout=30)                    # 等所有人读完：最坏情况 · all have read: worst case
    if data['ticket_num'] > 0:                       # 判断 · check
        time.sleep(random.uniform(0.01, 0.05))       # 网络延迟 · network delay
        data['ticket_num'] -= 1
        save(path, data)                             # 写回 · write
        issue(i, path)
        say(f'buyer {i} 抢到了 · got a ticket')
    else:
        say(f'buyer {i} 没抢到 · sold out')


def customer(i, path, lock, use_lock, all_read):
    """一位顾客：先查，再买 · one customer: search, then buy."""
    search(i, path)
    if use_lock:
        buy(i, path, lock)
    else:
        buy_unsafe(i, path, all_read)                # 锁就在手边，却没用 · the lock is right here, unused


def main(use_lock: bool, buyers=10, tickets=1, worst_case=True):
    title = '加锁 · with the lock' if use_lock else '不加锁 · without the lock'
    method = multiprocessing.get_start_method()
    say(f'== {title}: {buyers} buyers, {tickets} ticket(s), start method {method} ==')
    with tempfile.TemporaryDirectory() as folder:    # 数据文件放临时目录 · data file in a temp dir
        path = os.path.join(folder, 'data.json')
        save(path, {'ticket_num': tickets})
        lock = Lock()                                # 当参数传给子进程 · handed to children as an argument
        all_read = Barrier(buyers) if worst_case and not use_lock else None
        processes = [Process(target=customer, args=(i, path, lock, use_lock, all_read))
                     for i in range(buyers)]
        start = time.perf_counter()
        for p in processes:
            p.start()
        for p in processes:
            p.join()
        seconds = time.perf_counter() - start
        failed = [p.exitcode for p in processes if p.exitcode != 0]
        if failed:
            raise SystemExit(f'{len(failed)} buyer process(es) failed, exit codes {failed}')
        sold = sum(name.startswith('stub-') for name in os.listdir(folder))
        left = load(path)['ticket_num']
    say(f'结果 · result: {sold} succeeded, ticket_num = {left} ({seconds:.2f} s)')
    if sold > tickets:
        say(f'超卖 · oversold by {sold - tickets}')
    if sold + left != tickets:                       # 卖出的 + 剩下的 ≠ 原有的 · sold + left ≠ tickets
        say(f'账对不上 · the books do not balance: {sold} sold + {left} left != {tickets}')
    return sold, left


if __name__ == '__main__':          # spawn/forkserver 的子进程会重新导入本文件 · children re-import this file
    parser = argparse.ArgumentParser(description='ticket grab with and without a lock')
    which = parser.add_mutually_exclusive_group()
    which.add_argument('--lock', dest='only', action='store_const', const='lock')
    which.add_argument('--no-lock', dest='only', action='store_const', const='no-lock')
    parser.add_argument('--no-barrier', action='store_true', help='no forced worst case')
    parser.add_argument('--tickets', type=int, default=1)
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    if args.only != 'lock':
        main(False, tickets=args.tickets, worst_case=not args.no_barrier)
    if args.only != 'no-lock':
        main(True, tickets=args.tickets)
