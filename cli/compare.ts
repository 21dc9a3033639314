// `followsun compare`: scenarios side by side with common random numbers, each headline
// figure's difference against the first with its 95% confidence interval.
import { ComparisonBuilder, comparisonOptions, type Comparison } from '../sim/compare';
import { unchanged, type Estimate } from '../sim/stats/confidence';
import type { HourFigure, SummaryFigure } from '../sim/stats/metrics';
import { ScenarioError, type Scenario } from '../sim/scenario/scenario';
import { atLeastTwoReplications, checkReplications, largeRunsAllowed, UsageError, workerCount } from './arguments';
import { checkScenarioWork, displayPath, KeptTogether, loadScenario } from './files';
import { formatNumber, table, type Unit } from './format';
import { magnitudeThatShows } from '../report/format';
import { interruptedExitCode, watchInterrupt } from './interrupt';
import { compileJobs, runJobs } from './parallel';
import { Progress } from './progress';

export interface CompareOptions {
  files: string[];
  replications?: number;
  seed?: number;
  json: boolean;
  workers?: number;
  /** Run beyond the work limits on purpose (--allow-large-runs). */
  allowLargeRuns?: boolean;
}

export const HEADLINES: [SummaryFigure | HourFigure, string, Unit][] = [
  ['gapHours', 'Coverage gap hours', 'count'],
  ['uncoveredHours', '  uncovered', 'count'],
  ['hoursBelowTarget', '  below target', 'count'],
  ['abandonRate', 'Abandon rate', 'fraction'],
  ['asaSeconds', 'Average speed of answer', 'seconds'],
  ['contained', 'Resolved by AI', 'count'],
  ['answered', 'Answered', 'count'],
  ['costPerContact', 'Cost per contact', 'money'],
  ['costPerResolvedCustomer', 'Cost per resolved customer', 'money'],
  ['costPerMonth', 'Cost per month', 'money'],
];

