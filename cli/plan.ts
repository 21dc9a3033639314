// `followsun plan`: the least-cost head counts for a scenario's open shifts, with the simulation
// that proves they meet the targets; --report writes the plan against the scenario as written as
// one HTML page; --compare plans several scenarios to the same targets and compares the plans.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AVERAGE_MONTH_SECONDS, type ScenarioResult } from '../sim/stats/metrics';
import { simulateOnPool } from '../sim/simulate';
import { shiftWeekHours } from '../sim/model/roster';
import { plan, type PlanResult } from '../sim/plan/planner';
import { heldOnlyWithItsSeed, roundsText } from '../sim/plan/rounds-text';
import { openShifts } from '../sim/plan/candidates';
import { programmeProblem } from '../sim/plan/programme-size';
import { planningRoundsAtMost, planningRunsAtMost, TRIM_ROUNDS } from '../sim/plan/trim';
import type { HighsResult, LpSolver } from '../sim/plan/programme';
import { plannedYaml } from '../sim/plan/planned-yaml';
import { ScenarioError, type FieldLines, type Scenario } from '../sim/scenario/scenario';
import { caseReportHtml } from '../report/case-report';
import { compareOnPool, compileForComparison, type Comparison } from '../sim/compare';
import { comparisonText, warnOfDifferentWindows } from './compare';
import { largeRunsAllowed } from './arguments';
import { checkScenarioWork, displayPath, fieldWhere, loadScenarioFile, outputProblem, outputsCollide, scenarioText, writeFileAtomic } from './files';
import { formatEstimate, formatNumber, table } from './format';
import { exitOnInterrupt, interruptedExitCode, watchInterrupt } from './interrupt';
import type { SolverReply } from './solver-worker';
import type { ReplicationPool } from '../sim/batch';
import { replicationPool } from './parallel';
import { Progress } from './progress';

export interface PlanOptions {
  /** The scenario to plan; with compare, every scenario to plan and compare (the base first). */
  files: string[];
  compare?: boolean;
  out?: string;
  json: boolean;
  /** The HTML page to write. */
  report?: string;
  replications?: number;
  seed?: number;
  workers?: number;
  maxIterations?: number;
  /** Run beyond the work limits on purpose (--allow-large-runs). */
  allowLargeRuns?: boolean;
}

const WEEK_SECONDS = 7 * 86400;
const NOTHING_TO_PLAN = 'nothing to plan: no shift has agents: auto or { min, max }, and none gives candidate starts (startBetween)';

/** One line on stderr naming what is wrong; exit code 2 (bad input). */
function fail(message: string): number {
  process.stderr.write(`followsun plan: ${message}\n`);
  return 2;
}

export async function planCommand(options: PlanOptions): Promise<number> {
  // An output naming an input is refused, as run, import and backtest do: --out would replace
  // the open scenario (its candidate shifts) with the plan.
  if (outputsCollide([['--out', options.out], ['--report', options.report]])) return 2;
  const problem = outputCheck('--report', options.report, 'plan.html', options.files) ?? outputCheck('--out', options.out, 'planned.yaml', options.files);
  if (problem) return fail(problem);
  // One pool for the whole command: its threads compile the simulator once, for every round.
  const pool = replicationPool(options.workers ?? availableParallelism());
  try {
    return await (options.compare ? planAndCompare(options, pool) : planOne(options, pool));
  } finally {
    await pool.close();
  }
}

/** What is wrong with an output path, checked before the planning rather than after it. */
function outputCheck(flag: string, path: string | undefined, example: string, inputs: string[]): string | undefined {
  if (path === undefined) return undefined;
  const problem = outputProblem(path, example, inputs);
  if (problem) return `${flag} ${path}: ${problem}`;
  if (flag === '--report' && !/\.html?$/i.test(path)) return `${flag} ${path}: expected an HTML file name such as ${example}`;
  return undefined;
}

/** Loads scenario files; every problem of every file on stderr (file, line, field) when bad,
 * including work beyond the limits: each round of planning simulates the scenario once more.
 * Each file is parsed once: the line of a programme too large comes from that parse's positions
 * (`lineOf`, dropped once the file is checked), not from parsing the file again. */
