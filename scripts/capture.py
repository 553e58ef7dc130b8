#!/usr/bin/env python3
"""Real packets: records what Linux sent on the loopback interface while the course's own examples ran.

    python3 scripts/capture.py [--out DIR] [SCENARIO ...]     (npm run captures; root, Linux only)

Scenarios (content/captures/<name>.json; all of them when none is named):
  echo      echo_server.py --clients 1 + echo_client.py PORT hello: handshake, one exchange, close
            (the client closes first: the server only closes once its recv() returned b'')
  sticky    sticky_repro.py: two sendall() calls, one recv() (the server closes first: the client
            waits for the server thread to end before its own close)
  upload    upload.serve() in one process, upload.upload() of a small file in another (framing.py's
            header, then the body, then the server's reply); the server closes first: upload() reads to b'' first
  refused   echo_client.py PORT hello to a port that is bound but not listening: SYN, then RST,ACK
  time-wait reuse_addr.one_connection(reuse=True, server_first=True), then the /proc/net/tcp lines of
            the server's port in TIME_WAIT (state 06), read right after the close

How: an AF_PACKET raw socket bound to `lo` sees every frame on the loopback interface twice, once
leaving (PACKET_OUTGOING) and once arriving (PACKET_HOST); only the outgoing copy is kept, stamped by
the kernel (SO_TIMESTAMPNS). A loopback frame has a 14-byte Ethernet header with zero MACs, then
IPv4, then TCP. The examples run as they are (python3 in content/examples/, nothing changed in
them); where one does not print its port, a small driver in this file reports it. Other programs
may use lo at the same time, so the frames are filtered afterwards to the one connection of the
scenario: the first SYN to the server's port picks the client's port.

Bounds: each scenario stops by itself after TIME_LIMIT seconds (its processes are killed, the
recorder stops), the recorder keeps at most MAX_FRAMES frames of all of lo, and a scenario's
connection may have at most MAX_SEGMENTS segments.

Numbers: seq is relative to the sender's ISN and ack to the peer's ISN (the first SYN's sequence
number is 0, so the SYN itself has seq 0 and its ACK has ack 1). A side that never sent a SYN (the
closed port of `refused`) has no ISN: its seq is the raw number (Linux puts 0 in an RST that
answers a SYN, RFC 9293 §3.10.7.1). win is the raw 16-bit field, not multiplied by the window scale.

MSS on lo: the SYN carries what the kernel puts there, 65495 on Linux. lo's MTU is 65536, and
65536 - 20 (IPv4) - 20 (TCP) would be 65496, but an IPv4 packet cannot be longer than 65535 bytes (the
total-length field has 16 bits), so the kernel caps the advertised MSS at 65535 - 40 = 65495
(ipv4_default_advmss). With timestamps on, each full segment then carries 12 bytes of options, so
at most 65483 bytes of data fit.
"""
import argparse
import ast
import ctypes
import datetime
import json
import os
import platform
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, 'content', 'examples')
OUT = os.path.join(ROOT, 'content', 'captures')
HOST = '127.0.0.1'
TIME_LIMIT = 10.0          # seconds per scenario, processes and recorder together
MAX_FRAMES = 100_000       # frames kept from all of lo (other programs may use it too)
MAX_SEGMENTS = 200         # segments of the scenario's own connection
GRACE = 0.3                # seconds of recording after the programs ended (the last ACK)
SCENARIOS = ['echo', 'sticky', 'upload', 'refused', 'time-wait']

