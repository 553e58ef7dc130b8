"""W15's outside truth: the reader's calls on one multiprocessing.Process, made for real.

python3 lifecycle_truth.py '{"method": "spawn", "work": 3, "tick": 0.25, "actions": ["start", "join"]}'
prints one JSON object per call: what it returned or raised, and p.exitcode after it. The child's
target sleeps work × tick seconds; "wait" sleeps one tick in the parent; "end" runs what
multiprocessing runs when the parent's code ends (terminate the daemonic children, join the rest).
"""
import json
import multiprocessing
import sys
import time
from multiprocessing import util


def work(seconds):
    time.sleep(seconds)


def call(p, action, tick):
    if action == 'daemon':
        p.daemon = True
        return None
    if action == 'wait':
        time.sleep(tick)
        return None
    if action == 'end':
        util._exit_function()
        return None
    return getattr(p, action)()


if __name__ == '__main__':
    job = json.loads(sys.argv[1])
    ctx = multiprocessing.get_context(job['method'])
    p = ctx.Process(target=work, args=(job['work'] * job['tick'],))
    out = []
    for action in job['actions']:
        try:
            r = call(p, action, job['tick'])
            res = {'returns': repr(r)}
        except Exception as e:  # what the reader would see
            res = {'raises': type(e).__name__, 'message': str(e)}
        res['exitcode'] = p.exitcode
        out.append(res)
    print(json.dumps(out))