function load(files: string[], options: PlanOptions): Scenario[] | undefined {
  const runs = simulationsOfEach(options);
  const unreadable: string[] = [];
  const work: string[] = [];
  const programme: string[] = [];
  const scenarios: Scenario[] = [];
  for (const [k, path] of files.entries()) {
    let scenario: Scenario;
    let lineOf: FieldLines;
    try {
      ({ scenario, lineOf } = loadScenarioFile(path));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      unreadable.push(...e.problems);
      continue;
    }
    scenarios.push(scenario);
    // Once every file is read: a file that cannot be read is all that is said.
    if (unreadable.length > 0) continue;
    // With --compare every scenario runs with the base's replications (common random numbers),
    // as it is planned and compared: counted at those, not at its own.
    const replications = options.replications ?? (options.compare ? scenarios[0].replications : scenario.replications);
    const replicationsSource =
      options.replications !== undefined ? '--replications' : options.compare && k > 0 ? `replications (the base's, ${replications})` : undefined;
    work.push(
      ...checkScenarioWork(
        scenario,
        displayPath(path),
        { replications, replicationsSource, ...runs, pointsFlag: '--max-iterations', allowLargeRuns: largeRunsAllowed(options.allowLargeRuns) },
        lineOf,
      ).problems,
    );
    // The solver's programme, bounded too (the app's planner refuses the same in sim/plan).
    const tooLarge = largeRunsAllowed(options.allowLargeRuns) ? undefined : programmeProblem(scenario);
    if (!tooLarge) continue;
    programme.push(`${fieldWhere(displayPath(path), tooLarge.field, lineOf)}: ${tooLarge.message}; or pass --allow-large-runs to solve it anyway`);
  }
  // As before: the files' problems alone if any cannot be read; else each file's work, then the programmes.
  const problems = unreadable.length > 0 ? unreadable : [...work, ...programme];
  if (problems.length === 0) return scenarios;
  process.stderr.write(`${problems.join('\n')}\n`);
  return undefined;
}

/** How many times each scenario may be simulated, and in what words: every planning round, twice
 * (with the file's seed, and with the check seed when the plan meets the targets; runs), and after
 * them the comparison --report (the scenario as written and as planned) or --compare (the plans
 * side by side) makes; and the results kept meanwhile, one a round (points, for the memory). */
function simulationsOfEach(options: PlanOptions): { points: number; pointsNoun: string; runs: number; runsNoun: string } {
  const maxIterations = options.maxIterations ?? 8;
  const kept = planningRoundsAtMost(maxIterations);
  const planning = planningRunsAtMost(maxIterations);
  const rounds = (what: string) => `${maxIterations + TRIM_ROUNDS} ${what} at most, each with the file's seed and a second one`;
  const after = options.compare ? [1, 'the comparison'] as const : options.report ? [2, 'the report'] as const : undefined;
  if (!after) return { points: kept, pointsNoun: 'planning rounds', runs: planning, runsNoun: `planning runs (${rounds('rounds')})` };
  return {
    points: kept + after[0],
    pointsNoun: `runs (${kept} planning rounds, ${after[0]} for ${after[1]})`,
    runs: planning + after[0],
    runsNoun: `runs (${planning} for ${rounds('planning rounds')}; ${after[0]} for ${after[1]})`,
  };
}

