// Time on the phones (poolOnlineSeconds: occupancy's denominator, the agents on the phones of the
// Staffing view, what a pool priced perProductiveHour is billed for) is the roster's step function
// after absence and shrinkage — (1 − shrinkage) of the scheduled time — plus the time agents spend
// finishing the contact they have when their step ends (a quarter hour's time-shared break, the end
// of a shift): a busy agent finishes it and takes nothing new, and is on a contact until then.
// Measured with the kernel instrumented, online − step function = that finishing time to 1e-10 s in
// every replication: no time is counted twice. For 10 agents at 25 % shrinkage offered 10 Erlangs
// of 5-minute calls it is 7.530 hours per 10 scheduled hours, not 7.5 (+0.4 %; +0.07 % at 5
// Erlangs; +1.0 % offered 20 Erlangs of 10-minute calls), and so is the perProductiveHour bill.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';

const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

function team(o: { agents: number; shrinkage: number; ratePerHour: number; handle: ScenarioInput['demand'][number]['handleTime']; language?: string }): ScenarioInput {
  return {
    name: 'a team with breaks',
    horizon: { start: '2026-03-23T08:00:00Z', hours: 10, warmupHours: 1 },
    intervalMinutes: 30,
    seed: 5,
    replications: 4,
    demand: [{ id: 'calls', language: o.language ?? 'en', volume: { perHour: o.ratePerHour }, handleTime: o.handle }],
    staffing: [{ id: 'team', skills: ['en'], agents: o.agents, shrinkage: o.shrinkage }],
  };
}

/** Per replication, the pool's time on the phones in the window ÷ its scheduled time there. */
function onPhonesShares(input: ScenarioInput): number[] {
  const model = compileScenario(validateScenario(input, 'team.yaml'));
  const scheduled = model.pools[0].roster.paidAgentSeconds.reduce((s, x) => s + x, 0);
  const shares: number[] = [];
  for (let r = 0; r < model.replications; r++) shares.push(sum(simulateReplication(model, r).poolOnlineSeconds) / scheduled);
  return shares;
}

describe('time on the phones: (1 − shrinkage) of the scheduled time, plus contacts finished after a step ends', () => {
  it('with nothing to answer it is exactly 0.75 of the scheduled time at 25 % shrinkage, for 1 to 12 agents', () => {
    for (let agents = 1; agents <= 12; agents++) {
      for (const share of onPhonesShares(team({ agents, shrinkage: 0.25, ratePerHour: 100, handle: { dist: 'exponential', mean: 300 }, language: 'fr' }))) {
        expect(share, `${agents} agents`).toBeCloseTo(0.75, 12);
      }
    }
  });

  it('when no step ends (20 agents at 25 % shrinkage: 15 on the phones all along) it is exactly 0.75 even at 133 % load', () => {
    for (const share of onPhonesShares(team({ agents: 20, shrinkage: 0.25, ratePerHour: 240, handle: { dist: 'exponential', mean: 300 } }))) {
      expect(share).toBeCloseTo(0.75, 12);
    }
  });

  it('one agent at 50 % shrinkage, never short of 5-minute calls: on the phones 10 minutes of each quarter hour, not 7½ — its break starts 150 s into its second call, which it finishes', () => {
    for (const share of onPhonesShares(team({ agents: 1, shrinkage: 0.5, ratePerHour: 36, handle: { dist: 'deterministic', mean: 300 } }))) {
      expect(share).toBeCloseTo(600 / 900, 12);
    }
  });

  it('the end of a shift: one agent from 08:00 to 12:00, never short of 7-minute calls, finishes its 35th call at 12:05', () => {
    const input: ScenarioInput = {
      ...team({ agents: 1, shrinkage: 0, ratePerHour: 36, handle: { dist: 'deterministic', mean: 420 } }),
      staffing: [{ id: 'team', skills: ['en'], shifts: [{ days: 'Mon', start: '08:00', end: '12:00', agents: 1 }] }],
    };
    for (const share of onPhonesShares(input)) expect(share).toBeCloseTo((35 * 420) / (4 * 3600), 12);
  });

  it('10 agents at 25 % shrinkage (7.5 on the phones) offered 10 Erlangs of 5-minute calls: a little above 0.75, as finished calls add', () => {
    const shares = onPhonesShares(team({ agents: 10, shrinkage: 0.25, ratePerHour: 120, handle: { dist: 'exponential', mean: 300 } }));
    const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
    for (const share of shares) expect(share).toBeGreaterThan(0.75);
    // The measured 0.753 (40 replications); each step down costs at most one call's remainder.
    expect(mean).toBeGreaterThan(0.751);
    expect(mean).toBeLessThan(0.756);
  });
});
