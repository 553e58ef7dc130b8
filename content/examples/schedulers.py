"""三种调度算法的小模拟器 · A tiny simulator of three CPU schedulers.

作业 A(到达 0, 运行 6)、B(1, 2)、C(2, 1)，单核，时间以“格”计。
Jobs A(arrive 0, run 6), B(1, 2), C(2, 1) on one CPU; time in ticks.
python3 schedulers.py [--q N]
"""
import argparse
from collections import deque

JOBS = {'A': (0, 6), 'B': (1, 2), 'C': (2, 1)}   # 名字: (到达时刻, 需要的 CPU 时间) · name: (arrival, CPU time)


def fcfs(jobs):
    """先来先服务：按到达顺序，一个跑完再跑下一个 · first come, first served, each to the end."""
    timeline, t = [], 0
    for name, (arrive, need) in sorted(jobs.items(), key=lambda j: j[1][0]):
        t = max(t, arrive)
        timeline += [(t + i, name) for i in range(need)]
        t += need
    return timeline


def round_robin(jobs, q):
    """时间片轮转法：每人最多连跑 q 格，没跑完就排到队尾 · RR: at most q ticks, then back of the line."""
    left = {name: need for name, (_, need) in jobs.items()}
    ready, timeline, t = deque(), [], 0
    running, used = None, 0
    while any(left.values()):
        ready.extend(n for n, (a, _) in jobs.items() if a == t)   # 先让新到的排队 · new arrivals queue first
        if running and (left[running] == 0 or used == q):
            if left[running]:
                ready.append(running)                # 时间片用完，排到新来者后面 · slice over: behind the newcomers
            running = None
        if running is None and ready:
            running, used = ready.popleft(), 0       # 调度 · dispatch
        if running:
            timeline.append((t, running))
            left[running] -= 1
            used += 1
        t += 1
    return timeline


def mlfq(jobs, quanta=(1, 2, 4)):
    """多级反馈队列（规则 1-4，不做提升）· MLFQ, rules 1-4, no priority boost.

    第 i 级的时间片和配额都是 quanta[i]：在这一级累计用满配额就降一级，
    中途让出 CPU 也照样累计 · level i: slice = allotment = quanta[i]; the ticks
    add up even if the job gives up the CPU, and a full allotment means one level down.
    """
    left = {name: need for name, (_, need) in jobs.items()}
    queues = [deque() for _ in quanta]
    level, spent = {}, {}
    timeline, t = [], 0
    running = None
    while any(left.values()):
        for n, (a, _) in jobs.items():
            if a == t:
                level[n], spent[n] = 0, 0            # 规则 3：新作业进最高级 · rule 3: new jobs enter the top
                queues[0].append(n)
        if running:
            lv = level[running]
            if left[running] == 0:
                running = None
            elif spent[running] == quanta[lv]:       # 规则 4：配额用完，降一级 · rule 4: allotment used, demote
                level[running], spent[running] = min(lv + 1, len(quanta) - 1), 0
                queues[level[running]].append(running)
                running = None
            elif any(queues[i] for i in range(lv)):  # 规则 1：更高级的作业抢占 · rule 1: higher priority preempts
                queues[lv].appendleft(running)
                running = None
        if running is None:
            for qu in queues:                        # 规则 1、2：最高的非空队列，队内轮转 · rules 1-2
                if qu:
                    running = qu.popleft()
                    break
        if running:
            timeline.append((t, f'{running}{level[running]}'))
            left[running] -= 1
            spent[running] += 1
        t += 1
    return timeline


def report(title, timeline, jobs, sep=''):
    """打印时间线、完成时刻、周转时间和响应时间 · print timeline, finish, turnaround and response times."""
    finish, first = {}, {}
    for t, label in timeline:
        name = label[0]
        first.setdefault(name, t)
        finish[name] = t + 1
    turnaround = {n: finish[n] - jobs[n][0] for n in jobs}   # 完成 - 到达 · completion - arrival
    response = {n: first[n] - jobs[n][0] for n in jobs}      # 第一次运行 - 到达 · first run - arrival
    by_finish = sorted(finish, key=finish.get)
    avg = lambda d: sum(d.values()) / len(d)
    print(f'{title}: {sep.join(label for _, label in timeline)}')
    print('  finish ' + ' '.join(f'{n}={finish[n]}' for n in by_finish))
    print('  turnaround ' + ' '.join(f'{n}={turnaround[n]}' for n in sorted(jobs)) + f' (avg {avg(turnaround):.2f})')
    print('  response ' + ' '.join(f'{n}={response[n]}' for n in sorted(jobs)) + f' (avg {avg(response):.2f})')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='FCFS, RR and MLFQ on three jobs')
    parser.add_argument('--q', type=int, default=2, help='RR time slice in ticks')
    args = parser.parse_args()
    print('jobs: ' + ' '.join(f'{n}(arrive {a}, run {r})' for n, (a, r) in JOBS.items()))
    report('FCFS', fcfs(JOBS), JOBS)
    report(f'RR q={args.q}', round_robin(JOBS, args.q), JOBS)
    report('MLFQ 1/2/4', mlfq(JOBS), JOBS, sep=' ')
