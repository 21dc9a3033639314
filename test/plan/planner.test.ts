// followsun plan: the least-cost head counts that meet every target, checked against the
// closed form (a single queue planned to Erlang's head count) and against brute force.
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../../sim/stats/erlang';
import { compileScenario } from '../../sim/model/model';
import { plan } from '../../sim/plan/planner';
import { checkSeed } from '../../sim/plan/rounds';
import { solveProgramme, sparseCoverage, type Programme } from '../../sim/plan/programme';
import { readFileSync } from 'node:fs';
import { parseScenario, validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';

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

describe('the programme', () => {
  // Eight hours, one pool, four 4-hour shift templates at different prices; every agent is on the
  // phones all the time (no shrinkage), so an agent on a shift gives one server in each of its hours.
  const hours = 8;
  const templates = [
    { start: 0, cost: 100 },
    { start: 2, cost: 90 },
    { start: 4, cost: 95 },
    { start: 0, length: 8, cost: 170 },
  ];
  const cover = (t: { start: number; length?: number }) =>
    Float64Array.from({ length: hours }, (_, h) => (h >= t.start && h < t.start + (t.length ?? 4) ? 3600 : 0));
  const needs = [2, 3, 5, 5, 4, 3, 2, 1];
  const programme: Programme = {
    intervalSeconds: 3600,
    intervalCount: hours,
    pools: [{ onPhonesShare: 1, fixedAgentSeconds: new Float64Array(hours), fixedCost: 0, perContact: 0, perHandledMinute: 0, minimumCost: 0 }],
    candidates: templates.map((t) => ({ pool: 0, ...sparseCoverage(cover(t)), cost: t.cost, max: 6 })),
    queues: [
      {
        live: true,
        servers: Float64Array.from(needs),
        workSeconds: new Float64Array(hours),
        deadlineIntervals: 1,
        offered: Float64Array.from(needs, (n) => n * 10),
        ahtSeconds: 180,
      },
    ],
    links: [{ pool: 0, queue: 0, efficiency: 1, handleFactor: 1 }],
  };

  it('finds the cheapest roster that covers every hour: the same cost as trying every combination', async () => {
    let best = Infinity;
    const x = [0, 0, 0, 0];
    const visit = (k: number): void => {
      if (k === templates.length) {
        const covers = needs.every((n, h) => templates.reduce((s, t, j) => s + (cover(t)[h] > 0 ? x[j] : 0), 0) >= n);
        if (covers) best = Math.min(best, templates.reduce((s, t, j) => s + t.cost * x[j], 0));
        return;
      }
      for (let n = 0; n <= 6; n++) {
        x[k] = n;
        visit(k + 1);
      }
    };
    visit(0);
    const solution = await solveProgramme(programme);
    expect(solution.cost).toBeCloseTo(best, 6);
    expect(solution.shortfall[0].every((s) => s < 1e-9)).toBe(true);
  });

  it('leaves short, and says so, what no shift can cover', async () => {
    // Without the 8-hour template, and with the last hour cut from every shift, hour 7 is nobody's.
    const candidates = templates.slice(0, 3).map((t) => ({ pool: 0, ...sparseCoverage(cover(t).map((s, h) => (h === 7 ? 0 : s))), cost: t.cost, max: 6 }));
    const servers = Float64Array.from(needs.map((n, h) => (h === 7 ? 2 : n)));
    const solution = await solveProgramme({ ...programme, candidates, queues: [{ ...programme.queues[0], servers }] });
    expect(solution.shortfall[0][7]).toBeCloseTo(2, 9);
    expect(solution.shortfall[0].slice(0, 7).every((s) => s < 1e-9)).toBe(true);
  });
});

describe('plans across a daylight-saving change', () => {
  it('keep a Berlin shift at 08:00 local: 07:00 UTC before the spring change, 06:00 UTC after', async () => {
    // Thursday 26 to Tuesday 31 March 2026; Berlin springs forward on Sunday the 29th.
    const input: ScenarioInput = {
      name: 'berlin across the spring change',
      horizon: { start: '2026-03-26T00:00:00Z', days: 5, warmupHours: 24 },
      intervalMinutes: 60,
      seed: 2,
      replications: 2,
      demand: [{ id: 'calls', language: 'de', timezone: 'Europe/Berlin', volume: { perHour: 30 }, pattern: 'business-day', handleTime: { dist: 'exponential', mean: 240 } }],
      staffing: [
        {
          id: 'berlin',
          timezone: 'Europe/Berlin',
          skills: ['de'],
          shifts: [{ days: 'daily', startBetween: ['06:00', '10:00'], every: 120, hours: 8, agents: 'auto' }],
          cost: { perHour: 40 },
        },
      ],
    };
    const result = await plan(validateScenario(input, 'berlin.yaml'), { simulate: (m) => simulate(m), maxIterations: 2 });
    for (const shift of result.plan.berlin) expect(['06:00', '08:00', '10:00']).toContain(shift.start);
    const planned = compileScenario(result.scenario);
    const firstStart = (dayIso: string) => {
      const day = (Date.parse(dayIso) - planned.clockZeroMs) / 1000;
      const starts = Array.from(planned.pools[0].roster.shiftStartSeconds).filter((t) => t >= day && t < day + 86400);
      return new Date(planned.clockZeroMs + Math.min(...starts) * 1000).toISOString().slice(11, 16);
    };
    const earliest = result.plan.berlin.map((s) => s.start).sort()[0];
    const utcBefore = `${String(Number(earliest.slice(0, 2)) - 1).padStart(2, '0')}:00`;
    const utcAfter = `${String(Number(earliest.slice(0, 2)) - 2).padStart(2, '0')}:00`;
    expect(firstStart('2026-03-27T00:00:00Z')).toBe(utcBefore);
    expect(firstStart('2026-03-30T00:00:00Z')).toBe(utcAfter);
  });
});

describe('the example scenarios, shipped planned', () => {
  for (const name of ['global-follow-the-sun.yaml', 'global-in-house.yaml', 'global-ai-hybrid.yaml', 'global-mix.yaml']) {
    it(`${name}, re-run with another seed, meets every language × channel target wherever a pool can serve, with at most 2 % of hours below target`, () => {
      const file = new URL(`../../scenarios/${name}`, import.meta.url);
      const scenario = parseScenario(readFileSync(file, 'utf8'), name);
      const r = simulate(compileScenario(scenario, { seed: 777, replications: 10 }));
      for (const row of r.coverage) {
        const key = `${row.language}/${row.channel}`;
        // Where some hours have nobody who speaks the language, the week cannot meet its target:
        // those hours are reported as uncovered, not hidden. Only the Japanese desks close at night.
        if (r.queues[key].uncoveredHours.mean! > 0) {
          expect(row.language, key).toBe('ja');
          continue;
        }
        expect(r.queues[key].serviceLevel.mean!, key).toBeGreaterThanOrEqual(row.target);
      }
      expect(r.summary.hoursBelowTarget.mean!).toBeLessThanOrEqual(0.02 * r.summary.demandHours.mean!);
    });
  }
});

describe('a plan that cannot meet its targets', () => {
  // Two agents at most for 60 calls an hour: every round misses, by a lot, and the rounds differ
  // only in what the (stubbed) simulation reports as hours below target.
  const capped = (): ScenarioInput => {
    const s = oneQueue(60);
    s.staffing = [{ id: 'team', skills: ['en'], shifts: [{ days: 'daily', start: '00:00', end: '24:00', agents: { min: 0, max: 2 } }], cost: { perHour: 30 } }];
    return s;
  };
  const run = async () => {
    const reported = [30, 10, 20];
    let call = 0;
    return plan(validateScenario(capped(), 'capped.yaml'), {
      maxIterations: 3,
      simulate: (m) => {
        const r = simulate(m);
        const below = reported[call++];
        return { ...r, name: `round ${call}`, summary: { ...r.summary, hoursBelowTarget: { mean: below, ci95: null } } };
      },
    });
  };

  it('returns the round with the fewest hours below target, not the last one, and says which', async () => {
    const result = await run();
    expect(result.met).toBe(false);
    expect(result.iterations).toHaveLength(3);
    expect(result.verification.name).toBe('round 2');
    expect(result.round).toBe(2);
  });

  it('names each language × channel that misses, with its hours below target and its service level against the target', async () => {
    const result = await run();
    expect(result.misses).toEqual([expect.objectContaining({ queue: 'en/voice', target: 0.8 })]);
    expect(result.misses[0].hoursBelowTarget).toBeGreaterThan(0);
    expect(result.misses[0].serviceLevel!).toBeLessThan(0.8);
    expect(result.unmet[0]).toMatch(/^en\/voice: \d+ h below target; service level \d+(\.\d)? % over the hours a pool can serve, target 80 %$/);
  });
});

describe('after a round meets the targets', () => {
  // One pool answers four languages: the programme plans each queue on its own (Erlang per
  // queue), but the simulation pools them, so the first plan has slack a trim round can take.
  const pooled: ScenarioInput = {
    name: 'pooled languages',
    horizon: { start: MONDAY, days: 2, warmupHours: 12 },
    intervalMinutes: 60,
    seed: 3,
    replications: 4,
    demand: ['en', 'de', 'fr', 'es'].map((language) => ({
      id: `${language}-calls`,
      language,
      volume: { perHour: 12 },
      handleTime: { dist: 'exponential' as const, mean: 240 },
    })),
    staffing: [
      {
        id: 'team',
        skills: ['en', 'de', 'fr', 'es'],
        shifts: [{ days: 'daily', startBetween: ['00:00', '16:00'], every: 480, hours: 8, agents: 'auto' }],
        cost: { perHour: 30 },
      },
    ],
  };

  it('tries cheaper plans and keeps one only when its simulation still meets them', async () => {
    const result = await plan(validateScenario(pooled, 'pooled.yaml'), { simulate: (m) => simulate(m) });
    const [first] = result.iterations;
    expect(first.met).toBe(true);
    const trims = result.iterations.filter((it) => it.phase === 'trim');
    expect(trims.length).toBeGreaterThan(0);
    expect(result.met).toBe(true);
    // The plan returned is cheaper than the first that met the targets, and is a trim round.
    expect(result.verification.summary.costPerMonth.mean!).toBeLessThan(first.costPerMonth!);
    expect(result.iterations[result.round - 1].phase).toBe('trim');
    expect(result.iterations[result.round - 1].met).toBe(true);
    expect(result.iterations[result.round - 1].heldWithOtherSeed).toBe(true);
    // Every round kept is the cheapest met: none cheaper that met was passed over.
    for (const it of result.iterations) if (it.met) expect(it.costPerMonth!).toBeGreaterThanOrEqual(result.verification.summary.costPerMonth.mean!);
  });

  it('passes no plan that misses the targets with other random numbers (the check seed), and tries no cheaper one', async () => {
    const input = validateScenario(pooled, 'pooled.yaml');
    const result = await plan(input, {
      maxIterations: 3,
      simulate: (m) => {
        const r = simulate(m);
        // With the check seed, every plan misses by far.
        return m.seed === checkSeed(input.seed) ? { ...r, summary: { ...r.summary, hoursBelowTarget: { mean: 1000, ci95: null } } } : r;
      },
    });
    const metAtTheSeed = result.iterations.filter((it) => it.met);
    expect(metAtTheSeed.length).toBeGreaterThan(0);
    for (const it of metAtTheSeed) expect(it.heldWithOtherSeed).toBe(false);
    expect(result.iterations.every((it) => it.phase === 'correct')).toBe(true);
    expect(result.met).toBe(false);
  });

  it('does not trim when asked not to (trimRounds: 0)', async () => {
    const result = await plan(validateScenario(pooled, 'pooled.yaml'), { simulate: (m) => simulate(m), trimRounds: 0 });
    expect(result.iterations.map((it) => it.phase)).toEqual(['correct']);
    expect(result.round).toBe(1);
  });
});