# Linux's numbers, by Python's name where its socket module has one (3.11 lacks most of them), else
# as the kernel's headers give them: linux/if_ether.h (ETH_P_ALL), linux/if_packet.h (PACKET_*),
# linux/socket.h (SOL_PACKET) and asm-generic/socket.h (SO_*). The SO_* numbers of asm-generic are
# those of x86, Arm and RISC-V; a few other architectures (alpha, mips, parisc, sparc, powerpc) have
# their own, so main() refuses to guess there (KNOWN_ABI).
ETH_P_ALL = getattr(socket, 'ETH_P_ALL', 0x0003)
PACKET_OUTGOING = getattr(socket, 'PACKET_OUTGOING', 4)
SO_TIMESTAMPNS = getattr(socket, 'SO_TIMESTAMPNS', 35)
SO_RCVBUFFORCE = getattr(socket, 'SO_RCVBUFFORCE', 33)   # root may go over net.core.rmem_max
SO_ATTACH_FILTER = getattr(socket, 'SO_ATTACH_FILTER', 26)
SOL_PACKET = getattr(socket, 'SOL_PACKET', 263)
PACKET_STATISTICS = getattr(socket, 'PACKET_STATISTICS', 6)
KNOWN_ABI = ('x86_64', 'i686', 'i386', 'aarch64', 'arm64', 'armv7l', 'armv8l', 'riscv64')
ATTEMPTS = 3               # a recording that lost frames (the socket's buffer overflowed) is redone

# A classic BPF program, run by the kernel on every frame of lo before it is queued for us: keep the
# leaving copy (pkttype PACKET_OUTGOING) of IPv4 TCP frames, their first 256 bytes (the headers);
# drop the rest. A busy lo (a browser test talking to a local server) then cannot fill our buffer
# with frames we would throw away anyway.
SKF_AD_PKTTYPE = -0x1000 + 4
BPF_PROGRAM = [            # (code, jt, jf, k)
    (0x30, 0, 0, SKF_AD_PKTTYPE & 0xFFFFFFFF),  # ldb pkttype
    (0x15, 0, 5, PACKET_OUTGOING),              # jeq #4, else drop
    (0x28, 0, 0, 12),                           # ldh [12]: the Ethernet type
    (0x15, 0, 3, 0x0800),                       # jeq IPv4, else drop
    (0x30, 0, 0, 14 + 9),                       # ldb [23]: the IPv4 protocol
    (0x15, 0, 1, 6),                            # jeq TCP, else drop
    (0x06, 0, 0, 256),                          # ret #256: keep 256 bytes
    (0x06, 0, 0, 0),                            # ret #0: drop
]
FLAG_NAMES = [(0x01, 'FIN'), (0x02, 'SYN'), (0x04, 'RST'), (0x08, 'PSH'), (0x10, 'ACK'),
              (0x20, 'URG'), (0x40, 'ECE'), (0x80, 'CWR')]
SYN, RST, ACK, FIN = 0x02, 0x04, 0x10, 0x01


class CaptureError(Exception):
    pass


class Lost(CaptureError):
    """Frames were lost: the recording is incomplete, and worth another try."""


# ─── parsing ─────────────────────────────────────────────────────────────────────────────────────

def parse_options(raw):
    """TCP options: MSS (2), window scale (3), SACK permitted (4), SACK blocks (5), timestamps (8)."""
    opts, i = {}, 0
    while i < len(raw):
        kind = raw[i]
        if kind == 0:                       # EOL: the rest is padding
            break
        if kind == 1:                       # NOP: one byte of alignment
            i += 1
            continue
        if i + 1 >= len(raw) or raw[i + 1] < 2 or i + raw[i + 1] > len(raw):
            opts.setdefault('unknown', []).append(kind)
            break
        length = raw[i + 1]
        body = raw[i + 2:i + length]
        if kind == 2 and length == 4:
            opts['mss'] = struct.unpack('!H', body)[0]
        elif kind == 3 and length == 3:
            opts['wscale'] = body[0]
        elif kind == 4 and length == 2:
            opts['sackPermitted'] = True
        elif kind == 5 and (length - 2) % 8 == 0:
            opts['sack'] = [list(struct.unpack('!II', body[j:j + 8])) for j in range(0, len(body), 8)]
        elif kind == 8 and length == 10:
            opts['ts'] = list(struct.unpack('!II', body))
        else:
            opts.setdefault('unknown', []).append(kind)
        i += length
    return opts


