// Comparisons and batch runs at scale: common random numbers, worker threads, sweeps, shards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareModels, compileForComparison } from '../../sim/compare';
import { SUMMARY_FIGURES } from '../../sim/stats/metrics';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { grid, parseVariation } from '../../cli/sweep';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'followsun-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function followsun(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function hotline(agents: number, seed = 3): ScenarioInput {
  return {
    name: `hotline with ${agents}`,
    horizon: { start: '2026-03-23T00:00:00Z', days: 2, warmupHours: 6 },
    intervalMinutes: 60,
    seed,
    replications: 12,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: 300 },
        pattern: 'extended-day',
        handleTime: { dist: 'lognormal', mean: 300, cv: 0.8 },
        patience: { dist: 'exponential', mean: 120 },
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents }],
  };
}
const scenario = (input: ScenarioInput) => validateScenario(input, 'test.yaml');

describe('comparing scenarios', () => {
  it('two identical scenarios differ by exactly zero in every figure', () => {
    const c = compareModels(compileForComparison([scenario(hotline(30)), scenario(hotline(30))]));
    for (const f of SUMMARY_FIGURES) {
      if (c.deltas[1]![f].mean === null) continue;
      expect(c.deltas[1]![f].mean, f).toBe(0);
      expect(c.deltas[1]![f].ci95, f).toEqual([0, 0]);
    }
  });

  it('common random numbers give a narrower interval for the difference than independent runs', () => {
    const [base, variant] = [scenario(hotline(28)), scenario(hotline(31))];
    const paired = compareModels(compileForComparison([base, variant])).channelDeltas[1]!.voice.serviceLevel;
    // Independent: the variant with another seed; the difference's half-width combines both.
    const a = simulate(compileScenario(base)).channels.voice.serviceLevel;
    const b = simulate(compileScenario(variant, { seed: 99 })).channels.voice.serviceLevel;
    const half = (e: typeof a) => (e.ci95![1] - e.ci95![0]) / 2;
    const independentHalfWidth = Math.hypot(half(a), half(b));
    const pairedHalfWidth = half(paired);
    expect(paired.mean!).toBeGreaterThan(0); // three more agents help…
    expect(pairedHalfWidth).toBeLessThan(independentHalfWidth / 2); // …and CRN sees it far more sharply
  });
});