async function planOne(options: PlanOptions, pool: ReplicationPool): Promise<number> {
  const path = options.files[0];
  const file = displayPath(path);
  const loaded = load([path], options);
  if (!loaded) return 2;
  const input = { ...loaded[0], seed: options.seed ?? loaded[0].seed, replications: options.replications ?? loaded[0].replications };
  if (openShifts(input).length === 0) return fail(`${file}: ${NOTHING_TO_PLAN}`);

  const started = Date.now();
  const result = await planScenario(input, file, options, pool);
  const seconds = (Date.now() - started) / 1000;

  if (options.out) {
    const text = options.out.toLowerCase().endsWith('.json')
      ? `${JSON.stringify(result.scenario, null, 2)}\n`
      : plannedYaml(scenarioText(path), result.scenario);
    writeFileAtomic(options.out, text);
    process.stderr.write(`Wrote the planned scenario to ${options.out}\n`);
  }
  if (options.report) {
    // The scenario as written (open head counts at their minimum) and the plan, with common
    // random numbers: the planned one is the verification run again, paired with the other.
    const shown = [`${file} (as written)`, options.out ? displayPath(options.out) : `${file} (planned)`];
    const comparison = await compareScenarios([input, result.scenario], shown, pool, 'Simulating the scenario as written and as planned: replication');
    if (!comparison) {
      fail('interrupted: no report written');
      return interruptedExitCode();
    }
    const html = caseReportHtml({
      scenarios: [input, result.scenario],
      files: shown,
      comparison,
      labels: ['As written', 'Planned'],
      kind: 'plan',
      plans: [undefined, result],
      generatedAt: new Date().toISOString(),
    });
    const written = write(options.report, html);
    if (written) return written;
    process.stderr.write(`Wrote the plan's report to ${displayPath(options.report)}\n`);
  }
  const r = result.verification;
  if (options.json) {
    const document = {
      plan: result.plan,
      cost: costs(r),
      met: result.met,
      round: result.round,
      unmet: result.unmet,
      misses: result.misses,
      iterations: result.iterations,
      verification: { file, ...r },
    };
    process.stdout.write(`${json(document)}\n`);
  } else {
    process.stdout.write(`${planText(file, result, seconds)}\n`);
  }
  // Exit 1 when the targets are not met (the plan and the report are written all the same), so
  // that a script can tell.
  return result.met ? 0 : 1;
}

/** Every scenario planned to the first one's targets, then the plans compared with common random
 * numbers (the first one's seed and replications). */
async function planAndCompare(options: PlanOptions, pool: ReplicationPool): Promise<number> {
  if (options.files.length < 2) return fail('--compare needs at least two scenario files: the base first, then the others');
  const loaded = load(options.files, options);
  if (!loaded) return 2;
  const files = options.files.map(displayPath);
  const currencies = [...new Set(loaded.map((s) => s.currency))];
  if (currencies.length > 1) return fail(`the scenarios use different currencies (${currencies.join(', ')}); a comparison needs one`);
  const seed = options.seed ?? loaded[0].seed;
  const replications = options.replications ?? loaded[0].replications;
  const inputs = loaded.map((s, k) => {
    const same = withTargetsOf(loaded[0], s);
    if (k > 0 && JSON.stringify(targetsOf(same)) !== JSON.stringify(targetsOf(s))) {
      process.stderr.write(`${files[k]}: its service-level or planning targets differ from ${files[0]}'s; planned to ${files[0]}'s\n`);
    }
    return { ...same, seed, replications };
  });
  if (inputs.every((s) => openShifts(s).length === 0)) return fail(`${NOTHING_TO_PLAN}, in any of the files`);

  const plans: (PlanResult | undefined)[] = [];
  for (const [k, input] of inputs.entries()) {
    if (openShifts(input).length === 0) {
      process.stderr.write(`${files[k]}: nothing to plan (no open shift); compared as written\n`);
      plans.push(undefined);
      continue;
    }
    plans.push(await planScenario(input, files[k], options, pool));
  }
  const planned = inputs.map((s, k) => plans[k]?.scenario ?? s);
  const comparison = await compareScenarios(planned, files, pool, `Comparing ${planned.length} planned scenarios: replication`);
  if (!comparison) {
    fail('interrupted: no comparison written');
    return interruptedExitCode();
  }
  warnOfDifferentWindows(comparison, 'plan --compare');

  if (options.report) {
    const html = caseReportHtml({ scenarios: planned, files, comparison, kind: 'planned', plans, generatedAt: new Date().toISOString() });
    const written = write(options.report, html);
    if (written) return written;
    const n = comparison.scenarios[0].replications;
    process.stderr.write(`Wrote ${displayPath(options.report)}: ${planned.length} scenarios, each planned to the same targets, ${n} replication${n === 1 ? '' : 's'} each\n`);
  }
  if (options.json) {
    const document = {
      plans: plans.map((p, k) =>
        p ? { file: files[k], plan: p.plan, cost: costs(p.verification), met: p.met, round: p.round, unmet: p.unmet, misses: p.misses, iterations: p.iterations } : null,
      ),
      scenarios: comparison.scenarios.map((r, k) => ({ file: files[k], ...r })),
      deltas: comparison.deltas.map((d, k) => (d ? { base: files[0], variant: files[k], ...d } : null)),
    };
    process.stdout.write(`${json(document)}\n`);
  } else {
    const rosters = plans.map((p, k) => (p ? `${rosterText(`Plan for ${p.verification.name}  (${files[k]})`, p, true)}\n` : `${files[k]}: nothing to plan; compared as written\n`));
    process.stdout.write(`${rosters.join('\n')}\n${comparisonText(comparison, files)}\n`);
  }
  // Exit 1 when any plan misses its targets (everything is written all the same).
  return plans.every((p) => !p || p.met) ? 0 : 1;
}

