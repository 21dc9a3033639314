import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { queueScenario, run } from '../support';

const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
const tallies = (input: ScenarioInput, replication = 0) =>
  simulateReplication(compileScenario(validateScenario(input, 'test.yaml')), replication);

function twoPools(routing: 'priority' | 'longest-idle' | 'random', acceptAfterSeconds = 0, berlin = 20, manila = 20): ScenarioInput {
  const base = queueScenario({ ratePerHour: 600, ahtSeconds: 180, agents: 20, hours: 48, replications: 3 });
  return {
    ...base,
    routing,
    staffing: [
      { id: 'berlin', skills: ['en'], agents: berlin },
      { id: 'manila', type: 'outsourced', skills: ['en'], agents: manila, acceptAfterSeconds },
    ],
  };
}

describe('every contact is accounted for', () => {
  const cases: [string, ScenarioInput][] = [
    ['a stable team with impatient callers', queueScenario({ ratePerHour: 900, ahtSeconds: 180, agents: 50, patienceSeconds: 90, hours: 24, replications: 1 })],
    ['a team far too small for patient callers (the queue never drains)', queueScenario({ ratePerHour: 900, ahtSeconds: 180, agents: 10, hours: 12, replications: 1 })],
    ['nobody who speaks the language', { ...queueScenario({ ratePerHour: 100, ahtSeconds: 180, agents: 5, patienceSeconds: 60, hours: 12, replications: 1 }), staffing: [{ id: 'fr', skills: ['fr'], agents: 5 }] }],
    ['overflow to a second pool', twoPools('priority', 30)],
  ];
  for (const [label, input] of cases) {
    it(`${label}: offered = answered + abandoned + still waiting, per replication`, () => {
      for (let r = 0; r < 3; r++) {
        const t = tallies(input, r);
        expect(sum(t.offered)).toBeGreaterThan(0);
        expect(sum(t.answered) + sum(t.abandoned) + sum(t.waitingAtEnd)).toBe(sum(t.offered));
        // Answered contacts were each handled by exactly one pool.
        expect(sum(t.poolHandled)).toBe(sum(t.answered));
      }
    });
  }

  it('patient callers facing an overloaded team are still waiting when the run ends, not lost', () => {
    const t = tallies(queueScenario({ ratePerHour: 900, ahtSeconds: 180, agents: 10, hours: 12, replications: 1 }));
    expect(sum(t.abandoned)).toBe(0);
    expect(sum(t.waitingAtEnd)).toBeGreaterThan(100);
  });
});

describe('determinism and common random numbers', () => {
  const input = queueScenario({ ratePerHour: 1000, ahtSeconds: 180, agents: 55, patienceSeconds: 120, hours: 24, replications: 3 });

  it('the same scenario and seed give identical results', () => {
    expect(JSON.stringify(run(input))).toBe(JSON.stringify(run(input)));
  });

  it('a different seed gives different results', () => {
    expect(run(input, { seed: 8 }).summary.offered.mean).not.toBe(run(input, { seed: 9 }).summary.offered.mean);
  });

  it('replications differ from each other', () => {
    const a = tallies(input, 0);
    const b = tallies(input, 1);
    expect(sum(a.offered)).not.toBe(sum(b.offered));
  });

  it('an early result after 2 of 5 replications is exactly a run of 2 replications', () => {
    const model = compileScenario(validateScenario({ ...input, replications: 5 }, 'test.yaml'));
    const early: { done: number; result: ReturnType<typeof run> }[] = [];
    let done = 0;
    const full = simulate(model, {
      onProgress: (n) => (done = n),
      early: { wanted: (n) => n === 2 || n === 4, deliver: (result) => early.push({ done, result }) },
    });
    expect(early.map((e) => e.done)).toEqual([2, 4]);
    expect(JSON.stringify(early[0].result)).toBe(JSON.stringify(run(input, { replications: 2 })));
    expect(JSON.stringify(early[1].result)).toBe(JSON.stringify(run(input, { replications: 4 })));
    expect(JSON.stringify(full)).toBe(JSON.stringify(run(input, { replications: 5 })));
    expect(early[0].result.summary.offered.ci95).not.toBeNull();
  });

  it('no early result is offered after the last replication: that one is the result', () => {
    const asked: number[] = [];
    simulate(compileScenario(validateScenario(input, 'test.yaml')), { early: { wanted: (n) => (asked.push(n), true), deliver: () => undefined } });
    expect(asked).toEqual([1, 2]);
  });

  it('two scenarios that differ only in staffing see exactly the same contacts', () => {
    const bigger: ScenarioInput = { ...input, staffing: [{ id: 'team', skills: ['en'], agents: 60 }, { id: 'extra', skills: ['en'], agents: 5 }] };
    for (let r = 0; r < 2; r++) {
      const a = tallies(input, r);
      const b = tallies(bigger, r);
      expect(Array.from(b.offered)).toEqual(Array.from(a.offered));
      expect(sum(b.abandoned)).toBeLessThan(sum(a.abandoned));
    }
  });
});

