// The `followsun` command as an analyst uses it: the real bin script in a child process, small
// scenario files in a temporary folder, and checks of the output contract rather than of numbers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueFigures } from '../../sim/stats/erlang';
import { parseScenario, scenarioJsonSchema } from '../../sim/scenario/scenario';
import { DEFAULT_SCENARIO } from '../../cli/files';
import { formatEstimate, formatNumber } from '../../cli/format';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function followsun(...args: string[]): Outcome {
  const r = spawnSync(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.error) throw r.error;
  // A slow machine may show progress lines; they are not what these tests are about.
  const stderr = r.stderr.split('\n').filter((line) => !/replication \d+\/\d+ \(\d+%\)/.test(line)).join('\n');
  return { status: r.status, stdout: r.stdout, stderr };
}

/** Non-empty lines of a stream. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

function expectNoStackTrace(o: Outcome): void {
  expect(o.stderr).not.toMatch(/^\s+at /m);
  expect(o.stderr).not.toMatch(/node:internal|\.ts:\d+:\d+/);
}

// --- The JSON contract ------------------------------------------------------------------------

interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}
interface ScenarioOutput {
  name: string;
  file: string;
  seed: number;
  replications: number;
  start: string;
  end: string;
  intervalMinutes: number;
  summary: Record<string, Estimate>;
  pools: Record<string, Record<string, Estimate>>;
  channels: Record<string, Record<string, Estimate>>;
  intervals: Array<{ start: string; channels: Record<string, Record<string, Estimate>> } & Record<string, Estimate>>;
}
interface RunDocument {
  scenarios: ScenarioOutput[];
  errors?: { file: string; problems: string[] }[];
}

const SUMMARY_FIGURES = ['offered', 'answered', 'abandoned', 'answeredWithinThresholdShare', 'asaSeconds', 'waitP90Seconds', 'abandonRate', 'costTotal', 'costPerContact', 'costPerResolvedCustomer', 'gapHours'];
const SUMMARY_RATES = ['answeredWithinThresholdShare', 'abandonRate'];
const POOL_FIGURES = ['handled', 'occupancy', 'costTotal'];
const INTERVAL_FIGURES = ['offered', 'answeredWithinThresholdShare'];
const INTERVAL_RATES = ['answeredWithinThresholdShare', 'abandonRate', 'occupancy'];

/** `{ mean: number, ci95: [low, high] }` with low ≤ mean ≤ high. */
function expectEstimate(e: Estimate | undefined, what: string): asserts e is { mean: number; ci95: [number, number] } {
  expect(e, what).toEqual({ mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });
  const { mean, ci95 } = e as { mean: number; ci95: [number, number] };
  expect(Number.isFinite(mean), what).toBe(true);
  expect(ci95[0], what).toBeLessThanOrEqual(mean + 1e-9 * Math.abs(mean));
  expect(ci95[1], what).toBeGreaterThanOrEqual(mean - 1e-9 * Math.abs(mean));
}

function expectFraction(e: Estimate | undefined, what: string): void {
  expectEstimate(e, what);
  expect(e.mean, what).toBeGreaterThanOrEqual(0);
  expect(e.mean, what).toBeLessThanOrEqual(1);
}

function expectSame(a: number, b: number, what: string): void {
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
}

/** Every contact offered was answered, abandoned, or was still waiting when the run ended. */
function expectConservation(s: ScenarioOutput): void {
  const waiting = s.summary.waitingAtEnd?.mean ?? 0;
  expectSame(s.summary.offered.mean!, s.summary.answered.mean! + s.summary.abandoned.mean! + waiting, `${s.name}: offered`);
}

// --- Scenario files --------------------------------------------------------------------------

const HOURS = 6;
const INTERVAL_MINUTES = 15;
const START = '2026-03-23T06:00:00Z';
const AGENTS = 4;
const COST_PER_HOUR = 30;
const FILE_SEED = 5;
const FILE_REPLICATIONS = 3;

