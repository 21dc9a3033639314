// Coverage gaps, judged per language × channel × hour of the horizon whatever the reporting
// interval, so that 15-, 30- and 60-minute reports give the same figures and every total adds up:
// an hour with demand is *uncovered* when nobody with the skill is on the phones (voice and chat;
// an email can wait for the next shift), otherwise *below target* when its expected service level
// (answered within the threshold ÷ offered, pooled over replications) is below the channel's
// target. Gap hours = uncovered hours + hours below target.
//
// Their 95 % confidence interval: from the hours surely below target to those possibly below it,
// each hour judged by a one-sided test at 0.05 / (hours judged) (Bonferroni; an hour truly below
// target can only be misjudged as not possibly below, one above it only as surely below). With
// every judgement right, each hour truly below target is among the possible ones and none above
// it among the sure ones, so the true count lies in the range with at least 95 % confidence (as
// far as the t-test over replications holds) — a range of per-hour 95 % intervals would not (a
// flat queue at 77.9 % against an 80 % target for 240 hours gave 7–233 hours). It is wide where
// many hours sit near their target: more replications narrow it.
import { tCritical, type Estimate } from './confidence';
import { studentQuantileUpper } from './student-t';
import type { CompiledModel } from '../model/model';
import type { Tallies } from '../kernel/tallies';

export const HOUR_FIGURES = ['uncoveredHours', 'hoursBelowTarget', 'gapHours', 'demandHours', 'targetMetShare'] as const;
export type HourFigure = (typeof HOUR_FIGURES)[number];

/** Per replication and hour × queue: offered, answered within threshold, scheduled agent-seconds
 * on the phones in pools with the skill. */
const PER_REPLICATION = 3;
/** Over replications: Σo, Σw, Σo², Σw², Σo·w, Σ agent-seconds. */
const SUMS = 6;

export function hourCount(m: CompiledModel): number {
  return Math.ceil((m.reportEndSeconds - m.reportStartSeconds) / 3600);
}

/** One replication's hourly tallies (reporting intervals divide an hour, so they fold into hours). */
export function hourlyTallies(m: CompiledModel, t: Tallies): Float64Array {
  const Q = t.queueCount;
  const out = new Float64Array(hourCount(m) * Q * PER_REPLICATION);
  for (let i = 0; i < m.intervalCount; i++) {
    const h = Math.floor((i * m.intervalSeconds) / 3600);
    for (let q = 0; q < Q; q++) {
      const k = (h * Q + q) * PER_REPLICATION;
      out[k] += t.offered[i * Q + q];
      out[k + 1] += t.answeredWithinThreshold[i * Q + q];
      // Scheduled time after shrinkage: an agent finishing a call after the shift's end is not
      // on the phones for the next caller.
      for (const p of m.queues[q].pools) out[k + 2] += m.pools[p].roster.paidAgentSeconds[i] * (1 - m.pools[p].shrinkage);
    }
  }
  return out;
}

export interface HourlyQueueCoverage {
  /** Mean offered per replication in each hour. */
  offered: number[];
  /** Pooled over replications; null where nothing was offered. */
  serviceLevel: (number | null)[];
  /** 0/1 flags per hour. */
  uncovered: number[];
  belowTarget: number[];
  /** This hour alone below target with 95% confidence: its service level's interval lies
   * wholly below it (the heatmap's mark, and where the planner adds most). */
  surelyBelowTarget: number[];
}


export class HourlyCoverage {
  private readonly sums: Float64Array;
  private readonly hours: number;
  private count = 0;
  private classified?: { queues: HourlyQueueCoverage[] };

  constructor(private readonly m: CompiledModel) {
    this.hours = hourCount(m);
    this.sums = new Float64Array(this.hours * m.queues.length * SUMS);
  }

  add(tallies: Float64Array): void {
    const s = this.sums;
    for (let j = 0, k = 0; j < tallies.length; j += PER_REPLICATION, k += SUMS) {
      const o = tallies[j];
      const w = tallies[j + 1];
      s[k] += o;
      s[k + 1] += w;
      s[k + 2] += o * o;
      s[k + 3] += w * w;
      s[k + 4] += o * w;
      s[k + 5] += tallies[j + 2];
    }
    this.count++;
    this.classified = undefined;
  }

  /** Per queue, hour by hour. */
  queues(): HourlyQueueCoverage[] {
    return this.classify().queues;
  }

