// The planner's programme is bounded: its size (one integer variable per candidate shift, one
// non-zero per interval a candidate covers) is estimated from the scenario before anything is
// built, and a scenario beyond PROGRAMME_LIMITS is refused in one line naming the file, the
// shift's field and the estimate — by the CLI before planning, and by plan() itself (the app's).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plan, programmeOf } from '../../sim/plan/planner';
import { PROGRAMME_LIMITS, programmeEstimate } from '../../sim/plan/programme-size';
import { programmeSize } from '../../sim/plan/programme';
import { parseScenario, validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { manyCandidates } from '../hostile-support';
import { followsun, ROOT } from '../hostile-support';

const dir = mkdtempSync(join(tmpdir(), 'followsun-plan-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openWeek(shifts: unknown[], intervalMinutes = 60): ScenarioInput {
  return {
    name: 'open week',
    horizon: { start: '2026-03-23T00:00:00Z', days: 7, warmupHours: 24 },
    intervalMinutes,
    replications: 2,
    demand: [{ id: 'calls', language: 'en', volume: { perHour: 100 }, handleTime: { dist: 'exponential', mean: 180 } }],
    staffing: [{ id: 'team', skills: ['en'], timezone: 'UTC', shifts, cost: { perHour: 30 } }],
  } as ScenarioInput;
}


describe('the programme size estimate', () => {
  it('equals the built programme on a small case: candidate shifts and the intervals they cover', () => {
    const scenario = validateScenario(
      openWeek([
        { days: 'daily', start: '09:00', end: '17:00', agents: 'auto' },
        { days: 'Mon-Fri', startBetween: ['06:00', '10:00'], every: 120, hours: 4, agents: 'auto' },
        { days: 'Sat-Sun', start: '08:00', end: '12:00', agents: 3 },
      ]),
      'small.yaml',
    );
    const estimate = programmeEstimate(scenario);
    const built = programmeSize(programmeOf(scenario));
    // 1 + 3 candidates; 7 days × 8 hours + 3 starts × 5 days × 4 hours.
    expect(built).toEqual({ variables: 4, nonZeros: 7 * 8 + 3 * 5 * 4 });
    expect({ variables: estimate.variables, nonZeros: estimate.nonZeros }).toEqual(built);
    expect(estimate.largest).toEqual({ field: 'staffing[0].shifts[1].every', variables: 3, nonZeros: 60 });
  });

  it('names the shift that adds most when the candidates alone are beyond the limit, without counting further', () => {
    const scenario = parseScenario(manyCandidates(30), 'many.yaml');
    const estimate = programmeEstimate(scenario);
    expect(estimate.variables).toBe(30 * 96);
    expect(estimate.variables).toBeGreaterThan(PROGRAMME_LIMITS.variables);
    expect(estimate.nonZeros).toBeUndefined();
    expect(estimate.largest?.field).toBe('staffing[0].shifts[0].every');
  });

  it('is solved anyway when asked to (--allow-large-runs): the programme reaches the solver', async () => {
    const scenario = parseScenario(manyCandidates(30), 'many.yaml');
    const solved: string[] = [];
    const solve = async (text: string) => {
      solved.push(text);
      throw new Error('the solver was reached');
    };
    await expect(plan(scenario, { simulate: (m) => simulate(m), allowLargeProgramme: true, maxIterations: 1, solve })).rejects.toThrow('the solver was reached');
    expect(solved).toHaveLength(1);
    expect(solved[0]).toMatch(/\bx2879\b/); // every one of the 2,880 candidate shifts
    expect(solved[0]).not.toMatch(/\bx2880\b/);
  });

  it('plan() refuses it too (the app plans through it), before building anything', async () => {
    const scenario = parseScenario(manyCandidates(30), 'many.yaml');
    await expect(plan(scenario, { simulate: (m) => simulate(m) })).rejects.toThrow(
      /^staffing\[0\]\.shifts\[0\]\.every: the planner's programme would be too large to solve: about 2,880 candidate shifts to decide \(limit 2,000\)/,
    );
  });
});

describe('followsun plan with a programme beyond the limit', () => {
  it('refuses a plan1000.yaml-like file in one line naming the file, the shift field and the estimate, within the time and heap budget', () => {
    const file = join(dir, 'plan1000.yaml');
    writeFileSync(file, manyCandidates(1000));
    const out = join(dir, 'planned.yaml');
    const o = followsun(['plan', file, '--out', out]);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/plan1000\.yaml:12: staffing\[0\]\.shifts\[0\]\.every: the planner's programme would be too large to solve: about 96,000 candidate shifts to decide \(limit 2,000\).*larger every.*; or pass --allow-large-runs to solve it anyway$/),
    ]);
    expect(o.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('the default scenario', () => {
  it('is planned as shipped: the same shifts and head counts as scenarios/global-follow-the-sun.yaml', async () => {
    const open = new URL('../../scenarios/open/global-follow-the-sun.yaml', import.meta.url);
    const shipped = new URL('../../scenarios/global-follow-the-sun.yaml', import.meta.url);
    const result = await plan(parseScenario(readFileSync(open, 'utf8'), 'open.yaml'), { simulate: (m) => simulate(m) });
    const shifts = (s: ReturnType<typeof parseScenario>) => s.staffing.map((p) => (p.type === 'ai' ? [] : (p.shifts ?? []).map((x) => [x.days, x.start, x.end, x.agents])));
    expect(shifts(result.scenario)).toEqual(shifts(parseScenario(readFileSync(shipped, 'utf8'), 'shipped.yaml')));
  }, 120_000);
});

describe('Ctrl-C during followsun plan', () => {
  it('says it was interrupted, exits 130 and writes no planned scenario, even in the middle of a solve', async () => {
    const out = join(dir, 'interrupted.yaml');
    const child = spawn(process.execPath, ['bin/followsun.mjs', 'plan', 'scenarios/open/global-follow-the-sun.yaml', '--out', out], { cwd: ROOT });
    let stderr = '';
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The solver runs for seconds on this scenario: interrupt once it has started.
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/solving the programme/.test(stderr)) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toMatch(/\nInterrupted: planning scenarios\/open\/global-follow-the-sun\.yaml stopped in round 1; nothing written\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
