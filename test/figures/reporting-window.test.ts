// Which contacts a figure counts at the edges of the reported window: a contact belongs to the
// interval it arrived in (the WFM convention), so callers who rang during the warm-up are never
// reported even when agents spend the reported day on them, and callers of the last evening who
// are answered after midnight are reported in full — in the evening's interval, with their whole
// wait. Agent time, by contrast, is counted where it was spent: inside the window only.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const TUESDAY = '2026-03-24T00:00:00Z';

describe('callers who rang during the warm-up', () => {
  // Monday (the warm-up) has a flood of patient callers, Tuesday (the reported day) none: the
  // team of 10 spends all Tuesday on Monday's backlog (45 Erlangs offered on Monday).
  const input: ScenarioInput = {
    name: 'warm-up backlog',
    horizon: { start: TUESDAY, days: 1, warmupHours: 24 },
    intervalMinutes: 60,
    seed: 2,
    replications: 2,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: 900 },
        specialDays: [{ date: '2026-03-24', factor: 0 }],
        handleTime: { dist: 'exponential', mean: 180 },
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: 10, cost: { perContact: 2 } }],
  };
  const r = run(input);

  it('are not reported: nothing offered, answered or waiting on the reported day, and no service level', () => {
    expect(r.summary.contacts.mean).toBe(0);
    expect(r.summary.offered.mean).toBe(0);
    expect(r.summary.answered.mean).toBe(0);
    expect(r.summary.waitingAtEnd.mean).toBe(0);
    expect(r.channels.voice.serviceLevel.mean).toBeNull();
    expect(r.summary.demandHours.mean).toBe(0);
  });

  it('yet the agents are busy all day with them, and the backlog shows at every interval’s end', () => {
    expect(r.pools.team.occupancy!.mean).toBeCloseTo(1, 9);
    expect(Math.min(...r.coverage[0].backlog)).toBeGreaterThan(1000);
  });

  it('a partner paid per contact bills none of them in this window', () => {
    expect(r.pools.team.handled.mean).toBe(0);
    expect(r.pools.team.costTotal.mean).toBe(0);
  });
});

describe('callers of the last evening', () => {
  // Callers only between 23:00 and 24:00 of the reported day, 12 on average, ten minutes each, to
  // one agent: half an hour's work piles up, much of it answered after midnight.
  const lastHour = Array.from({ length: 24 }, (_, h) => (h === 23 ? 1 : 0));
  const input: ScenarioInput = {
    name: 'late callers',
    horizon: { start: TUESDAY, days: 1, warmupHours: 0 },
    intervalMinutes: 30,
    seed: 4,
    replications: 4,
    demand: [{ id: 'calls', language: 'en', volume: { perDay: 12 }, pattern: { hourly: lastHour }, handleTime: { dist: 'deterministic', mean: 600 } }],
    staffing: [{ id: 'agent', skills: ['en'], agents: 1, cost: { perContact: 2 } }],
  };
  const r = run(input);

  it('are all reported, in the evening’s two intervals, and all answered though the day has ended', () => {
    const offered = r.intervals.map((row) => row.offered.mean!);
    expect(offered.slice(0, 46).every((x) => x === 0)).toBe(true);
    expect(offered[46] + offered[47]).toBeCloseTo(r.summary.offered.mean!, 9);
    expect(r.summary.offered.mean!).toBeGreaterThan(8);
    expect(r.summary.answered.mean).toBe(r.summary.offered.mean);
    expect(r.summary.waitingAtEnd.mean).toBe(0);
  });

  it('their whole wait counts: with 10-minute calls to one agent the average caller waits far past midnight’s cut', () => {
    // The n-th caller of the hour waits for the n − 1 calls before it: mean wait is well over 10 minutes.
    expect(r.summary.asaSeconds.mean!).toBeGreaterThan(600);
  });

  it('the agent’s time after midnight is outside the window, but each contact is billed once, in the evening', () => {
    // Busy at most the hour 23:00–24:00 inside the window; the work done is offered × 10 minutes.
    const busyInWindow = r.pools.agent.occupancy!.mean! * 24 * 3600;
    expect(busyInWindow).toBeLessThanOrEqual(3600 + 1e-6);
    expect(r.summary.offered.mean! * 600).toBeGreaterThan(busyInWindow + 600);
    expect(r.pools.agent.handled.mean).toBe(r.summary.answered.mean);
    expect(r.pools.agent.costTotal.mean).toBeCloseTo(2 * r.summary.answered.mean!, 9);
  });
});
