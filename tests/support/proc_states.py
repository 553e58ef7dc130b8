# The outside truth of the process-state lab (W12): real processes on Linux in the states the
# model names. Started by tests/unit/procstates-model.test.ts, which reads /proc/<pid>/stat itself.
# Children: one in time.sleep, one in sock.recv on an idle 127.0.0.1 connection, one in input() on
# a pipe nobody writes to (Blocked: the kernel says S), one spinning (Running or Ready: R), and one
# that has exited and is not yet reaped (Terminated before the parent's wait: Z). Prints their pids
# as JSON, then waits until its stdin closes (or 20 s), ends them all and reaps them.
import json, os, subprocess, sys, select

PY = sys.executable
RECV = (
    "import socket\n"
    "srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1)\n"
    "cli = socket.create_connection(srv.getsockname()); conn, _ = srv.accept()\n"
    "conn.recv(1024)\n"
)
kids = {
    'sleep': subprocess.Popen([PY, '-c', 'import time; time.sleep(30)']),
    'recv': subprocess.Popen([PY, '-c', RECV]),
    'input': subprocess.Popen([PY, '-c', 'input()'], stdin=subprocess.PIPE),
    'spin': subprocess.Popen([PY, '-c', 'while True: pass']),
}
pid = os.fork()
if pid == 0:
    os._exit(3)  # the child ends at once; nobody waits for it yet: a zombie
print(json.dumps({**{k: p.pid for k, p in kids.items()}, 'exited': pid}), flush=True)
select.select([sys.stdin], [], [], 20)
for p in kids.values():
    p.kill()
for p in kids.values():
    p.wait()
_, status = os.waitpid(pid, 0)
print(json.dumps({'exited_code': os.waitstatus_to_exitcode(status)}), flush=True)
