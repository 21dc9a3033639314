// Coverage gaps, judged per language × channel × hour of the horizon whatever the reporting
// interval, so that 15-, 30- and 60-minute reports give the same figures and every total adds up:
// an hour with demand is *uncovered* when nobody with the skill is on the phones (voice and chat;
// an email can wait for the next shift), otherwise *below target* when its expected service level
// (answered within the threshold ÷ offered, pooled over replications) is below the channel's
// target. Gap hours = uncovered hours + hours below target.
//
// Their 95 % confidence interval: from the hours surely below target to those possibly below it,
// each hour's service level judged by a one-sided t-test (its standard error over replications by
// the delta method) at 0.05 / (hours judged): Bonferroni, one-sided because an hour truly below
// target can only be misjudged as not possibly below, one above it only as surely below. With
// every judgement right the true count lies in the range, so it does with at least 95 %
// confidence (as far as the t-test holds) — a range of per-hour 95 % intervals would not (a flat
// queue at 77.9 % against an 80 % target for 240 hours gave 7–233 hours). It is wide where many
// hours sit near their target: more replications narrow it.
import { tCritical, type Estimate } from './confidence';
import { studentQuantileUpper } from './student-t';
import type { CompiledModel } from '../model/model';
import type { Tallies } from '../kernel/tallies';

export type HourFigure = 'uncoveredHours' | 'hoursBelowTarget' | 'gapHours' | 'demandHours' | 'targetMetShare';

/** Per replication and hour × queue: offered, answered within threshold, scheduled agent-seconds
 * on the phones in pools with the skill. */
const PER_REPLICATION = 3;
/** Over replications: Σo, Σw, Σo², Σw², Σo·w, Σ agent-seconds. */
const SUMS = 6;

/** The hour of the reported horizon that reporting interval i falls in (intervals divide an hour). */
export function hourOf(m: CompiledModel, i: number): number {
  return Math.floor((i * m.intervalSeconds) / 3600);
}

export function hourCount(m: CompiledModel): number {
  return Math.ceil((m.reportEndSeconds - m.reportStartSeconds) / 3600);
}