/** A small phone desk: six hours in 15-minute intervals, slightly stretched so some callers hang up. */
const SMALL_DESK = `name: Small Lisbon desk
horizon: { start: ${START}, hours: ${HOURS}, warmupHours: 2 }
intervalMinutes: ${INTERVAL_MINUTES}
seed: ${FILE_SEED}
replications: ${FILE_REPLICATIONS}
demand:
  - id: pt-voice
    language: pt
    timezone: Europe/Lisbon
    volume: { perHour: 60 }
    handleTime: { dist: exponential, mean: 200 }
    patience: { dist: exponential, mean: 120 }
staffing:
  - id: lisbon
    skills: [pt]
    agents: ${AGENTS}
    cost: { perHour: ${COST_PER_HOUR} }
`;

/** French callers with nobody who speaks French: they wait until the run ends. */
const NOBODY_SPEAKS_FRENCH = `name: French line left unstaffed
horizon: { start: 2026-03-23T00:00:00Z, hours: 2, warmupHours: 0 }
intervalMinutes: 60
demand:
  - id: fr-voice
    language: fr
    volume: { perHour: 20 }
    handleTime: { dist: exponential, mean: 180 }
staffing:
  - id: madrid
    skills: [es]
    agents: 2
`;

/** A pool with a negative head count: exactly one problem. */
const BROKEN = SMALL_DESK.replace('name: Small Lisbon desk', 'name: Broken desk').replace(`agents: ${AGENTS}`, 'agents: -3');