/** The targets a plan is made to: service levels per channel, the planner's settings, occupancy. */
function targetsOf(s: Scenario) {
  return {
    serviceLevel: s.serviceLevel,
    channels: (['voice', 'chat', 'email'] as const).map((c) => s.channels?.[c]?.serviceLevel ?? null),
    plan: s.plan,
    maxOccupancy: s.maxOccupancy ?? null,
  };
}

/** The scenario with the base's targets: its service levels, plan settings and occupancy cap. */
function withTargetsOf(base: Scenario, s: Scenario): Scenario {
  const channels = { ...s.channels };
  for (const c of ['voice', 'chat', 'email'] as const) {
    const serviceLevel = base.channels?.[c]?.serviceLevel;
    const own = { ...(channels[c] ?? {}) };
    if (serviceLevel) own.serviceLevel = serviceLevel;
    else delete own.serviceLevel;
    channels[c] = Object.keys(own).length > 0 ? own : undefined;
  }
  return { ...s, serviceLevel: base.serviceLevel, channels, plan: base.plan, maxOccupancy: base.maxOccupancy };
}

/** The built solver entry, beside the built CLI (bin/build-cli.mjs), as the replication worker. */
const SOLVER_ENTRY = new URL('./solver-worker.js', import.meta.url);

/** HiGHS in a worker thread (cli/solver-worker.ts): the main thread stays free to hear Ctrl-C
 * while a programme is solved (a solve holds its thread for up to the solver's time limit). */
function solverThread(): { solve: LpSolver; close: () => void } {
  let worker: Worker | undefined;
  return {
    solve: (text, settings) => {
      const w = (worker ??= new Worker(SOLVER_ENTRY));
      return new Promise<HighsResult>((resolve, reject) => {
        const done = (m: SolverReply) => {
          w.off('error', reject);
          if (m.error !== undefined) reject(new Error(m.error));
          else resolve(m.result!);
        };
        w.once('message', done);
        w.once('error', reject);
        w.postMessage({ text, settings });
      });
    },
    close: () => void worker?.terminate(),
  };
}

/** plan() with its progress on stderr: each round's step, then what its simulation found.
 * Ctrl-C (or SIGTERM) stops it at once with a message: a plan half-made is no plan, so nothing
 * is written (the planned scenario and the report are written only after it), exit 130 (143). */
async function planScenario(input: Scenario, file: string, options: PlanOptions, pool: ReplicationPool): Promise<PlanResult> {
  let round = 0;
  const solver = solverThread();
  const stopWatching = exitOnInterrupt((signal) => `\nInterrupted${signal === 'SIGTERM' ? ' (SIGTERM)' : ''}: planning ${file} stopped in round ${round}; nothing written\n`);
  try {
    return await planRounds(input, file, options, pool, solver.solve, (n) => (round = n));
  } finally {
    stopWatching();
    solver.close();
  }
}

