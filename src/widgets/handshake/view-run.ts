// The widget's state between the reader and the model: a scenario plus a position. In the URL it is
// the model's scenario code, ".", and the step: `1*p.7` is the piggyback close at step 7. The code's
// "~" separators travel as "*", which a query string keeps as it is ("~" would become %7E); "~" is
// read too. The code is versioned by the model, so a link from an older or garbled version fails to
// parse and the widget starts from the default. Nothing here touches the DOM.
import {
  DEFAULT_SCENARIO,
  PRESETS,
  decodeScenario,
  encodeScenario,
  simulate,
  validateScenario,
  type Scenario,
  type Step,
  type ValidationResult,
} from './model.ts';

export type Run = { scenario: Scenario; steps: Step[] };

/** The URL value for a scenario at a position. */
export const stateCode = (scenario: Scenario, position: number): string => `${encodeScenario(scenario)}.${position}`;

/**
 * A URL value back to a run and a position, or undefined for anything that does not name one.
 * Links written before the kit kept `~` as it is used `*` between fields: they still work.
 */
export function parseState(raw: string): (Run & { position: number }) | undefined {
  const m = /^(.+)\.(\d+)$/.exec(raw);
  const r = m && decodeScenario(m[1]!.replace(/\*/g, '~'));
  if (!r?.ok) return undefined;
  const run = tryRun(r.scenario);
  const position = Number(m![2]);
  return run && position < run.steps.length ? { ...run, position } : undefined;
}

/** simulate() for a scenario that has passed validation; undefined if the run cannot be made. */
export function tryRun(scenario: Scenario): Run | undefined {
  try {
    return { scenario, steps: simulate(scenario) };
  } catch {
    return undefined;
  }
}

/** The preset this scenario is, initial sequence numbers aside (they change no preset's story). */
export function presetOf(scenario: Scenario): string | undefined {
  const code = encodeScenario({ ...scenario, isn: DEFAULT_SCENARIO.isn });
  return Object.keys(PRESETS).find((k) => encodeScenario(PRESETS[k]!) === code);
}

/**
 * The scenario with transmission `index` lost (or found again). Losses after it are dropped: once
 * this segment's fate changes, later transmission numbers name other segments (the list of
 * segments shows what is lost now). Errors come from the model's validation.
 */
export function toggleLoss(scenario: Scenario, index: number): ValidationResult {
  const lose = scenario.lose.filter((i) => i < index);
  if (!scenario.lose.includes(index)) lose.push(index);
  return validateScenario({ ...scenario, lose });
}

