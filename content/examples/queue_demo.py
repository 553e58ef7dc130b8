"""队列：满了 put 等，空了 get 等；Full 和 Empty；三种线程队列 · Queues: put waits when full, get waits when empty; Full and Empty; three thread queues.

python3 queue_demo.py
"""
import multiprocessing
import queue                     # Full 和 Empty 两个异常在这里 · the Full and Empty exceptions live here
import time
from multiprocessing import Queue


def snapshot(q):
    """full()/empty()/qsize() 只是某一刻的快照 · full()/empty()/qsize() are snapshots of one moment."""
    try:
        size = q.qsize()
    except NotImplementedError:  # macOS 上没有 · not available on macOS
        size = 'n/a'
    return f'full() = {q.full()}, empty() = {q.empty()}, qsize() = {size}'


if __name__ == '__main__':
    q = Queue(5)                                 # 最多放 5 个 · holds at most 5 items
    for i in range(1, 6):
        q.put(i)                                 # 前 5 个马上放进去 · the first five go straight in
    print(f'put 1..5: {snapshot(q)}')

    start = time.perf_counter()
    try:
        q.put(6, timeout=1)                      # 满了：最多等 1 秒 · full: wait at most 1 s
    except queue.Full:
        print(f'put(6, timeout=1): queue.Full after {time.perf_counter() - start:.1f} s')
    try:
        q.put_nowait(6)                          # 满了：不等，立即报错 · full: no waiting, raise at once
    except queue.Full:
        print('put_nowait(6): queue.Full at once')

    print('get x5:', [q.get() for _ in range(5)])   # 先进先出 · first in, first out
    try:
        q.get_nowait()                           # 空了：不等，立即报错 · empty: no waiting, raise at once
    except queue.Empty:
        print('get_nowait() on an empty queue: queue.Empty')
    start = time.perf_counter()
    try:
        q.get(timeout=0.5)                       # 空了：最多等 0.5 秒 · empty: wait at most 0.5 s
    except queue.Empty:
        print(f'get(timeout=0.5): queue.Empty after {time.perf_counter() - start:.1f} s')

    q.put('x')                                   # 后台的 feeder 线程才把它写进管道 · a feeder thread writes it to the pipe later
    try:
        print(f'get_nowait() right after put(): got {q.get_nowait()!r}')
    except queue.Empty:
        print('get_nowait() right after put(): queue.Empty (the feeder thread was not done yet)')
        print(f'get() waits for it: got {q.get()!r}')

    print('-- thread queues: put 3, 1, 2 --')
    for kind in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
        tq = kind()
        for item in (3, 1, 2):
            tq.put(item)
        print(f'{kind.__name__}: get -> {[tq.get() for _ in range(3)]}')
    pq = queue.PriorityQueue()
    for item in ((2, 'write report'), (1, 'fix the server'), (3, 'lunch')):
        pq.put(item)                             # (优先级, 任务)，数小的先出 · (priority, task): smallest first
    print('PriorityQueue of tuples:', [pq.get()[1] for _ in range(3)])