def parse_frame(frame):
    """A loopback frame → a dict of its TCP segment, or None when it is not IPv4 TCP."""
    if len(frame) < 14 + 20 or frame[12:14] != b'\x08\x00':   # Ethernet type 0x0800: IPv4
        return None
    ip = frame[14:]
    ihl = (ip[0] & 0x0F) * 4
    if ip[0] >> 4 != 4 or ip[9] != 6 or len(ip) < ihl + 20:    # IPv4, protocol 6: TCP
        return None
    total = struct.unpack('!H', ip[2:4])[0]
    tcp = ip[ihl:]
    sport, dport, seq, ack, off_flags, win = struct.unpack('!HHIIHH', tcp[:16])
    doff = (off_flags >> 12) * 4
    return {
        'src': socket.inet_ntoa(ip[12:16]), 'dst': socket.inet_ntoa(ip[16:20]),
        'sport': sport, 'dport': dport, 'seq': seq, 'ack': ack, 'flags': tcp[13], 'win': win,
        'len': total - ihl - doff, 'options': parse_options(bytes(tcp[20:doff])),
    }


def flag_text(flags):
    return ','.join(name for bit, name in FLAG_NAMES if flags & bit)


# ─── recording ───────────────────────────────────────────────────────────────────────────────────

class Recorder:
    """Reads lo in a thread from __enter__ until stop(), TIME_LIMIT or MAX_FRAMES, whichever first."""

    def __init__(self, time_limit=TIME_LIMIT):
        self.time_limit = time_limit
        self.frames = []
        self.full = False
        self._stop = threading.Event()
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(ETH_P_ALL))
        program = b''.join(struct.pack('HBBI', *ins) for ins in BPF_PROGRAM)
        self._bpf = ctypes.create_string_buffer(program)      # must outlive the setsockopt
        fprog = struct.pack('HL', len(BPF_PROGRAM), ctypes.addressof(self._bpf))
        self.sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20)
        self.sock.bind(('lo', 0))
        self.stats()                                          # reading the counters resets them
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop(0)
        self.sock.close()

    def _run(self):
        deadline = time.monotonic() + self.time_limit
        ts_size = struct.calcsize('ll')
        while not self._stop.is_set() and time.monotonic() < deadline:
            if not select.select([self.sock], [], [], 0.02)[0]:
                continue
            # 256 bytes hold Ethernet (14) + IPv4 (≤ 60) + TCP (≤ 60); the rest is payload, whose
            # length the IPv4 header gives.
            data, anc, _, addr = self.sock.recvmsg(256, socket.CMSG_SPACE(ts_size))
            if addr[2] != PACKET_OUTGOING:      # the arriving copy of a frame already seen leaving
                continue
            seg = parse_frame(data)
            if seg is None:
                continue
            stamp = None
            for level, kind, value in anc:
                if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                    sec, nsec = struct.unpack('ll', value[:ts_size])
                    stamp = sec * 1_000_000_000 + nsec
            seg['ns'] = stamp if stamp is not None else time.time_ns()
            self.frames.append(seg)
            if len(self.frames) >= MAX_FRAMES:
                self.full = True
                return

    def stats(self):
        """(frames the filter passed, frames dropped because our buffer was full) since the last call."""
        return struct.unpack('II', self.sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8))

    def stop(self, grace=GRACE):
        time.sleep(grace)
        self._stop.set()
        self.thread.join(timeout=2)

    def connection(self, server_port):
        """The segments of the first connection to server_port, with its client's port."""
        if self.full:
            raise CaptureError(f'more than {MAX_FRAMES} frames on lo: the recording stopped early')
        _, dropped = self.stats()
        if dropped:
            raise Lost(f'{dropped} frames were dropped (the socket\'s buffer was full)')
        start = next((i for i, f in enumerate(self.frames)
                      if f['dport'] == server_port and f['dst'] == HOST
                      and f['flags'] & (SYN | ACK) == SYN), None)
        if start is None:
            raise CaptureError(f'no SYN to port {server_port} was seen on lo')
        cport = self.frames[start]['sport']
        pair = {(cport, server_port), (server_port, cport)}
        segs = [f for f in self.frames[start:]
                if (f['sport'], f['dport']) in pair and f['src'] == f['dst'] == HOST]
        if len(segs) > MAX_SEGMENTS:
            raise CaptureError(f'{len(segs)} segments between ports {cport} and {server_port}, over {MAX_SEGMENTS}')
        return cport, segs


