// Days without records are named in the import's description, the back-test's text and its
// report. Listed one by one, a stray row dated a year after the rest (a mistyped year) gave a
// sentence of 362 dates, in the scenario file's comment and description too; three or more days
// in a row are now one run with its length, and a long list stops after a dozen items with how
// many days more. Data: the Technion SEE Center's "Anonymous Bank" call log, January 1999 (Avi
// Mandelbaum; Guedj and Mandelbaum, 2000), its first week in test/fixtures (see its README).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRecordsText } from '../../sim/history/load';
import { historyOf } from '../../sim/history/history';
import { backtestObserved } from '../../sim/history/backtest';
import { daysText } from '../../sim/history/local-time';
import { parseScenario } from '../../sim/scenario/scenario';
import { scenarioYaml } from '../../sim/history/fit-scenario';
import { backtestText } from '../../cli/backtest';
import { backtestReportHtml } from '../../report/backtest';

const WEEK = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-week1.tsv', import.meta.url));
const week = readFileSync(WEEK, 'utf8').trimEnd().split('\n');
const DATE = week[0].split('\t').indexOf('date');

/** The week's records (header kept) without the rows of the given dates (YYMMDD), and extra rows. */
const records = (without: string[], extra: string[] = []) => [...week.filter((line, i) => i === 0 || !without.includes(line.split('\t')[DATE])), ...extra].join('\n') + '\n';
const fitted = (text: string) => {
  const loaded = loadRecordsText(text, 'week1.tsv');
  const history = historyOf(loaded, 'week1.tsv');
  const all = history.days.map((_, i) => i);
  return { history, all, fit: history.fit(all, { timezone: loaded.timezone, source: 'week1.tsv' }) };
};

describe('a stray row a year after the rest', () => {
  // The week's records and one call dated 2000-01-05: a mistyped year.
  const stray = 'AA0101\t99001\t0\t0\tPS\t000105\t10:00:00\t10:00:06\t6\t10:00:06\t10:00:06\t0\tAGENT\t10:00:06\t10:02:06\t120\tMICHAL';
  const { fit } = fitted(records([], [stray]));

  it('has the days between named as one run of 362 days, not 362 dates', () => {
    expect(fit.scenario.description).toContain('Days with no records at all (a gap in the data, not fitted): 1999-01-08 to 2000-01-04 (362 days).');
    expect(scenarioYaml(fit)).toContain('# Days with no records at all (a gap in the data, not fitted): 1999-01-08 to 2000-01-04 (362 days).');
  });
});

describe('three days missing from the week', () => {
  const { history, all, fit } = fitted(records(['990103', '990104', '990105']));
  const scenario = parseScenario(scenarioYaml(fit), 'fitted');
  const result = backtestObserved(scenario, history.observe(all), { replications: 2 });

  it('are one run in the import, the back-test and its report', () => {
    expect(fit.scenario.description).toContain('Days with no records at all (a gap in the data, not fitted): 1999-01-03 to 1999-01-05 (3 days).');
    expect(result.daysWithoutRecords).toEqual(['1999-01-03', '1999-01-04', '1999-01-05']);
    expect(backtestText(result, '')).toContain('Days without records, not compared: 1999-01-03 to 1999-01-05 (3 days).');
    const html = backtestReportHtml({ title: 'Back-test', result, fittedOn: '', fromTable: false, description: fit.scenario.description, generatedAt: '1999-02-01 00:00 UTC' });
    expect(html).toContain('Days without records, not compared: 1999-01-03 to 1999-01-05 (3 days).');
  });
});

describe('a list of days', () => {
  it('keeps one or two days in a row as dates', () => {
    expect(daysText(['1999-01-11', '1999-01-12'])).toBe('1999-01-11, 1999-01-12');
    expect(daysText(['1999-01-11', '1999-01-13', '1999-01-14', '1999-01-15'])).toBe('1999-01-11, 1999-01-13 to 1999-01-15 (3 days)');
  });

  it('stops after a dozen items, saying how many days more', () => {
    // Every other day for three years: 548 days, none next to another.
    const days = Array.from({ length: 548 }, (_, k) => new Date(Date.UTC(1999, 0, 1 + 2 * k)).toISOString().slice(0, 10));
    const text = daysText(days);
    expect(text).toBe(`${days.slice(0, 12).join(', ')} and 536 more days`);
  });
});
