"""W16's outside truth: a global n = 100; the parent sets n = BEFORE, starts a worker that reports
the n it sees and sets n = 0, joins it and prints its own n. One JSON line per case.
python3 isolation_harness.py BEFORE process|thread [fork|spawn|forkserver]
"""
import json
import multiprocessing
import sys
import threading

n = 100


def task(q):
    global n
    q.put(n)
    n = 0


if __name__ == '__main__':
    before, worker = int(sys.argv[1]), sys.argv[2]
    n = before
    if worker == 'thread':
        import queue
        q = queue.Queue()
        w = threading.Thread(target=task, args=(q,))
    else:
        ctx = multiprocessing.get_context(sys.argv[3])
        q = ctx.Queue()
        w = ctx.Process(target=task, args=(q,))
    w.start()
    seen = q.get(timeout=20)
    w.join()
    print(json.dumps({'seen': seen, 'printed': n}))