def relative(segs, cport, sport):
    """The segments as the JSON keeps them: times from the first one, numbers from each side's ISN."""
    isn = {}
    for f in segs:
        side = 'client' if f['sport'] == cport else 'server'
        if f['flags'] & SYN and side not in isn:
            isn[side] = f['seq']
    t0 = segs[0]['ns']
    out = []
    for f in segs:
        me, peer = ('client', 'server') if f['sport'] == cport else ('server', 'client')
        seq = (f['seq'] - isn[me]) % 2**32 if me in isn else f['seq']
        ack = None
        if f['flags'] & ACK:
            ack = (f['ack'] - isn[peer]) % 2**32 if peer in isn else f['ack']
        out.append({
            't_ms': round((f['ns'] - t0) / 1e6, 3),
            'dir': 'c>s' if me == 'client' else 's>c',
            'flags': flag_text(f['flags']),
            'seq': seq, 'ack': ack, 'len': f['len'], 'win': f['win'],
            'options': f['options'],
        })
    return {'client': isn.get('client'), 'server': isn.get('server')}, out


def closed_first(segments):
    fin = next((s for s in segments if 'FIN' in s['flags'].split(',')), None)
    return None if fin is None else ('client' if fin['dir'] == 'c>s' else 'server')


# ─── running the examples ────────────────────────────────────────────────────────────────────────

class Procs:
    """Child processes, each in its own session, all killed (group and all) on the way out."""

    def __init__(self, deadline):
        self.deadline = deadline
        self.procs = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for p in self.procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            p.wait()
            for f in (p.stdout, p.stderr):
                if f:
                    f.close()

    def start(self, args):
        env = {**os.environ, 'PYTHONDONTWRITEBYTECODE': '1', 'PYTHONIOENCODING': 'utf-8', 'PYTHONUNBUFFERED': '1'}
        p = subprocess.Popen([sys.executable, *args], cwd=EXAMPLES, env=env, start_new_session=True,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding='utf-8')
        self.procs.append(p)
        return p

    def left(self):
        return max(0.1, self.deadline - time.monotonic())

    def line(self, p, pattern, stream='stdout'):
        """Reads p's lines until one matches pattern; returns the match."""
        f = getattr(p, stream)
        seen = []
        while time.monotonic() < self.deadline:
            if not select.select([f], [], [], self.left())[0]:
                break
            text = f.readline()
            if not text:
                break
            seen.append(text)
            m = re.search(pattern, text)
            if m:
                return m
        raise CaptureError(f'{p.args[1:]} did not print {pattern!r} in time; it printed {"".join(seen)!r}')

    def finish(self, p, expect_code=0):
        try:
            out, err = p.communicate(timeout=self.left())
        except subprocess.TimeoutExpired:
            raise CaptureError(f'{p.args[1:]} was still running after {TIME_LIMIT} s') from None
        if expect_code is not None and p.returncode != expect_code:
            raise CaptureError(f'{p.args[1:]} exited with {p.returncode}, not {expect_code}:\n{err}')
        return out, err


THIS = os.path.abspath(__file__)


def scenario_echo(procs):
    server = procs.start(['echo_server.py', '--clients', '1'])
    port = int(procs.line(server, r'^listening on 127\.0\.0\.1:(\d+)$').group(1))
    client = procs.start(['echo_client.py', str(port), 'hello'])
    out, _ = procs.finish(client)
    rest, _ = procs.finish(server)
    echoed = re.findall(r'^sent (\d+) bytes, echo: (.*)$', out, re.M)
    if echoed != [('5', 'hello')]:
        raise CaptureError(f'echo_client.py printed {out!r}')
    return port, {
        'commands': ['python3 echo_server.py --clients 1', f'python3 echo_client.py {port} hello'],
        'echo': {'sent': ['hello'], 'echoed': [text for _, text in echoed]},
    }


