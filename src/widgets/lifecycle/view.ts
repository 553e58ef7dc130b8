// The lifecycle lab at one step, pure: the lanes' rows (parent and child, a row per call), the
// narration, and the lines about the start method. Row 0 is the Process object just created; row
// k is after the reader's k-th call.
import { lanes, type LaneRow, type LanesLayout } from '../kit/draw/lanes.ts';
import { defaultMethod, unguarded, type LStep, type Lifecycle, type Scenario } from './model.ts';
import type { LifeText } from './i18n.ts';

function childWord(s: Pick<LStep, 'child' | 'daemon' | 'exitcode'>, sig: string, t: LifeText): string {
  switch (s.child) {
    case 'created':
      return s.daemon ? t.st.createdDaemon : t.st.created;
    case 'running':
      return t.st.childRunning;
    case 'signalled':
      return t.st.signalled(sig);
    case 'failed':
      return t.st.failed;
    case 'exited':
      return t.st.exited(s.exitcode!);
  }
}

/** The signal's name for a call on this platform. */
const sigOf = (life: Lifecycle, action: string, t: LifeText) => (life.scenario.platform === 'windows' ? t.terminateProcess : action === 'kill' ? t.sigKill : t.sigTerm);

export function rowsOf(life: Lifecycle, t: LifeText): LaneRow[] {
  const rows: LaneRow[] = [{ item: { kind: 'none' }, states: [t.st.running, t.st.created], time: '0.0 s' }];
  let sig: string = t.sigTerm;
  for (const s of life.steps) {
    if (s.action === 'terminate' || s.action === 'kill') sig = sigOf(life, s.action, t);
    const states = [s.parentEnded ? t.st.ended : t.st.running, childWord(s, sig, t)];
    const time = `${(s.t1 / 10).toFixed(1)} s`;
    const note = (label: string): LaneRow => ({ item: { kind: 'note', lane: 0, label }, states, time });
    const toChild = (label: string): LaneRow => ({ item: { kind: 'arrow', from: 0, to: 1, label }, states, time });
    const toParent = (label: string): LaneRow => ({ item: { kind: 'arrow', from: 1, to: 0, label }, states, time });
    const o = s.outcome;
    if ('refused' in o) {
      rows.push(note(t.row.refused));
      continue;
    }
    const raised = 'raises' in o;
    switch (s.action) {
      case 'daemon':
        rows.push(note(raised ? t.row.daemonLate : t.row.daemon));
        break;
      case 'start':
        rows.push(raised ? note(o.raises === 'EOFError' ? t.row.startFails : `${t.btn.start} ✗ ${o.raises}`) : toChild(t.row.start));
        break;
      case 'is_alive':
        rows.push(note(t.row.isAlive('returns' in o ? o.returns : '', !!s.racy)));
        break;
      case 'join':
        rows.push(raised ? note(t.row.joinFails) : s.t1 > s.t0 || s.childEvent ? toParent(t.row.joinBack(s.exitcode!)) : note(t.row.joinAtOnce));
        break;
      case 'terminate':
      case 'kill': {
        const prev = life.steps[life.steps.indexOf(s) - 1];
        const changed = s.child === 'signalled' && prev?.child !== 'signalled';
        rows.push(raised ? note(t.row.attr(`${s.action}()`)) : changed ? toChild(t.row.sig(sigOf(life, s.action, t))) : note(t.row.noEffect(`${s.action}()`)));
        break;
      }
      case 'wait':
        rows.push(s.childEvent ? toParent(t.row.exit(s.exitcode!)) : note(t.row.wait(s.t1)));
        break;
      case 'end': {
        const prev = life.steps[life.steps.indexOf(s) - 1];
        const alive = prev ? prev.child === 'running' || prev.child === 'signalled' || prev.child === 'failed' : false;
        rows.push(!alive ? note(t.row.end) : s.daemon && prev!.child === 'running' ? toChild(t.row.endDaemon) : toParent(t.row.endJoin));
        break;
      }
    }
  }
  return rows;
}

export function lanesOf(life: Lifecycle, t: LifeText, width: number, scale = 1): LanesLayout {
  return lanes({ lanes: t.lanes, rows: rowsOf(life, t), width, scale, lost: '', label: t.label });
}

export function narrate(life: Lifecycle, k: number, t: LifeText): string {
  if (k === 0) return t.begin;
  const s = life.steps[k - 1]!;
  const prev = life.steps[k - 2];
  const o = s.outcome;
  if ('refused' in o) return t.say.refused;
  const raised = 'raises' in o ? o : null;
  const ended = s.childEvent && s.exitcode !== null ? t.say.exited(s.exitcode) : '';
  switch (s.action) {
    case 'daemon':
      return raised ? t.say.daemonLate : t.say.daemon;
    case 'start':
      if (raised) return raised.raises === 'EOFError' ? t.say.startEOF : t.say.startTwice;
      return s.child === 'failed' ? t.say.startBootstrap : t.say.start;
    case 'is_alive':
      return s.racy ? t.say.isAliveRacy : t.say.isAlive('returns' in o ? o.returns : '');
    case 'join':
      if (raised) return t.say.joinEarly;
      return s.t1 > s.t0 ? t.say.joinWait(s.t1 - s.t0, s.exitcode!) : t.say.joinAtOnce(s.exitcode!);
    case 'terminate':
    case 'kill':
      if (raised) return t.say.attr(s.action);
      return s.child === 'signalled' && prev?.child !== 'signalled' ? t.say.signal(s.action, sigOf(life, s.action, t)) : t.say.noEffect(s.action);
    case 'wait':
      return t.say.wait(s.t1) + ended;
    case 'end': {
      const alive = prev ? prev.child === 'running' || prev.child === 'signalled' || prev.child === 'failed' : false;
      if (!alive) return t.say.end;
      return t.say.end + (s.daemon && prev!.child === 'running' ? t.say.endDaemon : t.say.endJoin(s.exitcode!));
    }
  }
}

/** "Default start method: spawn (Windows has only spawn)." and what the unguarded script does. */
export function methodLines(sc: Scenario, t: LifeText): [string, string] {
  const m = defaultMethod(sc.platform, sc.version);
  const why = sc.platform === 'windows' ? 'windows' : sc.platform === 'macos' ? (m === 'spawn' ? 'macos' : 'macos-old') : m === 'fork' ? 'linux-old' : 'linux';
  const u = unguarded(m, sc.version);
  return [t.method(m, t.why[why]!), u.kind === 'runs' ? t.unguarded.runs : u.kind === 'child-fails' ? t.unguarded.child : t.unguarded.parent];
}
