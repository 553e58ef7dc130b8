// The widget's state between the reader and the model: a scenario plus a position. In the URL it is
// the model's scenario code, ".", and the step: `1*p.7` is the piggyback close at step 7. The code's
// "~" separators travel as "*", which a query string keeps as it is ("~" would become %7E); "~" is
// read too. Reading a link back is view-link.ts (fetched only when a page is opened with one).
// Nothing here touches the DOM.
import {
  DEFAULT_SCENARIO,
  PRESETS,
  encodeScenario,
  simulate,
  validateScenario,
  type Scenario,
  type Step,
  type ValidationResult,
} from './model.ts';

/** A run of the model, or the recording (recorded.ts: `rec` then says how to show it). */
export type Run = { scenario: Scenario; steps: Step[]; rec?: Rec };
/** How the recording shows itself in place of a model run (recorded.ts). */
export type Rec = {
  /** Its URL value before the step: `linux`, `linux-upload`, … (recorded.ts). */
  code: string;
  layout: (width: number, scale: number) => import('../kit/draw/lanes.ts').LanesLayout;
  /** Each step's clock, timers, words (narration, diagram and Figure 5 names) and Figure 5 marks. */
  shown: { now: string; timerHtml: string[]; words: [string, string, string]; marks: { at: Record<string, string>; seen: Set<string | undefined> } }[];
  list: string;
};

/** The URL value for a scenario at a position. */
export const stateCode = (scenario: Scenario, position: number): string => `${encodeScenario(scenario)}.${position}`;

/** A run at a position (from a link), or undefined when the scenario cannot run or has no such step. */
export function runAt(linked: { scenario: Scenario; position: number } | undefined): (Run & { position: number }) | undefined {
  const run = linked && tryRun(linked.scenario);
  return run && linked.position < run.steps.length ? { ...run, position: linked.position } : undefined;
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