let dir: string;
let smallDesk: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'followsun-cli-'));
  smallDesk = join(dir, 'small-desk.yaml');
  writeFileSync(smallDesk, SMALL_DESK);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('followsun run --json', () => {
  let fromFile: Outcome; // seed and replications from the file, CSV written on the side
  let again: Outcome; // the very same command once more
  let otherSeed: Outcome;
  let fewerReplications: Outcome;
  let csvDir: string;

  beforeAll(() => {
    csvDir = join(dir, 'reports', 'lisbon'); // does not exist yet
    fromFile = followsun('run', smallDesk, '--json', '--csv', csvDir);
    again = followsun('run', smallDesk, '--json');
    otherSeed = followsun('run', smallDesk, '--json', '--seed', String(FILE_SEED + 1));
    fewerReplications = followsun('run', smallDesk, '--json', '--replications', '2');
  });

  const documentOf = (o: Outcome): RunDocument => {
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    return JSON.parse(o.stdout) as RunDocument;
  };

  it('prints one JSON document with one result per scenario and no errors', () => {
    const doc = documentOf(fromFile);
    expect(Object.keys(doc)).toEqual(['scenarios']);
    expect(doc.scenarios).toHaveLength(1);
    const [s] = doc.scenarios;
    expect(s.name).toBe('Small Lisbon desk');
    expect(s.file).toBe(smallDesk);
    expect(s.seed).toBe(FILE_SEED);
    expect(s.replications).toBe(FILE_REPLICATIONS);
  });

  it('gives every figure as a mean with a 95% confidence interval, and rates as fractions', () => {
    const [s] = documentOf(fromFile).scenarios;
    for (const f of SUMMARY_FIGURES) expectEstimate(s.summary[f], `summary.${f}`);
    for (const f of SUMMARY_RATES) expectFraction(s.summary[f], `summary.${f}`);
    expect(Object.keys(s.pools)).toEqual(['lisbon']);
    for (const f of POOL_FIGURES) expectEstimate(s.pools.lisbon[f], `pools.lisbon.${f}`);
    expectFraction(s.pools.lisbon.occupancy, 'pools.lisbon.occupancy');
    for (const [i, row] of s.intervals.entries()) {
      for (const f of INTERVAL_FIGURES) expectEstimate(row[f], `intervals[${i}].${f}`);
      for (const f of INTERVAL_RATES) expectFraction(row[f], `intervals[${i}].${f}`);
      expectFraction(row.channels.voice.serviceLevel, `intervals[${i}].channels.voice.serviceLevel`);
    }
    // The desk takes calls only: its one channel's service level is the blended share.
    expectFraction(s.channels.voice.serviceLevel, 'channels.voice.serviceLevel');
    expect(s.channels.voice.serviceLevel.mean).toBe(s.summary.answeredWithinThresholdShare.mean);
    // A stretched desk: some callers wait, some hang up, and waiting times are in seconds.
    expect(s.summary.abandoned.mean).toBeGreaterThan(0);
    expect(s.summary.asaSeconds.mean).toBeGreaterThan(0);
    expect(s.summary.waitP90Seconds.mean).toBeGreaterThanOrEqual(0);
  });

  it('reports one interval per intervalMinutes of the horizon, from the horizon start', () => {
    const [s] = documentOf(fromFile).scenarios;
    expect(s.intervals).toHaveLength((HOURS * 60) / INTERVAL_MINUTES);
    expect(Date.parse(s.start)).toBe(Date.parse(START));
    expect(Date.parse(s.end) - Date.parse(s.start)).toBe(HOURS * 3_600_000);
    s.intervals.forEach((row, i) => {
      expect(row.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(Date.parse(row.start)).toBe(Date.parse(START) + i * INTERVAL_MINUTES * 60_000);
    });
  });

  it('accounts for every contact, in total, per interval and per pool', () => {
    const [s] = documentOf(fromFile).scenarios;
    expectConservation(s);
    const intervalOffered = s.intervals.reduce((sum, row) => sum + row.offered.mean!, 0);
    expectSame(intervalOffered, s.summary.offered.mean!, 'offered over the intervals');
    const handled = Object.values(s.pools).reduce((sum, p) => sum + p.handled.mean!, 0);
    expectSame(handled, s.summary.answered.mean!, 'handled by the pools');
  });

  it('charges the pool for every paid hour, whatever the replication', () => {
    const [s] = documentOf(fromFile).scenarios;
    const paid = AGENTS * HOURS * COST_PER_HOUR;
    expect(s.pools.lisbon.costTotal).toEqual({ mean: paid, ci95: [paid, paid] });
    expectSame(s.summary.costTotal.mean!, paid, 'summary cost');
  });

  it('is reproducible byte for byte with the same seed, and changes with another seed', () => {
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(fromFile.stdout);
    const [other] = documentOf(otherSeed).scenarios;
    expect(other.seed).toBe(FILE_SEED + 1);
    expect(other.replications).toBe(FILE_REPLICATIONS);
    expect(otherSeed.stdout).not.toBe(fromFile.stdout);
    expect(other.summary.offered).not.toEqual(documentOf(fromFile).scenarios[0].summary.offered);
  });

  it('lets --replications override the file', () => {
    const [s] = documentOf(fewerReplications).scenarios;
    expect(s.replications).toBe(2);
    expect(s.seed).toBe(FILE_SEED);
  });

  it('--csv writes a summary and an interval table matching the JSON, and no temporary files', () => {
    const [s] = documentOf(fromFile).scenarios;
    const files = readdirSync(csvDir).sort();
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.map((f) => f.replace(/^\d+-[^-]+(-[^-]+)*?-(summary|intervals|coverage|gap-hours)\.csv$/, '$2')).sort()).toEqual(['coverage', 'gap-hours', 'intervals', 'summary']);
    const intervalsFile = files.find((f) => f.endsWith('-intervals.csv'));
    const summaryFile = files.find((f) => f.endsWith('-summary.csv'));
    expect(intervalsFile).toBeDefined();
    expect(summaryFile).toBeDefined();

    const intervalRows = lines(readFileSync(join(csvDir, intervalsFile!), 'utf8'));
    expect(intervalRows[0].split(',')[0]).toBe('interval_start');
    expect(intervalRows).toHaveLength(1 + s.intervals.length);
    expect(intervalRows.slice(1).map((r) => r.split(',')[0])).toEqual(s.intervals.map((row) => row.start));

    const summaryRows = lines(readFileSync(join(csvDir, summaryFile!), 'utf8')).map((r) => r.split(','));
    const header = summaryRows[0];
    expect(header).toEqual(expect.arrayContaining(['figure', 'mean', 'ci95_low', 'ci95_high']));
    const offered = summaryRows.find((r) => r[header.indexOf('figure')] === 'offered');
    expect(offered).toBeDefined();
    expect(Number(offered![header.indexOf('mean')])).toBeCloseTo(s.summary.offered.mean!, 6); // twelve significant digits
    expect(summaryRows.some((r) => r[header.indexOf('figure')] === 'pool.lisbon.occupancy')).toBe(true);
  });
});