function planRounds(input: Scenario, file: string, options: PlanOptions, pool: ReplicationPool, solve: LpSolver, onRound: (n: number) => void): Promise<PlanResult> {
  let round = 0;
  return plan(input, {
    maxIterations: options.maxIterations,
    allowLargeProgramme: largeRunsAllowed(options.allowLargeRuns),
    solve,
    simulate: async (model) => {
      const r = await simulateOnPool(model, pool);
      const s = r.summary;
      process.stderr.write(
        `Planning ${file}: round ${round} simulated: ${formatNumber(s.hoursBelowTarget.mean ?? NaN, 'count')} of ${formatNumber(s.demandHours.mean ?? NaN, 'count')} ` +
          `language × channel hours with demand below target, ${formatNumber(s.uncoveredHours.mean ?? NaN, 'count')} uncovered; ` +
          `${formatNumber((s.costPerMonth.mean ?? NaN), 'money', r.currency)} a month\n`,
      );
      return r;
    },
    onProgress: (step, iteration, phase) => {
      round = iteration;
      onRound(iteration);
      const what =
        step === 'solving'
          ? 'solving the programme (HiGHS)'
          : step === 'checking'
            ? `checking it with other random numbers (${input.replications} replications)`
            : `simulating the plan (${input.replications} replications)`;
      process.stderr.write(`Planning ${file}: round ${iteration}${phase === 'trim' ? ' (trying a cheaper plan)' : ''}, ${what}…\n`);
    },
  });
}

/** The scenarios with common random numbers (the first one's seed and replications) over worker
 * threads; each model's warnings under its file name, except that open shifts run at their
 * minimum, which is what a scenario as written means here. Undefined when interrupted. */
async function compareScenarios(scenarios: Scenario[], files: string[], pool: ReplicationPool, label: string): Promise<Comparison | undefined> {
  const models = compileForComparison(scenarios);
  models.forEach((m, k) =>
    m.warnings.filter((w) => !/simulated at their minimum/.test(w)).forEach((w) => process.stderr.write(`${files[k]}: warning: ${w}\n`)),
  );
  const interrupt = watchInterrupt();
  const progress = new Progress(label, models.length * models[0].replications);
  try {
    return await compareOnPool(models, pool, (done) => progress.update(done), interrupt);
  } finally {
    progress.done();
    interrupt.dispose();
  }
}