/** One replication's hourly tallies (reporting intervals divide an hour, so they fold into hours). */
export function hourlyTallies(m: CompiledModel, t: Tallies): Float64Array {
  const Q = t.queueCount;
  const out = new Float64Array(hourCount(m) * Q * PER_REPLICATION);
  for (let i = 0; i < m.intervalCount; i++) {
    const h = hourOf(m, i);
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

/** A scenario's hours × queues, cell by cell (see HourlyCoverage.cells). */
export interface HourCells {
  demand: Uint8Array;
  uncovered: Uint8Array;
  below: Uint8Array;
  low: Uint8Array | null;
  high: Uint8Array | null;
}

/** A count's flag per cell (1: counted): its plug-in value and the lowest and highest it can be. */
interface CellFlags {
  mean: Uint8Array;
  low: Uint8Array;
  high: Uint8Array;
}

/** How many cells are flagged: a plain loop, as a typed array's reduce calls back per cell (a
 * result sums these arrays for every language, channel and queue: ~5 M cells for 13 weeks). */
function flagCount(flags: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < flags.length; k++) n += flags[k];
  return n;
}

/** The hour figures of `other` less those of `base`, each judged at 97.5 % so that both hold at
 * once and the interval of the difference with 95 %. An hour × queue whose tallies were the same
 * in every paired replication (`differs[k]` 0, where the two share their cells) has the same
 * verdict in both: it adds nothing to the difference, however doubtful it is. */
export function hourFiguresDifference(base: HourlyCoverage, other: HourlyCoverage, differs: Uint8Array | null): Record<HourFigure, Estimate> {
  const a = base.cells(base.allQueues(), 0.025);
  const b = other.cells(other.allQueues(), 0.025);
  const [demandA, demandB] = [flagCount(a.demand), flagCount(b.demand)];
  const withRange = a.low !== null && b.low !== null;
  const exact = (mean: number): Estimate => ({ mean, ci95: withRange ? [mean, mean] : null });
  const below = (c: HourCells): CellFlags => ({ mean: c.below, low: c.low ?? c.below, high: c.high ?? c.below });
  const gap = (c: HourCells): CellFlags => {
    const f = below(c);
    const withUncovered = (x: Uint8Array) => x.map((v, k) => v | c.uncovered[k]);
    return { mean: withUncovered(f.mean), low: withUncovered(f.low), high: withUncovered(f.high) };
  };
  // Σ over cells of weightB·flagB − weightA·flagA, at its plug-in value and at its extremes.
  const bounded = (fa: CellFlags, fb: CellFlags, weightA: number, weightB: number): Estimate => {
    const at = (x: Uint8Array, k: number) => (k < x.length ? x[k] : 0);
    let mean = 0;
    let low = 0;
    let high = 0;
    for (let k = 0; k < Math.max(fa.mean.length, fb.mean.length); k++) {
      mean += weightB * at(fb.mean, k) - weightA * at(fa.mean, k);
      if (!withRange) continue;
      if (differs !== null && differs[k] === 0) {
        // One verdict x for both, somewhere in either's interval.
        const lo = Math.min(at(fa.low, k), at(fb.low, k));
        const hi = Math.max(at(fa.high, k), at(fb.high, k));
        const w = weightB - weightA;
        low += Math.min(w * lo, w * hi);
        high += Math.max(w * lo, w * hi);
      } else {
        const bLow = weightB * at(fb.low, k);
        const bHigh = weightB * at(fb.high, k);
        const aLow = weightA * at(fa.low, k);
        const aHigh = weightA * at(fa.high, k);
        low += Math.min(bLow, bHigh) - Math.max(aLow, aHigh);
        high += Math.max(bLow, bHigh) - Math.min(aLow, aHigh);
      }
    }
    return { mean, ci95: withRange ? [low, high] : null };
  };
  const [gapA, gapB] = [gap(a), gap(b)];
  return {
    uncoveredHours: exact(flagCount(b.uncovered) - flagCount(a.uncovered)),
    hoursBelowTarget: bounded(below(a), below(b), 1, 1),
    gapHours: bounded(gapA, gapB, 1, 1),
    demandHours: exact(demandB - demandA),
    targetMetShare: demandA > 0 && demandB > 0 ? bounded(gapA, gapB, -1 / demandA, -1 / demandB) : { mean: null, ci95: null },
  };
}

export class HourlyCoverage {
  private readonly sums: Float64Array;
  private readonly hours: number;
  private count = 0;
  private classified?: { queues: HourlyQueueCoverage[]; standardErrors: Float64Array };

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

  /** Every queue's index. */
  allQueues(): number[] {
    return this.m.queues.map((_, q) => q);
  }

  /** Per queue, hour by hour. */
  queues(): HourlyQueueCoverage[] {
    return this.classify().queues;
  }

  /** Hour figures over the given queues (all when omitted), each with a confidence interval that
   * holds with probability 1 − `alpha`. */
  figures(queues?: number[], alpha = 0.05): Record<HourFigure, Estimate> {
    const c = this.cells(queues ?? this.allQueues(), alpha);
    const [demand, uncovered, below] = [flagCount(c.demand), flagCount(c.uncovered), flagCount(c.below)];
    const withRange = c.low !== null;
    const [surely, possibly] = withRange ? [flagCount(c.low!), flagCount(c.high!)] : [0, 0];
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

  /** Each hour × queue cell (h·Q + q) of the given queues: demand, uncovered and below target (the
   * pooled service level's verdict), and — judged so that all the judged cells hold at once with
   * 1 − alpha — the lowest and highest its below-target flag can be (null with fewer than two
   * replications). Cells of other queues are all 0. */
  cells(queues: number[], alpha: number): HourCells {
    const c = this.classify();
    const Q = this.m.queues.length;
    const size = this.hours * Q;
    const out: HourCells = { demand: new Uint8Array(size), uncovered: new Uint8Array(size), below: new Uint8Array(size), low: null, high: null };
    let judged = 0; // hours with demand and someone on the phones: each a service level to judge
    for (const q of queues) {
      const row = c.queues[q];
      for (let h = 0; h < this.hours; h++) {
        const k = h * Q + q;
        out.demand[k] = row.offered[h] > 0 ? 1 : 0;
        out.uncovered[k] = row.uncovered[h];
        out.below[k] = row.belowTarget[h];
        if (out.demand[k] && !out.uncovered[k]) judged++;
      }
    }
    if (this.count < 2) return out;
    out.low = new Uint8Array(size);
    out.high = new Uint8Array(size);
    const critical = studentQuantileUpper(Math.min(0.25, alpha / Math.max(1, judged)), this.count - 1);
    for (const q of queues) {
      const row = c.queues[q];
      const target = this.m.queues[q].slTarget;
      for (let h = 0; h < this.hours; h++) {
        const k = h * Q + q;
        if (!out.demand[k] || out.uncovered[k]) continue;
        const sl = row.serviceLevel[h]!;
        const margin = critical * c.standardErrors[k];
        if (sl + margin < target) out.low[k] = 1;
        if (sl - margin < target) out.high[k] = 1;
      }
    }
    return out;
  }

  private classify() {
    if (this.classified) return this.classified;
    const m = this.m;
    const Q = m.queues.length;
    const n = this.count;
    const t = n >= 2 ? tCritical(0.95, n - 1) : NaN;
    const standardErrors = new Float64Array(this.hours * Q);
    const s = this.sums;
    const queues = m.queues.map((queue, q) => {
      const row: HourlyQueueCoverage = { offered: [], serviceLevel: [], uncovered: [], belowTarget: [], surelyBelowTarget: [] };
      for (let h = 0; h < this.hours; h++) {
        const k = (h * Q + q) * SUMS;
        const so = s[k];
        const sw = s[k + 1];
        const online = s[k + 5];
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
          const residuals = Math.max(0, s[k + 3] /* Σw² */ - 2 * r * s[k + 4] /* Σo·w */ + r * r * s[k + 2] /* Σo² */);
          const se = Math.sqrt(residuals / (n * (n - 1))) / (so / n);
          standardErrors[h * Q + q] = se;
          if (r + t * se < queue.slTarget) surely = 1;
        }
        row.surelyBelowTarget.push(surely);
      }
      return row;
    });
    this.classified = { queues, standardErrors };
    return this.classified;
  }
}
