// What `followsun import` tells the user to do next: the back-test it suggests runs as printed
// (the records read with the same --format, --map and --timezone, quoted for a shell); a table
// with no staffing says so instead of suggesting a back-test that cannot run; and a fitted
// scenario's costs, which no records hold, are said to be 0 until set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from '../../sim/scenario/scenario';
import { localDesk } from '../support';
import { genericCsv, syntheticRecords } from '../../sim/history/synthetic-records';
import { intervalTableCsv } from '../../sim/history/interval-export';
import { followsun } from '../cli-in-process';

const ZONE = 'Asia/Jerusalem';
const desk = localDesk({ city: 'Jerusalem', zone: ZONE, language: 'he', start: '2026-01-04T00:00:00+02:00', days: 7, perWeek: 1500, agents: 3, seed: 5 });
const records = syntheticRecords(validateScenario(desk, 'desk'));
const dir = mkdtempSync(join(tmpdir(), 'followsun-import-next-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = fileURLToPath(new URL('../../bin/followsun.mjs', import.meta.url));
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs a command line as printed (`followsun …`) in a POSIX shell, in `cwd`. */
function runPrinted(command: string, cwd: string) {
  expect(command).toMatch(/^followsun /);
  return spawnSync('sh', ['-c', `${quote(process.execPath)} ${quote(bin)} ${command.slice('followsun '.length)}`], { cwd, encoding: 'utf8' });
}

describe('the back-test import suggests', () => {
  it('repeats --format, --map and --timezone, quoted, and runs as printed', async () => {
    // An export with its own column names: spaces, and a quote the shell must not take as its own.
    const csv = genericCsv(records).replace(/^[^\n]*/, "Start Time,Skill,Result,Customer's Wait,Talk,Agent");
    const file = join(dir, 'calls.csv');
    writeFileSync(file, csv);
    const out = join(dir, 'desk.yaml');
    const maps = ['Start Time=arrival', 'Skill=queue', 'Result=outcome', "Customer's Wait=wait_seconds", 'Talk=handle_seconds', 'Agent=agent'];
    const imported = await followsun('import', file, '--format', 'generic', ...maps.flatMap((m) => ['--map', m]), '--timezone', ZONE, '--out', out);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const command = /To see how well it replays the records: (.*)/.exec(imported.stdout)?.[1];
    expect(command).toBeDefined();
    expect(command).toContain('--format generic');
    expect(command).toContain(`--timezone ${ZONE}`);
    expect(command).toContain(`--map 'Customer'\\''s Wait=wait_seconds'`);

    const run = runPrinted(command!, dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`local time ${ZONE}): ${records.length} contacts`);
    expect(readFileSync(join(dir, 'backtest.html'), 'utf8')).toContain('<svg');
  });
});

describe('an interval table without an agents column', () => {
  // Summed into half hours; the agents column dropped, and one day (Tuesday) missing.
  const table = intervalTableCsv(records, 30)
    .split('\n')
    .filter((line) => !line.startsWith('2026-01-06'))
    .map((line) => line.split(',').slice(0, -1).join(','))
    .join('\n');

  it('imports saying it has no staffing, with no back-test to run, and names the day without records', async () => {
    const file = join(dir, 'no-agents.csv');
    writeFileSync(file, table);
    const out = join(dir, 'no-agents.yaml');
    const o = await followsun('import', file, '--timezone', ZONE, '--out', out);
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Staffing: none — the table has no agents column, so the pool below has agents: 0');
    expect(o.stdout).toContain("No staffing: the table has no agents column, so the scenario's pool has none (agents: 0). Give staffing[0] shifts or agents before running it");
    expect(o.stdout).toContain('a back-test replays the staffing the records show, so it needs a table with an agents column');
    expect(o.stdout).not.toContain('followsun backtest');
    expect(o.stdout).not.toContain('0 at most');
    expect(o.stdout).toContain('Days with no records at all (a gap in the data, not fitted): 2026-01-06.');
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(scenario.staffing[0]).toMatchObject({ agents: 0 });
  });

  it('with its agents, suggests the back-test, which runs as printed', async () => {
    const file = join(dir, 'with-agents.csv');
    writeFileSync(file, intervalTableCsv(records, 30));
    const o = await followsun('import', file, '--timezone', ZONE, '--out', join(dir, 'with-agents.yaml'));
    expect(o.status).toBe(0);
    expect(o.stdout).not.toContain('No staffing');
    const command = /To see how well it replays the records: (.*)/.exec(o.stdout)?.[1];
    expect(command).toContain(`--timezone ${ZONE}`);
    const run = runPrinted(command!, dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('costs, which records do not hold', () => {
  it('are said to be 0 until set, in the summary and in the written file before its staffing', async () => {
    const file = join(dir, 'costs.csv');
    writeFileSync(file, genericCsv(records));
    const out = join(dir, 'costs.yaml');
    const o = await followsun('import', file, '--timezone', ZONE, '--out', out);
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Costs: not in the records, so the pool costs 0 until you set staffing[0].cost.perHour');
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toMatch(/\n# Costs: not in the records, so the pool costs 0 until you set staffing\[0\]\.cost\.perHour[^\n]*\nstaffing:\n/);
    const scenario = parseScenario(yaml, out);
    expect(scenario.staffing[0].type === 'ai' ? undefined : scenario.staffing[0].cost?.perHour ?? 0).toBe(0);
  });
});
