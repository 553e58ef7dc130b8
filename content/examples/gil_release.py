"""C 代码在计算时也能放开 GIL · C code can let go of the GIL while it computes.

一个线程在 Python 里数数；另一个线程调用一个很长的 C 函数。调用期间数字涨没涨，说明 GIL 有没有被放开。
One thread counts in Python while another makes one long C call. Whether the count moved during
the call tells whether that C code let go of the GIL.
python3 gil_release.py
"""
import hashlib
import random
import sys
import threading
import time

count = 0
stop = False


def counter():
    global count
    while not stop:
        count += 1
        time.sleep(0.0001)  # 每数一下就睡一小会儿，让出 GIL · nap briefly, giving the GIL up


def counted_during(call, rounds=5):
    """call() 期间另一线程数了多少（取几轮里最多的）· how far the other thread counted during call()."""
    best = 0
    for _ in range(rounds):
        before = count
        call()                      # 只有 call 放开 GIL，counter 才能跑 · counter runs only if call lets go
        best = max(best, count - before)
        if best:
            break                   # 数字涨了，就不用再试 · it moved: no need to try again
    return best


if __name__ == '__main__':
    sys.setswitchinterval(1000)     # 不再定时抢 GIL：只有主动放开时别的线程才能跑 · no forced switches
    data = bytes(64 * 1024 * 1024)                  # 64 MB 的零字节 · 64 MB of zero bytes
    numbers = list(range(300_000))
    random.Random(1).shuffle(numbers)
    t = threading.Thread(target=counter)
    t.start()
    while count == 0:
        time.sleep(0.001)                           # 等 counter 跑起来 · until the counter runs
    hashed = counted_during(lambda: hashlib.sha256().update(data))   # hashlib 放开 GIL · lets go
    ordered = counted_during(lambda: sorted(numbers))                # sorted 一直拿着 · keeps it
    stop = True
    t.join()
    print(f'hashlib.sha256().update(64 MB): the other thread counted {hashed} during the call')
    print(f'sorted(300,000 ints): the other thread counted {ordered} during the call')
