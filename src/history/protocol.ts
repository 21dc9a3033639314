// Messages between the page and the history worker (src/history.worker.ts): a records file in, the
// import's report (rows accounted for, what was fitted and how, the fitted scenario's YAML) and the
// back-test out, with progress in between.
import type { BacktestFigure, BacktestResult, ErrorFigures, Grain, SeriesPoint } from '../../sim/history/backtest';
import type { DayGroup } from '../../sim/history/fit-demand';
import type { HandleTimeFit } from '../../sim/history/fit-handle-time';
import type { PatienceFit } from '../../sim/history/patience';
import type { Tally } from '../../sim/history/records';
import type { RecordsFormat } from '../../sim/history/load';

export interface ImportOptions {
  /** Fit on the records before this local day (YYYY-MM-DD) and test on the rest (the CLI's --train-until). */
  trainUntil?: string;
  /** With trainUntil: carry the volume's drift over the training days forward (--trend). */
  trend?: boolean;
  /** Replications of the replay (the CLI's default: the scenario's, at least 40). */
  replications?: number;
  seed?: number;
  /** The customers' time zone of layouts that name none (generic, intervals). */
  timezone?: string;
}

export type HistoryRequest = { kind: 'import'; id: number; file: File; options: ImportOptions };

/** Every row of the file: kept, not offered (hung up in the IVR) or left out by kind. */
export interface Accounting {
  rowsRead: number;
  kept: number;
  /** What a kept row is: "contacts offered to a queue", "rows of the interval table" … */
  keptAs: string;
  notOffered: Tally;
  rejected: Record<string, Tally>;
  notes: Record<string, Tally>;
}

/** One queue's fit, as the import prints it. */
export interface QueueRow {
  queue: string;
  /** Contacts offered over the fitted days. */
  offered: number;
  perWeek: number;
  dailyVolumeCv: number;
  /** Contact records: the handle-time choice and the censored patience. */
  handleTime?: Omit<HandleTimeFit, 'chosen'>;
  patience?: Omit<PatienceFit, 'kaplanMeier'>;
  /** Interval tables: the table's average handle time and total wait ÷ abandons. */
  ahtSeconds?: number;
  patienceSeconds?: number;
  abandoned?: number;
}

export interface FitReport {
  fileName: string;
  format: RecordsFormat;
  timezone: string;
  intervalMinutes?: number;
  accounting: Accounting;
  /** The records' first and last local day (YYYY-MM-DD): the whole file. */
  period: { from: string; to: string };
  /** The fitted days (first and last, YYYY-MM-DD), and how the scenario was obtained. */
  from: string;
  to: string;
  fittedOn: string;
  groups: DayGroup[];
  specialDays: { date: string; factor: number }[];
  missingDays: string[];
  /** The volume's drift: per day (a fraction of the mean) and its standard error (NaN: too few days). */
  trend: { perDay: number; perDayError: number };
  queues: QueueRow[];
  agentsSeen: number;
  shifts: number;
  /** The fitted scenario, its description (what was estimated and how) and the file's YAML. */
  name: string;
  description: string;
  yaml: string;
}

/** The back-test without the interval grain's series (the hour is the finest the app draws). */
export type BacktestSummary = Omit<BacktestResult, 'series'> & { series: Record<Exclude<Grain, 'interval'>, Record<BacktestFigure, SeriesPoint[]>> };
export type { ErrorFigures };

export type HistoryStep = 'reading' | 'fitting' | 'simulating';

export type HistoryReply =
  | { type: 'progress'; id: number; step: HistoryStep; done: number; total: number }
  | { type: 'fitted'; id: number; report: FitReport }
  | { type: 'backtested'; id: number; result: BacktestSummary; ms: number }
  /** Bad records or scenario: the problems, one line each (file, line, what was expected). */
  | { type: 'error'; id: number; problems: string[] };
