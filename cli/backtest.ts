// `followsun backtest`: replay a period of contact records with a scenario and the staffing the
// records show, and print how far the simulation is from what happened (per hour: bias, mean
// absolute error, mean absolute percentage error, share of hours inside the 95% band). With
// --train-until, the scenario is fitted on the records before that date and tested on the rest.
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parseArgs } from 'node:util';
import { checkScenarioWork, displayPath, loadScenarioFile, outputRefused, writeOutput } from './files';
import { checkReplications, largeRunsAllowed, UsageError, wholeNumber } from './arguments';
import { table } from './format';
import { badInput, loadRecords, RECORDS_OPTIONS, zoneNote } from './import';
import { Progress } from './progress';
import { historyOf } from '../sim/history/history';
import type { Loaded } from '../sim/history/load';
import { RecordsError } from '../sim/history/records';
import { fittedPeriod, scenarioYaml } from '../sim/history/fit-scenario';
import { backtestObserved, BACKTEST_FIGURES, MIN_REPLICATIONS, replayBytes, type BacktestResult, type Grain, type Observation } from '../sim/history/backtest';
import { daysText, dayOfIso, isoDay, weekdayOf } from '../sim/history/local-time';
import { dayGroupName } from '../sim/history/fit-demand';
import { parseScenario, type Scenario } from '../sim/scenario/scenario';
import { bytes, memoryBudget } from '../sim/scenario/work-estimate';
import { wordFor } from '../sim/text/counted';
import { backtestReportHtml, CLOSED_NOTE, errorText, FIGURE_NAMES, tableThresholdText, weightedText } from '../report/backtest';

export function backtestText(result: BacktestResult, fittedOn: string, fromTable = false): string {
  const days = result.series.day.offered.length;
  const section = (grain: Grain, title: string, unit: string) => [
    '',
    `${title}, simulated against actual:`,
    table([
      ['', 'bias (sim − actual)', 'MAE', 'MAE by contacts', 'MAPE', 'inside 95% band', unit],
      ...BACKTEST_FIGURES.map((f) => {
        const e = result.grains[grain][f];
        const [bias, mae, mape, inside] = errorText(e, FIGURE_NAMES[f].unit);
        return [FIGURE_NAMES[f].title, bias, mae, weightedText(e, FIGURE_NAMES[f].unit), mape, inside, String(e.points)];
      }),
    ]),
  ];
  return [
    `Back-test ${result.from} to ${result.to} (local time ${result.timezone}): ${result.contacts} contacts, ${result.agentsSeen} ${wordFor(result.agentsSeen, 'agent')} seen, ${result.replications} replications.`,
    fittedOn,
    serviceLevelText(result) + (fromTable ? ` ${tableThresholdText(result)}` : ''),
    CLOSED_NOTE,
    ...(result.daysWithoutRecords.length ? [`Days without records, not compared: ${daysText(result.daysWithoutRecords)}.`] : []),
    ...section('hour', 'Per hour', 'hours'),
    // Coarser grains where they hold more than a point or two.
    ...(days > 7 ? section('hourOfWeek', 'Per hour of the week (contacts: mean per day of that weekday)', 'hours') : []),
    ...(days > 2 ? section('day', 'Per day', 'days') : []),
  ].join('\n');
}

/** The threshold the service level is judged at: the records' and, when the scenario's channels
 * differ in theirs, each channel's in the simulation. */
export function serviceLevelText(result: BacktestResult): string {
  const within = (seconds: number) => (seconds >= 3600 && seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`);
  const { thresholds, thresholdSeconds } = result;
  if (thresholds.every((t) => t.seconds === thresholdSeconds)) {
    return `Service level: answered within ${within(thresholdSeconds)} ÷ offered${thresholds.length > 1 ? ` (every channel's threshold: ${thresholds.map((t) => t.channel).join(', ')})` : ''}.`;
  }
  return (
    `Service level: answered within the channel's threshold ÷ offered — simulated ${thresholds.map((t) => `${t.channel} ${within(t.seconds)}`).join(', ')}; ` +
    `the records, which name no channel, are judged at ${within(thresholdSeconds)}.`
  );
}

