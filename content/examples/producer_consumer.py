"""生产者-消费者：两个生产者、两个消费者，用队列连起来 · Producer-consumer: two producers and two consumers joined by a queue.

默认用哨兵（每个消费者一个 None）结束；--joinable 改用 JoinableQueue + task_done() + join()，消费者是守护进程。
By default it ends with sentinels (one None per consumer); --joinable uses JoinableQueue + task_done() + join()
with daemon consumers instead.
python3 producer_consumer.py [--joinable] [--items N] [--start-method M]
"""
import argparse
import multiprocessing
import random
import time
from multiprocessing import JoinableQueue, Process, Queue


def say(line):
    """一整行一次写出 · one write per line, so processes don't mix their output."""
    print(line + '\n', end='', flush=True)


def producer(name, q, items):
    for i in range(items):
        time.sleep(random.uniform(0.01, 0.05))      # 做一个包子要点时间 · making one takes a while
        item = f'{name}-{i}'
        q.put(item)                                 # 队列满了就在这里等 · waits here while the queue is full
        say(f'{name} made {item}')
    say(f'{name} finished')


def consumer(name, q):
    """哨兵版：拿到 None 就下班 · sentinel version: stop at None."""
    eaten = 0
    while True:
        item = q.get()                              # 队列空了就在这里等 · waits here while the queue is empty
        if item is None:                            # 哨兵 · the sentinel
            break
        time.sleep(random.uniform(0.02, 0.06))      # 吃也要点时间 · eating takes a while too
        eaten += 1
        say(f'{name} ate {item}')
    say(f'{name} got None, stops after {eaten} items')


def joinable_consumer(name, q):
    """JoinableQueue 版：永远循环，每处理完一个就 task_done() · loops forever; task_done() after each item."""
    while True:
        item = q.get()
        time.sleep(random.uniform(0.02, 0.06))
        say(f'{name} ate {item}')
        q.task_done()                               # 告诉队列：这一个处理完了 · tell the queue: this one is done


def main(joinable, items):
    say(f'== {"JoinableQueue" if joinable else "sentinels"}, start method {multiprocessing.get_start_method()} ==')
    q = JoinableQueue(5) if joinable else Queue(5)  # 队列当参数传给子进程 · the queue is passed as an argument
    producers = [Process(target=producer, args=(f'p{i}', q, items)) for i in range(2)]
    if joinable:
        consumers = [Process(target=joinable_consumer, args=(f'c{i}', q), daemon=True) for i in range(2)]
    else:
        consumers = [Process(target=consumer, args=(f'c{i}', q)) for i in range(2)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()                                    # 生产者都做完了 · every producer has finished
    if joinable:
        q.join()                                    # 等每个 put 都有一个 task_done · until every put has its task_done
        say('main: q.join() returned, every item was processed')
    else:
        for _ in consumers:
            q.put(None)                             # 每个消费者一个哨兵 · one sentinel per consumer
        for c in consumers:
            c.join()
    say('main: done')                               # 守护消费者随主进程结束 · daemon consumers end with the main process


if __name__ == '__main__':          # spawn/forkserver 的子进程会重新导入本文件 · children re-import this file
    parser = argparse.ArgumentParser(description='two producers, two consumers, one queue')
    parser.add_argument('--joinable', action='store_true', help='JoinableQueue + task_done + join')
    parser.add_argument('--items', type=int, default=4, help='items per producer')
    parser.add_argument('--start-method', choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    main(args.joinable, args.items)
