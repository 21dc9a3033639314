// What `followsun backtest` prints: the service level's threshold it judges (per channel when
// the scenario's channels differ in it), given one file, which of the two is missing, and its
// progress on a terminal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateScenario } from '../../sim/scenario/scenario';
import { localDesk } from '../support';
import { genericCsv, syntheticRecords } from '../../sim/history/synthetic-records';
import { fittedPeriod, fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { intervalTableCsv } from '../../sim/history/interval-export';
import { followsun } from '../cli-in-process';

const ZONE = 'Europe/Madrid';
const desk = localDesk({ city: 'Madrid', zone: ZONE, language: 'es', start: '2026-02-02T00:00:00+01:00', days: 3, perWeek: 1200, agents: 2, seed: 3 });
const records = syntheticRecords(validateScenario(desk, 'desk'));
const dir = mkdtempSync(join(tmpdir(), 'followsun-backtest-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const recordsFile = join(dir, 'calls.csv');
writeFileSync(recordsFile, genericCsv(records));
const fitted = parse(scenarioYaml(fitScenario(records, { timezone: ZONE })));

function scenarioFile(name: string, change: (s: Record<string, any>) => void): string {
  const s = structuredClone(fitted);
  change(s);
  const file = join(dir, name);
  writeFileSync(file, stringify(s));
  return file;
}

describe('backtest text output', () => {
  it('states the service level threshold it judges', async () => {
    const file = scenarioFile('thirty.yaml', (s) => (s.serviceLevel = { seconds: 30, target: 0.8 }));
    const o = await followsun('backtest', file, recordsFile, '--timezone', ZONE, '--replications', '4');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Service level: answered within 30 s ÷ offered.');
  });

  it('says an interval table’s answered_within_threshold is taken at the scenario’s threshold, which the table does not name', async () => {
    const table = join(dir, 'intervals.csv');
    writeFileSync(table, intervalTableCsv(records, 30));
    const file = scenarioFile('thirty-table.yaml', (s) => (s.serviceLevel = { seconds: 30, target: 0.8 }));
    const o = await followsun('backtest', file, table, '--timezone', ZONE, '--replications', '2');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain(
      "Service level: answered within 30 s ÷ offered. The table's answered_within_threshold is taken to count at 30 s; if the platform counted at another threshold, back-test a scenario file whose serviceLevel.seconds is that one.",
    );
    // Contact records carry each wait: nothing to assume.
    const calls = await followsun('backtest', file, recordsFile, '--timezone', ZONE, '--replications', '2');
    expect(calls.stdout).not.toContain('answered_within_threshold');
  });

  it('warns when the training days hold none of a test day’s weekday (the fit forecasts no contacts then)', async () => {
    // Monday 2 to Wednesday 4 February: fitted on the Monday, tested on Tuesday and Wednesday.
    const o = await followsun('backtest', recordsFile, '--train-until', '2026-02-03', '--timezone', ZONE, '--replications', '4');
    expect(o.status).toBe(0);
    expect(o.stderr).toBe(
      "followsun backtest: warning: no training day before 2026-02-03 falls on Tue-Wed: the fitted scenario forecasts no contacts on the test's Tue-Wed (train on a week or more)\n",
    );
  });

  it('names each channel’s threshold when they differ, and the one the records are judged at', async () => {
    // The same queue also by chat (60 s by default): the simulation judges each channel at its own.
    const file = scenarioFile('two-channels.yaml', (s) => {
      s.demand.push({ ...s.demand[0], id: 'es-chat', channel: 'chat', volume: { perWeek: 10 } });
      s.staffing[0].channels = ['voice', 'chat'];
    });
    const o = await followsun('backtest', file, recordsFile, '--timezone', ZONE, '--replications', '4');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain("Service level: answered within the channel's threshold ÷ offered — simulated voice 20 s, chat 60 s; the records, which name no channel, are judged at 20 s.");
  });
});

describe('backtest given one file', () => {
  it('a scenario: says the records file is missing; records: the scenario file (or --train-until)', async () => {
    const file = scenarioFile('alone.yaml', () => {});
    const o = await followsun('backtest', file);
    expect(o.status).toBe(2);
    expect(o.stderr).toContain(`backtest ${file}: the records file is missing`);
    expect(o.stderr).not.toContain('needs a scenario file');
    const r = await followsun('backtest', recordsFile);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('backtest needs a scenario file before the records file (or --train-until DATE');
  });
});

describe('backtest on a terminal', () => {
  it('draws a progress bar while it replays, and clears it before the figures', async () => {
    // Years of records replay for minutes: on a terminal the bar is drawn from the start, as run's.
    const file = scenarioFile('plain.yaml', () => {});
    const wasTty = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      const o = await followsun('backtest', file, recordsFile, '--timezone', ZONE, '--replications', '4');
      expect(o.status).toBe(0);
      expect(o.stderr).toMatch(/^\rReplaying 3 days: replication 0\/4 \[ +\]/);
      expect(o.stderr.endsWith('\r\x1b[K')).toBe(true);
      expect(o.stdout).toContain('Service level: answered within 20 s');
    } finally {
      process.stderr.isTTY = wasTty;
    }
  });
});

describe('backtest of a scenario fitted by import: in sample or not', () => {
  // A slice of the Technion SEE Center's "Anonymous Bank" data, January 1999 (Avi Mandelbaum; see
  // test/fixtures/README.md): its rows dated 1–24 January imported, then the scenario replayed.
  const bank = readFileSync(new URL('../fixtures/anonymous-bank-1999-01-small-queues.tsv', import.meta.url), 'utf8');
  const [header, ...rows] = bank.trimEnd().split('\n');
  const dated = (keep: (yymmdd: string) => boolean) => [header, ...rows.filter((r) => keep(r.split('\t')[1]))].join('\n') + '\n';
  const early = join(dir, 'bank-1-24.tsv');
  const late = join(dir, 'bank-25-31.tsv');
  const month = join(dir, 'bank-month.tsv');
  writeFileSync(early, dated((d) => d < '990125'));
  writeFileSync(late, dated((d) => d >= '990125'));
  writeFileSync(month, bank);
  const fittedFile = join(dir, 'bank-1-24.yaml');

  it('says a replay of the very days the scenario was fitted on is in sample, partly or not at all', async () => {
    expect((await followsun('import', early, '--out', fittedFile)).status).toBe(0);
    // 1–24 January with records: 22 days (11 and 12 January are missing from the data).
    const same = await followsun('backtest', fittedFile, early, '--replications', '2');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain(
      `Scenario ${fittedFile}, fitted on 1999-01-01 to 1999-01-24 of bank-1-24.tsv (its description says): in sample, every day replayed was fitted on: a check of the fit, not of a forecast`,
    );
    // The month: 29 days with records, 22 of them fitted on.
    const both = await followsun('backtest', fittedFile, month, '--replications', '2');
    expect(both.stdout).toContain('partly in sample, 22 of the 29 days replayed were fitted on');
    const after = await followsun('backtest', fittedFile, late, '--replications', '2');
    expect(after.stdout).toContain('fitted on 1999-01-01 to 1999-01-24 of bank-1-24.tsv (its description says): out of sample, none of the days replayed was fitted on');
    // A scenario fitted from an interval table names it too.
    expect(fittedPeriod('Fitted by followsun import from the interval table desk.csv (30-minute intervals): 2026-01-05 to 2026-01-25, local time Europe/Lisbon.')).toEqual({
      source: 'desk.csv',
      from: '2026-01-05',
      to: '2026-01-25',
    });
    // Which hours the counts are compared over.
    expect(after.stdout).toContain('Counts are compared over the hours (days …) with a contact offered, in the records or in a replication: a closed hour tests nothing.');
    // Which way the bias goes, in the table's own header.
    expect(after.stdout).toMatch(/bias \(sim − actual\)\s+MAE/);
  });
});