describe('worker threads and shards', () => {
  const files = [28, 30, 32].map((agents) => {
    const file = join(dir, `hotline-${agents}.json`);
    writeFileSync(file, JSON.stringify({ ...hotline(agents), replications: 4 }));
    return file;
  });

  it('one worker, two workers and two shards merged give byte-identical results', () => {
    const one = join(dir, 'one.json');
    const two = join(dir, 'two.json');
    expect(followsun('run', ...files, '--workers', '1', '--out', one).status).toBe(0);
    expect(followsun('run', ...files, '--workers', '2', '--out', two).status).toBe(0);
    const shards = [1, 2].map((k) => join(dir, `shard-${k}.json`));
    shards.forEach((out, k) => expect(followsun('run', ...files, '--shard', `${k + 1}/2`, '--workers', '2', '--out', out).status).toBe(0));
    const merged = join(dir, 'merged.json');
    expect(followsun('merge', shards[1], shards[0], '--out', merged).status).toBe(0);
    const text = readFileSync(one, 'utf8');
    expect(JSON.parse(text).scenarios).toHaveLength(3);
    expect(readFileSync(two, 'utf8')).toBe(text);
    expect(readFileSync(merged, 'utf8')).toBe(text);
  });

  it('merge refuses an incomplete set of shards and says what is missing', () => {
    const out = join(dir, 'lonely.json');
    followsun('run', ...files, '--shard', '1/3', '--out', out);
    const r = followsun('merge', out, '--out', join(dir, 'never.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing shards 2/3, 3/3');
  });

  it('a bad file in a parallel batch gives exit code 2, and the others are completed', () => {
    const bad = join(dir, 'broken.yaml');
    writeFileSync(bad, 'name: broken\nhorizon: { start: 2026-03-23T00:00:00Z, days: 1 }\ndemand: []\nstaffing: []\n');
    const r = followsun('run', files[0], bad, files[1], '--workers', '2', '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:3: demand: expected at least one demand stream/);
    expect(JSON.parse(r.stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(['hotline with 28', 'hotline with 30']);
  });

  it('shards merged with a bad file among them end as the run would: exit 2, the file named', () => {
    const bad = join(dir, 'broken2.yaml');
    writeFileSync(bad, 'name: broken\nhorizon: { start: 2026-03-23T00:00:00Z, days: 1 }\ndemand: []\nstaffing: []\n');
    const shards = [1, 2].map((k) => join(dir, `bad-shard-${k}.json`));
    shards.forEach((out, k) => followsun('run', files[0], bad, '--shard', `${k + 1}/2`, '--out', out));
    const merged = join(dir, 'bad-merged.json');
    const r = followsun('merge', ...shards, '--out', merged);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken2\.yaml: could not be run .*demand: expected at least one demand stream/);
    expect(JSON.parse(readFileSync(merged, 'utf8')).errors).toHaveLength(1);
  });
});

describe('sweeps', () => {
  it('expand a grid: every combination, the first knob varying slowest', () => {
    const points = grid([parseVariation('staffing.team.agents=10..30:10'), parseVariation('demand.calls.volume.perHour=100..200:50')]);
    expect(points).toHaveLength(9);
    expect(points[0]).toEqual({ 'staffing.team.agents': 10, 'demand.calls.volume.perHour': 100 });
    expect(points[8]).toEqual({ 'staffing.team.agents': 30, 'demand.calls.volume.perHour': 200 });
    expect(parseVariation('staffing.bot.containment.default=0.2..0.6:0.1').values).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
  });

  it('write one CSV row per grid point, and more agents never make the service level worse', () => {
    const base = join(dir, 'base.json');
    writeFileSync(base, JSON.stringify({ ...hotline(30), replications: 3 }));
    const out = join(dir, 'sweep.csv');
    const r = followsun('sweep', base, '--vary', 'staffing.team.agents=24..36:4', '--vary', 'staffing.team.cost.perHour=20..30:10', '--out', out);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header.split(',').slice(0, 4)).toEqual(['index', 'staffing.team.agents', 'staffing.team.cost.perHour', 'targetMetShare']);
    expect(rows).toHaveLength(8);
    const sl = rows.filter((_, i) => i % 2 === 0).map((row) => Number(row.split(',')[3]));
    for (let i = 1; i < sl.length; i++) expect(sl[i]).toBeGreaterThan(sl[i - 1]);
  });

  it('name the pool that does not exist', () => {
    const base = join(dir, 'base2.json');
    writeFileSync(base, JSON.stringify(hotline(30)));
    const r = followsun('sweep', base, '--vary', 'staffing.manila.agents=0..10:5', '--out', join(dir, 'x.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no 'manila' in staffing (ids: team)");
  });

  it('refuse one field varied twice under two names (by id and by position), and name the positions of a list without ids', () => {
    const base = join(dir, 'base3.json');
    writeFileSync(base, JSON.stringify({ ...hotline(30), replications: 2 }));
    const twice = followsun('sweep', base, '--vary', 'staffing.0.agents=2..3:1', '--vary', 'staffing.team.agents=4..5:1', '--out', join(dir, 'twice.json'));
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('--vary staffing.team.agents: the same field as --vary staffing.0.agents (staffing[0].agents); one range per field');
    const shift = followsun('sweep', base, '--vary', 'demand.calls.specialDays.0.factor=1..2:1', '--out', join(dir, 'shift.json'));
    expect(shift.status).toBe(2);
    expect(shift.stderr).toMatch(/no '0' in demand\[0\]\.specialDays \((the list is empty|positions)/);
  });

  it('say which part of a well-formed range is wrong: a range downwards, a step of 0', () => {
    expect(() => parseVariation('staffing.manila.agents=40..0:5')).toThrow('--vary staffing.manila.agents: from 40 is above to 0: expected from..to upwards (0..40:5)');
    expect(() => parseVariation('staffing.manila.agents=0..40:0')).toThrow('--vary staffing.manila.agents: step 0: expected a step above 0');
    expect(() => parseVariation('staffing.manila.agents=0..forty:5')).toThrow(/expected path=from\.\.to:step/);
  });

  it('vary a containment key with a slash (en/chat)', () => {
    expect(parseVariation('staffing.bot.containment.en/chat=0.2..0.4:0.2').path).toBe('staffing.bot.containment.en/chat');
  });

  it('refuse a file of one replication, as --replications 1 is: a CI needs two', () => {
    const one = join(dir, 'one.json');
    writeFileSync(one, JSON.stringify({ ...hotline(30), replications: 1 }));
    const sweep = followsun('sweep', one, '--vary', 'staffing.team.agents=2..3:1', '--out', join(dir, 'one-sweep.json'));
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/one\.json: replications: expected at least 2 replications .* got 1; give --replications N/);
    const compare = followsun('compare', one, one);
    expect(compare.status).toBe(2);
    expect(compare.stderr).toMatch(/one\.json: replications: expected at least 2 replications/);
    expect(followsun('compare', one, one, '--replications', '2').status).toBe(0);
  });
});
