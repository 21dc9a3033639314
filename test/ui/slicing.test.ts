// What the web app's figures say when sliced by language and day, and how their labels read: a
// day's figures add up the day's intervals (counts summed, rates recomputed from the summed counts,
// never averaged), every interval (gap hours too) is called a 95% CI, a money column has one
// format, and the Plan panel's "met" says what the planner means by it.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { ciText, columnFormat, formatValue, intervalText } from '../../src/lib/format';
import { planMetText, planProgressText } from '../../src/lib/plan';
import { intervalCost, poolOccupancy, queueFigures, resultDays, sliceCaption, sliceOf, summedFigures } from '../../src/state/slice';
import { TWO_LANGUAGES } from '../e2e/two-languages';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('a day and language slice of a result', () => {
  const result = simulate(compileScenario(parseScenario(TWO_LANGUAGES, 'two-languages.yaml')));
  const tuesday = sliceOf(result, { language: 'de', day: '2026-03-17' }, 'voice', 'UTC');
  const de = result.coverage.find((q) => q.language === 'de' && q.channel === 'voice')!;

  it('finds the day and its intervals', () => {
    expect(tuesday.day?.label).toBe('Tue 17 Mar');
    expect(tuesday.to - tuesday.from).toBe(48); // half-hour intervals
    expect(resultDays(result, 'UTC').map((d) => d.date)).toEqual(['2026-03-16', '2026-03-17']);
  });

  it("adds up the day's intervals of that language: offered, answered and abandoned are their sums", () => {
    const f = queueFigures(result, 'de', 'voice', tuesday)!;
    expect(f.summed).toBe(true);
    const day = (xs: number[]) => sum(xs.slice(tuesday.from, tuesday.to));
    expect(f.figures.offered.mean).toBeCloseTo(day(de.offered), 9);
    expect(f.figures.answered.mean).toBeCloseTo(day(de.answered), 9);
    expect(f.figures.abandoned.mean).toBeCloseTo(day(de.abandoned), 9);
    expect(f.figures.offered.ci95).toBeNull(); // a sum of means has no CI of its own
    // Not the week's: the whole period's figure is bigger.
    expect(f.figures.offered.mean!).toBeLessThan(result.queues['de/voice'].offered.mean!);
    // The two days make the whole period.
    const monday = sliceOf(result, { language: 'de', day: '2026-03-16' }, 'voice', 'UTC');
    expect(queueFigures(result, 'de', 'voice', monday)!.figures.offered.mean! + f.figures.offered.mean!).toBeCloseTo(result.queues['de/voice'].offered.mean!, 6);
  });

  it("recomputes the rates from the day's counts instead of averaging the intervals' rates", () => {
    const f = queueFigures(result, 'de', 'voice', tuesday)!.figures;
    const day = (xs: number[]) => sum(xs.slice(tuesday.from, tuesday.to));
    expect(f.abandonRate.mean).toBeCloseTo(day(de.abandoned) / day(de.offered), 12);
    // The service level: answered within the threshold ÷ offered, over the day's hours (each hour's
    // pooled service level × its offered is its answered within the threshold).
    const hours = [tuesday.from / 2, tuesday.to / 2];
    let within = 0;
    let offered = 0;
    for (let h = hours[0]; h < hours[1]; h++) {
      offered += de.hours.offered[h];
      within += de.hours.offered[h] * (de.hours.serviceLevel[h] ?? 0);
    }
    expect(f.serviceLevel.mean).toBeCloseTo(within / offered, 12);
    // The gap hours: the day's own hour flags.
    expect(f.gapHours.mean).toBe(sum(de.hours.uncovered.slice(hours[0], hours[1])) + sum(de.hours.belowTarget.slice(hours[0], hours[1])));
  });

  it('gives the result’s own figures, with their CIs, over the whole period', () => {
    const whole = sliceOf(result, { language: 'de', day: '' }, 'voice', 'UTC');
    const f = queueFigures(result, 'de', 'voice', whole)!;
    expect(f.summed).toBe(false);
    expect(f.figures).toBe(result.queues['de/voice']);
    expect(queueFigures(result, 'all', 'chat', whole)!.figures).toBe(result.channels.chat);
    expect(queueFigures(result, 'fr', 'voice', whole)).toBeNull();
  });

  it("sums a pool's busy time and time on the phones for a day's occupancy", () => {
    const occ = result.occupancy.berlin;
    const on = result.staffing.berlin;
    let busy = 0;
    let phones = 0;
    for (let i = tuesday.from; i < tuesday.to; i++) {
      if (occ[i] === null || !(on[i] > 0)) continue;
      busy += occ[i]! * on[i];
      phones += on[i];
    }
    expect(poolOccupancy(result, 'berlin', tuesday.from, tuesday.to)).toBeCloseTo(busy / phones, 12);
    expect(intervalCost(result, tuesday.from, tuesday.to)).toBeCloseTo(sum(result.intervals.slice(tuesday.from, tuesday.to).map((i) => i.costTotal.mean!)), 9);
  });

  it('names the slice in captions', () => {
    expect(sliceCaption('ja', 'voice', { date: '2026-03-17', label: 'Tue 17 Mar', from: 48, to: 96 }, () => 'Japanese')).toBe('Japanese (ja) · voice · Tue 17 Mar');
    expect(sliceCaption('all', 'chat', null, (c) => c)).toBe('All languages · chat · whole period');
  });
});

