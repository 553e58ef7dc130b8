"""W9's outside truth: a real sender and receiver on 127.0.0.1 running upload.py's body loop.

Reads a JSON list of cases on argv[1]; prints one JSON result per case. Each case: the sender
writes frame 1 (framing.pack_header + body) and frame 2 with sendall, then closes; the receiver
reads frame 1's header with framing.recv_header and then runs the loop (with or without min).
"all" cases: the sender finishes before the receiver reads (the kernel holds both frames, so each
recv returns min(asked, what is buffered)). Otherwise the sender writes in small pieces with
short pauses, and recv returns whatever has arrived.
"""
import hashlib
import json
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'content', 'examples'))
from framing import pack_header, recv_exact, recv_header  # noqa: E402


def body_of(size):
    s, i = '', 1
    while len(s) < size:
        s += f'line {i}\n'
        i += 1
    return s[:size].encode()


def run(case):
    size, chunk, use_min = case['size'], case['chunk'], case['useMin']
    body = body_of(size)
    header = {'file_name': 'a.txt', 'file_size': size}
    if case.get('md5') == 'match':
        header['md5'] = hashlib.md5(body).hexdigest()
    b2 = case['body2'].encode()
    stream = pack_header(header) + body + pack_header({'file_name': 'b.txt', 'file_size': len(b2)}) + b2
    sent = len(stream) if case.get('dropAt') is None else len(pack_header(header)) + case['dropAt']
    sent_all = threading.Event()
    with socket.create_server(('127.0.0.1', 0)) as listener:
        port = listener.getsockname()[1]

        def sender():
            with socket.create_connection(('127.0.0.1', port), timeout=10) as s:
                if case['all']:
                    s.sendall(stream[:sent])
                else:
                    for i in range(0, sent, 700):
                        s.sendall(stream[i:min(sent, i + 700)])
                        time.sleep(0.002)
                sent_all.set()
                s.shutdown(socket.SHUT_WR)
                s.settimeout(10)
                try:
                    s.recv(1)   # stay open until the receiver is done (b'' when it closes)
                except ConnectionResetError:
                    pass        # it closed with frame 2 unread: the kernel answers with a reset

        t = threading.Thread(target=sender)
        t.start()
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(10)
            if case['all']:
                sent_all.wait(10)
                time.sleep(0.05)    # let loopback deliver what was written
            got, error = [], None
            f = bytearray()
            h = recv_header(conn)
            remaining = h['file_size']
            try:
                while (remaining if use_min else remaining > 0):
                    data = conn.recv(min(chunk, remaining) if use_min else chunk)
                    if not data:
                        raise ConnectionError(f'peer closed after {size - remaining} of {size} bytes')
                    got.append(len(data))
                    f += data
                    remaining -= len(data)
            except ConnectionError as e:
                error = [type(e).__name__, str(e)]
            file2 = None
            if error is None and use_min:
                h2 = recv_header(conn)
                file2 = recv_exact(conn, h2['file_size']).decode()
        t.join(10)
    return {'got': got, 'file': bytes(f).hex(), 'error': error, 'file2': file2,
            'md5': hashlib.md5(bytes(f)).hexdigest(), 'header': header}


print(json.dumps([run(c) for c in json.loads(sys.argv[1])]))
