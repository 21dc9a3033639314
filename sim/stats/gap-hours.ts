// Coverage gaps, judged per language × channel × hour of the horizon whatever the reporting
// interval, so that 15-, 30- and 60-minute reports give the same figures and every total adds up:
// an hour with demand is *uncovered* when nobody with the skill is on the phones (voice and chat;
// an email can wait for the next shift), otherwise *below target* when its expected service level
// (answered within the threshold ÷ offered, pooled over replications) is below the channel's
// target. Gap hours = uncovered hours + hours below target.
import { tCritical, type Estimate } from './confidence';
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
  /** Below target with 95% confidence: the service level's interval lies wholly below it. */
  surelyBelowTarget: number[];
}

/** Hour figures of a set of queues: the flags summed, with a range from the hours whose service
 * level is below target with 95% confidence to those whose 95% interval reaches below it. */
interface HourTotals {
  uncovered: number;
  below: number;
  belowSurely: number;
  belowPossibly: number;
  demand: number;
}

export class HourlyCoverage {
  private readonly sums: Float64Array;
  private readonly hours: number;
  private count = 0;
  private classified?: { queues: HourlyQueueCoverage[]; surely: Uint8Array; possibly: Uint8Array };

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

  /** Hour figures over the given queues (all when omitted). */
  figures(queues?: number[]): Record<HourFigure, Estimate> {
    const c = this.classify();
    const totals: HourTotals = { uncovered: 0, below: 0, belowSurely: 0, belowPossibly: 0, demand: 0 };
    const Q = this.m.queues.length;
    for (const q of queues ?? c.queues.map((_, i) => i)) {
      const row = c.queues[q];
      for (let h = 0; h < this.hours; h++) {
        if (row.offered[h] > 0) totals.demand++;
        totals.uncovered += row.uncovered[h];
        totals.below += row.belowTarget[h];
        totals.belowSurely += c.surely[h * Q + q];
        totals.belowPossibly += c.possibly[h * Q + q];
      }
    }
    const withRange = this.count >= 2;
    const estimate = (mean: number, low: number, high: number): Estimate => ({ mean, ci95: withRange ? [low, high] : null });
    const gapLow = totals.uncovered + totals.belowSurely;
    const gapHigh = totals.uncovered + totals.belowPossibly;
    const gap = totals.uncovered + totals.below;
    const share = (x: number) => (totals.demand > 0 ? 1 - x / totals.demand : NaN);
    return {
      uncoveredHours: estimate(totals.uncovered, totals.uncovered, totals.uncovered),
      hoursBelowTarget: estimate(totals.below, totals.belowSurely, totals.belowPossibly),
      gapHours: estimate(gap, gapLow, gapHigh),
      demandHours: estimate(totals.demand, totals.demand, totals.demand),
      targetMetShare: totals.demand > 0 ? estimate(share(gap), share(gapHigh), share(gapLow)) : { mean: null, ci95: null },
    };
  }

  private classify() {
    if (this.classified) return this.classified;
    const m = this.m;
    const Q = m.queues.length;
    const n = this.count;
    const t = n >= 2 ? tCritical(0.95, n - 1) : NaN;
    const surely = new Uint8Array(this.hours * Q);
    const possibly = new Uint8Array(this.hours * Q);
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
        if (demand && !uncovered && n >= 2) {
          // The ratio estimator's standard error (delta method) over replications.
          const r = sl!;
          const residuals = Math.max(0, sww - 2 * r * sow + r * r * soo);
          const se = Math.sqrt(residuals / (n * (n - 1))) / (so / n);
          if (r + t * se < queue.slTarget) surely[h * Q + q] = 1;
          if (r - t * se < queue.slTarget) possibly[h * Q + q] = 1;
        }
        row.surelyBelowTarget.push(surely[h * Q + q]);
      }
      return row;
    });
    this.classified = { queues, surely, possibly };
    return this.classified;
  }
}