describe('JSON output, printed or written to a file', () => {
  let out: Record<string, string>;

  beforeAll(() => {
    const variant = join(dir, 'small-desk-plus-one.yaml');
    writeFileSync(variant, SMALL_DESK.replace(`agents: ${AGENTS}`, `agents: ${AGENTS + 1}`));
    const file = (name: string) => join(dir, 'json-endings', name);
    const printed = (...args: string[]) => {
      const o = followsun(...args);
      expect(o.status, args.join(' ')).toBe(0);
      return o.stdout;
    };
    const written = (path: string, ...args: string[]) => {
      printed(...args);
      return readFileSync(path, 'utf8');
    };
    out = {
      'run --json': printed('run', smallDesk, '--json', '--replications', '2'),
      // A one-shard batch, so that merge has something to merge.
      'run --out': written(file('shard.json'), 'run', smallDesk, '--replications', '2', '--shard', '1/1', '--out', file('shard.json')),
      'merge --out': written(file('merged.json'), 'merge', file('shard.json'), '--out', file('merged.json')),
      'compare --json': printed('compare', smallDesk, variant, '--json', '--replications', '2'),
      'sweep --out .json': written(file('sweep.json'), 'sweep', smallDesk, '--vary', 'staffing.lisbon.agents=3..4:1', '--replications', '2', '--out', file('sweep.json')),
      'erlang --json': printed('erlang', '--rate', '200', '--aht', '180', '--agents', '14', '--json'),
      schema: printed('schema'),
    };
  });

  it('ends with one newline, so that shells, cat and diff tools show it whole', () => {
    for (const [command, text] of Object.entries(out)) {
      expect(text.endsWith('}\n'), command).toBe(true);
      expect(text.endsWith('\n\n'), command).toBe(false);
      expect(() => JSON.parse(text), command).not.toThrow();
    }
  });
});

describe('followsun run without a file', () => {
  it('runs the default scenario and prints a readable summary', () => {
    const o = followsun('run', '--replications', '2');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    const scenario = parseScenario(readFileSync(DEFAULT_SCENARIO, 'utf8'), 'default scenario');
    expect(o.stdout).toContain(scenario.name);
    expect(o.stdout).toContain(relative(ROOT, DEFAULT_SCENARIO));
    expect(o.stdout).toContain('2 replications');
    // Each channel against its own target: voice 80 % in 20 s, chat in 60 s, email in 24 h.
    expect(o.stdout).toMatch(/^\s+voice\s.*80% in 20 s\s+\d+\.\d %/m);
    expect(o.stdout).toMatch(/^\s+email\s.*90% in 24 h/m);
    for (const pool of scenario.staffing) expect(o.stdout).toMatch(new RegExp(`^\\s+${pool.id}\\s`, 'm'));
    expect(() => JSON.parse(o.stdout)).toThrow(); // a summary for people, not JSON
  });
});

