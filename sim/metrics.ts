// From one replication's tallies to the figures DESIGN.md defines, and from many replications
// to the plain result object (means with 95% confidence intervals) that UI and CLI render.
import { FigureAccumulator, type Estimate } from './confidence';
import type { CompiledModel } from './model';
import { Tallies, waitPercentile, WAIT_BINS } from './tallies';

export const SUMMARY_FIGURES = [
  'offered',
  'answered',
  'abandoned',
  'serviceLevel',
  'pWait',
  'asaSeconds',
  'waitP50Seconds',
  'waitP90Seconds',
  'waitP99Seconds',
  'abandonRate',
  'waitingAtEnd',
  'costTotal',
  'costPerContact',
] as const;
export const POOL_FIGURES = ['handled', 'occupancy', 'costTotal'] as const;
export const INTERVAL_FIGURES = [
  'offered',
  'answered',
  'abandoned',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'occupancy',
  'costTotal',
] as const;

export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];
export type PoolFigure = (typeof POOL_FIGURES)[number];
export type IntervalFigure = (typeof INTERVAL_FIGURES)[number];

export interface ScenarioResult {
  name: string;
  currency: string;
  seed: number;
  replications: number;
  /** Reported window, ISO date-times (UTC). */
  start: string;
  end: string;
  intervalMinutes: number;
  summary: Record<SummaryFigure, Estimate>;
  pools: Record<string, Record<PoolFigure, Estimate>>;
  intervals: Array<{ start: string } & Record<IntervalFigure, Estimate>>;
  /** Work done, summed over replications (warm-up and drain included). */
  simulated: { arrivals: number; events: number };
}

/** One replication's figures as flat arrays, in the order of the *_FIGURES lists. Plain data, so
 * it can cross a worker boundary. */
export interface ReplicationFigures {
  summary: Float64Array;
  pools: Float64Array; // pool * POOL_FIGURES.length + figure
  intervals: Float64Array; // interval * INTERVAL_FIGURES.length + figure
  arrivals: number;
  events: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** Seconds of interval i inside the reported window (the last one may be cut short). */
function intervalLengthSeconds(m: CompiledModel, i: number): number {
  const start = m.reportStartSeconds + i * m.intervalSeconds;
  return Math.min(m.intervalSeconds, m.reportEndSeconds - start);
}

export function replicationFigures(m: CompiledModel, t: Tallies): ReplicationFigures {
  const Q = t.queueCount;
  const P = t.poolCount;
  const I = m.intervalCount;
  const SF = SUMMARY_FIGURES.length;
  const PF = POOL_FIGURES.length;
  const IF = INTERVAL_FIGURES.length;
  const intervals = new Float64Array(I * IF);
  const pools = new Float64Array(P * PF);
  const poolBusy = new Float64Array(P);
  const poolAvailable = new Float64Array(P);
  let offered = 0, answered = 0, within = 0, abandoned = 0, delayed = 0, waitSum = 0, costTotal = 0;

  for (let i = 0; i < I; i++) {
    let o = 0, a = 0, w = 0, ab = 0, ws = 0;
    for (let q = 0; q < Q; q++) {
      const cell = i * Q + q;
      o += t.offered[cell];
      a += t.answered[cell];
      w += t.answeredWithinThreshold[cell];
      ab += t.abandoned[cell];
      ws += t.waitSecondsAnswered[cell];
      delayed += t.delayed[cell];
    }
    let busy = 0, available = 0, cost = 0;
    const length = intervalLengthSeconds(m, i);
    for (let p = 0; p < P; p++) {
      const paidSeconds = m.pools[p].agents * length;
      const poolCost = (m.pools[p].costPerHour * paidSeconds) / 3600;
      busy += t.poolBusySeconds[i * P + p];
      available += paidSeconds;
      cost += poolCost;
      poolBusy[p] += t.poolBusySeconds[i * P + p];
      poolAvailable[p] += paidSeconds;
      pools[p * PF + 0] += t.poolHandled[i * P + p];
      pools[p * PF + 2] += poolCost;
    }
    const row = i * IF;
    intervals[row + 0] = o;
    intervals[row + 1] = a;
    intervals[row + 2] = ab;
    intervals[row + 3] = ratio(w, o);
    intervals[row + 4] = ratio(ws, a);
    intervals[row + 5] = ratio(ab, o);
    intervals[row + 6] = ratio(busy, available);
    intervals[row + 7] = cost;
    offered += o;
    answered += a;
    within += w;
    abandoned += ab;
    waitSum += ws;
    costTotal += cost;
  }
  for (let p = 0; p < P; p++) pools[p * PF + 1] = ratio(poolBusy[p], poolAvailable[p]);

  const allWaits = new Float64Array(WAIT_BINS);
  for (let q = 0; q < Q; q++) for (let b = 0; b < WAIT_BINS; b++) allWaits[b] += t.waitHistogram[q * WAIT_BINS + b];
  const summary = new Float64Array(SF);
  summary.set([
    offered,
    answered,
    abandoned,
    ratio(within, offered),
    ratio(delayed, offered),
    ratio(waitSum, answered),
    waitPercentile(allWaits, 0, 0.5),
    waitPercentile(allWaits, 0, 0.9),
    waitPercentile(allWaits, 0, 0.99),
    ratio(abandoned, offered),
    t.waitingAtEnd.reduce((s, x) => s + x, 0),
    costTotal,
    ratio(costTotal, answered),
  ]);
  return { summary, pools, intervals, arrivals: t.arrivals, events: t.events };
}

/** Folds replications (in replication order, for bit-identical results) into a result. */
export class ResultBuilder {
  private readonly summary = new FigureAccumulator(SUMMARY_FIGURES.length);
  private readonly pools: FigureAccumulator;
  private readonly intervals: FigureAccumulator;
  private arrivals = 0;
  private events = 0;
  private count = 0;

  constructor(private readonly m: CompiledModel) {
    this.pools = new FigureAccumulator(m.pools.length * POOL_FIGURES.length);
    this.intervals = new FigureAccumulator(m.intervalCount * INTERVAL_FIGURES.length);
  }

  add(f: ReplicationFigures): void {
    this.summary.add(f.summary);
    this.pools.add(f.pools);
    this.intervals.add(f.intervals);
    this.arrivals += f.arrivals;
    this.events += f.events;
    this.count++;
  }

  result(): ScenarioResult {
    const m = this.m;
    const iso = (seconds: number) => new Date(m.clockZeroMs + seconds * 1000).toISOString();
    const record = <K extends string>(names: readonly K[], acc: FigureAccumulator, offset: number) =>
      Object.fromEntries(names.map((name, i) => [name, acc.estimate(offset + i)])) as Record<K, Estimate>;
    return {
      name: m.name,
      currency: m.currency,
      seed: m.seed,
      replications: this.count,
      start: iso(m.reportStartSeconds),
      end: iso(m.reportEndSeconds),
      intervalMinutes: m.intervalSeconds / 60,
      summary: record(SUMMARY_FIGURES, this.summary, 0),
      pools: Object.fromEntries(
        m.pools.map((p, i) => [p.id, record(POOL_FIGURES, this.pools, i * POOL_FIGURES.length)]),
      ),
      intervals: Array.from({ length: m.intervalCount }, (_, i) => ({
        start: iso(m.reportStartSeconds + i * m.intervalSeconds),
        ...record(INTERVAL_FIGURES, this.intervals, i * INTERVAL_FIGURES.length),
      })),
      simulated: { arrivals: this.arrivals, events: this.events },
    };
  }
}