def sends_in(path):
    """The bytes literals passed to .sendall() in an example, in source order."""
    with open(path, encoding='utf-8') as f:
        tree = ast.parse(f.read())
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == 'sendall' and n.args and isinstance(n.args[0], ast.Constant)
             and isinstance(n.args[0].value, bytes)]
    return [c.args[0].value for c in sorted(calls, key=lambda c: (c.lineno, c.col_offset))]


def scenario_sticky(procs):
    p = procs.start([THIS, '--driver', 'sticky'])
    port = int(procs.line(p, r'^port (\d+)$', 'stderr').group(1))
    out, _ = procs.finish(p)
    m = re.fullmatch(r"server got (b'[^']*') in one recv\n", out)
    if not m:
        raise CaptureError(f'sticky_repro.py printed {out!r}')
    sent = sends_in(os.path.join(EXAMPLES, 'sticky_repro.py'))
    got = ast.literal_eval(m.group(1))
    return port, {
        'commands': ['python3 sticky_repro.py'],
        'sticky': {'sent': [b.decode('ascii') for b in sent], 'received': [got.decode('ascii')],
                   'output': out.rstrip('\n')},
    }


UPLOAD_FILE = ('notes.txt', b'TCP is a byte stream; the header says where the file ends.\n' * 3)


def scenario_upload(procs):
    with tempfile.TemporaryDirectory(prefix='capture-upload-') as tmp:
        src, dest = os.path.join(tmp, 'src'), os.path.join(tmp, 'dest')
        os.mkdir(src)
        os.mkdir(dest)
        name, body = UPLOAD_FILE
        path = os.path.join(src, name)
        with open(path, 'wb') as f:
            f.write(body)
        server = procs.start([THIS, '--driver', 'upload-server', dest])
        port = int(procs.line(server, r'^port (\d+)$').group(1))
        client = procs.start([THIS, '--driver', 'upload-client', str(port), path])
        out, _ = procs.finish(client)
        procs.finish(server)
        reply = json.loads(out)
        if not reply.get('ok') or reply.get('size') != len(body):
            raise CaptureError(f'the upload failed: {reply}')
    return port, {
        'commands': ['python3 -c "upload.serve(dest, max_clients=1)"',
                     f'python3 -c "upload.upload(\'{name}\', \'127.0.0.1\', {port})"'],
        'upload': {'file': name, 'size': len(body), 'reply': reply},
    }


def scenario_refused(procs):
    # Bound but not listening: nobody else can take the port, and a SYN to it gets an RST.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as closed:
        closed.bind((HOST, 0))
        port = closed.getsockname()[1]
        client = procs.start(['echo_client.py', str(port), 'hello'])
        _, err = procs.finish(client, expect_code=1)
    last = err.strip().splitlines()[-1] if err.strip() else ''
    if not last.startswith('ConnectionRefusedError'):
        raise CaptureError(f'echo_client.py to a closed port said {err!r}')
    return port, {
        'commands': [f'python3 echo_client.py {port} hello'],
        'refused': {'error': last, 'exitCode': 1},
    }


def scenario_time_wait(procs):
    p = procs.start([THIS, '--driver', 'time-wait'])
    out, _ = procs.finish(p)
    facts = json.loads(out)
    if not facts['lines']:
        raise CaptureError(f'no TIME_WAIT line for port {facts["port"]} in /proc/net/tcp')
    return facts['port'], {
        'commands': ['python3 -c "reuse_addr.one_connection(reuse=True, server_first=True)"'],
        'timeWait': facts['lines'],
    }


RUN = {'echo': scenario_echo, 'sticky': scenario_sticky, 'upload': scenario_upload,
       'refused': scenario_refused, 'time-wait': scenario_time_wait}


