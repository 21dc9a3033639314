// Number fields with messages that say what was expected, shared by the scenario schema's parts,
// and the bounds every number of a scenario keeps to (README, "Limits").
import * as z from 'zod';

const DAY_SECONDS = 86_400;

/**
 * What a real operation needs, with room to spare: beyond these a file is a typo or an attack,
 * and the simulation would run out of time or memory. The README's "Limits" section lists them.
 */
export const LIMITS = {
  /** Independent replications: the 95% interval narrows as 1/√n, 10,000 gives it to 1%. */
  replications: 10_000,
  /** Agents of a pool around the clock, of a shift, or a planner's cap: the largest sites. */
  agents: 100_000,
  /** Chats one agent handles at once. */
  chatConcurrency: 20,
  /** Reported horizon: three years. */
  horizonDays: 1096,
  /** Warm-up before the reported horizon: a month. */
  warmupHours: 24 * 31,
  /** Contacts per hour of one demand stream (per day and per week alike). */
  perHour: 1_000_000,
  /** Any duration of a contact (handle time, patience, delays, thresholds, overflow): 30 days. */
  durationSeconds: 30 * DAY_SECONDS,
  /** The shortest mean handle time: a contact takes some time (a zero would divide and loop). */
  minHandleSeconds: 0.001,
  /** Coefficient of variation of a duration (lognormal, gamma). */
  cvMin: 0.001,
  cv: 20,
  /** Day-to-day volume uncertainty (gamma, mean 1). */
  dailyVolumeCv: 5,
  /** Handle-time factors, special-day factors, machine-customer uplift. */
  factorMin: 0.01,
  factor: 100,
  /** Any amount of money (per hour, per contact, per month…), in the scenario currency. */
  money: 1e12,
  /** A relative weight of a volume pattern. */
  weight: 1e9,
  /** A queue's capacity, and an AI agent's conversations at once. */
  capacity: 10_000_000,
  /** A channel's priority. */
  priority: 1000,
  /** Occupancy caps: at least 10%. */
  occupancyMin: 0.1,
  /** Items of a list: demand streams, pools, shifts, outages, special days. */
  listItems: 1000,
  /** Observed values or histogram bins of an empirical distribution. */
  samples: 100_000,
  /** Languages of one pool (skills, secondary skills): pool × stream × language loops stay small. */
  languages: 100,
  /** List items and mapping fields of a whole file, counted in its text before it is parsed: the
   * YAML parser takes about 1 KB of memory per item. The longest lists a scenario needs are
   * 100,000 observed values or histogram bins (500,000 items and fields as JSON). */
  fileItems: 600_000,
  /** Brackets open at once ([ and {): a scenario needs a handful. */
  fileDepth: 100,
  /** Lines with an odd number of " (or of '), each opening or closing quoted text that runs on
   * to another line: a scenario has a few (a long description). The parser fails on every line
   * of a file of unclosed quotes, at about 3 KB a line: 590,000 such lines took 37 s and 1.7 GB
   * only to be refused. */
  fileQuoteLines: 100_000,
  /** Contacts busy at once in one language × channel at its peak (the offered load in Erlangs):
   * agents-required figures are computed up to this. */
  peakLoadErlangs: 100_000,
} as const;

/** One format, built once: the schema's messages name hundreds of limits when it is built, and
 * toLocaleString builds a format per call (90 ms of the web page's start). */
const UP_TO_3_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** 2592000 → "2,592,000". */
export const shown = (n: number) => (Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-3) ? n.toExponential(1) : UP_TO_3_DECIMALS.format(n));

export const positive = (what: string, max?: number, why?: string) => {
  const schema = z.number({ error: `expected ${what} > 0` }).positive({ error: `expected ${what} > 0` });
  return max === undefined ? schema : schema.max(max, { error: tooBig(what, max, why) });
};
export const nonNegative = (what: string, max?: number, why?: string) => {
  const schema = z.number({ error: `expected ${what} ≥ 0` }).min(0, { error: `expected ${what} ≥ 0` });
  return max === undefined ? schema : schema.max(max, { error: tooBig(what, max, why) });
};
/** A number within [min, max] (a factor, a coefficient of variation). */
export const between = (what: string, min: number, max: number, why?: string) =>
  z
    .number({ error: `expected ${what} from ${shown(min)} to ${shown(max)}` })
    .min(min, { error: `expected ${what} from ${shown(min)} to ${shown(max)}${why ? ` (${why})` : ''}` })
    .max(max, { error: `expected ${what} from ${shown(min)} to ${shown(max)}${why ? ` (${why})` : ''}` });
/** The largest whole number a file's number holds exactly (2^53 − 1): beyond it, 2^53 + 1 is
 * read as 2^53, and a seed of 2^60 was refused as "expected a whole number ≥ 0". */
const EXACT = Number.MAX_SAFE_INTEGER;
export const wholeNumber = (min: number, max?: number, why?: string) => {
  const number = z.number({ error: `expected a whole number ≥ ${min}` });
  // Too big first: 1e300 is no whole number for JavaScript, but "at most" is the useful answer.
  const bounded =
    max === undefined
      ? number.max(EXACT, { error: `expected a whole number from ${min} to ${EXACT.toLocaleString('en-US')} (the largest a file holds exactly)`, abort: true })
      : number.max(max, { error: `expected a whole number from ${min} to ${shown(max)}${why ? ` (${why})` : ''}`, abort: true });
  return bounded.int({ error: `expected a whole number ≥ ${min}`, abort: true }).min(min, { error: `expected a whole number ≥ ${min}` });
};
export const fraction = z
  .number({ error: 'expected a fraction from 0 to 1 (0.8, not 80)' })
  .min(0, { error: 'expected a fraction from 0 to 1 (0.8, not 80)' })
  .max(1, { error: 'expected a fraction from 0 to 1 (0.8, not 80)' });
/** A share that must be above 0, such as an occupancy cap (and at least `min` when given). */
export const positiveFraction = (what: string, min?: number) => {
  const message = `expected ${what}: a fraction above 0, at most 1 (0.85, not 85)`;
  const schema = z.number({ error: message }).gt(0, { error: message, abort: true }).max(1, { error: message, abort: true });
  return min === undefined ? schema : schema.min(min, { error: `expected ${what} of at least ${min} (a fraction, at most 1)` });
};

function tooBig(what: string, max: number, why?: string): string {
  return `expected ${what} of at most ${shown(max)}${why ? ` (${why})` : ''}`;
}

/** Durations in seconds, at most 30 days. */
export const seconds = (what: string) => nonNegative(what, LIMITS.durationSeconds, '30 days');
export const positiveSeconds = (what: string) => positive(what, LIMITS.durationSeconds, '30 days');
/** Money in the scenario currency. */
export const money = (what: string) => nonNegative(what, LIMITS.money);
/** A multiplier of handle time. */
export const factor = (what = 'a factor') => between(what, LIMITS.factorMin, LIMITS.factor);
