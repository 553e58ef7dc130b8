// A state link read back into a run (the other way is view-run.ts's stateCode). The scenario
// decoder is only needed when a page is opened with a state in its URL, so the widget fetches this
// module then, not on every page. The code is versioned by the model, so a link from an older or
// garbled version fails to parse and the widget starts from the default (and says so).
import { decodeScenario, type Scenario } from './scenario.ts';
import type { LiveText } from './i18n.ts';
import type { Run } from './view-run.ts';

/**
 * A URL value back to a scenario and a position, or undefined for anything that does not name one
 * (the caller runs the scenario and checks the position is one of its steps). Links written before
 * the kit kept `~` as it is used `*` between fields: they still work.
 */
export function parseState(raw: string): { scenario: Scenario; position: number } | undefined {
  const m = /^(.+)\.(\d+)$/.exec(raw);
  const r = m && decodeScenario(m[1]!.replace(/\*/g, '~'));
  return r?.ok ? { scenario: r.scenario, position: Number(m![2]) } : undefined;
}

/**
 * A URL value back to what it names: a model scenario and a position (the widget runs it), or the
 * recording's run at a step (`linux.<step>`, `linux-refused.<step>`, …: their module is fetched only then). Undefined for
 * anything else.
 */
export async function linkedRun(
  raw: string,
  t: LiveText,
  lang: 'zh' | 'en',
): Promise<{ scenario: Scenario; position: number } | (Run & { position: number }) | undefined> {
  if (!raw.startsWith('linux')) return parseState(raw);
  const m = await import('./recorded.ts');
  const at = m.parseRecorded(raw);
  const run = at && m.recordedRun(t, lang, at.name);
  return run && at.position < run.steps.length ? { ...run, position: at.position } : undefined;
}
