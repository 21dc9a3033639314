// The backlog of the last reporting interval: what still waits when the reported window closes.
// With nobody on the phones in the window and callers who never hang up, every contact offered
// so far is still waiting at each interval's end, so the backlog of interval k is exactly the
// contacts offered in intervals 0..k: an expectation that needs no queueing theory.
//
// The kernel used to take the last snapshot with an event at the window's end like any other
// interval's, and to stop the run as soon as no reported contact was waiting at or after that
// end. An event popped before it at the same time (here a shift of 300 agents starting there, which
// empties the queue) ended the run first and the last interval read 0 — in 9 of these 20
// replications. An interval cut short by the window's end (a horizon of 2 h 15 min in 30-minute
// intervals) had its snapshot half an hour after the window, counting callers of the drain.
// Inside the window the same tie decided an interval's backlog: a team starting on a boundary
// took the queue before that interval's snapshot in 19 of 40 replications, which then read 0.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';

function lateTeam(hours: number, shiftStart: string): ScenarioInput {
  return {
    name: 'a team that starts when the window ends',
    horizon: { start: '2026-03-23T00:00:00Z', hours, warmupHours: 0 },
    intervalMinutes: 30,
    seed: 11,
    replications: 20,
    demand: [{ id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 300 } }],
    staffing: [{ id: 'late', skills: ['en'], shifts: [{ days: 'Mon', start: shiftStart, end: '08:00', agents: 300 }] }],
  };
}

/** Per replication, the backlog of each interval and the contacts offered up to its end. */
function backlogs(input: ScenarioInput): { got: number[]; want: number[] }[] {
  const model = compileScenario(validateScenario(input, 'late-team.yaml'));
  const out: { got: number[]; want: number[] }[] = [];
  for (let r = 0; r < model.replications; r++) {
    const t = simulateReplication(model, r);
    let offered = 0;
    const got: number[] = [];
    const want: number[] = [];
    for (let i = 0; i < model.intervalCount; i++) {
      offered += t.offered[i];
      got.push(t.backlog[i]);
      want.push(offered);
    }
    out.push({ got, want });
  }
  return out;
}

describe('the last interval’s backlog is what waits when the reported window closes', () => {
  it('a shift starting at the window’s end empties the queue: the last backlog still counts every caller offered (20 replications)', () => {
    const runs = backlogs(lateTeam(2, '02:00'));
    for (const { got, want } of runs) {
      expect(got).toEqual(want);
      expect(got[got.length - 1]).toBeGreaterThan(80); // about 120 callers in two hours
    }
  });

  it('an interval cut short by the window’s end (2 h 15 min in 30-minute intervals): taken at the window’s end, with or without a shift there', () => {
    for (const start of ['02:15', '05:00']) {
      for (const { got, want } of backlogs(lateTeam(2.25, start))) {
        expect(got).toHaveLength(5);
        expect(got).toEqual(want);
      }
    }
  });

  it('inside the window too: a team starting at 01:00, on a boundary, takes the queue only after the 00:30–01:00 interval’s backlog is read', () => {
    for (const { got, want } of backlogs(lateTeam(3, '01:00'))) {
      expect(got[1]).toBe(want[1]);
      expect(got[1]).toBeGreaterThan(35); // about 60 callers in the hour
      expect(got[got.length - 1]).toBeLessThan(got[1]); // 300 agents answer them all
    }
  });
});
