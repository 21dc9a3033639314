// The heatmap's mark, surelyBelowTarget: an hour whose own 95% interval of its service level lies
// wholly below the channel's target. Where every replication gives the same service level the
// interval has no width and the verdict is certain — known by hand: a desk that picks up only
// after a minute answers nobody within 20 s in any hour, one with agents to spare answers everyone
// at once. An hour with demand and nobody on the phones is uncovered, not marked below target.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function desk(acceptAfterSeconds: number): ScenarioInput {
  return {
    name: 'marks',
    horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 2 },
    seed: 12,
    replications: 4,
    // Callers hang up after a minute or so: the night's callers are gone by the morning, not a backlog.
    demand: [{ id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 120 }, patience: { dist: 'exponential', mean: 60 } }],
    // 08:00–20:00 only: the other 12 hours with calls are uncovered.
    staffing: [{ id: 'desk', skills: ['en'], shifts: [{ days: 'daily', start: '08:00', end: '20:00', agents: 20 }], acceptAfterSeconds }],
  };
}

describe('an hour surely below its target', () => {
  it('a desk picking up after a minute: every staffed hour is surely below 80 % in 20 s, and the interval of the count is exact', () => {
    const r = run(desk(60));
    const hours = r.coverage[0].hours;
    expect(sum(hours.uncovered)).toBe(12);
    expect(sum(hours.belowTarget)).toBe(12);
    expect(sum(hours.surelyBelowTarget)).toBe(12);
    hours.surelyBelowTarget.forEach((mark, h) => expect(mark, `hour ${h}`).toBe(hours.belowTarget[h]));
    expect(r.summary.hoursBelowTarget).toEqual({ mean: 12, ci95: [12, 12] });
    expect(r.summary.gapHours).toEqual({ mean: 24, ci95: [24, 24] });
  });

  it('a desk with agents to spare: no hour is marked, and the uncovered night hours are not marked either', () => {
    const r = run(desk(0));
    const hours = r.coverage[0].hours;
    expect(sum(hours.uncovered)).toBe(12);
    expect(sum(hours.belowTarget)).toBe(0);
    expect(sum(hours.surelyBelowTarget)).toBe(0);
    expect(r.summary.hoursBelowTarget).toEqual({ mean: 0, ci95: [0, 0] });
    expect(r.summary.targetMetShare).toEqual({ mean: 0.5, ci95: [0.5, 0.5] });
  });
});
