// Runs chapter 5's examples (content/examples/echo_server.py, echo_client.py, udp_pair.py,
// reuse_addr.py) for real with python3 on 127.0.0.1 and checks what the chapter says about them.
// The echo server runs as a real separate process, as in the chapter's two terminals: the test starts
// it, reads the port it printed, runs clients against it and waits for it to end on its own (after
// --clients N) or on SIGTERM. Every process gets its own process group, is killed after a time limit
// and must leave nothing behind.
import { afterEach, describe, test, expect } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { EXAMPLES, expectClean, groupAlive, killGroup, POSIX, runPython, sleep } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;
const KILL_AFTER_MS = 15_000;
const example = (file: string) => join(EXAMPLES, file);
const python = (args: string[]) => runPython(args, { cwd: EXAMPLES, timeoutMs: KILL_AFTER_MS });


interface Server {
  child: ChildProcessWithoutNullStreams;
  port: number;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null if killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
}
const servers: Server[] = [];

/** Starts `python3 echo_server.py ...args` and resolves once it has printed its port. */
function startServer(...args: string[]): Promise<Server> {
  const child = spawn('python3', [example('echo_server.py'), ...args], {
    cwd: EXAMPLES,
    detached: POSIX,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const killer = setTimeout(() => killGroup(child), KILL_AFTER_MS);
  void exited.then(() => clearTimeout(killer));
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const m = /^listening on 127\.0\.0\.1:(\d+)$/m.exec(out);
      if (m) {
        clearInterval(poll);
        const server = { child, port: Number(m[1]), stdout: () => out, stderr: () => err, exited };
        servers.push(server);
        resolve(server);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(poll);
        reject(new Error(`echo_server.py ended before printing its port:\n${out}\n${err}`));
      }
    }, 20);
  });
}

/** Waits for the server to end by itself, then checks that nothing of its process group is left. */
async function serverEnds(server: Server): Promise<number | null> {
  const code = await server.exited;
  if (POSIX && server.child.pid) {
    for (let waited = 0; groupAlive(server.child.pid) && waited < 3000; waited += 50) await sleep(50);
    expect(groupAlive(server.child.pid), 'nothing of the server may be left running').toBe(false);
  }
  return code;
}

afterEach(() => {
  for (const s of servers.splice(0)) if (s.child.exitCode === null && s.child.signalCode === null) killGroup(s.child);
});

const client = (port: number, ...messages: string[]) => python([example('echo_client.py'), String(port), ...messages]);

