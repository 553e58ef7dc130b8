"""W18's outside truth: the same op sequences and producer-consumer traces run against the real
queue.Queue / queue.LifoQueue. Reads JSON on stdin, writes JSON on stdout.

{"ops": [{"maxsize", "kind", "ops": [[op, value], ...]}, ...]}
  -> one result list per case: ["ok"] / ["ok", value] / ["raised", "Full"|"Empty"] / ["blocked"].
  A blocking put/get is called with a small timeout: queue.Full / queue.Empty after it means
  the call blocked (nobody else would ever change the queue).
{"traces": [{"maxsize", "kind", "events": [[kind, item], ...], "unfinished": [...]}, ...]}
  -> replays a run's events in order; returns the first disagreement per trace or null.
"""
import json
import queue
import sys

WAIT = 0.0005


def make(kind, maxsize):
    return (queue.Queue if kind == 'FIFO' else queue.LifoQueue)(maxsize)


def run_ops(case):
    q = make(case['kind'], case['maxsize'])
    out = []
    for op, value in case['ops']:
        try:
            if op == 'put':
                q.put(value, timeout=WAIT)
                out.append(['ok'])
            elif op == 'put_nowait':
                q.put_nowait(value)
                out.append(['ok'])
            elif op == 'get':
                out.append(['ok', q.get(timeout=WAIT)])
            else:
                out.append(['ok', q.get_nowait()])
        except queue.Full:
            out.append(['blocked'] if op == 'put' else ['raised', 'Full'])
        except queue.Empty:
            out.append(['blocked'] if op == 'get' else ['raised', 'Empty'])
    return out


def replay(trace):
    q = make(trace['kind'], trace['maxsize'])
    for n, (kind, item) in enumerate(trace['events']):
        if kind == 'put':
            try:
                q.put_nowait(item)
            except queue.Full:
                return f'event {n}: put {item!r} succeeded in the model, queue.Full in Python'
        elif kind == 'put-blocked':
            if not q.full():
                return f'event {n}: put blocked in the model, but the queue is not full'
        elif kind == 'get':
            try:
                got = q.get_nowait()
            except queue.Empty:
                return f'event {n}: get succeeded in the model, queue.Empty in Python'
            if got != item:
                return f'event {n}: model got {item!r}, Python {got!r}'
        elif kind == 'get-blocked':
            if not q.empty():
                return f'event {n}: get blocked in the model, but the queue holds {q.qsize()}'
        elif kind == 'task-done':
            q.task_done()
            if q.unfinished_tasks != item:
                return f'event {n}: unfinished {item} in the model, {q.unfinished_tasks} in Python'
        elif kind == 'join-returned':
            if q.unfinished_tasks != 0:
                return f'event {n}: join returned with {q.unfinished_tasks} unfinished'
        elif kind == 'left':
            rest = []
            while not q.empty():
                rest.append(q.get_nowait())
            if trace['kind'] == 'LIFO':
                rest.reverse()
            if rest != item:
                return f'end: model left {item!r}, Python {rest!r}'
    return None


job = json.load(sys.stdin)
if 'ops' in job:
    print(json.dumps([run_ops(c) for c in job['ops']]))
else:
    print(json.dumps([replay(t) for t in job['traces']]))
