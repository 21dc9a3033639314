// followsun plan: the least-cost head counts that meet every target, checked against the
// closed form (a single queue planned to Erlang's head count) and against brute force.
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../sim/erlang';
import { compileScenario } from '../sim/model';
import { plan } from '../sim/plan/planner';
import { solveProgramme, type Programme } from '../sim/plan/programme';
import { validateScenario, type ScenarioInput } from '../sim/scenario';
import { simulate } from '../sim/simulate';

const MONDAY = '2026-03-23T00:00:00Z';

function oneQueue(ratePerHour: number, patienceSeconds?: number): ScenarioInput {
  return {
    name: 'one queue',
    horizon: { start: MONDAY, days: 2, warmupHours: 24 },
    intervalMinutes: 60,
    seed: 5,
    replications: 4,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: ratePerHour },
        handleTime: { dist: 'exponential', mean: 180 },
        ...(patienceSeconds ? { patience: { dist: 'exponential', mean: patienceSeconds } } : {}),
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], shifts: [{ days: 'daily', start: '00:00', end: '24:00', agents: 'auto' }], cost: { perHour: 30 } }],
  };
}

describe('a single queue with one around-the-clock shift', () => {
  for (const [rate, patience] of [[100, undefined], [1000, 120], [10000, undefined]] as const) {
    it(`is planned to the head count Erlang gives: ${rate} calls an hour of 3 minutes${patience ? ', patience 2 minutes' : ''}`, async () => {
      const scenario = validateScenario(oneQueue(rate, patience), 'one.yaml');
      const erlang = requiredAgents({ ratePerHour: rate, ahtSeconds: 180, thresholdSeconds: 20, patienceSeconds: patience, target: 0.8 });
      const result = await plan(scenario, { simulate: (m) => simulate(m), maxIterations: 3 });
      const first = result.iterations[0];
      expect(first.plannedCost).toBeCloseTo(erlang * 48 * 30, 6); // exactly Erlang before simulation
      const agents = result.plan.team[0].agents;
      expect(agents - erlang).toBeGreaterThanOrEqual(0);
      expect(agents - erlang).toBeLessThanOrEqual(1); // at most one more after it
    });
  }
});
