import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, queueFigures, requiredAgents, type QueueFigures, type QueueInputs } from '../../sim/stats/erlang';
import { serversRequired } from '../../sim/stats/required-agents';
import type { CompiledQueue } from '../../sim/model/model';

// Expected values come from published tables, calculators and other libraries' test suites (named
// beside each one), or from independent computations written out in this file (exact rational
// arithmetic, a brute-force birth–death chain). None are copied from this module's own output.

/** The classic example: 100 calls per half hour, 3-minute handle time, 20-second target. */
const classic = { ratePerHour: 200, ahtSeconds: 180, thresholdSeconds: 20 };

function expectSane(f: QueueFigures): void {
  for (const p of [f.pWait, f.serviceLevel, f.abandonRate, f.occupancy]) {
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  expect(Number.isFinite(f.asaSeconds)).toBe(true);
  expect(f.asaSeconds).toBeGreaterThanOrEqual(0);
}

describe('Erlang B: blocking on a trunk group', () => {
  it('agrees with a published Erlang B table (traffic per channel count and grade of service)', () => {
    // "Carrier Grade Voice Over IP", 2nd ed., Appendix A "Table of Erlang B", row for 9 channels:
    // 1% → 3.8 E, 2% → 4.3 E, 5% → 5.4 E (one decimal).
    // https://www.globalspec.com/reference/55139/203279/appendix-a-table-of-erlang-b
    for (const [blocking, erlangs] of [[0.01, 3.8], [0.02, 4.3], [0.05, 5.4]]) {
      expect(erlangB(9, erlangs - 0.05)).toBeLessThan(blocking);
      expect(erlangB(9, erlangs + 0.05)).toBeGreaterThan(blocking);
    }
  });

  it('15 lines at 1% blocking carry 8.108 erlangs', () => {
    // Westbay/erlang.com calculator manual, "How much traffic can a trunk group handle?"
    // https://erlang.com/calculatormanual/howmuchtrafficcanatrunkgrouphandle.htm
    expect(erlangB(15, 8.108)).toBeCloseTo(0.01, 4);
  });

  it('30 lines offered 25 erlangs lose about 5% of calls', () => {
    // Wolfram, "Compute Loss Probabilities for a Queue": ErlangB[30, 25.] is "approximately 0.05".
    // http://wolfram.com/mathematica/new-in-9/enhanced-core-algorithms/compute-loss-probabilities-for-a-queue.html
    expect(erlangB(30, 25)).toBeGreaterThan(0.045);
    expect(erlangB(30, 25)).toBeLessThan(0.055);
  });

  it('matches the textbook formula evaluated exactly in rational arithmetic', () => {
    // B(N, A) = (A^N/N!) / Σ A^k/k! = A^N / Σ A^k·N!/k!, all integers for whole A.
    const exact = (n: number, load: number): number => {
      const a = BigInt(load);
      let den = 0n;
      let fallingFactorial = 1n; // N!/k!, built from k = N downwards
      for (let k = n; k >= 0; k--) {
        den += a ** BigInt(k) * fallingFactorial;
        fallingFactorial *= BigInt(k);
      }
      const scale = 10n ** 30n;
      return Number(((a ** BigInt(n)) * scale) / den) / 1e30;
    };
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4); // the usual quoted table value
    for (const [n, a] of [[1, 1], [10, 10], [20, 20], [30, 25], [50, 40], [120, 100], [400, 300]]) {
      expect(erlangB(n, a)).toBeCloseTo(exact(n, a), 12);
    }
  });

  it('stays finite and ordered for thousands of trunks', () => {
    // B(n, n) = P(Poisson(n) = n) / P(Poisson(n) ≤ n) ≈ (1/√(2πn)) / (1/2) for large n.
    const b = erlangB(5000, 5000);
    expect(Math.abs(b / Math.sqrt(2 / (Math.PI * 5000)) - 1)).toBeLessThan(0.01);
    expect(erlangB(5000, 4000)).toBeLessThan(1e-50);
    expect(erlangB(5000, 4000)).toBeGreaterThanOrEqual(0);
    expect(erlangB(4999, 5000)).toBeGreaterThan(b);
  });
});

