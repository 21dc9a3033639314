// Required agents for a queue that two pools of different speed serve: the handle time is the one
// the contacts get, the mean over the contacts each pool answered, not over the time each spent.
// A quick team (half the handle time) answers more than nine calls in ten, so the calls take 0.6
// of the stream's 180 s on average; weighted by time, the slow team's few long calls counted for
// a quarter and the line read 12 agents where 9 are needed. The scheduled line grosses each
// pool's share of the agents (its share of the busy time) up by its own shrinkage: beside a team
// with none, one at 60 % needs 2.5 scheduled per agent on the phones, and averaging the shares
// instead said 17 scheduled where 21 are.
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../../sim/stats/erlang';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const desk = (quick: { factor: number; shrinkage: number }, slow: { factor: number; shrinkage: number }): ScenarioInput => ({
  name: 'two teams',
  horizon: { start: '2026-03-23T00:00:00Z', days: 1 },
  seed: 5,
  replications: 4,
  demand: [{ id: 'calls', language: 'en', volume: { perHour: 200 }, handleTime: { dist: 'exponential', mean: 180 } }],
  staffing: [
    { id: 'quick', skills: ['en'], agents: 8, handleTimeFactor: quick.factor, shrinkage: quick.shrinkage },
    { id: 'slow', skills: ['en'], agents: 10, handleTimeFactor: slow.factor, shrinkage: slow.shrinkage },
  ],
});

const line = (ahtSeconds: number) => requiredAgents({ ratePerHour: 200, ahtSeconds, thresholdSeconds: 20, target: 0.8 });

describe('a queue served by a quick team and a slow one', () => {
  it("needs the agents Erlang C gives at the handle time its calls got, each team's by the calls it answered", () => {
    const r = run(desk({ factor: 0.5, shrinkage: 0 }, { factor: 2, shrinkage: 0 }));
    const quick = r.pools.quick.handled.mean!;
    const slow = r.pools.slow.handled.mean!;
    expect(quick / (quick + slow)).toBeGreaterThan(0.7);
    const aht = (180 * (0.5 * quick + 2 * slow)) / (quick + slow);
    // Not on an edge: 2 % either way gives the same count.
    expect(line(aht * 0.98)).toBe(line(aht * 1.02));
    const required = r.coverage[0].requiredAgents;
    expect(new Set(required)).toEqual(new Set([line(aht)]));
    // The time-weighted handle time needs more.
    const busyQuick = quick * 0.5;
    const busySlow = slow * 2;
    expect(line((180 * (0.5 * busyQuick + 2 * busySlow)) / (busyQuick + busySlow))).toBeGreaterThanOrEqual(line(aht) + 3);
  });

  it('schedules each team’s agents grossed up by its own shrinkage', () => {
    const r = run(desk({ factor: 1, shrinkage: 0.6 }, { factor: 1, shrinkage: 0 }));
    // Each team's busy time: how busy its agents were × how many were on the phones.
    const a = r.pools.quick.occupancy!.mean! * r.pools.quick.agentsOnPhones!.mean!;
    const b = r.pools.slow.occupancy!.mean! * r.pools.slow.agentsOnPhones!.mean!;
    const onPhones = r.coverage[0].requiredAgents[0];
    const grossUp = (x: number) => Math.ceil(onPhones * x - 1e-9);
    const factor = a / (a + b) / 0.4 + b / (a + b);
    expect(grossUp(factor * 0.997)).toBe(grossUp(factor * 1.003));
    expect(r.coverage[0].requiredScheduled[0]).toBe(grossUp(factor));
  });
});
