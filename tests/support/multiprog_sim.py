# An independent simulator for W11 (multiprogramming), written from the rules in the course brief and
# chapter 8, not from src/widgets/multiprog/model.ts. Reads a JSON list of setups on stdin and writes
# one result per setup: the CPU's timeline as [kind, start, end, job], each job's finish time, the
# makespan, the jobs' CPU time and the number of switches.
#
# One CPU; each job is a list of bursts, CPU first, then I/O, CPU, ...; all jobs are there at 0, in
# order. Each job has its own I/O device (I/O bursts of different jobs overlap). Time moves in whole
# milliseconds; at each instant t the rules apply in this order:
#   a. a context switch that ends at t hands the CPU to its job; the job's slice begins at t;
#   b. I/O bursts ending at t, in job order: a job with nothing left is finished at t; a job still
#      sitting on the CPU (uniprogramming and slice-only modes keep the CPU through I/O) continues
#      on it; any other job goes to the back of the ready queue;
#   c. the CPU burst of the job on the CPU ending at t: finished if nothing is left; otherwise its
#      I/O starts; in the modes that switch on I/O ('io', 'both') it gives the CPU up, else keeps it;
#   d. modes with a time slice ('slice', 'both'): the job on the CPU whose slice has lasted the
#      quantum gives it up if anybody is waiting in the ready queue (to the back of the queue if it
#      was computing; if it was in I/O it simply waits for its I/O); if nobody waits it keeps the CPU
#      and its slice begins again;
#   e. a CPU with no job and no switch under way takes the job at the front of the queue; except in
#      uniprogramming, if the previous job on the CPU was another job, a switch of `switch` ms runs
#      first (a switch to a different job is counted even when it costs 0 ms);
#   f. one millisecond passes.
import json
import sys


def simulate(setup):
    mode = setup['mode']
    bursts = setup['jobs']
    cost = setup['switchCost']
    q = setup['quantum']
    n = len(bursts)
    # per job: phase index into its bursts, remaining ms of a CPU phase, end time of an I/O phase
    phase = [0] * n
    remaining = [b[0] for b in bursts]
    io_until = [None] * n
    finished = [None] * n
    ready = list(range(n))
    on_cpu = None
    slice_from = 0
    pending = None  # (job, time the switch is over)
    previous = None
    switches = 0
    timeline = []

    def is_io(j):
        return phase[j] % 2 == 1

    def next_phase(j, t):
        phase[j] += 1
        if phase[j] == len(bursts[j]):
            finished[j] = t
            return False
        if is_io(j):
            io_until[j] = t + bursts[j][phase[j]]
        else:
            remaining[j] = bursts[j][phase[j]]
        return True

    def mark(kind, t, job):
        if timeline and timeline[-1][0] == kind and timeline[-1][3] == job and timeline[-1][2] == t:
            timeline[-1][2] = t + 1
        else:
            timeline.append([kind, t, t + 1, job])

    t = 0
    while None in finished:
        if pending is not None and pending[1] == t:
            on_cpu, slice_from, previous, pending = pending[0], t, pending[0], None
        for j in range(n):
            if io_until[j] == t:
                io_until[j] = None
                if not next_phase(j, t):
                    if on_cpu == j:
                        on_cpu = None
                elif on_cpu != j:
                    ready.append(j)
        if on_cpu is not None and not is_io(on_cpu) and remaining[on_cpu] == 0:
            j = on_cpu
            if not next_phase(j, t) or mode in ('io', 'both'):
                on_cpu = None
        if mode in ('slice', 'both') and on_cpu is not None and t - slice_from == q:
            if ready:
                j, on_cpu = on_cpu, None
                if not is_io(j):
                    ready.append(j)
            else:
                slice_from = t
        if on_cpu is None and pending is None and ready:
            j = ready.pop(0)
            change = mode != 'uni' and previous is not None and previous != j
            if change:
                switches += 1
            if change and cost > 0:
                pending = (j, t + cost)
            else:
                on_cpu, slice_from, previous = j, t, j
        if None not in finished:
            break
        if pending is not None:
            mark('switch', t, pending[0])
        elif on_cpu is None:
            mark('idle', t, None)
        elif is_io(on_cpu):
            mark('hold', t, on_cpu)
        else:
            mark('run', t, on_cpu)
            remaining[on_cpu] -= 1
        t += 1
    makespan = max(finished)
    busy = sum(sum(b[0::2]) for b in bursts)
    return {'cpu': timeline, 'finish': finished, 'makespan': makespan, 'busy': busy, 'switches': switches}


print(json.dumps([simulate(s) for s in json.load(sys.stdin)]))