/** A scenario replays records only in their time zone and with a stream for each of their queues. */
function checkScenarioFits(scenario: Scenario, loaded: Loaded, shown: string): void {
  const zones = new Set(scenario.demand.map((d) => d.timezone));
  if (zones.size > 1 || !zones.has(loaded.timezone)) {
    throw new RecordsError([
      `${shown}: the records are in ${loaded.timezone} local time, the scenario's demand in ${[...zones].join(', ')}: ` +
        'back-test a scenario fitted to these records, or give --timezone',
    ]);
  }
  const queues = new Set(scenario.demand.map((d) => d.language));
  const records: { queue: string }[] = loaded.outcome.records;
  const missing = [...new Set(records.map((r) => r.queue))].filter((q) => !queues.has(q));
  if (missing.length > 0) {
    throw new RecordsError([
      `${shown}: the records have queues the scenario has no demand for: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ' …' : ''} ` +
        `(its languages: ${[...queues].join(', ')})`,
    ]);
  }
}

/** The scenario's queues that the records never name, in the scenario's order. */
function queuesWithoutRecords(scenario: Scenario, loaded: Loaded): string[] {
  const recorded = new Set<string>();
  for (const r of loaded.outcome.records as { queue: string }[]) recorded.add(r.queue);
  return [...new Set(scenario.demand.map((d) => d.language))].filter((q) => !recorded.has(q));
}

type BacktestFlags = ReturnType<typeof readBacktestFlags>['values'];

/** The flags checked: the day the test starts at (with --train-until), and the run's settings. */
interface BacktestPlan {
  trainUntil: string | undefined;
  /** --train-until as a local day (days since 1970-01-01). */
  cut: number | undefined;
  replications: number | undefined;
  seed: number | undefined;
  recordsPath: string;
}

/** What is replayed: the scenario, the records' days to compare with, and how the scenario came to be. */
interface Replay {
  scenario: Scenario;
  observed: Observation;
  fittedOn: string;
  /** The records file as it is shown in messages. */
  shown: string;
  /** The records are an interval table. */
  fromTable: boolean;
  /** Local clock times read in a zone nobody gave (--timezone): the note saying so. */
  zoneNote?: string;
}

export function backtestCommand(args: string[]): number {
  const { values, positionals } = readBacktestFlags(args);
  const plan = checkBacktestFlags(values, positionals);
  // The report is checked before the records are read and the simulation runs, not after.
  if (outputRefused('--report', values.report, 'backtest.html', positionals)) return 2;
  try {
    const { scenario, observed, fittedOn, shown, fromTable, zoneNote: note } = replayOf(values, positionals, plan);
    const problems = replayWorkProblems(scenario, observed, positionals, shown, plan.replications, values['allow-large-runs']);
    if (problems.length > 0) {
      process.stderr.write(`${problems.join('\n')}\n`);
      return 2;
    }
    // A replay of years of records takes a while: the same progress line as run's.
    let progress: Progress | undefined;
    let result: BacktestResult;
    try {
      result = backtestObserved(scenario, observed, {
        replications: plan.replications,
        seed: plan.seed,
        onProgress: (done, total) => (progress ??= new Progress(`Replaying ${observed.lastDay - observed.firstDay + 1} days: replication`, total)).update(done),
      });
    } finally {
      progress?.done();
    }
    return writeBacktest(result, scenario, fittedOn, values, fromTable, note);
  } catch (e) {
    return badInput(e);
  }
}

function readBacktestFlags(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...RECORDS_OPTIONS,
      'train-until': { type: 'string' },
      trend: { type: 'boolean', default: false },
      report: { type: 'string' },
      json: { type: 'boolean', default: false },
      replications: { type: 'string' },
      seed: { type: 'string' },
      'allow-large-runs': { type: 'boolean', default: false },
    },
  });
}

