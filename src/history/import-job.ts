// What the history worker does with a records file, step by step, as the CLI's import and
// backtest do: read it (every row accounted for), fit the scenario — on all the records, or on the
// days before --train-until — then replay the tested days with the staffing they show. Pure: no
// DOM, no Node; the worker posts what the callbacks hand it.
import { backtestObserved, MIN_REPLICATIONS } from '../../sim/history/backtest';
import { historyOf } from '../../sim/history/history';
import { scenarioYaml, type ScenarioFit } from '../../sim/history/fit-scenario';
import { fitIntervalQueues } from '../../sim/history/intervals';
import { dayOfIso, isoDay } from '../../sim/history/local-time';
import { RecordsError } from '../../sim/history/records';
import { LIMITS } from '../../sim/scenario/schema-parts';
import { parseScenario, type Scenario } from '../../sim/scenario/scenario';
import type { Loaded } from '../../sim/history/load';
import type { BacktestSummary, FitReport, HistoryStep, ImportOptions, QueueRow } from './protocol';

/** Per queue, the fit's figures for the report table. */
function queueRows(loaded: Loaded, rows: number[], fit: ScenarioFit): QueueRow[] {
  if (loaded.format !== 'intervals') {
    return fit.queues.map((q) => {
      const d = fit.demand.queues.find((x) => x.queue === q.queue)!;
      const { chosen: _chosen, ...handleTime } = q.handleTime ?? ({} as NonNullable<typeof q.handleTime>);
      const { kaplanMeier: _km, ...patience } = q.patience ?? ({} as NonNullable<typeof q.patience>);
      return { queue: q.queue, offered: d.offered, perWeek: d.perWeek, dailyVolumeCv: d.dailyVolumeCv, handleTime: q.handleTime ? handleTime : undefined, patience: q.patience ? patience : undefined };
    });
  }
  const table = loaded.outcome.records;
  return fitIntervalQueues(rows.map((i) => table[i])).map((q) => {
    const d = fit.demand.queues.find((x) => x.queue === q.queue);
    return { queue: q.queue, offered: q.offered, perWeek: d?.perWeek ?? 0, dailyVolumeCv: d?.dailyVolumeCv ?? 0, ahtSeconds: q.ahtSeconds, patienceSeconds: q.patienceSeconds, abandoned: q.abandoned };
  });
}

export interface ImportJob {
  report: FitReport;
  /** Replays the tested days (all of them, or those from trainUntil on). */
  backtest(onProgress: (done: number, total: number) => void): BacktestSummary;
}

/** Fits the scenario to `loaded` (on the days before options.trainUntil when given). */
export function importRecords(loaded: Loaded, fileName: string, options: ImportOptions, onStep: (step: HistoryStep) => void = () => undefined): ImportJob {
  const { timezone, outcome } = loaded;
  const cut = options.trainUntil ? dayOfIso(options.trainUntil) : undefined;
  if (options.trainUntil && cut === undefined) throw new RecordsError([`Fit until: expected a date such as 1999-01-25, got ${JSON.stringify(options.trainUntil)}`]);
  const replications = options.replications;
  if (replications !== undefined && (!Number.isInteger(replications) || replications < 2 || replications > LIMITS.replications)) {
    throw new RecordsError([`Replications: expected a whole number from 2 to ${LIMITS.replications.toLocaleString('en-US')}, got ${replications}`]);
  }
  onStep('fitting');
  const history = historyOf(loaded, fileName);
  let train = history.days.map((_, i) => i);
  let test = train;
  if (cut !== undefined) {
    test = train.filter((i) => history.days[i] >= cut);
    train = train.filter((i) => history.days[i] < cut);
    if (train.length === 0) throw new RecordsError([`${fileName}: no records before ${options.trainUntil} to fit on`]);
    if (test.length === 0) throw new RecordsError([`${fileName}: no records on or after ${options.trainUntil} to test on`]);
  }
  const trendTo = cut !== undefined && options.trend ? { firstDay: cut, lastDay: history.days[test[test.length - 1]] } : undefined;
  const fit = history.fit(train, { timezone, source: fileName, trendTo });
  const yaml = scenarioYaml(fit);
  const scenario: Scenario = parseScenario(yaml, 'fitted scenario'); // what is kept is a valid scenario, or a bug
  const fittedOn =
    cut === undefined
      ? `Fitted on all the records (${isoDay(fit.demand.firstDay)} to ${isoDay(fit.demand.lastDay)}) and replayed on the same days: in sample.`
      : `Out of sample: fitted on ${isoDay(history.days[train[0]])} to ${isoDay(cut - 1)}, tested on the rest${options.trend ? ', volumes carried forward along their trend' : ''}.`;
  const report: FitReport = {
    fileName,
    format: loaded.format,
    timezone,
    intervalMinutes: loaded.format === 'intervals' ? loaded.intervalMinutes : undefined,
    accounting: { rowsRead: outcome.rowsRead, kept: outcome.records.length, keptAs: outcome.kept, notOffered: outcome.notOffered, rejected: outcome.rejected, notes: outcome.notes },
    period: { from: isoDay(Math.min(...history.days.slice(0, 1), ...history.days.slice(-1))), to: isoDay(Math.max(...history.days.slice(0, 1), ...history.days.slice(-1))) },
    from: isoDay(fit.demand.firstDay),
    to: isoDay(fit.demand.lastDay),
    fittedOn,
    groups: fit.demand.groups,
    specialDays: fit.demand.specialDays.map((s) => ({ date: isoDay(s.day), factor: s.factor })),
    missingDays: fit.demand.missingDays.map(isoDay),
    trend: { perDay: fit.demand.trend.perDay, perDayError: fit.demand.trend.perDayError },
    queues: queueRows(loaded, train, fit),
    agentsSeen: fit.staffing.agents,
    shifts: scenario.staffing.reduce((n, p) => n + (p.type !== 'ai' && p.shifts ? p.shifts.length : 0), 0),
    name: scenario.name,
    description: String(scenario.description ?? ''),
    yaml,
  };
  return {
    report,
    backtest(onProgress) {
      onStep('simulating');
      // The CLI's default: the scenario's replications, at least MIN_REPLICATIONS (a 95% band).
      const result = backtestObserved(scenario, history.observe(test), { replications: replications ?? Math.max(scenario.replications, MIN_REPLICATIONS), seed: options.seed, onProgress });
      const { interval: _interval, ...series } = result.series;
      return { ...result, series };
    },
  };
}