describe('Erlang C: a queue with patient callers', () => {
  it('reproduces the classic 14-agent example to full precision', () => {
    // pyworkforce 0.1.0 README (ErlangC(transactions=100, asa=20/60, aht=3, interval=30)):
    // raw_positions 14, service_level 0.8883500191794669, occupancy 0.7142857142857143,
    // waiting_probability 0.1741319335950498.  https://pypi.org/project/pyworkforce/0.1.0/
    const f = queueFigures({ ...classic, agents: 14 });
    expect(f.stable).toBe(true);
    expect(f.pWait).toBeCloseTo(0.1741319335950498, 12);
    expect(f.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(f.occupancy).toBeCloseTo(0.7142857142857143, 12);
    expect(f.abandonRate).toBe(0);
    expect(erlangC(14, 10)).toBeCloseTo(0.1741319335950498, 12);
  });

  it('matches the pyworkforce test suite for 14 and 15 agents at a 19.8-second target', () => {
    // rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/test_erlang.py (asa=0.33 min = 19.8 s):
    // 14 productive positions → SL 0.888, occupancy 0.714, P(wait) 0.174;
    // 15 productive positions → SL 0.941, occupancy 0.667, P(wait) 0.102.
    const at = { ...classic, thresholdSeconds: 19.8 };
    const f14 = queueFigures({ ...at, agents: 14 });
    expect(f14.serviceLevel).toBeCloseTo(0.888, 3);
    expect(f14.occupancy).toBeCloseTo(0.714, 3);
    expect(f14.pWait).toBeCloseTo(0.174, 3);
    const f15 = queueFigures({ ...at, agents: 15 });
    expect(f15.serviceLevel).toBeCloseTo(0.941, 3);
    expect(f15.occupancy).toBeCloseTo(0.667, 3);
    expect(f15.pWait).toBeCloseTo(0.102, 3);
  });

  it('needs 14 agents for 80% in 20 seconds, and 13 are not enough', () => {
    // Same pyworkforce example: required_positions(service_level=0.8) gives 14 raw positions
    // (its 85% occupancy cap does not bind: 13 agents would be at 77%).
    const n = requiredAgents({ ...classic, target: 0.8 });
    expect(n).toBe(14);
    expect(queueFigures({ ...classic, agents: 13 }).serviceLevel).toBeLessThan(0.8);
  });

  it('gives the mean wait of the published M/M/m examples', () => {
    // ETH Zürich ASL 2017 M/M/m slides, as quoted in the GNU Octave queueing package tests
    // (mmarzolla/queueing, inst/qsmmm.m): λ = 9, μ = 5 per unit time.
    //   m = 2: mean number waiting 7.674, mean response time 1.053
    //   m = 4: mean number waiting 0.105, mean response time 0.212
    // Here one time unit is an hour: 9 calls/hour, AHT 720 s.
    for (const [agents, waiting, response] of [[2, 7.674, 1.053], [4, 0.105, 0.212]]) {
      const f = queueFigures({ ratePerHour: 9, ahtSeconds: 720, thresholdSeconds: 0, agents });
      const waitHours = f.asaSeconds / 3600;
      expect(9 * waitHours).toBeCloseTo(waiting, 3); // Little: Lq = λ·Wq
      expect(waitHours + 1 / 5).toBeCloseTo(response, 3);
    }
  });

  it('agrees with a brute-force birth–death chain', () => {
    const q = { ratePerHour: 50, ahtSeconds: 240, thresholdSeconds: 30, agents: 4 };
    const ref = bruteForce(q, Infinity, 400);
    const f = queueFigures(q);
    expect(f.pWait).toBeCloseTo(ref.pWait, 9);
    expect(f.serviceLevel).toBeCloseTo(ref.serviceLevel, 9);
    expect(f.asaSeconds).toBeCloseTo(ref.asaSeconds, 6);
    expect(f.occupancy).toBeCloseTo(ref.occupancy, 9);
  });

  it('reports an overloaded queue as unstable rather than inventing numbers', () => {
    for (const agents of [9, 10]) {
      expect(queueFigures({ ...classic, agents })).toEqual({
        pWait: 1, serviceLevel: 0, asaSeconds: Infinity, abandonRate: 0, occupancy: 1, stable: false,
      });
    }
    expect(erlangC(10, 10)).toBe(1);
  });
});

describe('Erlang A: callers who hang up', () => {
  const impatient = { ...classic, patienceSeconds: 300 };

  it('matches the pyworkforce Erlang A regression figures', () => {
    // rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/test_abandonment.py,
    // test_erlanga_regression_metrics: 100 per 30 min, AHT 3 min, patience 5 min, 20 s, 14 positions:
    // waiting 0.14526, abandonment 0.013984, occupancy 0.704297, service level 0.916792,
    // average_speed_of_answer 0.069919 min. pyworkforce's ASA is E[queue length]/λ, the mean wait
    // over ALL callers; abandonments happen at rate θ·E[Lq], so that wait equals abandonRate × patience.
    const f = queueFigures({ ...impatient, agents: 14 });
    expect(f.pWait).toBeCloseTo(0.14526, 5);
    expect(f.abandonRate).toBeCloseTo(0.013984, 6);
    expect(f.occupancy).toBeCloseTo(0.704297, 6);
    expect(f.serviceLevel).toBeCloseTo(0.916792, 6);
    expect((f.abandonRate * 300) / 60).toBeCloseTo(0.069919, 6);
    expect(f.stable).toBe(true);
  });

  it('staffs the pyworkforce user-guide example with 13 agents', () => {
    // pyworkforce user guide, "Erlang A (abandonment)": required_positions(service_level=0.8,
    // max_occupancy=0.85, max_abandonment=0.05) → raw_positions 13, service_level 0.858,
    // occupancy 0.750, abandonment_probability 0.025, waiting_probability 0.226 (printed to 3 places).
    // https://pyworkforce.rodrigo-arenas.com/stable/guide/erlanga
    const n = requiredAgents({ ...impatient, target: 0.8, maxAbandonRate: 0.05 });
    expect(n).toBe(13);
    const f = queueFigures({ ...impatient, agents: 13 });
    expect(f.serviceLevel).toBeCloseTo(0.858, 3);
    expect(f.occupancy).toBeCloseTo(0.75, 3);
    expect(f.abandonRate).toBeCloseTo(0.025, 3);
    expect(f.pWait).toBeCloseTo(0.226, 3);
    expect(queueFigures({ ...impatient, agents: 12 }).serviceLevel).toBeLessThan(0.8);
  });

  it('agrees with a brute-force birth–death chain and a step-by-step walk through the queue', () => {
    for (const [agents, ratePerHour, patienceSeconds] of [[1, 30, 90], [3, 60, 60], [5, 150, 200]]) {
      const q = { ratePerHour, ahtSeconds: 180, thresholdSeconds: 20, agents };
      const ref = bruteForce(q, patienceSeconds, 250);
      const f = queueFigures({ ...q, patienceSeconds });
      expect(f.pWait).toBeCloseTo(ref.pWait, 9);
      expect(f.abandonRate).toBeCloseTo(ref.abandonRate, 9);
      expect(f.serviceLevel).toBeCloseTo(ref.serviceLevel, 9);
      expect(f.asaSeconds).toBeCloseTo(ref.asaSeconds, 6);
      expect(f.occupancy).toBeCloseTo(ref.occupancy, 9);
    }
  });

  it('becomes Erlang C as patience grows without bound', () => {
    for (const [agents, base] of [[14, classic], [1000, { ratePerHour: 980 * 12, ahtSeconds: 300, thresholdSeconds: 20 }]] as const) {
      const c = queueFigures({ ...base, agents });
      let previousGap = Infinity;
      for (const patienceSeconds of [1e4, 1e6, 1e8, 1e10]) {
        const a = queueFigures({ ...base, agents, patienceSeconds });
        const gap = Math.max(
          Math.abs(a.pWait - c.pWait),
          Math.abs(a.serviceLevel - c.serviceLevel),
          Math.abs(a.asaSeconds - c.asaSeconds) / c.asaSeconds,
          a.abandonRate,
        );
        expect(gap).toBeLessThan(previousGap);
        previousGap = gap;
      }
      expect(previousGap).toBeLessThan(1e-6);
    }
  });

  it('loses more callers when they are less patient', () => {
    const patient = queueFigures({ ...classic, agents: 14, patienceSeconds: 1200 });
    const hasty = queueFigures({ ...classic, agents: 14, patienceSeconds: 60 });
    expect(hasty.abandonRate).toBeGreaterThan(patient.abandonRate);
    expect(hasty.asaSeconds).toBeLessThan(patient.asaSeconds);
  });

  it('stays finite when offered 1.3 times more work than the agents can do', () => {
    // The agents serve at most nμ, so at least 1 − n/A = 1 − 1/1.3 ≈ 23% of callers must abandon.
    // (Erlang C has no steady state here at all.)
    for (const agents of [10, 100, 5000]) {
      const f = queueFigures({ ratePerHour: agents * 1.3 * 12, ahtSeconds: 300, thresholdSeconds: 20, agents, patienceSeconds: 180 });
      expectSane(f);
      expect(f.stable).toBe(true);
      expect(f.abandonRate).toBeGreaterThan(0.2);
      expect(f.abandonRate).toBeGreaterThanOrEqual(1 - 1 / 1.3 - 1e-9);
      expect(f.pWait).toBeGreaterThan(f.abandonRate); // only callers who wait can give up
    }
  });

  it('treats zero patience as a loss system (Erlang B)', () => {
    const f = queueFigures({ ...classic, agents: 12, patienceSeconds: 0 });
    expect(f.abandonRate).toBeCloseTo(erlangB(12, 10), 12);
    expect(f.serviceLevel).toBeCloseTo(1 - erlangB(12, 10), 12);
  });
});

describe('large contact centres', () => {
  const perAgentHour = 12; // arrivals per hour per erlang at a 300-second AHT

  for (const size of [1000, 5000]) {
    it(`gives sane, monotone figures around ${size} agents`, () => {
      const load = size * 0.98;
      const base = { ratePerHour: load * perAgentHour, ahtSeconds: 300, thresholdSeconds: 20 };
      for (const patienceSeconds of [undefined, 180]) {
        let previous: QueueFigures | undefined;
        const start = patienceSeconds === undefined ? Math.floor(load) + 1 : Math.floor(size * 0.9);
        for (let agents = start; agents <= size * 1.05; agents += Math.ceil(size / 500)) {
          const f = queueFigures({ ...base, agents, patienceSeconds });
          expectSane(f);
          if (previous) {
            expect(f.pWait).toBeLessThanOrEqual(previous.pWait + 1e-12);
            expect(f.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel - 1e-12);
            expect(f.abandonRate).toBeLessThanOrEqual(previous.abandonRate + 1e-12);
            expect(f.asaSeconds).toBeLessThanOrEqual(previous.asaSeconds + 1e-9);
          }
          previous = f;
        }
      }
    });

    it(`finds the smallest staffing for ${size} erlangs`, () => {
      const q = { ratePerHour: size * perAgentHour, ahtSeconds: 300, thresholdSeconds: 20, target: 0.8 };
      const variants: { patienceSeconds?: number; maxAbandonRate?: number }[] = [{}, { patienceSeconds: 120, maxAbandonRate: 0.02 }];
      for (const extra of variants) {
        const n = requiredAgents({ ...q, ...extra });
        const at = (agents: number): QueueFigures => queueFigures({ ...q, ...extra, agents });
        expect(at(n).serviceLevel).toBeGreaterThanOrEqual(0.8);
        const fewer = at(n - 1);
        const missed = fewer.serviceLevel < 0.8 || (extra.maxAbandonRate !== undefined && fewer.abandonRate > extra.maxAbandonRate);
        expect(missed).toBe(true);
      }
    });
  }
});

describe('requiredAgents', () => {
  it('needs nobody when no calls arrive', () => {
    expect(requiredAgents({ ...classic, ratePerHour: 0, target: 0.9 })).toBe(0);
  });

  it('returns the smallest count that meets every target', () => {
    const cases: (Omit<QueueInputs, 'agents'> & { target: number; maxAbandonRate?: number })[] = [
      { ratePerHour: 1, ahtSeconds: 60, thresholdSeconds: 20, target: 0.95 },
      { ratePerHour: 360, ahtSeconds: 240, thresholdSeconds: 15, target: 0.8 },
      { ratePerHour: 720, ahtSeconds: 240, thresholdSeconds: 15, target: 0.9, patienceSeconds: 90 },
      { ratePerHour: 720, ahtSeconds: 240, thresholdSeconds: 15, target: 0.5, patienceSeconds: 90, maxAbandonRate: 0.005 },
      { ratePerHour: 200, ahtSeconds: 180, thresholdSeconds: 0, target: 0.5 },
    ];
    for (const q of cases) {
      const n = requiredAgents(q);
      const ok = (agents: number): boolean => {
        const f = queueFigures({ ...q, agents });
        return f.serviceLevel >= q.target && (q.maxAbandonRate === undefined || f.abandonRate <= q.maxAbandonRate);
      };
      expect(ok(n)).toBe(true);
      for (let fewer = 1; fewer < n; fewer++) expect(ok(fewer)).toBe(false);
    }
  });

  it('gives the same count from any starting guess: the answer at the rate below, one too low, far too high', () => {
    const q = { ahtSeconds: 240, thresholdSeconds: 20, target: 0.8, patienceSeconds: 120 };
    let below = 0;
    for (let ratePerHour = 10; ratePerHour <= 2000; ratePerHour *= 1.37) {
      const n = requiredAgents({ ...q, ratePerHour });
      expect(requiredAgents({ ...q, ratePerHour }, below)).toBe(n);
      expect(requiredAgents({ ...q, ratePerHour }, Math.max(1, n - 1))).toBe(n);
      expect(requiredAgents({ ...q, ratePerHour }, 3 * n + 5)).toBe(n);
      below = n;
    }
  });

  it("a queue's required line over thousands of hourly rates is each rate's own count, with or without patience and an occupancy cap", () => {
    // serversRequired skips the rates between two that need the same count: checked against
    // asking requiredAgents at every rate, on a week of rates as jagged as means of replications.
    const rates = Array.from({ length: 3000 }, (_, i) => Math.round((Math.abs(Math.sin(i * 0.37)) * 1900 + (i % 7) * 3.1) * 10) / 10);
    rates.push(0, 0.1, 2400);
    const queues = [
      { slThresholdSeconds: 20, slTarget: 0.8, meanPatienceSeconds: 120 },
      { slThresholdSeconds: 60, slTarget: 0.9, meanPatienceSeconds: Infinity },
    ];
    for (const queue of queues) {
      for (const maxOccupancy of [undefined, 0.85]) {
        const line = serversRequired(queue as CompiledQueue, rates, 240, maxOccupancy);
        expect(line.size).toBe(new Set(rates).size);
        for (const rate of new Set(rates)) {
          const patienceSeconds = Number.isFinite(queue.meanPatienceSeconds) ? queue.meanPatienceSeconds : undefined;
          const own = rate > 0 ? requiredAgents({ ratePerHour: rate, ahtSeconds: 240, thresholdSeconds: queue.slThresholdSeconds, patienceSeconds, target: queue.slTarget, maxOccupancy }) : 0;
          expect(line.get(rate)).toBe(own);
        }
      }
    }
  });

  it('rejects targets that are not probabilities', () => {
    expect(() => requiredAgents({ ...classic, target: 80 })).toThrow(RangeError);
  });

  it('keeps occupancy at or below a cap: 50 Erlangs at most 85 % busy need 59 agents, more than the service level alone needs', () => {
    const q = { ratePerHour: 1000, ahtSeconds: 180, thresholdSeconds: 20, target: 0.8 };
    expect(requiredAgents(q)).toBeLessThan(59);
    expect(requiredAgents({ ...q, maxOccupancy: 0.85 })).toBe(Math.ceil(50 / 0.85)); // 58.8 → 59
    expect(() => requiredAgents({ ...q, maxOccupancy: 85 })).toThrow(RangeError);
  });
});

// ------------------------------------------------------------------------------------------------
// Independent reference: the M/M/n+M chain written out state by state, truncated `extraStates`
// beyond n. The service level comes from uniformising the tagged caller's walk to the front of the
// queue (not from the incomplete beta function), and its wait and survival from first-step analysis.

function bruteForce(q: QueueInputs, patienceSeconds: number, extraStates: number) {
  const lambda = q.ratePerHour / 3600;
  const mu = 1 / q.ahtSeconds;
  const theta = patienceSeconds === Infinity ? 0 : 1 / patienceSeconds;
  const n = q.agents;
  const top = n + extraStates;

  const pi = [1];
  for (let k = 1; k <= top; k++) pi.push((pi[k - 1] * lambda) / (Math.min(k, n) * mu + Math.max(k - n, 0) * theta));
  const total = pi.reduce((s, p) => s + p, 0);
  for (let k = 0; k <= top; k++) pi[k] /= total;

  // A caller with j ahead moves up at rate nμ + jθ (service starts or someone ahead leaves), gives up at θ.
  const advance = (j: number): number => n * mu + j * theta;
  const served: number[] = [];
  const servedWait: number[] = [];
  for (let j = 0; j < extraStates; j++) {
    const out = advance(j) + theta;
    const before = j === 0 ? 1 : served[j - 1];
    served.push((advance(j) / out) * before);
    servedWait.push(served[j] / out + (advance(j) / out) * (j === 0 ? 0 : servedWait[j - 1]));
  }

  // Uniformisation: g[j] = P(reach an agent within k jumps | j ahead), averaged over Poisson(Λt) jumps.
  const rate = advance(extraStates) + theta;
  const mean = rate * q.thresholdSeconds;
  let g = new Array<number>(extraStates).fill(0);
  let weight = Math.exp(-mean);
  const withinT = new Array<number>(extraStates).fill(0);
  for (let k = 1; k <= mean + 12 * Math.sqrt(mean) + 60; k++) {
    const next = g.map((gj, j) => {
      const up = advance(j) / rate;
      const stay = 1 - up - theta / rate;
      return up * (j === 0 ? 1 : g[j - 1]) + stay * gj;
    });
    g = next;
    weight *= mean / k;
    for (let j = 0; j < extraStates; j++) withinT[j] += weight * g[j];
  }

  let pWait = 0;
  let abandonRate = 0;
  let serviceLevel = 0;
  let waitSum = 0;
  let busy = 0;
  for (let k = 0; k <= top; k++) busy += Math.min(k, n) * pi[k];
  for (let k = 0; k < n; k++) serviceLevel += pi[k];
  for (let m = 0; m < extraStates; m++) {
    const p = pi[n + m];
    pWait += p;
    abandonRate += p * (1 - served[m]);
    serviceLevel += p * (q.thresholdSeconds > 0 ? withinT[m] : 0);
    waitSum += p * servedWait[m];
  }
  return { pWait, abandonRate, serviceLevel, asaSeconds: waitSum / (1 - abandonRate), occupancy: busy / n };
}
