// Planned shrinkage (breaks, training, meetings) takes exactly its share of the scheduled time off
// the phones, for any head count: it is not rounded per shift, where one agent at 30 % would
// never take a break and two would lose half their time. Breaks are time-shared: floor(x) agents
// stay on the phones and one more for frac(x) of every quarter hour.
import { describe, expect, it } from 'vitest';
import { drawAvailability, type Availability, type RosterWindow } from '../../sim/model/availability';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { randomStream } from '../../sim/kernel/random';
import { compileRoster, type ConcreteShift } from '../../sim/model/roster';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const HOUR = 3600;
const DAY = 86400;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

/** A reported week from Monday, a day's warm-up and a day's drain, like a compiled model. */
function week(intervalMinutes: number): RosterWindow {
  return {
    clockZeroMs: Date.parse('2026-01-05T00:00:00Z') - DAY * 1000,
    reportStartSeconds: DAY,
    reportEndSeconds: 8 * DAY,
    intervalSeconds: intervalMinutes * 60,
    intervalCount: (7 * DAY) / (intervalMinutes * 60),
    stopSeconds: 9 * DAY,
  };
}

const SHIFTS: Record<string, ConcreteShift> = {
  'on the hour': { days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 0 },
  'on the half hour': { days: 'daily', start: '08:30', end: '13:30', agents: 0 },
  overnight: { days: 'Mon-Sat', start: '22:00', end: '06:00', agents: 0 },
};

/** Expects on-the-phones agent-seconds = scheduled × (1 − shrinkage), interval by interval. */
function expectExactShare(scheduled: Float64Array, a: Availability, shrinkage: number, context: string) {
  expect(sum(scheduled), context).toBeGreaterThan(0);
  for (let i = 0; i < scheduled.length; i++) {
    const expected = scheduled[i] * (1 - shrinkage);
    expect(Math.abs(a.availableAgentSeconds[i] - expected), `${context}, interval ${i}`).toBeLessThanOrEqual(1e-6 * Math.max(expected, 1));
  }
}

describe('on the phones is exactly (1 − shrinkage) of the scheduled time, for any head count', () => {
  for (const shrinkage of [0.25, 0.3]) {
    for (const agents of [1, 2, 10, 37]) {
      for (const [when, spec] of Object.entries(SHIFTS)) {
        it(`${agents} agent${agents > 1 ? 's' : ''} at ${shrinkage * 100} % shrinkage, shift starting ${when}`, () => {
          for (const intervalMinutes of [15, 30, 60]) {
            const w = week(intervalMinutes);
            const roster = compileRoster('UTC', [{ ...spec, agents }], undefined, undefined, w);
            const a = drawAvailability(roster, shrinkage, 0, randomStream(3, 0, 'absence'), w);
            expectExactShare(roster.paidAgentSeconds, a, shrinkage, `${intervalMinutes}-minute intervals`);
          }
        });
      }
    }
  }

  it('overlapping shifts add up before the share is taken: 3 + 4 agents at 30 % are 4.9 on the phones, not 2 + 3', () => {
    const w = week(30);
    const roster = compileRoster(
      'UTC',
      [
        { days: 'daily', start: '06:00', end: '14:00', agents: 3 },
        { days: 'daily', start: '10:00', end: '18:00', agents: 4 },
      ],
      undefined,
      undefined,
      w,
    );
    const a = drawAvailability(roster, 0.3, 0, randomStream(3, 0, 'absence'), w);
    expectExactShare(roster.paidAgentSeconds, a, 0.3, 'overlap');
    const elevenToNoon = (DAY + 11 * HOUR) / 1800 - DAY / 1800; // Monday 11:00, a half-hour interval
    expect(a.availableAgentSeconds[elevenToNoon]).toBeCloseTo(4.9 * 1800, 6);
    expect(a.maxAvailable).toBe(5);
  });

  it('breaks are spread over the shift: one agent at 25 % is on the phones for the first 11¼ minutes of every quarter hour', () => {
    const w = week(60);
    const roster = compileRoster('UTC', [{ days: 'Mon', start: '09:00', end: '10:00', agents: 1 }], undefined, undefined, w);
    const a = drawAvailability(roster, 0.25, 0, randomStream(3, 0, 'absence'), w);
    const nine = DAY + 9 * HOUR;
    const monday = Array.from(a.changeSeconds).filter((t) => t < 2 * DAY).length; // not the next week's Monday
    expect(Array.from(a.changeSeconds.slice(0, monday))).toEqual([0, ...[0, 1, 2, 3].flatMap((q) => [nine + q * 900, nine + q * 900 + 675])]);
    expect(Array.from(a.available.slice(0, monday))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(a.maxAvailable).toBe(1);
  });

  it('whole numbers need no time-sharing, even when floating point misses them (10 × 0.7)', () => {
    const w = week(60);
    const roster = compileRoster('UTC', undefined, 10, undefined, w);
    const a = drawAvailability(roster, 0.3, 0, randomStream(3, 0, 'absence'), w);
    expect(Array.from(a.available)).toEqual([7]);
  });

  it('absence is drawn as before: one draw per scheduled agent and shift, whatever the shrinkage', () => {
    const w = week(60);
    const roster = compileRoster('UTC', [{ days: 'daily', start: '08:00', end: '16:00', agents: 12 }], undefined, undefined, w);
    const draws = (shrinkage: number) => {
      let n = 0;
      const rng = randomStream(9, 0, 'absence');
      drawAvailability(roster, shrinkage, 0.1, () => (n++, rng()), w);
      return n;
    };
    expect(draws(0)).toBe(12 * roster.shiftStartSeconds.length);
    expect(draws(0.3)).toBe(draws(0));
  });
});

describe('billing and reporting follow the time on the phones', () => {
  // No contacts, so nobody stays on past a break to finish a call.
  const quiet = (staffing: ScenarioInput['staffing']): ScenarioInput => ({
    name: 'quiet partner',
    horizon: { start: '2026-03-23T00:00:00Z', days: 2, warmupHours: 0 },
    intervalMinutes: 30,
    seed: 4,
    replications: 1,
    demand: [{ id: 'calls', language: 'en', volume: { perHour: 0 }, handleTime: { dist: 'exponential', mean: 240 } }],
    staffing,
  });
  const partner: ScenarioInput['staffing'][number] = {
    id: 'partner',
    type: 'outsourced',
    skills: ['en'],
    agents: 10,
    shrinkage: 0.25,
    cost: { perProductiveHour: 16 },
  };

  it('10 agents at 25 % shrinkage are 7.5 productive hours in every scheduled hour, not 8', () => {
    const model = compileScenario(validateScenario(quiet([partner]), 'partner.yaml'));
    const t = simulateReplication(model, 0);
    for (let i = 0; i < model.intervalCount; i++) expect(t.poolOnlineSeconds[i] / HOUR).toBeCloseTo(7.5 * 0.5, 9);
  });

  it('the partner bills 7.5 × 48 h × 16 EUR and the result shows 7.5 agents on the phones', () => {
    const r = run(quiet([partner]));
    expect(r.pools.partner.costTotal.mean).toBeCloseTo(7.5 * 48 * 16, 6); // 5,760
    expect(r.pools.partner.agentsOnPhones!.mean).toBeCloseTo(7.5, 9);
    for (const agents of r.staffing.partner) expect(agents).toBeCloseTo(7.5, 9);
  });
});