/** Writes the page; an exit code when it cannot. */
function write(path: string, content: string): number | undefined {
  try {
    writeFileAtomic(path, content);
    return undefined;
  } catch (e) {
    return fail(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const json = (document: unknown) => JSON.stringify(document, (_, v) => (v === Infinity ? null : v), 2);

function costs(r: ScenarioResult) {
  const perMonth = r.summary.costPerMonth.mean ?? 0;
  return {
    perWeek: (perMonth * WEEK_SECONDS) / AVERAGE_MONTH_SECONDS,
    perMonth,
    perContact: r.summary.costPerContact.mean,
    perResolvedCustomer: r.summary.costPerResolvedCustomer.mean,
  };
}

/** The plan's roster (head count, paid hours, FTEs per shift) and its cost. */
function rosterText(title: string, p: PlanResult, withVerdict: boolean): string {
  const r = p.verification;
  const cost = costs(r);
  const money = (x: number | null) => formatNumber(x ?? NaN, 'money', r.currency);
  const rows = [['Pool', 'Days', 'Shift (local time)', 'Agents', 'Paid h/week', 'FTEs']];
  for (const [pool, shifts] of Object.entries(p.plan)) {
    for (const s of shifts) {
      const hours = shiftWeekHours(s) * s.agents;
      rows.push([pool, String(s.days), `${s.start}–${s.end}`, String(s.agents), oneDecimal(hours), (hours / p.scenario.hoursPerFte).toFixed(1)]);
    }
    if (shifts.length === 0) rows.push([pool, '', 'nobody needed', '0', '0.0', '0.0']);
  }
  return [
    title,
    '',
    table(rows),
    '',
    table([
      ['Cost per week', money(cost.perWeek)],
      ['Cost per month', money(cost.perMonth)],
      ['Cost per contact', money(cost.perContact)],
      ['Cost per resolved customer', money(cost.perResolvedCustomer)],
    ]),
    ...(withVerdict ? ['', verdictText(p)] : []),
  ].join('\n');
}

/** Paid hours with one decimal, thousands separated: "1,127.5", "42.5", "40.0". */
function oneDecimal(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Met or not, which round is shown, and every target missed with why. */
function verdictText(p: PlanResult): string {
  const count = (x: number) => formatNumber(x, 'count');
  const rounds = p.iterations.length;
  const which = rounds > 1 ? ` (round ${p.round} of ${rounds}${p.round === rounds ? '' : p.met ? ': the cheapest that meets the targets' : ': the fewest hours below target'})` : '';
  const below = p.verification.summary.hoursBelowTarget.mean ?? 0;
  const share = `${Number((p.scenario.plan.belowTargetShare * 100).toFixed(1))} %`;
  let head: string;
  if (p.met) head = p.unmet.length ? `The targets are met wherever a shift can serve${which}; not reached:` : `Every target is met${which}.`;
  else if (heldOnlyWithItsSeed(p)) {
    head =
      `Not every target is met${which}: met with the file's seed, but not when checked with other random numbers ` +
      '(a second seed, the same replications); a plan passes only when it holds with both, and more replications make the two agree more often' +
      (p.unmet.length ? '; not reached:' : '.');
  } else {
    const tooMany = below > p.allowedHoursBelowTarget;
    head =
      `Not every target is met${which}: ` +
      (tooMany
        ? `${count(below)} hours below target, more than the ${share} of the ${count(p.reachableDemandHours)} hours with demand a pool can serve allowed (${count(Math.floor(p.allowedHoursBelowTarget))})`
        : `${count(below)} hours below target (within the ${share} allowed), but a service level below its target`) +
      ':';
  }
  const lines = [head];
  for (const u of p.unmet) lines.push(`  - ${u}`);
  return lines.join('\n');
}

function planText(file: string, p: PlanResult, seconds: number): string {
  const r = p.verification;
  const lines = [rosterText(`Plan for ${r.name}  (${file})`, p, false), ''];
  const reportedWeeks = (Date.parse(r.end) - Date.parse(r.start)) / 1000 / WEEK_SECONDS;
  const weeks = Number(reportedWeeks.toFixed(2));
  lines.push(`Proof: the planned scenario simulated, ${r.replications} replications, ${weeks} week${weeks === 1 ? '' : 's'} (95% confidence intervals)`);
  lines.push(
    table([
      ['Language / channel', 'Target', 'Service level', 'Hours below target', 'Uncovered hours'],
      ...Object.entries(r.queues).map(([key, g]) => {
        const t = r.channelTargets[key.split('/')[1]];
        return [key, formatNumber(t.target, 'fraction'), formatEstimate(g.serviceLevel, 'fraction', '', true), formatNumber(g.hoursBelowTarget.mean ?? NaN, 'count'), formatNumber(g.uncoveredHours.mean ?? NaN, 'count')];
      }),
    ]),
    '',
    table([
      ['Pool', 'Occupancy', 'On phones'],
      ...Object.entries(r.pools)
        .filter(([, x]) => x.type !== 'ai')
        .map(([id, x]) => [id, formatEstimate(x.occupancy, 'fraction', '', true), `${(x.agentsOnPhones?.mean ?? 0).toFixed(1)} avg`]),
    ]),
    '',
  );
  const s = r.summary;
  lines.push(
    `Hours below target: ${formatNumber(s.hoursBelowTarget.mean ?? NaN, 'count')} of ${formatNumber(s.demandHours.mean ?? NaN, 'count')} language × channel hours with demand; uncovered: ${formatNumber(s.uncoveredHours.mean ?? NaN, 'count')}.`,
  );
  lines.push(verdictText(p));
  lines.push(`Planned in ${seconds.toFixed(1)} s: ${roundsText(p.iterations)}; round ${p.round} shown.`);
  return lines.join('\n');
}
