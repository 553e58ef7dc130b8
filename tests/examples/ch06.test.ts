// Runs the chapter 6 examples (content/examples/sticky_repro.py, framing.py, upload.py) for real with
// python3 and checks what the chapter says about them: two sendall calls glue into one recv; the framing
// helpers write exactly the bytes of the course vectors (tests/fixtures/framing, a copy of the shared
// framing_vectors.json and stream_demo); recv_msg survives arbitrary recv boundaries; recv_exact raises
// when the peer closes mid-message; the upload moves a 20 MB file intact and refuses path traversal.
// Everything binds 127.0.0.1 port 0 or uses socketpair(); every python3 is killed after 25 s.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, runPython, type Run } from '../support/python.ts';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'framing');
const KILL_AFTER_MS = 25_000;
const TEST_TIMEOUT_MS = 30_000;

/** Runs python3 with `args` in content/examples/, killed if it outlives KILL_AFTER_MS. */
const python = (args: string[]) => runPython(args, { cwd: EXAMPLES, timeoutMs: KILL_AFTER_MS });
const runExample = (file: string) => python([join(EXAMPLES, file)]);

/** Runs a driver script that imports the examples and prints one JSON document. */
async function driver<T>(script: string, ...args: string[]): Promise<T> {
  const run = await python(['-c', `import sys; sys.path.insert(0, ${JSON.stringify(EXAMPLES)})\n${script}`, ...args]);
  expect(run.timedOut, 'the driver should finish well within 25 s').toBe(false);
  expect(run.code, `python3 failed:\n${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

function expectCleanExit(run: Run) {
  expect(run.timedOut, 'the example should finish well within 25 s').toBe(false);
  expect(run.code, run.stderr).toBe(0);
}

interface Encoded {
  json_bytes_hex: string;
  len_header_bytes: number;
  pack_i_native_hex: string;
  pack_net_I_hex: string;
}
interface Vector {
  label: string;
  header_dict: Record<string, unknown>;
  ensure_ascii_true: Encoded;
  ensure_ascii_false_utf8: Encoded;
  file_size_fits_pack_net_I: boolean;
  pack_net_Q_file_size_hex: string;
  body_hex?: string;
}
const VECTORS_PATH = join(FIXTURES, 'framing_vectors.json');
const STREAM_PATH = join(FIXTURES, 'stream_demo.json');
const vectors = (JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { vectors: Vector[] }).vectors;
const stream = JSON.parse(readFileSync(STREAM_PATH, 'utf8')) as {
  recv_chunks_hex: string[];
  expected_messages: { header: Record<string, unknown>; body_utf8: string }[];
};

describe('sticky_repro.py: TCP keeps no message boundaries', () => {
  test(
    "two sendall calls (b'hello', b'world') arrive in a single recv(1024) as b'helloworld'",
    async () => {
      const run = await runExample('sticky_repro.py');
      expectCleanExit(run);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe("server got b'helloworld' in one recv\n");
    },
    TEST_TIMEOUT_MS,
  );
});

describe('framing.py: length prefix + JSON header + body', () => {
  test(
    'importing it has no side effects (the tests and upload.py import it)',
    async () => {
      const run = await python(['-c', 'import framing']);
      expectCleanExit(run);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "the demo receives both back-to-back messages intact and prints the '!I' and 'i' prefixes",
    async () => {
      const run = await runExample('framing.py');
      expectCleanExit(run);
      expect(run.stderr).toBe('');
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe("{'file_name': 'a.txt', 'file_size': 11} hello world");
      expect(lines[1]).toBe("{'file_name': '网络编程笔记.txt', 'file_size': 6} 你好");
      expect(lines[2]).toBe("'!I' prefix 0000003a -> 58 header bytes");
      // 'i' is native order: 4c000000 on little-endian hosts (x86-64, arm64), 0000004c on big-endian ones.
      expect(lines[3]).toMatch(/^'i'  prefix (4c000000|0000004c) -> 76 header bytes$/);
    },
    TEST_TIMEOUT_MS,
  );

  // For every vector: the bytes pack_header and pack_header_classic build, whether file_size fits
  // '!I' and its '!Q' form, and, where the body is small enough to send, what send_msg puts on a
  // socketpair (read back raw with recv_exact) and what recv_msg makes of a second copy.
  const VECTOR_DRIVER = String.raw`
import json, socket, struct, threading
import framing
vectors = json.load(open(sys.argv[1], encoding='utf-8'))['vectors']
out = []
for v in vectors:
    h = v['header_dict']
    size = h['file_size']
    row = {
        'pack_header': framing.pack_header(h).hex(),
        'classic': framing.pack_header_classic(h).hex(),
        'byteorder': sys.byteorder,
        'net_Q': struct.pack('!Q', size).hex(),
        'fits_net_I': True,
        'wire': None,
    }
    try:
        struct.pack('!I', size)
    except struct.error:
        row['fits_net_I'] = False
    if size <= 1 << 20:
        body = bytes.fromhex(v['body_hex']) if 'body_hex' in v else bytes(size)
        a, b = socket.socketpair()
        with a, b:
            def send_twice():
                framing.send_msg(a, h, body)
                framing.send_msg(a, h, body)
            t = threading.Thread(target=send_twice)
            t.start()
            wire = framing.recv_exact(b, len(framing.pack_header(h)) + size)
            header, got = framing.recv_msg(b)
            t.join()
        row.update(wire=wire.hex(), body_len=len(body), round_trip=(header == h and got == body))
    out.append(row)
print(json.dumps(out))
`;

  interface VectorRow {
    pack_header: string;
    classic: string;
    byteorder: string;
    net_Q: string;
    fits_net_I: boolean;
    wire: string | null;
    body_len?: number;
    round_trip?: boolean;
  }

  test(
    `pack_header, pack_header_classic and send_msg write the bytes of all ${vectors.length} course vectors`,
    async () => {
      const rows = await driver<VectorRow[]>(VECTOR_DRIVER, VECTORS_PATH);
      expect(rows).toHaveLength(vectors.length);
      vectors.forEach((v, i) => {
        const row = rows[i]!;
        const utf8 = v.ensure_ascii_false_utf8;
        const ascii = v.ensure_ascii_true;
        // The course version: '!I' + ensure_ascii=False + UTF-8.
        expect(row.pack_header, v.label).toBe(utf8.pack_net_I_hex + utf8.json_bytes_hex);
        expect(parseInt(row.pack_header.slice(0, 8), 16), v.label).toBe(utf8.len_header_bytes);
        // The classic version: native 'i' + json.dumps defaults (ensure_ascii=True).
        const classicPrefix = row.byteorder === 'little' ? ascii.pack_i_native_hex : ascii.pack_net_I_hex;
        expect(row.classic, v.label).toBe(classicPrefix + ascii.json_bytes_hex);
        // file_size lives in the JSON: 4 GiB + 1 does not fit '!I' but fits '!Q'.
        expect(row.fits_net_I, v.label).toBe(v.file_size_fits_pack_net_I);
        expect(row.net_Q, v.label).toBe(v.pack_net_Q_file_size_hex);
        if (row.wire !== null) {
          const body = v.body_hex ?? '00'.repeat(row.body_len ?? 0);
          expect(row.wire, v.label).toBe(utf8.pack_net_I_hex + utf8.json_bytes_hex + body);
          expect(row.round_trip, `${v.label}: recv_msg gives back the same header and body`).toBe(true);
        }
      });
      // send_msg ran for the three vectors with a body of 1 MiB or less.
      expect(rows.filter((r) => r.wire !== null)).toHaveLength(3);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('send_msg: the whole message in one write (chapter 6, "Nagle and delayed ACK")', () => {
  test(
    'send_msg calls sendall once, with prefix + header + body, so no small second write waits behind an unacknowledged first one',
    async () => {
      // A stand-in socket that records every sendall/send call; the bytes must still be the course frame.
      const res = await driver<{ calls: string[]; frame: string }>(String.raw`
import json, framing
class Recorder:
    def __init__(self): self.calls = []
    def sendall(self, data): self.calls.append(bytes(data).hex())
    def send(self, data): self.calls.append(bytes(data).hex()); return len(data)
r = Recorder()
h = {'file_name': 'a.txt', 'file_size': 11}
framing.send_msg(r, h, b'hello world')
print(json.dumps({'calls': r.calls, 'frame': (framing.pack_header(h) + b'hello world').hex()}))
`);
      expect(res.calls).toEqual([res.frame]);
      expect(res.frame.slice(0, 8)).toBe('00000027'); // '!I' prefix: 39 header bytes
    },
    TEST_TIMEOUT_MS,
  );
});

describe('recv_msg and recv_exact: boundaries come from the frame, not from recv', () => {
  // The stream_demo frames cut at the fixture's recv boundaries, two ways: a stand-in socket whose
  // recv(n) hands out the chunks exactly as listed (never more than n bytes), and a real socketpair
  // whose writer sends one chunk at a time with a pause in between.
  const STREAM_DRIVER = String.raw`
import json, socket, threading, time
import framing
demo = json.load(open(sys.argv[1], encoding='utf-8'))
chunks = [bytes.fromhex(c) for c in demo['recv_chunks_hex']]

class ChunkedSocket:
    """recv(n) returns at most n bytes of the current chunk, like a kernel with that much buffered."""
    def __init__(self, chunks):
        self.chunks, self.calls = list(chunks), 0
    def recv(self, n):
        self.calls += 1
        if not self.chunks:
            return b''
        head, rest = self.chunks[0][:n], self.chunks[0][n:]
        if rest:
            self.chunks[0] = rest
        else:
            self.chunks.pop(0)
        return head

def read_two(sock):
    return [(h, body.decode('utf-8')) for h, body in (framing.recv_msg(sock) for _ in range(2))]

fake = ChunkedSocket(chunks)
via_fake = read_two(fake)
leftover = sum(len(c) for c in fake.chunks)

a, b = socket.socketpair()
with a, b:
    def writer():
        for c in chunks:
            a.sendall(c)
            time.sleep(0.02)
        a.shutdown(socket.SHUT_WR)
    t = threading.Thread(target=writer)
    t.start()
    via_pair = read_two(b)
    rest = b.recv(1)          # the writer has shut down: nothing may be left
    t.join()
print(json.dumps({'fake': via_fake, 'fake_calls': fake.calls, 'leftover': leftover,
                  'pair': via_pair, 'rest': rest.hex()}, ensure_ascii=False))
`;

  test(
    `recv_msg gives back exactly the two stream_demo messages across the ${stream.recv_chunks_hex.length} recv chunks`,
    async () => {
      const got = await driver<{
        fake: [Record<string, unknown>, string][];
        fake_calls: number;
        leftover: number;
        pair: [Record<string, unknown>, string][];
        rest: string;
      }>(STREAM_DRIVER, STREAM_PATH);
      const expected = stream.expected_messages.map((m) => [m.header, m.body_utf8]);
      expect(got.fake).toEqual(expected);
      expect(got.leftover, 'every byte of the stream is consumed, none is left over').toBe(0);
      expect(got.fake_calls, 'recv_exact had to call recv more often than there are chunks').toBeGreaterThan(stream.recv_chunks_hex.length);
      expect(got.pair).toEqual(expected);
      expect(got.rest).toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  const ERROR_DRIVER = String.raw`
import json, socket
import framing

def outcome(f):
    try:
        return {'result': repr(f())}
    except Exception as e:
        return {'error': type(e).__name__, 'message': str(e)}

res = {}
# The peer sends 2 of the 4 prefix bytes and closes.
a, b = socket.socketpair()
with a, b:
    a.sendall(b'\x00\x00')
    a.close()
    res['prefix'] = outcome(lambda: framing.recv_exact(b, 4))
# The peer sends a whole prefix and header promising 11 body bytes, sends 5, and closes.
a, b = socket.socketpair()
with a, b:
    a.sendall(framing.pack_header({'file_name': 'a.txt', 'file_size': 11}) + b'hello')
    a.close()
    res['body'] = outcome(lambda: framing.recv_msg(b))
# A classic sender ('i', little-endian) talking to a '!I' receiver.
a, b = socket.socketpair()
with a, b:
    a.sendall(b'\x27\x00\x00\x00' + b'{"file_name": "a.txt", "file_size": 11}')
    res['mismatch'] = outcome(lambda: framing.recv_msg(b))
# send_msg refuses a header whose file_size disagrees with the body.
a, b = socket.socketpair()
with a, b:
    res['size'] = outcome(lambda: framing.send_msg(a, {'file_name': 'a.txt', 'file_size': 12}, b'hello world'))
print(json.dumps(res))
`;

  test(
    'recv_exact raises ConnectionError when the peer closes mid-message; a wrong-order prefix is refused, not awaited',
    async () => {
      type Outcome = { result?: string; error?: string; message?: string };
      const res = await driver<Record<'prefix' | 'body' | 'mismatch' | 'size', Outcome>>(ERROR_DRIVER);
      expect(res.prefix).toEqual({ error: 'ConnectionError', message: 'peer closed after 2 of 4 bytes' });
      expect(res.body).toEqual({ error: 'ConnectionError', message: 'peer closed after 5 of 11 bytes' });
      // 0x27000000 = 654,311,424: over MAX_HEADER, so recv_msg stops at once instead of waiting for it.
      expect(res.mismatch.error).toBe('ValueError');
      expect(res.mismatch.message).toContain('654311424');
      expect(res.size.error).toBe('ValueError');
    },
    TEST_TIMEOUT_MS,
  );
});

describe('upload.py: large-file upload over TCP', () => {
  test(
    'the demo uploads 5 MiB with a matching md5, refuses ../evil.txt and draws a progress bar on stderr',
    async () => {
      const run = await runExample('upload.py');
      expectCleanExit(run);
      expect(run.stdout).toBe(
        'uploaded demo.bin: 5242880 bytes, md5 match\n' +
          "refused: refusing file name '../evil.txt': it is a path\n" +
          "files in dest: ['demo.bin']\n",
      );
      expect(run.stderr).toContain('recv [');
      expect(run.stderr).toContain('] 5242880/5242880 bytes\n');
    },
    TEST_TIMEOUT_MS,
  );

  // One server thread on 127.0.0.1:0 writing into tmp/dest. The scenarios: a 20 MB random file; five
  // names that are paths or not names at all; a client whose md5 is wrong; a client that disappears
  // mid-body. Afterwards tmp must hold only src/ and dest/, and dest/ only the good file.
  const UPLOAD_DRIVER = String.raw`
import hashlib, json, os, socket, tempfile, threading
import framing, upload

def md5_of(path):
    return upload.file_md5(path)

res = {}
with tempfile.TemporaryDirectory() as tmp:
    src, dest = os.path.join(tmp, 'src'), os.path.join(tmp, 'dest')
    os.mkdir(src)
    os.mkdir(dest)
    big = os.path.join(src, 'big.bin')
    with open(big, 'wb') as f:
        f.write(os.urandom(20 * 1000 * 1000))
    bad_names = ['../evil.txt', os.path.join(tmp, 'absolute.txt'), '..', '.', '']
    ready = threading.Event()
    server = threading.Thread(target=upload.serve, args=(dest,), daemon=True,
                              kwargs={'ready_event': ready, 'max_clients': 1 + len(bad_names) + 2,
                                      'show_progress': False})
    server.start()
    ready.wait(10)
    host, port = ready.address
    res['host'] = host

    reply = upload.upload(big, host, port)
    res['good'] = {'reply': reply, 'client_md5': md5_of(big),
                   'server_md5': md5_of(os.path.join(dest, 'big.bin')),
                   'size': os.path.getsize(os.path.join(dest, 'big.bin'))}

    res['bad'] = [upload.upload(big, host, port, file_name=n) for n in bad_names]

    with socket.create_connection((host, port)) as s:    # the wrong md5
        s.sendall(framing.pack_header({'file_name': 'x.bin', 'file_size': 3, 'md5': '0' * 32}))
        go = framing.recv_header(s)
        s.sendall(b'abc')
        res['md5'] = {'go': go, 'reply': framing.recv_header(s)}

    with socket.create_connection((host, port)) as s:    # gone after 10 of 1000 bytes
        s.sendall(framing.pack_header({'file_name': 'cut.bin', 'file_size': 1000}))
        framing.recv_header(s)
        s.sendall(b'0123456789')
    server.join(10)
    res['server_done'] = not server.is_alive()
    res['tmp'] = sorted(os.listdir(tmp))
    res['dest'] = sorted(os.listdir(dest))
print(json.dumps(res))
`;

  test(
    'a 20 MB file arrives with the same md5; path names are refused and nothing is written outside dest/',
    async () => {
      interface Reply {
        ok: boolean;
        error?: string;
        saved_as?: string;
        size?: number;
        md5?: string;
      }
      const res = await driver<{
        host: string;
        good: { reply: Reply; client_md5: string; server_md5: string; size: number };
        bad: Reply[];
        md5: { go: Reply; reply: Reply };
        server_done: boolean;
        tmp: string[];
        dest: string[];
      }>(UPLOAD_DRIVER);
      expect(res.host).toBe('127.0.0.1');
      expect(res.good.reply).toEqual({ ok: true, saved_as: 'big.bin', size: 20_000_000, md5: res.good.client_md5 });
      expect(res.good.server_md5).toBe(res.good.client_md5);
      expect(res.good.size).toBe(20_000_000);
      expect(res.bad).toHaveLength(5);
      for (const reply of res.bad) {
        expect(reply.ok).toBe(false);
        expect(reply.error).toMatch(/^refusing file name /);
      }
      expect(res.md5.go).toEqual({ ok: true });
      expect(res.md5.reply.ok).toBe(false);
      expect(res.md5.reply.error).toBe('md5 mismatch');
      expect(res.server_done, 'the server handled every client and returned').toBe(true);
      expect(res.tmp, 'nothing was written beside dest/').toEqual(['dest', 'src']);
      expect(res.dest, 'only the good file: no evil.txt, no x.bin, no cut.bin, no .part left over').toEqual(['big.bin']);
    },
    TEST_TIMEOUT_MS,
  );
});