def record(name):
    deadline = time.monotonic() + TIME_LIMIT
    with Recorder(TIME_LIMIT + 1) as rec:
        with Procs(deadline) as procs:
            port, facts = RUN[name](procs)
        rec.stop()
        cport, segs = rec.connection(port)
    isn, segments = relative(segs, cport, port)
    return {
        'scenario': name,
        'recordedWith': {
            'kernel': platform.release(),
            'python': platform.python_version(),
            'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        },
        'ports': {'client': cport, 'server': port},
        'isn': isn,
        'closedFirst': closed_first(segments),
        **facts,
        'segments': segments,
    }


def dumps(capture):
    """JSON with one segment per line, so a re-recording diffs line by line."""
    head = {k: v for k, v in capture.items() if k != 'segments'}
    text = json.dumps(head, indent=2, ensure_ascii=False)
    rows = ',\n'.join('    ' + json.dumps(s, ensure_ascii=False) for s in capture['segments'])
    return text[:-2] + ',\n  "segments": [\n' + rows + '\n  ]\n}\n'


# ─── drivers: run inside the child processes, with content/examples on sys.path ──────────────────

def driver(name, args):
    sys.path.insert(0, EXAMPLES)
    if name == 'sticky':
        import runpy
        create_server = socket.create_server

        def reporting(*a, **k):     # sticky_repro.py keeps its port to itself: report it on stderr
            s = create_server(*a, **k)
            print(f'port {s.getsockname()[1]}', file=sys.stderr, flush=True)
            return s
        socket.create_server = reporting
        runpy.run_path(os.path.join(EXAMPLES, 'sticky_repro.py'), run_name='__main__')
    elif name == 'upload-server':
        import upload

        class Ready:                # serve() sets .address, then calls .set()
            def set(self):
                print(f'port {self.address[1]}', flush=True)
        upload.serve(args[0], ready_event=Ready(), max_clients=1, show_progress=False)
    elif name == 'upload-client':
        import upload

        # upload() waits for the server's close before its own, so the server closes first.
        print(json.dumps(upload.upload(args[1], HOST, int(args[0]))))
    elif name == 'time-wait':
        import reuse_addr
        port = reuse_addr.one_connection(reuse=True, server_first=True)   # waits until TIME_WAIT shows
        with open('/proc/net/tcp') as f:
            rows = f.readlines()[1:]
        lines = [' '.join(r.split()) for r in rows
                 if r.split()[1].endswith(f':{port:04X}') and r.split()[3] == '06']
        print(json.dumps({'port': port, 'lines': lines}))
    else:
        raise SystemExit(f'unknown driver {name}')


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--driver':
        driver(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description='Record the course examples\' TCP segments on lo.')
    parser.add_argument('scenarios', nargs='*', metavar='SCENARIO',
                        help=f'which to record (default: all of {", ".join(SCENARIOS)})')
    parser.add_argument('--out', default=OUT, help='folder for <scenario>.json (default content/captures)')
    args = parser.parse_args()
    for name in args.scenarios:
        if name not in SCENARIOS:
            parser.error(f'unknown scenario {name!r} (choose from {", ".join(SCENARIOS)})')
    if not sys.platform.startswith('linux') or not hasattr(socket, 'AF_PACKET'):
        raise SystemExit('capture.py: needs Linux (AF_PACKET on lo)')
    unnamed = [n for n in ('SO_TIMESTAMPNS', 'SO_RCVBUFFORCE', 'SO_ATTACH_FILTER') if not hasattr(socket, n)]
    if unnamed and platform.machine() not in KNOWN_ABI:
        raise SystemExit(f'capture.py: Python names no {", ".join(unnamed)} here, and on {platform.machine()} '
                         'Linux may number them differently from asm-generic/socket.h: not guessing')
    try:
        socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(ETH_P_ALL)).close()
    except PermissionError:
        raise SystemExit('capture.py: needs root (or CAP_NET_RAW) for an AF_PACKET socket') from None
    os.makedirs(args.out, exist_ok=True)
    for name in args.scenarios or SCENARIOS:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                capture = record(name)
                break
            except Lost as e:
                if attempt == ATTEMPTS:
                    raise SystemExit(f'capture.py: {name}: {e}, {ATTEMPTS} times') from None
            except CaptureError as e:
                raise SystemExit(f'capture.py: {name}: {e}') from None
        path = os.path.join(args.out, f'{name}.json')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(dumps(capture))
        print(f'{os.path.relpath(path)}: {" ".join(s["dir"] + " " + s["flags"] for s in capture["segments"])}')


if __name__ == '__main__':
    main()