describe('rates of a slice, by hand', () => {
  // Two intervals of one hour each: 10 offered with 5 abandoned, then 90 with 9. The intervals'
  // rates are 50% and 10%: their average (30%) is not the slice's rate (14 of 100).
  const queue = {
    language: 'ja',
    channel: 'voice',
    thresholdSeconds: 20,
    target: 0.8,
    offered: [10, 90],
    answered: [5, 81],
    abandoned: [5, 9],
    serviceLevel: [0.2, 0.9],
    asaSeconds: [100, 10],
    abandonRate: [0.5, 0.1],
    agentsOnPhones: [1, 1],
    requiredAgents: [1, 1],
    requiredScheduled: [1, 1],
    backlog: [0, 0],
    hours: { offered: [10, 90], serviceLevel: [0.2, 0.9], uncovered: [0, 0], belowTarget: [1, 0], surelyBelowTarget: [1, 0] },
  };
  const r = { start: '2026-03-16T00:00:00Z', intervalMinutes: 60, intervals: [{}, {}], coverage: [queue] } as unknown as ScenarioResult;

  it('divides summed counts', () => {
    const f = summedFigures(r, [queue], 0, 2);
    expect(f.abandonRate.mean).toBeCloseTo(14 / 100, 12);
    expect(f.serviceLevel.mean).toBeCloseTo((0.2 * 10 + 0.9 * 90) / 100, 12);
    expect(f.asaSeconds.mean).toBeCloseTo((100 * 5 + 10 * 81) / 86, 12); // weighted by the answered
    expect(f.gapHours.mean).toBe(1);
  });

  it('leaves hour figures out where the slice cuts an hour', () => {
    const half = { ...r, intervalMinutes: 30, intervals: [{}, {}, {}, {}] } as unknown as ScenarioResult;
    const f = summedFigures(half, [queue], 1, 2);
    expect(f.serviceLevel.mean).toBeNull();
    expect(f.gapHours.mean).toBeNull();
  });
});

describe('labels', () => {
  it('names every interval, gap hours included, a 95% CI', () => {
    const gap = { mean: 140, ci95: [118, 167] as [number, number] };
    expect(intervalText(gap, 'hours')).toBe('95% CI 118 h to 167 h');
    expect(ciText(gap, 'hours')).toBe('95% CI 118 h to 167 h');
    expect(ciText({ mean: 0.972, ci95: [0.97, 0.974] }, 'fraction')).toBe('95% CI 97.0% to 97.4%');
    expect(ciText({ mean: 3, ci95: null }, 'hours')).toBe('no CI');
  });

  it('formats a money column one way', () => {
    const f = columnFormat([495.6, 1222.4, null], 'money', 'EUR');
    expect([f(495.6), f(1222.4), f(null)]).toEqual(['€496', '€1,222', '–']);
    const cents = columnFormat([495.6, 12.3], 'money', 'EUR');
    expect([cents(495.6), cents(12.3)]).toEqual(['€495.60', '€12.30']);
    // The old mix, one format per cell:
    expect([formatValue(495.6, 'money'), formatValue(1222.4, 'money')]).toEqual(['€495.60', '€1,222']);
  });
});

describe("the Plan panel's met", () => {
  const verification = {
    summary: { hoursBelowTarget: { mean: 36, ci95: [0, 52] }, demandHours: { mean: 1960, ci95: null } },
    queues: {
      'en/voice': { hoursBelowTarget: { mean: 12, ci95: null } },
      'ja/voice': { hoursBelowTarget: { mean: 24, ci95: null } },
      'en/chat': { hoursBelowTarget: { mean: 0, ci95: null } },
    },
  } as unknown as ScenarioResult;
  const scenario = { plan: { belowTargetShare: 0.02 } } as never;

  it('shows the hours below target the headline shows, and what the planner allows', () => {
    const t = planMetText({ met: true, unmet: ['ja voice at night: no pool works then'], scenario, verification });
    expect(t.title).toBe('targets met in the hours a pool can work — 36 h below target, within the 2% allowed');
    expect(t.detail).toContain('36 h below target by the hour\'s mean service level (95% CI 0 h to 52 h): en voice 12 h, ja voice 24 h');
    expect(t.detail).toContain('1.8% of the 1,960 h with demand; the planner allows up to 2%');
    expect(t.title).not.toMatch(/^targets met$/);
  });

  it('counts correction rounds against their limit, and says so when a round tries a cheaper plan', () => {
    const step = { step: 'simulating' as const, iteration: 2, maxIterations: 8, done: 3, total: 10 };
    expect(planProgressText({ ...step, phase: 'correct' })).toBe('Planning… round 2 (of at most 8): simulating the plan, 3 of 10 replications');
    expect(planProgressText({ ...step, iteration: 10, phase: 'trim' })).toBe('Planning… round 10, trying a cheaper plan: simulating the plan, 3 of 10 replications');
    expect(planProgressText({ ...step, step: 'checking', iteration: 10, phase: 'trim' })).toBe('Planning… round 10, trying a cheaper plan: checking it with other random numbers, 3 of 10 replications');
    expect(planProgressText({ ...step, step: 'checking', phase: 'correct' })).toBe('Planning… round 2 (of at most 8): checking it with other random numbers, 3 of 10 replications');
    expect(planProgressText({ ...step, step: 'solving', phase: 'trim' })).toBe('Planning… round 2, trying a cheaper plan: solving the staffing programme');
  });

  it('says when no hour is below target', () => {
    const none = { ...verification, summary: { hoursBelowTarget: { mean: 0, ci95: null }, demandHours: { mean: 100, ci95: null } }, queues: {} } as unknown as ScenarioResult;
    expect(planMetText({ met: true, unmet: [], scenario, verification: none }).title).toBe('targets met — no hour below target');
  });
});
