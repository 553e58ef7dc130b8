"""W10's outside truth: socketserver_demo.py's own handler (SlowEcho) behind each server kind on
127.0.0.1 port 0, with clients arriving in a known order, recording when each handler started and
finished (server side, time.monotonic, shared by forked children) and how long the run took.

argv[1]: JSON {"clients": 3, "work": 0.4, "stagger": 0.05}. Prints one JSON object per server kind.
"""
import json
import os
import socket
import socketserver
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'content', 'examples'))
import socketserver_demo as demo  # noqa: E402

args = json.loads(sys.argv[1])
demo.WORK = args['work']          # the handler reads the module's WORK on each request


class Timed(demo.SlowEcho):
    """SlowEcho, then the handler's own start and finish times after the echo."""

    def handle(self):
        start = time.monotonic()
        super().handle()
        self.request.sendall(f'|{start:.6f} {time.monotonic():.6f}'.encode())


def run(server_class, name):
    out = [None] * args['clients']
    with server_class(('127.0.0.1', 0), Timed) as server:
        port = server.server_address[1]
        loop = threading.Thread(target=server.serve_forever)
        loop.start()

        def client(i):
            with socket.create_connection(('127.0.0.1', port), timeout=30) as sock:
                sock.sendall(f'client {i}'.encode())
                sock.shutdown(socket.SHUT_WR)
                data = b''
                while chunk := sock.recv(1024):
                    data += chunk
            start, finish = data.decode().split('|')[1].split()
            out[i] = [float(start), float(finish)]

        t0 = time.monotonic()
        threads = []
        for i in range(args['clients']):      # client i connects stagger × i seconds after the first
            th = threading.Thread(target=client, args=(i,))
            th.start()
            threads.append(th)
            time.sleep(args['stagger'])
        for th in threads:
            th.join(60)
        elapsed = time.monotonic() - t0
        server.shutdown()
        loop.join(10)
    return {'server': name, 'elapsed': elapsed, 'times': [[s - t0, f - t0] for s, f in out]}


class Threading(socketserver.ThreadingTCPServer):
    daemon_threads = True


kinds = [(socketserver.TCPServer, 'tcp'), (Threading, 'threading')]
if hasattr(socketserver, 'ForkingTCPServer'):
    kinds.append((socketserver.ForkingTCPServer, 'forking'))
print(json.dumps([run(c, n) for c, n in kinds]))
