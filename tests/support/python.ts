// Runs python3 for the example tests: in its own process group, killed (group and all) when it
// outlives its time limit, and checked for processes it leaves behind (forkserver, resource
// tracker, children). Every example test goes through here, so none can leave a process running.
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXAMPLES = join(process.cwd(), 'content', 'examples');
export const POSIX = process.platform !== 'win32';
const DEFAULT_TIMEOUT_MS = 25_000;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Processes of the run's group still alive 3 s after the main process ended (then killed). */
  leftBehind: boolean;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Is any process of the group `pgid` still running? On Linux this reads /proc and skips zombies: a
 * helper (the resource tracker) that has exited but waits for PID 1 to reap it is not left behind.
 */
export function groupAlive(pgid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // the process ended while we looked
      }
      // "pid (comm) state ppid pgrp ...": comm may contain spaces, so split after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function killGroup(child: { pid?: number; kill: (s: NodeJS.Signals) => boolean }) {
  if (POSIX && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  } else child.kill('SIGKILL');
}

/**
 * Runs python3 with `args` in `cwd` (a fresh temp dir, removed afterwards, unless given), in its own
 * process group, killed after `timeoutMs`.
 */
export function runPython(args: string[], { cwd, timeoutMs = DEFAULT_TIMEOUT_MS }: { cwd?: string; timeoutMs?: number } = {}): Promise<Run> {
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'example-'));
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, {
      cwd: dir,
      detached: POSIX, // a new process group: the buyers, the forkserver and the resource tracker join it
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', async (code) => {
      clearTimeout(timer);
      let leftBehind = false;
      if (POSIX && child.pid) {
        // Helpers (forkserver, resource tracker) exit on their own soon after the main process.
        for (let waited = 0; groupAlive(child.pid) && waited < 3000; waited += 50) await sleep(50);
        if (groupAlive(child.pid)) {
          leftBehind = true;
          killGroup(child);
        }
      }
      if (cwd === undefined) rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, timedOut, leftBehind });
    });
  });
}


/** Runs one file of content/examples/ as `python3 file` from that folder. */
export function runExample(file: string, opts: { timeoutMs?: number } = {}): Promise<Run> {
  return runPython([join(EXAMPLES, file)], { cwd: EXAMPLES, ...opts });
}

/** What every example run must do: finish within its time limit, exit 0, write nothing to stderr, leave no process behind. */
export function expectClean(run: Run): void {
  expect(run.timedOut, 'the run should finish within its time limit').toBe(false);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.leftBehind, 'no process of the run may outlive it').toBe(false);
}
