// Command-line values checked with messages that say what was expected.
import { availableParallelism } from 'node:os';
import { LIMITS, shown as thousands } from '../sim/scenario/schema-parts';
import { closestWord } from '../sim/scenario/spelling';
import { wordFor } from '../sim/text/counted';

export class UsageError extends Error {}

/** --allow-large-runs: run beyond the work limits (sim/scenario/work-estimate.ts) on purpose. Also
 * FOLLOWSUN_ALLOW_LARGE_RUNS=1, for scripts and for commands whose options do not list it. */
export function largeRunsAllowed(flag: boolean | undefined): boolean {
  return flag === true || process.env.FOLLOWSUN_ALLOW_LARGE_RUNS === '1';
}

/** --workers N, at most one per core: more threads only add memory (each holds the models). */
export function workerCount(requested: number | undefined): number | undefined {
  if (requested === undefined) return undefined;
  const cores = availableParallelism();
  if (requested <= cores) return requested;
  process.stderr.write(`followsun: --workers ${requested}: this machine has ${cores} ${wordFor(cores, 'core')}; using ${cores} ${wordFor(cores, 'worker')}\n`);
  return cores;
}

/** --replications N from the command line, within the scenario schema's bound. */
export function checkReplications(n: number | undefined): number | undefined {
  if (n !== undefined && n > LIMITS.replications) {
    throw new UsageError(`--replications: expected at most ${thousands(LIMITS.replications)} replications (more adds little precision), got ${n}`);
  }
  return n;
}

/** Simulate-and-correct rounds of `plan` at most, as replications are: a count beyond is a typo
 * (a billion rounds were refused as a scenario too large, naming the demand); below it, each
 * round's work is counted by the work check. */
export const MAX_PLAN_ROUNDS = 10_000;

/** --max-iterations N: 1 to MAX_PLAN_ROUNDS. */
export function maxIterations(value: string | undefined): number | undefined {
  const n = wholeNumber(value, '--max-iterations', 1);
  if (n !== undefined && n > MAX_PLAN_ROUNDS) {
    throw new UsageError(`--max-iterations: expected at most ${thousands(MAX_PLAN_ROUNDS)} simulate-and-correct rounds (the default is 8), got ${n}`);
  }
  return n;
}

/** A comparison or a sweep needs two replications for a 95% CI: a file's `replications: 1` is
 * refused as the flag is, naming the file and the field. */
export function atLeastTwoReplications(replications: number, file: string, source: string): string | undefined {
  return replications >= 2
    ? undefined
    : `${file}: ${source}: expected at least 2 replications (a 95% confidence interval needs two), got ${replications}; give --replications N to override it`;
}

export function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  // Digits beyond 2^53 − 1 are not that number (9007199254740993 reads as …992): "expected a
  // whole number ≥ 0" was all they got, which they are.
  if (/^\d+$/.test(value) && !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}, got ${value}`);
  }
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number ≥ ${min}${inOtherNotation(value)}, got ${shown(value)}`);
  return n;
}

export function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag}: expected a number > 0${inOtherNotation(value)}, got ${shown(value)}`);
  return n;
}

/** A number written otherwise than in plain digits (1e9, 0x10, 1_000): said, or "expected a
 * number > 0, got 1e9" reads as a contradiction. */
const inOtherNotation = (value: string): string =>
  !DECIMAL.test(value) && value.trim() !== '' && (Number.isFinite(Number(value)) || Number.isFinite(Number(value.replaceAll('_', ''))))
    ? ', written in plain digits'
    : '';

/** A plain decimal such as 1000 or 0.8: no hex, exponents or empty strings. */
const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;

export function decimal(value: string | undefined, flag: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!DECIMAL.test(value)) throw new UsageError(`${flag}: expected ${what}${inOtherNotation(value)}, got ${shown(value)}`);
  return Number(value);
}

const shown = (value: string) => (value === '' ? "''" : value);

/** A command's `--help`: what it does, its options each with one line, and an example. */
export interface CommandHelp {
  usage: string;
  /** One line, for the list of commands. */
  summary: string;
  /** More about what it does, when the summary is not enough. */
  details?: string;
  options: [flag: string, explanation: string][];
  examples: string[];
}

export function helpText(h: CommandHelp): string {
  const options: [string, string][] = [...h.options, ['-h, --help', 'show this help']];
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    `Usage: ${h.usage}`,
    '',
    h.summary,
    ...(h.details ? [h.details] : []),
    '',
    'Options:',
    ...options.map(([flag, explanation]) => `  ${flag.padEnd(width)}   ${explanation}`),
    '',
    h.examples.length > 1 ? 'Examples:' : 'Example:',
    ...h.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** True when the arguments ask for help (before a `--` that ends the options). */
export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** node:util parseArgs errors in plain words, with the closest known option for a misspelt one. */
export function plainParseError(message: string, knownFlags: string[], args: string[] = []): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const closest = closestWord(unknown[1], knownFlags);
    return `unknown option ${unknown[1]}${closest ? ` (did you mean ${closest}?)` : ''}`;
  }
  // `--workers -1`: the value looks like an option to the parser.
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const names = ambiguous[1].split(', ');
    const flag = names[names.length - 1];
    const at = args.findIndex((a) => names.includes(a));
    const value = at >= 0 ? args[at + 1] : undefined;
    if (value !== undefined && /^-\d/.test(value)) return `${flag}: expected a number that is not negative, got ${value}`;
    return `${flag}: expected a value after it${value !== undefined ? `, got the option ${value}` : ''}`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]}: expected a value after it`;
  const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `${noValue[1]} takes no value`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument '${positional[1]}': this command takes options only`;
  return message;
}