describe('routing between pools', () => {
  it('an overflow partner takes a contact only after it has waited acceptAfterSeconds', () => {
    const r = run(twoPools('priority', 30, 0)); // Berlin is closed: Manila answers everything, late.
    expect(r.summary.answered.mean).toBeGreaterThan(0);
    expect(r.summary.waitP50Seconds.mean).toBeGreaterThanOrEqual(30);
    expect(r.channels.voice.serviceLevel.mean).toBe(0); // nobody is answered within 20 s
    expect(r.pools.manila.handled.mean).toBe(r.summary.answered.mean);
  });

  it('with priority routing the first pool works hardest; longest-idle shares the work evenly', () => {
    const priority = run(twoPools('priority'));
    expect(priority.pools.berlin.occupancy!.mean! - priority.pools.manila.occupancy!.mean!).toBeGreaterThan(0.2);
    const longestIdle = run(twoPools('longest-idle'));
    expect(Math.abs(longestIdle.pools.berlin.occupancy!.mean! - longestIdle.pools.manila.occupancy!.mean!)).toBeLessThan(0.02);
    const random = run(twoPools('random'));
    expect(Math.abs(random.pools.berlin.occupancy!.mean! - random.pools.manila.occupancy!.mean!)).toBeLessThan(0.05);
  });

  it('overflow improves on no overflow, and answering at once improves on overflow', () => {
    const none: ScenarioInput = { ...twoPools('priority'), staffing: [{ id: 'berlin', skills: ['en'], agents: 31 }] };
    const slTo = (input: ScenarioInput) => run(input).channels.voice.serviceLevel.mean!;
    const late = twoPools('priority', 60, 31, 3);
    const early = twoPools('priority', 0, 31, 3);
    expect(slTo(late)).toBeGreaterThan(slTo(none));
    expect(slTo(early)).toBeGreaterThan(slTo(late));
  });

  it('a multi-skilled agent takes the longest-waiting contact among the languages it speaks', () => {
    // German and English callers share one bilingual team: both queues see similar waits.
    const base = queueScenario({ ratePerHour: 300, ahtSeconds: 180, agents: 16, hours: 72, replications: 3 });
    const input: ScenarioInput = {
      ...base,
      demand: [
        { ...base.demand[0], id: 'en-calls', language: 'en' },
        { ...base.demand[0], id: 'de-calls', language: 'de' },
      ],
      staffing: [{ id: 'bilingual', skills: ['de', 'en'], agents: 16 }],
    };
    const m = compileScenario(validateScenario(input, 'test.yaml'));
    const t = simulateReplication(m, 0);
    const asa = (q: number) => {
      let wait = 0, answered = 0;
      for (let i = q; i < t.answered.length; i += t.queueCount) {
        wait += t.waitSecondsAnswered[i];
        answered += t.answered[i];
      }
      return wait / answered;
    };
    expect(asa(0)).toBeGreaterThan(5);
    expect(Math.abs(asa(0) - asa(1)) / asa(0)).toBeLessThan(0.15);
  });
});

describe('reporting window', () => {
  it('contacts are reported in the interval they arrived in, from the horizon start', () => {
    const input = queueScenario({ ratePerHour: 600, ahtSeconds: 180, agents: 12, hours: 6, replications: 2 });
    const r = run({ ...input, intervalMinutes: 30 });
    expect(r.intervals).toHaveLength(12);
    expect(r.intervals[0].start).toBe('2026-03-23T00:00:00.000Z');
    expect(r.intervals[1].start).toBe('2026-03-23T00:30:00.000Z');
    const offered = r.intervals.reduce((s, i) => s + i.offered.mean!, 0);
    expect(offered).toBeCloseTo(r.summary.offered.mean!, 6);
    // 300 expected per half hour: each interval's mean is within a few Poisson deviations.
    for (const i of r.intervals) expect(Math.abs(i.offered.mean! - 300)).toBeLessThan(60);
  });

  it('cost is paid hours times the hourly rate, whatever the demand', () => {
    const input = queueScenario({ ratePerHour: 60, ahtSeconds: 180, agents: 4, hours: 10, replications: 1 });
    input.staffing[0].cost = { perHour: 30 };
    const r = run(input);
    expect(r.summary.costTotal.mean).toBeCloseTo(4 * 10 * 30, 9);
    expect(r.summary.costPerContact.mean).toBeCloseTo(1200 / r.summary.answered.mean!, 9);
  });
});
