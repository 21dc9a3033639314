// Hostile and careless command lines (issue 12): absurd counts, grids and head counts, paths that
// reach prototypes, outputs that cannot be written, Ctrl-C. Each is refused up front with one
// clear line (exit 2) or handled (exit 0), within a time and memory budget, leaving no temporary
// file behind and Object.prototype untouched.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunMany, oneQueue, problemLines, startFollowsun, tempDir, type Outcome } from '../hostile-support';

const dir = tempDir('flags');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = join(dir, 'base.json');
writeFileSync(base, JSON.stringify(oneQueue(), null, 2));
const longName = join(dir, 'long.json');
writeFileSync(longName, JSON.stringify({ ...oneQueue(), name: 'A very long name '.repeat(20) }, null, 2));
const folder = join(dir, 'a-folder');
mkdirSync(folder);
const csvDir = join(dir, 'csv');
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');
const onLinux = existsSync('/proc/self');

/** [what, arguments, expected exit code, words its problem line has (for 2), extra check]. */
const CASES: [string, string[], 0 | 2, string, ((o: Outcome) => void)?][] = [
  ['erlang --agents 99999999999999', ['erlang', '--rate', '100', '--aht', '180', '--agents', '99999999999999'], 2, '--agents'],
  ['erlang --target 1, as the schema accepts a target of 1', ['erlang', '--rate', '100', '--aht', '180', '--target', '1'], 0, ''],
  ['erlang --target 0', ['erlang', '--rate', '100', '--aht', '180', '--target', '0'], 0, ''],
  ['erlang --target 1.5', ['erlang', '--rate', '100', '--aht', '180', '--target', '1.5'], 2, '--target'],
  ['erlang --rate 1e9 (an exponent)', ['erlang', '--rate', '1e9', '--aht', '180', '--agents', '5'], 2, '--rate'],
  ['erlang with a load of five million Erlangs', ['erlang', '--rate', '100000000', '--aht', '180', '--agents', '5'], 2, 'Erlangs'],
  ['erlang --aht of 300 years', ['erlang', '--rate', '10', '--aht', '9999999999', '--agents', '5'], 2, '--aht'],
  ['erlang --target 0.999 at a million agents’ load', ['erlang', '--rate', '3600000', '--aht', '100', '--target', '0.999', '--max-occupancy', '0.1'], 0, ''],
  ['erlang --max-occupancy 0.0001', ['erlang', '--rate', '100', '--aht', '180', '--target', '0.8', '--max-occupancy', '0.0001'], 2, '--max-occupancy'],
  ['run --workers 200', ['run', base, '--workers', '200', '--json'], 0, '', (o) => expect(o.stderr).toMatch(/--workers 200: this machine has \d+ cores?; using \d+/)],
  ['run --replications 1000000000', ['run', base, '--replications', '1000000000'], 2, '--replications'],
  ['run --replications 10001', ['run', base, '--replications', '10001'], 2, '--replications'],
  ['run --seed 99999999999999999999', ['run', base, '--seed', '99999999999999999999'], 2, '--seed'],
  ['run --shard 1/100000000000000000000000', ['run', base, '--shard', '1/100000000000000000000000', '--out', join(dir, 'x.json')], 2, '--shard'],
  ['run --shard 0/2', ['run', base, '--shard', '0/2', '--out', join(dir, 'x.json')], 2, '--shard'],
  ['run --out naming an existing folder', ['run', base, '--out', folder], 2, 'is a folder', () => expect(readdirSync(folder)).toEqual([])],
  ['run --out under a file', ['run', base, '--out', join(aFile, 'x.json')], 2, 'not a folder'],
  ['run --out with a 300-character name', ['run', base, '--out', join(dir, `${'a'.repeat(300)}.json`)], 2, 'too long'],
  ...(onLinux
    ? ([
        ['run --out in a folder that cannot be made (/proc)', ['run', base, '--out', '/proc/followsun/x.json'], 2, '/proc/followsun'],
        ['run --out in a folder that takes no files (/proc)', ['run', base, '--out', '/proc/version'], 2, '--out /proc/version'],
      ] as [string, string[], 0 | 2, string][])
    : []),
  ['run --csv naming a file', ['run', base, '--csv', aFile], 2, 'not a folder'],
  ['run a 300-character name with --csv', ['run', longName, '--csv', csvDir], 0, '', () => {
    const names = readdirSync(csvDir);
    expect(names).toHaveLength(4);
    for (const name of names) expect(name.length).toBeLessThan(100);
  }],
  ['sweep --vary __proto__.polluted=1..2:1', ['sweep', base, '--vary', '__proto__.polluted=1..2:1', '--out', join(dir, 's.csv')], 2, '__proto__'],
  ['sweep --vary constructor.prototype.x=1..2:1', ['sweep', base, '--vary', 'constructor.prototype.x=1..2:1', '--out', join(dir, 's.csv')], 2, 'constructor'],
  ['sweep --vary staffing.0.__proto__.x=1..2:1', ['sweep', base, '--vary', 'staffing.0.__proto__.x=1..2:1', '--out', join(dir, 's.csv')], 2, '__proto__'],
  ['sweep --vary demand.calls.prototype=1..2:1', ['sweep', base, '--vary', 'demand.calls.prototype=1..2:1', '--out', join(dir, 's.csv')], 2, 'prototype'],
  ['sweep --vary toString.x=1..2:1 (inherited, not a field)', ['sweep', base, '--vary', 'toString.x=1..2:1', '--out', join(dir, 's.csv')], 2, 'not in the scenario'],
  ['sweep over a grid of ten million points', ['sweep', base, '--vary', 'staffing.team.agents=1..10000:1', '--vary', 'staffing.team.cost.perHour=1..1000:1', '--out', join(dir, 's.csv')], 2, '10,000,000 points'],
  ['sweep over a grid of 10^12 points', ['sweep', base, '--vary', 'staffing.team.agents=1..10000:1', '--vary', 'staffing.team.cost.perHour=1..10000:1', '--vary', 'demand.calls.volume.perHour=1..10000:1', '--out', join(dir, 's.csv')], 2, 'points'],
  ['sweep --vary with a billion values', ['sweep', base, '--vary', 'staffing.team.agents=0..1000000000:1', '--out', join(dir, 's.csv')], 2, 'too many'],
  ['sweep --vary with a step of 10^-200', ['sweep', base, '--vary', `staffing.team.agents=0..1:0.${'0'.repeat(199)}1`, '--out', join(dir, 's.csv')], 2, '--vary'],
  ['sweep --vary with 10^20 values', ['sweep', base, '--vary', 'staffing.team.agents=0..99999999999999999999:1', '--out', join(dir, 's.csv')], 2, 'too many'],
  ['sweep --vary the same path twice', ['sweep', base, '--vary', 'staffing.team.agents=1..2:1', '--vary', 'staffing.team.agents=3..4:1', '--out', join(dir, 's.csv')], 2, 'twice'],
  ['sweep to an absurd head count', ['sweep', base, '--vary', 'staffing.team.agents=999999000..1000000000:1000', '--out', join(dir, 's.csv')], 2, 'staffing[0].agents'],
  ['sweep --out naming a folder', ['sweep', base, '--vary', 'staffing.team.agents=5..6:1', '--out', folder], 2, 'is a folder'],
  ['sweep --report naming a folder', ['sweep', base, '--vary', 'staffing.team.agents=5..6:1', '--out', join(dir, 's.csv'), '--report', folder], 2, '--report'],
  ['compare --replications 1000000000', ['compare', base, base, '--replications', '1000000000'], 2, '--replications'],
  ['compare a scenario of 52 billion contacts', ['compare', base, join(dir, 'huge.json')], 2, 'perHour'],
  ['run a scenario of 52 billion contacts (--allow-large-runs would lift the limit)', ['run', join(dir, 'huge.json')], 2, 'pass --allow-large-runs'],
  ['run a redial loop with --allow-large-runs: beyond the ceiling', ['run', join(dir, 'loop.json')], 2, 'even with --allow-large-runs', undefined],
  ['run /dev/zero', ['run', '/dev/zero'], 2, 'too large'],
  ['report on a scenario of 52 billion contacts', ['report', base, join(dir, 'huge.json'), '-o', join(dir, 'case.html')], 2, 'pass --allow-large-runs'],
  ['plan with a billion replications', ['plan', base, '--replications', '1000000000'], 2, '--replications'],
];