/** Loads every file (all must be valid) or throws ScenarioError with every file's problems. */
export function loadAll(files: string[]): Scenario[] {
  const problems: string[] = [];
  const scenarios = files.map((f) => {
    try {
      return loadScenario(f);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems.push(...e.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return scenarios as Scenario[];
}

/** Runs the comparison over worker threads (replication r of every scenario shares its random
 * numbers), printing each model's warnings under its file name, and one when the scenarios cover
 * different periods (as `command`'s); undefined when interrupted. */
export async function runComparison(
  scenarios: Scenario[],
  options: { command: string; files: string[]; seed?: number; replications?: number; workers?: number; label?: string },
): Promise<Comparison | undefined> {
  const shared = comparisonOptions(scenarios, options);
  const jobs = scenarios.map((scenario) => ({ scenario, options: shared }));
  const models = compileJobs(jobs);
  models.forEach((m, k) => m.warnings.forEach((w) => process.stderr.write(`${options.files[k]}: warning: ${w}\n`)));
  const builder = new ComparisonBuilder(models);
  const interrupt = watchInterrupt();
  const progress = new Progress(options.label ?? 'Comparing: replication', models.length * shared.replications);
  try {
    await runJobs(models, (j, r, f) => builder.add(j, r, f), {
      workers: options.workers,
      onProgress: (done) => progress.update(done),
      signal: interrupt,
    });
  } finally {
    progress.done();
    interrupt.dispose();
  }
  if (interrupt.aborted) return undefined;
  const comparison = builder.result();
  warnOfDifferentWindows(comparison, options.command);
  return comparison;
}

/** A difference between two periods is not only the staffing's: said on stderr when the
 * scenarios compared cover different time windows. */
export function warnOfDifferentWindows(comparison: Comparison, command: string): void {
  if (new Set(comparison.scenarios.map((r) => `${r.start}|${r.end}`)).size > 1) {
    process.stderr.write(`followsun ${command}: warning: the scenarios cover different time windows; their differences include that\n`);
  }
}

export async function compareCommand(options: CompareOptions): Promise<number> {
  if (options.files.length < 2) throw new UsageError('compare needs at least two scenario files: the base first, then the variants');
  const replications = checkReplications(options.replications);
  const workers = workerCount(options.workers);
  let scenarios: Scenario[];
  const files = options.files.map(displayPath);
  try {
    scenarios = loadAll(options.files);
    // Every scenario runs with the base's replications (or --replications): each within the limits.
    const shared = comparisonOptions(scenarios, { replications });
    const source = replications !== undefined ? '--replications' : `replications (the base's, ${shared.replications})`;
    // Each within the limits, and all of them kept together until the end (and printed as one
    // document with --json): twelve of 48 MB of JSON each ended in "internal error: Invalid string
    // length" once all were simulated. Counted as a comparison keeps them (CASE_REPORT_BYTES in sim/scenario/work-estimate.ts,
    // measured: as a report's; with --json the document's text besides), not as a run's results,
    // which refused 11 of 16 sixty-day scenarios that fit in a 1 GB heap.
    const together = new KeptTogether(options.json, 'comparison');
    const problems = scenarios.flatMap((s, k) => {
      const work = checkScenarioWork(s, files[k], {
        replications: shared.replications,
        replicationsSource: source,
        allowLargeRuns: largeRunsAllowed(options.allowLargeRuns),
        comparison: { json: options.json },
      });
      if (work.problems.length > 0) return work.problems;
      const beyond = together.add(files[k], work.estimate);
      return beyond ? [beyond] : [];
    });
    const tooFew = atLeastTwoReplications(shared.replications, files[0], 'replications');
    if (tooFew) problems.unshift(tooFew);
    if (problems.length > 0) throw new ScenarioError(problems);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(`${e.problems.join('\n')}\n`);
    return 2;
  }
  let comparison: Comparison | undefined;
  try {
    comparison = await runComparison(scenarios, { ...options, command: 'compare', replications, workers, files });
  } catch (e) {
    process.stderr.write(`followsun compare: the simulation failed: ${(e as Error).message}\n`);
    return 2;
  }
  if (!comparison) {
    process.stderr.write('Interrupted: no comparison written (it needs every replication of every scenario).\n');
    return interruptedExitCode();
  }
  if (options.json) {
    const document = {
      scenarios: comparison.scenarios.map((r, k) => ({ file: files[k], ...r })),
      deltas: comparison.deltas.map((d, k) => (d ? { base: files[0], variant: files[k], ...d } : null)),
      channelDeltas: comparison.channelDeltas,
      languageDeltas: comparison.languageDeltas,
      queueDeltas: comparison.queueDeltas,
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    process.stdout.write(`${comparisonText(comparison, files)}\n`);
  }
  return 0;
}

const significant = (e: Estimate) => (e.ci95 ? e.ci95[0] > 0 || e.ci95[1] < 0 : false);
/** What the last column says of a difference: nothing when its 95% CI excludes 0; "no change"
 * when it is exactly 0 in every replication (common random numbers), else "not significant". */
const verdict = (e: Estimate) => (significant(e) ? '' : unchanged(e) ? 'no change' : 'not significant');

export function comparisonText(c: Comparison, files: string[]): string {
  const base = c.scenarios[0];
  const lines = [
    `Comparing against ${base.name} (${files[0]})`,
    `  ${base.replications} replications with common random numbers, seed ${base.seed}; Δ: difference with its 95% confidence interval`,
  ];
  c.scenarios.slice(1).forEach((variant, i) => {
    const delta = c.deltas[i + 1]!;
    lines.push(
      '',
      `${variant.name} (${files[i + 1]})`,
      table([
        ['', 'Base', 'Variant', 'Δ (95% CI)', ''],
        ...HEADLINES.filter(([figure]) => c.scenarios.some((r) => (r.summary[figure].mean ?? 0) !== 0)).map(([figure, label, unit]) => [
          label,
          formatNumber(base.summary[figure].mean ?? NaN, unit, base.currency),
          formatNumber(variant.summary[figure].mean ?? NaN, unit, base.currency),
          signed(delta[figure], unit, base.currency),
          verdict(delta[figure]),
        ]),
        ...Object.entries(c.channelDeltas[i + 1]!).map(([channel, d]) => {
          const t = base.channelTargets[channel];
          return [
            `Service level, ${channel} (target ${formatNumber(t.target, 'fraction')})`,
            formatNumber(base.channels[channel].serviceLevel.mean ?? NaN, 'fraction'),
            formatNumber(variant.channels[channel].serviceLevel.mean ?? NaN, 'fraction'),
            signed(d.serviceLevel, 'fraction', base.currency),
            verdict(d.serviceLevel),
          ];
        }),
      ]),
    );
  });
  return lines.join('\n');
}

function signed(e: Estimate, unit: Unit, currency: string): string {
  if (e.mean === null) return '–';
  const scale = unit === 'fraction' ? 100 : 1;
  const digits = unit === 'count' || (unit === 'money' && Math.abs(e.mean) >= 1000) ? 0 : unit === 'money' ? 2 : 1;
  // A number that is not 0 but rounds to it gets decimals until it shows (at most three more):
  // "+0.0 s" beside a difference called significant reads as touching zero.
  // No change at all is ±0, as the case report writes it; a bound at 0 has no sign.
  const n = (x: number, zero: string) => `${x > 0 ? '+' : x < 0 ? '−' : zero}${magnitudeThatShows(Math.abs(x * scale), digits, digits + 3)}`;
  const suffix = unit === 'fraction' ? ' pt' : unit === 'seconds' ? ' s' : unit === 'money' ? ` ${currency}` : '';
  const ci = e.ci95 ? ` (${n(e.ci95[0], '')} to ${n(e.ci95[1], '')})` : '';
  return `${n(e.mean, '±')}${suffix}${ci}`;
}
