// A plan is passed only when it meets the targets with two sets of random numbers: the cheapest
// plan has no slack, and one draw can flatter it (the in-house examples, planned within 1 % of the
// cheapest bill, met the targets at their own seed and missed the allowance at one to three other
// seeds in five).
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { plan } from '../../sim/plan/planner';
import { checkSeed } from '../../sim/plan/rounds';
import { validateScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';

/** Two days of English calls with a daytime peak, one team on two candidate shifts a day. */
const scenario = validateScenario(
  {
    name: 'a day peak',
    horizon: { start: '2026-03-23T00:00:00Z', days: 2, warmupHours: 24 },
    intervalMinutes: 60,
    seed: 11,
    replications: 3,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perDay: 1800 },
        pattern: 'business-day',
        handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 180 },
      },
    ],
    staffing: [
      {
        id: 'team',
        skills: ['en'],
        shifts: [
          { days: 'daily', start: '00:00', end: '12:00', agents: 'auto' },
          { days: 'daily', start: '12:00', end: '24:00', agents: 'auto' },
        ],
        cost: { perHour: 30 },
      },
    ],
  },
  'peak.yaml',
);

describe('a plan that meets the targets at the file’s seed', () => {
  it('is checked with other random numbers before it is passed, and the plan returned meets them there too', async () => {
    const steps: string[] = [];
    const result = await plan(scenario, { simulate: (m) => simulate(m), maxIterations: 6, trimRounds: 0, onProgress: (step, round, phase) => steps.push(`${round} ${phase} ${step}`) });
    const correctedAndMet = result.iterations.filter((it) => it.phase === 'correct' && it.met);
    expect(correctedAndMet.length).toBeGreaterThan(0);
    for (const it of correctedAndMet) {
      expect(it.heldWithOtherSeed).toBeTypeOf('boolean');
      expect(steps).toContain(`${it.iteration} correct checking`);
    }
    expect(result.met).toBe(true);
    const returned = result.iterations.find((it) => it.iteration === result.round)!;
    expect(returned.heldWithOtherSeed).toBe(true);
    const check = simulate(compileScenario(result.scenario, { seed: checkSeed(scenario.seed) }));
    expect(check.summary.hoursBelowTarget.mean!).toBeLessThanOrEqual(scenario.plan.belowTargetShare * check.summary.demandHours.mean!);
  }, 120_000);
});
