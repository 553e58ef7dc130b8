// What the fork server does with __main__ on the python3 these tests run, and a way to see what newer
// Pythons do on an older one. CPython's fix for gh-126631 and gh-137996 (GH-135295, in 3.13.8 and
// 3.14.1) made the fork server import the main module once, in the server, so that the children it
// forks inherit it instead of each re-importing it. The fix changes one thing: the server is handed
// the main module's path (spawn.get_preparation_data() calls it 'init_main_from_path'; before the fix
// forkserver.py looked for a 'main_path' key that no longer existed). WITH_PRELOAD_FIX puts that one
// change back on any Python, so chapters 10 and 11 can show the newer behaviour on the 3.11 of CI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EXAMPLES } from '../support/python.ts';

const probe = spawnSync('python3', ['-c', 'import sys; print(*sys.version_info[:3])'], { encoding: 'utf8' });
export const PY_VERSION = probe.stdout.trim().split(' ').map(Number) as [number, number, number];

/** Does this Python's fork server preload __main__ (3.13.8+ in 3.13, 3.14.1+ in 3.14, and later)? */
export function preloadsMain([major = 0, minor = 0, micro = 0]: readonly number[]): boolean {
  if (major !== 3) return major > 3;
  return minor > 14 || (minor === 14 && micro >= 1) || (minor === 13 && micro >= 8);
}
export const PRELOADS_MAIN = preloadsMain(PY_VERSION);

/** python3 arguments that run content/examples/`file` with GH-135295's change applied. */
export function withPreloadFix(file: string, ...args: string[]): string[] {
  const code = String.raw`
import runpy, sys
from multiprocessing import spawn
prepare = spawn.get_preparation_data
def with_main_path(name):
    data = prepare(name)
    if 'init_main_from_path' in data:
        data['main_path'] = data['init_main_from_path']   # what forkserver.py reads before GH-135295
    return data
spawn.get_preparation_data = with_main_path
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
`;
  return ['-c', code, join(EXAMPLES, file), ...args];
}
