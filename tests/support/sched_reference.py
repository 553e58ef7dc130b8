"""An independent scheduler simulator for the W13 tests, written from the rules as stated, not from
src/widgets/scheduler/model.ts.

Where the widget keeps deques, this keeps for every ready job a sort key and picks the smallest:
a global ticket counter says who queued first (a job put back at the front of its queue gets a
ticket below every other). Time advances one tick at a time.

Rules (OSTEP ch. 7 and 8, and the course's conventions):
- FIFO: by ticket (arrival order, ties by index); a job runs until it finishes or blocks for I/O.
- SJF: non-preemptive; of the ready jobs, the shortest next CPU burst (the rest of its work, cut at
  its next I/O), ties by the job's index.
- RR(q): by ticket; a job leaves the CPU after q ticks and takes a new ticket AFTER the jobs that
  arrived (or came back from I/O) at that same instant.
- MLFQ: rule 1, the lowest level number runs, and a job waiting at a higher priority preempts the
  running one at the next tick boundary (the preempted job keeps its place: front of its level);
  rule 2, round-robin with the level's quantum; rule 3, new jobs enter level 0; rule 4, a job is
  demoted when its ticks at the level reach the level's allotment, however often it did I/O (with
  rule4 'old': demoted when one slice is used whole; a job that does I/O keeps its level and starts
  afresh); rule 5, every S ticks every job goes to level 0 with a fresh allotment.
- I/O: after every ioEvery ticks of CPU (unless finished), the job is away for ioTime ticks and then
  queues at its level like an arrival (after the arrivals of that instant).

Input: a JSON file named by the first argument, a list of {"policy", "jobs", "quantum"?, "mlfq"?}. Output: a JSON list of
{"ticks": [[job or -1, level, new_slice], ...], "stats": [[response, turnaround, wait], ...]}.
"""
import json
import sys


def simulate(case):
    policy = case['policy']
    jobs = case['jobs']
    n = len(jobs)
    m = case.get('mlfq') or {'quanta': [1, 2, 4], 'allotments': [1, 2, 4], 'boost': 0}
    if policy == 'MLFQ':
        quanta, allot, boost = m['quanta'], m['allotments'], m['boost']
        old = m.get('rule4') == 'old'
    else:
        quanta = [case.get('quantum', 2) if policy == 'RR' else 10 ** 9]
        allot, boost, old = [10 ** 9], 0, False
    levels = len(quanta)

    remaining = [j['run'] for j in jobs]
    every = [j.get('ioEvery') or 0 for j in jobs]
    away = [j.get('ioTime') or 0 for j in jobs]
    prio = [0] * n          # level
    slice_used = [0] * n
    at_level = [0] * n
    since_io = [0] * n
    back_at = [None] * n    # tick when I/O ends
    ticket = [None] * n     # set while ready
    arrived = [False] * n
    first_run = [None] * n
    finished = [None] * n
    ready_ticks = [0] * n
    counter = [0]

    def queue_up(j):
        counter[0] += 1
        ticket[j] = counter[0]

    running = None
    ticks = []
    t = 0
    while True:
        for j in range(n):
            if jobs[j]['arrival'] == t:
                arrived[j] = True
                prio[j] = 0
                queue_up(j)
        for j in range(n):
            if back_at[j] == t:
                back_at[j] = None
                queue_up(j)
        if running is not None:
            j = running
            running = None
            if remaining[j] == 0:
                finished[j] = t
            else:
                drop = at_level[j] >= allot[prio[j]] if not old else slice_used[j] >= quanta[prio[j]]
                if drop:
                    prio[j] = min(prio[j] + 1, levels - 1)
                    at_level[j] = slice_used[j] = 0
                if every[j] and since_io[j] == every[j]:
                    since_io[j] = 0
                    slice_used[j] = 0
                    if old:
                        at_level[j] = 0
                    back_at[j] = t + away[j]
                elif drop or slice_used[j] >= quanta[prio[j]]:
                    slice_used[j] = 0
                    queue_up(j)
                else:
                    running = j
        lifted = False
        if policy == 'MLFQ' and boost and t > 0 and t % boost == 0 and any(f is None for f in finished):
            # The queues joined top level first, each in its own order: order by (old level, ticket).
            waiting = sorted((j for j in range(n) if ticket[j] is not None), key=lambda j: (prio[j], ticket[j]))
            for j in waiting:
                queue_up(j)
            for j in range(n):
                if arrived[j] and finished[j] is None:
                    if j == running and prio[j] != 0:
                        lifted = True
                    prio[j] = 0
                    at_level[j] = slice_used[j] = 0
        if running is not None and policy == 'MLFQ':
            if any(ticket[k] is not None and prio[k] < prio[running] for k in range(n)):
                # Back to the front of its level: a ticket below every ticket held now.
                ticket[running] = min([ticket[k] for k in range(n) if ticket[k] is not None] + [0]) - 1
                running = None
        new_slice = lifted
        if running is None:
            ready = [k for k in range(n) if ticket[k] is not None]
            if ready:
                if policy == 'SJF':
                    burst = lambda k: min(remaining[k], every[k] - since_io[k]) if every[k] else remaining[k]
                    pick = min(ready, key=lambda k: (burst(k), k))
                elif policy == 'MLFQ':
                    pick = min(ready, key=lambda k: (prio[k], ticket[k]))
                else:
                    pick = min(ready, key=lambda k: ticket[k])
                ticket[pick] = None
                running = pick
                new_slice = True
                if first_run[pick] is None:
                    first_run[pick] = t
        if all(f is not None for f in finished):
            break
        for k in range(n):
            if ticket[k] is not None:
                ready_ticks[k] += 1
        if running is None:
            ticks.append([-1, 0, False])
        else:
            ticks.append([running, prio[running], new_slice])
            remaining[running] -= 1
            slice_used[running] += 1
            at_level[running] += 1
            since_io[running] += 1
        t += 1
    stats = [[first_run[j] - jobs[j]['arrival'], finished[j] - jobs[j]['arrival'], ready_ticks[j]] for j in range(n)]
    return {'ticks': ticks, 'stats': stats}


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as f:
        cases = json.load(f)
    json.dump([simulate(c) for c in cases], sys.stdout)