describe('a batch with one broken scenario', () => {
  let batch: string;
  let files: string[];
  let batchOutcome: Outcome | undefined;
  /** The three files named one by one, in --json mode (run once, shared by two tests). */
  const jsonBatch = () => (batchOutcome ??= followsun('run', ...files, '--json', '--replications', '2'));

  beforeAll(() => {
    batch = join(dir, 'batch');
    mkdirSync(batch);
    writeFileSync(join(batch, 'a-lisbon.yaml'), SMALL_DESK);
    writeFileSync(join(batch, 'b-broken.yaml'), BROKEN);
    writeFileSync(join(batch, 'c-french.yml'), NOBODY_SPEAKS_FRENCH);
    writeFileSync(join(batch, 'notes.txt'), 'not a scenario\n');
    files = ['a-lisbon.yaml', 'b-broken.yaml', 'c-french.yml'].map((f) => join(batch, f));
  });

  it('runs the good scenarios of a folder, and names the bad file and field on one line', () => {
    const o = followsun('run', batch, '--replications', '2');
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    const problems = lines(o.stderr).filter((l) => !l.includes(': warning: '));
    expect(problems).toHaveLength(1);
    // The French line is simulated, with a warning that nobody serves it.
    expect(o.stderr).toMatch(/c-french\.yml: warning: no staffing pool serves fr\/voice/);
    expect(problems[0]).toMatch(/^\S*b-broken\.yaml:\d+: staffing\[0\]\.agents: expected a whole number ≥ 0, got -3$/);
    expect(o.stdout).toContain('Small Lisbon desk');
    expect(o.stdout).toContain('French line left unstaffed');
    expect(o.stdout).not.toContain('Broken desk');
    expect(o.stdout + o.stderr).not.toContain('notes.txt');
  });

  it('in --json mode puts the good results in scenarios and the failure in errors', () => {
    const o = jsonBatch();
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(lines(o.stderr).filter((l) => !l.includes(': warning: '))).toHaveLength(1);
    const doc = JSON.parse(o.stdout) as RunDocument;
    expect(doc.scenarios.map((s) => s.file)).toEqual([files[0], files[2]]);
    expect(doc.errors).toEqual([{ index: 1, file: files[1], problems: [expect.stringContaining('staffing[0].agents')] }]);
    expect(doc.errors![0].problems[0].startsWith(`${files[1]}:`)).toBe(true);
    for (const s of doc.scenarios) {
      expect(s.replications).toBe(2);
      expectConservation(s);
    }
  });

  it('reports callers nobody can serve as still waiting at the end', () => {
    const s = (JSON.parse(jsonBatch().stdout) as RunDocument).scenarios.find((r) => r.file === files[2]);
    expect(s).toBeDefined();
    expect(s!.summary.answered.mean).toBe(0);
    expect(s!.summary.waitingAtEnd.mean).toBeGreaterThan(0);
    expectConservation(s!);
  });
});