describe('echo_server.py + echo_client.py: a TCP echo round trip on 127.0.0.1', () => {
  test(
    "the server binds port 0, prints it, echoes 'hello' and '你好' byte for byte, and ends cleanly after --clients 1",
    async () => {
      const server = await startServer('--clients', '1');
      expect(server.port).toBeGreaterThan(0);
      expect(server.port).toBeLessThanOrEqual(65535);
      const run = await client(server.port, 'hello', '你好');
      expectClean(run);
      const lines = run.stdout.trimEnd().split('\n');
      const m = new RegExp(`^connected to 127\\.0\\.0\\.1:${server.port} from 127\\.0\\.0\\.1:(\\d+)$`).exec(lines[0]!);
      expect(m, `unexpected first line: ${lines[0]}`).not.toBeNull();
      const clientPort = m![1];
      // '你好' is 2 characters but 6 bytes of UTF-8: sockets carry bytes.
      expect(lines.slice(1)).toEqual(['sent 5 bytes, echo: hello', 'sent 6 bytes, echo: 你好']);
      expect(await serverEnds(server)).toBe(0);
      expect(server.stderr()).toBe('');
      // recv returned b'' when the client closed: the server says so, then stops after its one client.
      expect(server.stdout()).toBe(
        `listening on 127.0.0.1:${server.port}\n` +
          `connection from 127.0.0.1:${clientPort}\n` +
          `127.0.0.1:${clientPort} closed the connection\n` +
          'server stopped\n',
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a 15,000-byte message (5,000 × 你) comes back intact although the server reads 1024 bytes at a time',
    async () => {
      const server = await startServer('--clients', '1');
      const message = '你'.repeat(5000);
      const run = await client(server.port, message);
      expectClean(run);
      expect(run.stdout.trimEnd().split('\n')[1]).toBe(`sent 15000 bytes, echo: ${message}`);
      expect(await serverEnds(server)).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'one client at a time: three clients in turn each get their echo, then the server ends (--clients 3)',
    async () => {
      const server = await startServer('--clients', '3');
      for (const word of ['one', 'two', 'three']) {
        const run = await client(server.port, word);
        expectClean(run);
        expect(run.stdout).toContain(`echo: ${word}\n`);
      }
      expect(await serverEnds(server)).toBe(0);
      const out = server.stdout();
      expect(out.match(/^connection from /gm)).toHaveLength(3);
      expect(out.match(/ closed the connection$/gm)).toHaveLength(3);
      expect(out.endsWith('server stopped\n')).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  test.skipIf(!POSIX)(
    'a client that resets the connection (RST) makes recv raise ConnectionResetError; the server reports it and serves the next client',
    async () => {
      const server = await startServer('--clients', '2');
      // Send one byte, read the echo (so the server is inside recv), then close with SO_LINGER 0: an RST.
      const reset = await python([
        '-c',
        'import socket, struct, sys\n' +
          "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n" +
          "s.sendall(b'x')\n" +
          'print(s.recv(1))\n' +
          "s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))\n" +
          's.close()\n',
        String(server.port),
      ]);
      expectClean(reset);
      expect(reset.stdout).toBe("b'x'\n");
      const run = await client(server.port, 'still here');
      expectClean(run);
      expect(run.stdout).toContain('echo: still here\n');
      expect(await serverEnds(server)).toBe(0);
      expect(server.stderr()).toBe('');
      const lines = server.stdout().trimEnd().split('\n');
      expect(lines[0]).toBe(`listening on 127.0.0.1:${server.port}`);
      expect(lines[1]).toMatch(/^connection from 127\.0\.0\.1:\d+$/);
      expect(lines[2]).toMatch(/^127\.0\.0\.1:\d+ reset the connection$/);
      expect(lines[3]).toMatch(/^connection from 127\.0\.0\.1:\d+$/);
      expect(lines[4]).toMatch(/^127\.0\.0\.1:\d+ closed the connection$/);
      expect(lines[5]).toBe('server stopped');
    },
    TEST_TIMEOUT_MS,
  );

  test.skipIf(!POSIX)(
    'without --clients it serves until SIGTERM (like Ctrl+C), then closes its socket and exits 0; the port is free again',
    async () => {
      const server = await startServer();
      const run = await client(server.port, 'hello');
      expectClean(run);
      // Wait until the server has seen b'' and gone back to accept(), however loaded the machine is.
      for (let waited = 0; !server.stdout().includes('closed the connection') && waited < 10_000; waited += 50) await sleep(50);
      server.child.kill('SIGTERM');
      expect(await serverEnds(server)).toBe(0);
      expect(server.stderr()).toBe('');
      expect(server.stdout().endsWith('closed the connection\ninterrupted\nserver stopped\n')).toBe(true);
      // The client closed first, so no TIME-WAIT sits on the server's port: a plain bind works at once.
      const rebind = await python([
        '-c',
        "import socket, sys\ns = socket.socket()\ns.bind(('127.0.0.1', int(sys.argv[1])))\nprint('bound')\ns.close()",
        String(server.port),
      ]);
      expectClean(rebind);
      expect(rebind.stdout).toBe('bound\n');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'echo_client.py with no port starts its own one-client echo_server.py and shows both sides',
    async () => {
      const run = await python([example('echo_client.py')]);
      expectClean(run);
      const m = /^\(no port given: started echo_server\.py --clients 1 on port (\d+)\)\n/.exec(run.stdout);
      expect(m, run.stdout).not.toBeNull();
      const port = m![1];
      const cport = new RegExp(`^connected to 127\\.0\\.0\\.1:${port} from 127\\.0\\.0\\.1:(\\d+)$`, 'm').exec(run.stdout)![1];
      expect(run.stdout.split('\n').slice(1).join('\n')).toBe(
        `connected to 127.0.0.1:${port} from 127.0.0.1:${cport}\n` +
          'sent 5 bytes, echo: hello\n' +
          'sent 6 bytes, echo: 你好\n' +
          'server printed:\n' +
          `  listening on 127.0.0.1:${port}\n` +
          `  connection from 127.0.0.1:${cport}\n` +
          `  127.0.0.1:${cport} closed the connection\n` +
          '  server stopped\n',
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('udp_pair.py: UDP keeps datagram boundaries', () => {
  test(
    "three sendto calls arrive as three separate datagrams 'hello', 'world', '你好' from one sender port, and the reply goes back",
    async () => {
      const run = await python([example('udp_pair.py')]);
      expectClean(run);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toMatch(/^receiver bound to 127\.0\.0\.1:\d+$/);
      const expected: [string, number][] = [['hello', 5], ['world', 5], ['你好', 6]];
      const senders = expected.map(([text, size], i) => {
        const m = new RegExp(`^datagram ${i + 1}: '${text}' \\(${size} bytes\\) from 127\\.0\\.0\\.1:(\\d+)$`).exec(lines[i + 1]!);
        expect(m, `unexpected line: ${lines[i + 1]}`).not.toBeNull();
        return m![1];
      });
      expect(new Set(senders).size, 'all three came from the same (implicitly bound) sender port').toBe(1);
      expect(lines[4]).toBe("sender got the reply b'got 3'");
    },
    TEST_TIMEOUT_MS,
  );
});

describe('reuse_addr.py: SO_REUSEADDR and TIME-WAIT (Linux)', () => {
  test.skipIf(process.platform !== 'linux')(
    'after the server closes first, a restart fails with EADDRINUSE without SO_REUSEADDR and succeeds with it',
    async () => {
      const run = await python([example('reuse_addr.py')]);
      expectClean(run);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(8);
      expect(lines[0]).toBe('platform: linux');
      // A. The client closed first: TIME-WAIT is on the client's side, the server port is free.
      expect(lines[1]).toBe('A. client closed first (0 in TIME-WAIT on the server port)');
      expect(lines[2]).toBe('   restart without SO_REUSEADDR: bind succeeded');
      // B. The server closed first and had set SO_REUSEADDR, as echo_server.py does.
      expect(lines[3]).toMatch(/^B\. server closed first \([1-9]\d* in TIME-WAIT on the server port\)$/);
      expect(lines[4]).toBe('   restart without SO_REUSEADDR: bind failed: EADDRINUSE (Address already in use)');
      expect(lines[5]).toBe('   restart with SO_REUSEADDR:    bind succeeded');
      // C. On Linux the connection in TIME-WAIT must have had the option too.
      expect(lines[6]).toMatch(/^C\. server closed first, first run without SO_REUSEADDR \([1-9]\d* in TIME-WAIT on the server port\)$/);
      expect(lines[7]).toBe('   restart with SO_REUSEADDR:    bind failed: EADDRINUSE (Address already in use)');
    },
    TEST_TIMEOUT_MS,
  );
});

describe("recv_empty.py: the ways recv returns b''", () => {
  test(
    "b'' after the peer's FIN; after an RST the first recv raises ConnectionResetError and the next returns b''; after our own shutdown(SHUT_RD); and from recv(0) on a live connection",
    async () => {
      const r = await python([example('recv_empty.py')]);
      expectClean(r);
      expect(r.stdout.split('\n').filter(Boolean)).toEqual([
        "FIN: recv -> b''",
        'RST: 1st recv -> ConnectionResetError',
        "RST: 2nd recv -> b''",
        "SHUT_RD: recv -> b''",
        "recv(0) -> b'' | recv(1) -> b'x'",
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