/** Usage mistakes, in the order they have always been reported. */
function checkBacktestFlags(values: BacktestFlags, positionals: string[]): BacktestPlan {
  const trainUntil = values['train-until'];
  const cut = trainUntil === undefined ? undefined : dayOfIso(trainUntil);
  if (trainUntil !== undefined && cut === undefined) throw new UsageError(`--train-until: expected a date such as 1999-01-25, got ${JSON.stringify(trainUntil)}`);
  if (positionals.length === 0 || positionals.length > 2) throw new UsageError('backtest takes a scenario file and a records file (with --train-until, the records file alone will do)');
  if (positionals.length === 1 && cut === undefined) {
    // One file: a scenario whose records were forgotten, or records without their scenario.
    throw new UsageError(
      /\.(ya?ml|json)$/i.test(positionals[0])
        ? `backtest ${positionals[0]}: the records file is missing: give it after the scenario (followsun backtest ${positionals[0]} RECORDS.csv)`
        : 'backtest needs a scenario file before the records file (or --train-until DATE, to fit one on the records before DATE)',
    );
  }
  if (values.trend && cut === undefined) throw new UsageError('--trend carries the volume\'s drift from the training days forward: it needs --train-until DATE');
  const replications = checkReplications(wholeNumber(values.replications, '--replications', 2));
  const seed = wholeNumber(values.seed, '--seed');
  return { trainUntil, cut, replications, seed, recordsPath: positionals[positionals.length - 1] };
}

/** Reads the scenario and the records; with --train-until, fits the scenario on the days before. */
function replayOf(values: BacktestFlags, positionals: string[], { cut, trainUntil, recordsPath }: BacktestPlan): Replay {
  const base: Scenario | undefined = positionals.length === 2 ? loadScenarioFile(positionals[0]).scenario : undefined;
  const loaded = loadRecords(recordsPath, { ...values, fallbackTimezone: base?.demand[0].timezone });
  const shown = displayPath(recordsPath);
  const note = loaded.zoneAssumed ? zoneNote(loaded.zoneAssumed) : undefined;
  if (base && cut === undefined) {
    checkScenarioFits(base, loaded, shown);
    const unrecorded = queuesWithoutRecords(base, loaded);
    if (unrecorded.length > 0) {
      // Else a scenario of the whole centre replayed on one queue's records compared its every
      // queue's contacts with that queue's (the bank's month against its 156 English calls:
      // offered +60.8 an hour, MAPE 6,335%, abandon rate +81 points), and nothing said why.
      process.stderr.write(
        `followsun backtest: warning: the scenario's ${wordFor(unrecorded.length, 'queue')} ${unrecorded.slice(0, 8).join(', ')}${unrecorded.length > 8 ? ` and ${unrecorded.length - 8} more` : ''} ` +
          `${unrecorded.length === 1 ? 'has' : 'have'} no record in ${shown}: ${unrecorded.length === 1 ? 'its' : 'their'} contacts are simulated but not in the records, so every figure counts them against nothing ` +
          '(to back-test some queues only, fit a scenario to their records with followsun import)\n',
      );
    }
  }
  const history = historyOf(loaded, shown);
  const rows = history.days.map((_, i) => i);
  if (cut === undefined) {
    const observed = history.observe(rows);
    const fittedOn = `Scenario ${displayPath(positionals[0])}${sampleText(base!, observed)}; the staffing replayed is the one the records show.`;
    return { scenario: base!, observed, fittedOn, shown, fromTable: loaded.format === 'intervals', zoneNote: note };
  }
  const train = rows.filter((i) => history.days[i] < cut);
  const test = rows.filter((i) => history.days[i] >= cut);
  if (train.length === 0) throw new RecordsError([`${shown}: no records before ${trainUntil} to fit on`]);
  if (test.length === 0) throw new RecordsError([`${shown}: no records on or after ${trainUntil} to test on`]);
  const trained = weekdaysOf(history.days, train);
  const unseen = weekdaysOf(history.days, test).filter((w) => !trained.includes(w));
  if (unseen.length > 0) {
    // Else every figure of those days reads '–' or −100% with nothing said why.
    process.stderr.write(
      `followsun backtest: warning: no training day before ${trainUntil} falls on ${dayGroupName(unseen)}: the fitted scenario forecasts no contacts on the test's ${dayGroupName(unseen)} (train on a week or more)\n`,
    );
  }
  // --trend: the volume's drift over the training days, carried forward to the test days.
  const trendTo = values.trend ? { firstDay: cut, lastDay: history.days[test[test.length - 1]] } : undefined;
  const fitted = parseScenario(scenarioYaml(history.fit(train, { timezone: loaded.timezone, source: basename(recordsPath), trendTo })), 'fitted scenario');
  // A scenario file given too keeps its settings (service level, seed, replications).
  const scenario = base ? { ...fitted, serviceLevel: base.serviceLevel, channels: base.channels, seed: base.seed, replications: base.replications } : fitted;
  const fittedOn = `Out of sample: fitted on ${isoDay(history.days[train[0]])} to ${isoDay(cut - 1)}, tested on the rest${values.trend ? ', volumes carried forward along their trend' : ''}.`;
  return { scenario, observed: history.observe(test), fittedOn, shown, fromTable: loaded.format === 'intervals', zoneNote: note };
}

