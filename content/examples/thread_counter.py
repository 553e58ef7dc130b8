"""共享计数器：不加锁丢失更新，加锁一次不丢 · A shared counter: updates are lost without a lock, none with it.

count += 1 是 LOAD、ADD、STORE 三步；这里用 time.sleep(0) 把 LOAD 和 STORE 之间的窗口拉大。
count += 1 is LOAD, ADD, STORE; time.sleep(0) widens the window between LOAD and STORE.
python3 thread_counter.py [--threads N] [--times N]
"""
import argparse
import threading
import time

count = 0                       # 所有线程共享的全局变量 · a global every thread shares
lock = threading.Lock()         # 线程共享全局变量，锁也可以是全局的 · threads share globals, so a global lock works


def add_unsafe(times):
    global count
    for _ in range(times):
        tmp = count             # LOAD：读出来 · read
        time.sleep(0)           # 让出 CPU，别的线程插进来 · give way: another thread gets in here
        count = tmp + 1         # ADD + STORE：写回，可能盖掉别人的结果 · write back, maybe over someone else's


def add_safe(times):
    global count
    for _ in range(times):
        with lock:              # 读-加-写整段在锁里 · the whole read-add-write inside the lock
            tmp = count
            time.sleep(0)
            count = tmp + 1


def run(target, threads, times):
    global count
    count = 0
    workers = [threading.Thread(target=target, args=(times,)) for _ in range(threads)]
    start = time.perf_counter()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return count, time.perf_counter() - start


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='a shared counter with and without a lock')
    parser.add_argument('--threads', type=int, default=4)
    parser.add_argument('--times', type=int, default=1000)
    args = parser.parse_args()
    expected = args.threads * args.times
    for title, target in (('不加锁 · without the lock', add_unsafe), ('加锁 · with the lock', add_safe)):
        got, seconds = run(target, args.threads, args.times)
        print(f'{title}: count = {got}, expected {expected}, lost {expected - got} ({seconds:.2f} s)')