describe('mistakes on the command line', () => {
  it('a missing file: exit 2 and "file not found" with its name', () => {
    const missing = join(dir, 'no-such-desk.yaml');
    const o = followsun('run', missing);
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(lines(o.stderr)).toEqual([`${missing}: file not found`]);
    expect(o.stdout).toBe('');
  });

  it('every command names a missing file the same way', () => {
    const missing = join(dir, 'no-such-desk.yaml');
    const records = join(dir, 'no-such-calls.csv');
    for (const args of [
      ['plan', missing],
      ['compare', missing, missing],
      ['backtest', missing, records],
      ['import', records, '--out', join(dir, 'never.yaml')],
    ]) {
      const o = followsun(...args);
      expect(o.status, args.join(' ')).toBe(2);
      expect(lines(o.stderr)[0], args.join(' ')).toBe(`${args[0] === 'import' ? records : missing}: file not found`);
    }
  });

  it('an unknown option: exit 2, the option named and a pointer to the usage', () => {
    const o = followsun('run', smallDesk, '--replicatons', '3');
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(o.stderr).toContain('--replicatons');
    expect(o.stderr).toMatch(/usage/i);
    expect(o.stdout).toBe('');
  });

  it('a YAML mistake: exit 2 and one plain line with the file, line and column, no stack trace', () => {
    const misplaced = join(dir, 'misplaced-field.yaml');
    writeFileSync(misplaced, SMALL_DESK.replace('    language: pt', '  language: pt'));
    const line = SMALL_DESK.split('\n').findIndex((l) => l === '    language: pt') + 1;
    const o = followsun('run', misplaced);
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(lines(o.stderr)).toEqual([`${misplaced}:${line}:3: not valid YAML or JSON: bad indentation: this line does not line up with the fields above it`]);
    expect(o.stdout).toBe('');
  });

  it('zero replications: exit 2 and what was expected, before anything runs', () => {
    const o = followsun('run', smallDesk, '--replications', '0');
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(o.stderr).toContain('--replications: expected a whole number ≥ 1, got 0');
    expect(o.stderr).toMatch(/usage/i);
    expect(o.stdout).toBe('');
  });
});

describe('followsun erlang', () => {
  const json = (o: Outcome): Record<string, unknown> => {
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    return JSON.parse(o.stdout) as Record<string, unknown>;
  };

  it('gives Erlang C figures for a head count, as fractions and seconds', () => {
    const out = json(followsun('erlang', '--rate', '1000', '--aht', '180', '--agents', '55', '--sl', '20', '--json'));
    const f = queueFigures({ ratePerHour: 1000, ahtSeconds: 180, agents: 55, thresholdSeconds: 20 });
    expect(out).toMatchObject({ model: 'Erlang C', agents: 55, pWait: f.pWait, serviceLevel: f.serviceLevel, asaSeconds: f.asaSeconds, occupancy: f.occupancy });
    expect(out).not.toHaveProperty('abandonRate');
    for (const key of ['pWait', 'serviceLevel', 'occupancy']) {
      expect(out[key], key).toBeGreaterThan(0);
      expect(out[key], key).toBeLessThan(1);
    }
    expect(out.occupancy).toBeCloseTo((1000 * 180) / 3600 / 55, 12); // offered load ÷ agents
    expect(out.asaSeconds).toBeGreaterThan(0);
    expect(out.asaSeconds).toBeLessThan(180); // seconds, not minutes or hours
  });

  it('with --patience gives Erlang A figures, abandonment included', () => {
    const out = json(followsun('erlang', '--rate', '1000', '--aht', '180', '--agents', '55', '--sl', '20', '--patience', '120', '--json'));
    const a = queueFigures({ ratePerHour: 1000, ahtSeconds: 180, agents: 55, thresholdSeconds: 20, patienceSeconds: 120 });
    const c = queueFigures({ ratePerHour: 1000, ahtSeconds: 180, agents: 55, thresholdSeconds: 20 });
    expect(out).toMatchObject({ model: 'Erlang A', agents: 55, pWait: a.pWait, serviceLevel: a.serviceLevel, abandonRate: a.abandonRate, occupancy: a.occupancy });
    expect(out.abandonRate).toBeGreaterThan(0);
    expect(out.abandonRate).toBeLessThan(1);
    // Callers who hang up shorten the queue for the others.
    expect(out.serviceLevel).toBeGreaterThan(c.serviceLevel);
    expect(out.asaSeconds).toBeLessThan(c.asaSeconds);
  });

  it('with --target finds the published head count for the classic example', () => {
    // pyworkforce: 100 calls per 30 minutes, AHT 3 min, 20 s → 14 agents, SL 0.888, P(wait) 0.174
    // (the same published figures as test/figures/erlang.test.ts).
    const out = json(followsun('erlang', '--rate', '200', '--aht', '180', '--sl', '20', '--target', '0.8', '--json'));
    expect(out.agents).toBe(14);
    expect(out.target).toBe(0.8);
    expect(out.serviceLevel).toBeCloseTo(0.888, 3);
    expect(out.pWait).toBeCloseTo(0.174, 3);
    expect(out.occupancy).toBeCloseTo(0.714, 3);
    expect(queueFigures({ ratePerHour: 200, ahtSeconds: 180, agents: 13, thresholdSeconds: 20 }).serviceLevel).toBeLessThan(0.8);
  });

  it('refuses a target written as a percentage', () => {
    const o = followsun('erlang', '--rate', '200', '--aht', '180', '--target', '80');
    expect(o.status).toBe(2);
    expectNoStackTrace(o);
    expect(o.stderr).toContain('--target: expected a fraction between 0 and 1 (0.8, not 80), got 80');
  });
});

