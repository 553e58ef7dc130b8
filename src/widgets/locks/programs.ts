// The Python each buyer or thread runs, line by line, as the view shows it. Lines are data: the view
// highlights them, the narration names their ops, and the tests run them in CPython.
import type { CounterOp, TicketOp } from './engine.ts';

/**
 * A line of the Python the view shows. `step` is the index (within one pass of the program) of the
 * instruction the line belongs to, null for structure (`def`, `else:`, `for`). `op` marks the line that
 * performs the step's effect; `branch` marks lines that run only when the buyer read > 0 (`win`) or 0.
 */
export interface ProgramLine {
  readonly code: string;
  readonly step: number | null;
  readonly op: TicketOp | CounterOp | null;
  readonly branch: 'win' | 'sold-out' | null;
}

const line = (
  code: string,
  step: number | null,
  op: ProgramLine['op'] = null,
  branch: ProgramLine['branch'] = null,
): ProgramLine => Object.freeze({ code, step, op, branch });

/** Two steps: read (+ check), then write or sold out. */
export const PROGRAM_NO_LOCK: readonly ProgramLine[] = Object.freeze([
  line('def buy(name):', null),
  line("    with open('data.json') as f:", 0),
  line('        data = json.load(f)', 0, 'read'),
  line("    if data['ticket_num'] > 0:", 0, 'check'),
  line('        time.sleep(random.random())', 1, null, 'win'),
  line("        data['ticket_num'] -= 1", 1, null, 'win'),
  line("        with open('data.json', 'w') as f:", 1, null, 'win'),
  line('            json.dump(data, f)', 1, 'write', 'win'),
  line("        print(name, 'got a ticket')", 1, null, 'win'),
  line('    else:', null),
  line("        print(name, 'sold out')", 1, 'sold-out', 'sold-out'),
]);

/** Four steps: acquire, read (+ check), write or sold out, release. */
export const PROGRAM_LOCK: readonly ProgramLine[] = Object.freeze([
  line('def buy(name, lock):', null),
  line('    lock.acquire()', 0, 'acquire'),
  line("    with open('data.json') as f:", 1),
  line('        data = json.load(f)', 1, 'read'),
  line("    if data['ticket_num'] > 0:", 1, 'check'),
  line('        time.sleep(random.random())', 2, null, 'win'),
  line("        data['ticket_num'] -= 1", 2, null, 'win'),
  line("        with open('data.json', 'w') as f:", 2, null, 'win'),
  line('            json.dump(data, f)', 2, 'write', 'win'),
  line("        print(name, 'got a ticket')", 2, null, 'win'),
  line('    else:', null),
  line("        print(name, 'sold out')", 2, 'sold-out', 'sold-out'),
  line('    lock.release()', 3, 'release'),
]);

/** `count += 1` as the three steps the interpreter really takes; `step` repeats for each increment. */
export const PROGRAM_COUNTER: readonly ProgramLine[] = Object.freeze([
  line('def worker():', null),
  line('    global count', null),
  line('    for _ in range(N):', null),
  line('        tmp = count', 0, 'load'),
  line('        tmp = tmp + 1', 1, 'add'),
  line('        count = tmp', 2, 'store'),
]);

export const PROGRAM_COUNTER_LOCK: readonly ProgramLine[] = Object.freeze([
  line('def worker():', null),
  line('    global count', null),
  line('    for _ in range(N):', null),
  line('        lock.acquire()', 0, 'acquire'),
  line('        tmp = count', 1, 'load'),
  line('        tmp = tmp + 1', 2, 'add'),
  line('        count = tmp', 3, 'store'),
  line('        lock.release()', 4, 'release'),
]);

export function programFor(config: { readonly lock: boolean }): readonly ProgramLine[] {
  return config.lock ? PROGRAM_LOCK : PROGRAM_NO_LOCK;
}

export function counterProgramFor(config: { readonly lock: boolean }): readonly ProgramLine[] {
  return config.lock ? PROGRAM_COUNTER_LOCK : PROGRAM_COUNTER;
}