  /** Hour figures over the given queues (all when omitted), each with a confidence interval that
   * holds with probability 1 − `alpha` (a comparison asks for 0.025 per scenario, so that the
   * interval of a difference holds with 95 %). */
  figures(queues?: number[], alpha = 0.05): Record<HourFigure, Estimate> {
    const c = this.classify();
    const Q = this.m.queues.length;
    const chosen = queues ?? c.queues.map((_, i) => i);
    let uncovered = 0;
    let below = 0;
    let demand = 0;
    let judged = 0; // hours with demand and someone on the phones: each one a service level to judge
    for (const q of chosen) {
      const row = c.queues[q];
      for (let h = 0; h < this.hours; h++) {
        if (row.offered[h] > 0) demand++;
        uncovered += row.uncovered[h];
        below += row.belowTarget[h];
        if (row.offered[h] > 0 && !row.uncovered[h]) judged++;
      }
    }
    const withRange = this.count >= 2;
    let surely = 0;
    let possibly = 0;
    if (withRange && judged > 0) {
      const n = this.count;
      const critical = studentQuantileUpper(Math.min(0.25, alpha / judged), n - 1);
      for (const q of chosen) {
        const row = c.queues[q];
        const target = this.m.queues[q].slTarget;
        for (let h = 0; h < this.hours; h++) {
          if (!(row.offered[h] > 0) || row.uncovered[h]) continue;
          // A t-test per hour of d = answered within − target × offered (mean 0 when the hour is
          // exactly at target), its spread taken at the target rather than at the estimate: an
          // hour whose replications all happened to go well does not look surer than it is.
          const k = (h * Q + q) * SUMS;
          const s = this.sums; // Σo, Σw, Σo², Σw², Σo·w
          const mean = (s[k + 1] - target * s[k]) / n;
          const squares = s[k + 3] - 2 * target * s[k + 4] + target * target * s[k + 2];
          const se = Math.sqrt(Math.max(0, squares - n * mean * mean) / (n * (n - 1)));
          if (mean + critical * se < 0) surely++;
          if (mean - critical * se < 0) possibly++;
        }
      }
    }
    const estimate = (mean: number, low: number, high: number): Estimate => ({ mean, ci95: withRange ? [low, high] : null });
    const gap = uncovered + below;
    const share = (x: number) => (demand > 0 ? 1 - x / demand : NaN);
    return {
      uncoveredHours: estimate(uncovered, uncovered, uncovered),
      hoursBelowTarget: estimate(below, surely, possibly),
      gapHours: estimate(gap, uncovered + surely, uncovered + possibly),
      demandHours: estimate(demand, demand, demand),
      targetMetShare: demand > 0 ? estimate(share(gap), share(uncovered + possibly), share(uncovered + surely)) : { mean: null, ci95: null },
    };
  }

  private classify() {
    if (this.classified) return this.classified;
    const m = this.m;
    const Q = m.queues.length;
    const n = this.count;
    const t = n >= 2 ? tCritical(0.95, n - 1) : NaN;
    const queues = m.queues.map((queue, q) => {
      const row: HourlyQueueCoverage = { offered: [], serviceLevel: [], uncovered: [], belowTarget: [], surelyBelowTarget: [] };
      for (let h = 0; h < this.hours; h++) {
        const k = (h * Q + q) * SUMS;
        const [so, sw, soo, sww, sow, online] = this.sums.subarray(k, k + SUMS);
        const demand = so > 0;
        const sl = demand ? sw / so : null;
        const uncovered = demand && queue.channel !== 'email' && online === 0;
        const below = demand && !uncovered && sl! < queue.slTarget;
        row.offered.push(n > 0 ? so / n : 0);
        row.serviceLevel.push(sl);
        row.uncovered.push(uncovered ? 1 : 0);
        row.belowTarget.push(below ? 1 : 0);
        let surely = 0;
        if (demand && !uncovered && n >= 2) {
          // The ratio estimator's standard error (delta method) over replications.
          const r = sl!;
          const residuals = Math.max(0, sww - 2 * r * sow + r * r * soo);
          const se = Math.sqrt(residuals / (n * (n - 1))) / (so / n);
          if (r + t * se < queue.slTarget) surely = 1;
        }
        row.surelyBelowTarget.push(surely);
      }
      return row;
    });
    this.classified = { queues };
    return this.classified;
  }
}
