// The rows of a records file (contacts or intervals), each with its local day: what the
// back-test splits at its train-until date, fits on and replays. One shape for both kinds of
// file, for the CLI's backtest and the app's.
import { observeRecords, type Observation } from './backtest';
import { fitScenario, fitScenarioFromIntervals, type FitOptions, type ScenarioFit } from './fit-scenario';
import { observeIntervals } from './intervals';
import type { Loaded } from './load';
import { dayOf } from './local-time';
import { RecordsError } from './records';

export interface History {
  /** Per row, its local day (days since 1970-01-01). */
  days: number[];
  fit(rows: number[], options: FitOptions): ScenarioFit;
  observe(rows: number[]): Observation;
}

/** `shown`: the file's name in messages. */
export function historyOf(loaded: Loaded, shown: string): History {
  if (loaded.format !== 'intervals') {
    const records = loaded.outcome.records;
    return {
      days: records.map((r) => dayOf(r.arrivalLocalMs)),
      fit: (rows, options) => fitScenario(rows.map((i) => records[i]), options),
      observe: (rows) => observeRecords(rows.map((i) => records[i])),
    };
  }
  const { intervalMinutes } = loaded;
  const table = loaded.outcome.records;
  return {
    days: table.map((r) => dayOf(r.startLocalMs)),
    fit: (rows, options) => fitScenarioFromIntervals(rows.map((i) => table[i]), intervalMinutes, options),
    observe: (rows) => {
      if (!table.some((r) => Number.isFinite(r.agents))) throw new RecordsError([`${shown}: no agents column: the back-test replays the staffing the table shows`]);
      return observeIntervals(rows.map((i) => table[i]), intervalMinutes);
    },
  };
}