/** Whether the replayed days are those the scenario was fitted on (its description says which):
 * a replay of its own days checks the fit, not a forecast, and an analyst must be told. */
export function sampleText(scenario: Scenario, observed: Observation): string {
  const period = fittedPeriod(scenario.description);
  if (!period) return '';
  const from = dayOfIso(period.from);
  const to = dayOfIso(period.to);
  if (from === undefined || to === undefined) return '';
  const replayed = [...observed.seenDays];
  const inside = replayed.filter((d) => d >= from && d <= to).length;
  const fitted = `, fitted on ${period.from} to ${period.to} of ${period.source} (its description says)`;
  if (inside === 0) return `${fitted}: out of sample, none of the days replayed was fitted on`;
  const what = 'a check of the fit, not of a forecast (--train-until DATE fits on the days before DATE and tests on the rest)';
  if (inside === replayed.length) return `${fitted}: in sample, every day replayed was fitted on: ${what}`;
  return `${fitted}: partly in sample, ${inside} of the ${replayed.length} days replayed were fitted on: ${what}`;
}

/** The weekdays (0 = Monday) of the given rows' days, ascending. */
function weekdaysOf(days: number[], rows: number[]): number[] {
  return [...new Set(rows.map((i) => weekdayOf(days[i])))].sort((a, b) => a - b);
}

/** The work limits of run, for the replay: the records' days, every replication; and the
 * memory the replay keeps for its bands, which run's estimate does not count. */
function replayWorkProblems(scenario: Scenario, observed: Observation, positionals: string[], shown: string, replications: number | undefined, allowLargeRuns: boolean): string[] {
  const days = observed.lastDay - observed.firstDay + 1;
  const replay: Scenario = { ...scenario, horizon: { start: scenario.horizon.start, days, warmupHours: 0 } };
  const file = positionals.length === 2 ? displayPath(positionals[0]) : `the scenario fitted on ${shown}`;
  const count = replications ?? Math.max(scenario.replications, MIN_REPLICATIONS);
  const source = replications !== undefined ? '--replications' : 'replications';
  const { problems } = checkScenarioWork(replay, file, { replications: count, replicationsSource: source, allowLargeRuns: largeRunsAllowed(allowLargeRuns) });
  if (problems.length > 0) return problems;
  // 2,000 replications of three years' half hours kept 11 GB and were still simulating after 10 minutes.
  const intervals = Math.ceil((days * 24 * 60) / (observed.intervalMinutes ?? scenario.intervalMinutes));
  const needed = replayBytes(count, intervals);
  const budget = memoryBudget(getHeapStatistics().heap_size_limit);
  if (needed <= budget) return [];
  return [
    `${file}: ${source}: about ${bytes(needed)} of memory to keep ${count.toLocaleString('en-US')} replications' figures over ${intervals.toLocaleString('en-US')} intervals for the 95% bands, ` +
      `more than this process may use (${bytes(budget)}); use fewer replications or back-test a shorter period, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES`,
  ];
}

/** The report (when asked for) first, then the figures as JSON or text. */
function writeBacktest(result: BacktestResult, scenario: Scenario, fittedOn: string, values: BacktestFlags, fromTable: boolean, zoneNote?: string): number {
  if (values.report) {
    const html = backtestReportHtml({ title: `Back-test of ${scenario.name}`, result, fittedOn, fromTable, description: scenario.description, generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' });
    const problem = writeOutput(values.report, html);
    if (problem) {
      process.stderr.write(`followsun: ${displayPath(values.report)}: ${problem}\n`);
      return 2;
    }
  }
  if (values.json) {
    const { series: _series, ...rest } = result;
    process.stdout.write(`${JSON.stringify({ ...rest, fittedOn, ...(zoneNote ? { notes: [zoneNote] } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${zoneNote ? `Note: ${zoneNote}\n` : ''}${backtestText(result, fittedOn, fromTable)}\n${values.report ? `Wrote ${displayPath(values.report)}.\n` : ''}`);
  }
  return 0;
}
