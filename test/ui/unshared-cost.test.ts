// A French team booked in a scenario with only English callers: its cost is in the total, and the
// Cost view's by-language chart gives it a bar of its own instead of leaving the languages short.
import { describe, expect, it } from 'vitest';
import { unsharedCost } from '../../src/lib/unshared-cost';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const desk = (french: boolean): ScenarioInput => ({
  name: french ? 'with an idle French team' : 'English desk',
  horizon: { start: '2026-03-23T00:00:00Z', days: 1 },
  seed: 3,
  replications: 2,
  demand: [{ id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 180 } }],
  staffing: [
    { id: 'desk', skills: ['en'], agents: 5, cost: { perHour: 20 } },
    ...(french ? [{ id: 'french', skills: ['fr'], agents: 3, cost: { perHour: 25 } }] : []),
  ],
});

describe('cost that no language carries', () => {
  it('is the French team’s day, 3 agents × 24 h × 25 EUR, which English’s cost leaves out', () => {
    const r = run(desk(true));
    expect(r.pools.french.costTotal.mean).toBe(1800);
    expect(unsharedCost(r)).toBeCloseTo(1800, 6);
    expect(r.languages.en.costTotal.mean! + unsharedCost(r)).toBeCloseTo(r.summary.costTotal.mean!, 6);
  });

  it('is nothing when every pool serves a language with demand', () => {
    expect(unsharedCost(run(desk(false)))).toBe(0);
  });
});