describe('hostile command lines', () => {
  let outcomes: Outcome[];
  beforeAll(() => {
    const huge = oneQueue();
    huge.horizon = { start: '2026-03-23T00:00:00Z', days: 1096 };
    huge.demand[0].volume.perHour = 1e6;
    writeFileSync(join(dir, 'huge.json'), JSON.stringify(huge));
    const loop = oneQueue();
    loop.demand[0].patience = { dist: 'deterministic', mean: 1e-6 };
    loop.demand[0].redial = { share: 1, delay: { dist: 'deterministic', mean: 0 } };
    writeFileSync(join(dir, 'loop.json'), JSON.stringify(loop));
    outcomes = followsunMany(
      CASES.map(([what, args]) => ({
        args,
        cwd: dir,
        ...(what.includes('with --allow-large-runs: beyond') ? { env: { FOLLOWSUN_ALLOW_LARGE_RUNS: '1' } } : {}),
      })),
    );
  });

  it.each(CASES.map((c, i) => [c[0], i] as const))('%s', (_, i) => {
    const [, , status, words, check] = CASES[i];
    const o = outcomes[i];
    expectHandled(o, status);
    if (status === 2) {
      const lines = problemLines(o.stderr);
      expect(lines, o.stderr).toHaveLength(1);
      expect(lines[0]).toContain(words);
      expect(lines[0].length).toBeLessThan(600);
    }
    check?.(o);
  });

  it('leaves no temporary file behind', () => {
    const all = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [e.name]));
    expect(all(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('Ctrl-C', () => {
  it('writes the finished scenarios marked as partial, says what is missing, and removes stale temporary files', async () => {
    // The second scenario takes minutes; the run is interrupted once it is under way (a warning
    // about its pool is printed just before the simulation starts, and the first is tiny).
    const slow: Record<string, any> = { ...oneQueue(), name: 'Slow', replications: 5000, horizon: { start: '2026-03-23T00:00:00Z', days: 2 } };
    slow.demand[0].volume.perHour = 2000;
    slow.staffing[0].agents = 110;
    slow.staffing[0].skills = ['en', 'de'];
    writeFileSync(join(dir, 'slow.json'), JSON.stringify(slow));
    const out = join(dir, 'interrupted', 'results.json');
    mkdirSync(join(dir, 'interrupted'));
    // Left by a process killed while writing (no process has this id).
    const stale = join(dir, 'interrupted', '.results.json.99999999.tmp');
    writeFileSync(stale, 'half a file');
    const run = startFollowsun(['run', base, join(dir, 'slow.json'), '--workers', '1', '--out', out], { cwd: dir });
    for (let waited = 0; !/warning: staffing pool team/.test(run.stderr()) && waited < 40_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    run.child.kill('SIGINT');
    const o = await run.done;
    expect(o.status, o.stderr).toBe(130);
    expect(o.stderr).toMatch(/Interrupted: 1 of 2 scenarios finished; missing: slow\.json/);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    // The slow scenario's replications that finished are kept (the first k of its 5,000), if any did.
    const k: number | undefined = document.partial.missing[0].replications;
    expect(document.partial).toEqual({ reason: 'interrupted', missing: [{ index: 1, file: 'slow.json', ...(k ? { replications: k, of: 5000 } : {}) }] });
    expect(document.scenarios.map((s: { name: string; replications: number }) => [s.name, s.replications])).toEqual([['One queue', 2], ...(k ? [['Slow', k]] : [])]);
    expect(readdirSync(join(dir, 'interrupted'))).toEqual(['results.json']);
  });
});