describe('followsun schema', () => {
  it('prints the scenario JSON Schema for editors', () => {
    const o = followsun('schema');
    expect(o.status).toBe(0);
    const schema = JSON.parse(o.stdout) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.properties.demand).toBeDefined();
    expect(schema.properties.staffing).toBeDefined();
    expect(schema.additionalProperties).toBe(false);
    expect(schema).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});

describe('numbers on the terminal', () => {
  it('never shows a figure that rounds to zero as "-0"', () => {
    expect(formatNumber(-0.0001, 'count')).toBe('0');
    expect(formatNumber(-0.00001, 'fraction')).toBe('0.0 %');
    expect(formatNumber(-0.01, 'seconds')).toBe('0.0 s');
    expect(formatNumber(-0.001, 'money', 'EUR')).toBe('0.00 EUR');
  });

  it('keeps the decimal of a small average count: 2.5 gap hours are not 3', () => {
    expect(formatNumber(2.5, 'count')).toBe('2.5');
    expect(formatNumber(0.4, 'count')).toBe('0.4');
    expect(formatNumber(12, 'count')).toBe('12');
    expect(formatNumber(12_345.6, 'count')).toBe('12,346');
  });

  it('drops cents from large amounts, losses included, and seconds decimals in the thousands', () => {
    expect(formatNumber(4.2, 'money', 'EUR')).toBe('4.20 EUR');
    expect(formatNumber(150_000, 'money', 'EUR')).toBe('150,000 EUR');
    expect(formatNumber(-5_000, 'money', 'EUR')).toBe('-5,000 EUR');
    expect(formatNumber(999.996, 'money', 'EUR')).toBe('1,000 EUR');
    expect(formatNumber(23.44, 'seconds')).toBe('23.4 s');
    expect(formatNumber(14_012.3, 'seconds')).toBe('14,012 s');
  });

  it('gives a figure and the ends of its confidence interval the same decimals', () => {
    expect(formatEstimate({ mean: 3.01, ci95: [2.4, 3.6] }, 'count')).toBe('3.0 (2.4–3.6)');
    expect(formatEstimate({ mean: 999.6, ci95: [900, 1_100] }, 'money', 'EUR')).toBe('999.60 EUR (900.00–1,100.00)');
    expect(formatEstimate({ mean: 0.8123, ci95: [0.8041, 0.8205] }, 'fraction')).toBe('81.2 % (80.4–82.1)');
    expect(formatEstimate({ mean: 0.8123, ci95: [0.8041, 0.8205] }, 'fraction', '', true)).toBe('81.2 % ±0.8');
    expect(formatEstimate({ mean: 12_345.6, ci95: [11_000, 13_000] }, 'money', 'EUR', true)).toBe('12,346 EUR ±1,000');
    expect(formatEstimate({ mean: 1_177, ci95: [653, 1_701] }, 'seconds', '', true)).toBe('1,177 s ±524');
    expect(formatEstimate({ mean: 5, ci95: null }, 'count')).toBe('5');
    expect(formatEstimate({ mean: null, ci95: null }, 'fraction')).toBe('–');
  });
});
