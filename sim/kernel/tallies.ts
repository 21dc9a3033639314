// What one replication counts, as flat typed arrays: per reporting interval × queue, per
// interval × pool, and a wait-time histogram per queue. Contacts are counted in the interval
// they arrived in (the WFM convention), so a contact's whole fate lands in one cell.
import type { CompiledModel } from '../model/model';
import { exp, log } from './portable-math';

/** Wait-time histogram: bin 0 holds waits of exactly 0 s, then half-second bins up to 120 s,
 * then bins 2% wide up to days: ≤ 0.25 s or 1% error on any percentile. */
export const WAIT_BINS = 1000;
const FINE_BINS = 240;
const FINE_LIMIT_SECONDS = 120;
const GROWTH = log(1.02);

export function waitBin(waitSeconds: number): number {
  if (waitSeconds <= 0) return 0;
  if (waitSeconds < FINE_LIMIT_SECONDS) return 1 + Math.floor(waitSeconds * 2);
  return Math.min(WAIT_BINS - 1, FINE_BINS + 1 + Math.floor(log(waitSeconds / FINE_LIMIT_SECONDS) / GROWTH));
}

/** Lower edge of a bin in seconds (the upper edge is the next bin's lower edge). */
export function waitBinStart(bin: number): number {
  if (bin <= 1) return 0;
  if (bin <= FINE_BINS + 1) return (bin - 1) / 2;
  return FINE_LIMIT_SECONDS * exp((bin - FINE_BINS - 1) * GROWTH);
}

/** The p-quantile (0..1) of the waits counted in `hist[offset .. offset + WAIT_BINS)`. */
export function waitPercentile(hist: Float64Array, offset: number, p: number): number {
  let total = 0;
  for (let b = 0; b < WAIT_BINS; b++) total += hist[offset + b];
  if (total === 0) return NaN;
  const rank = p * total;
  let below = 0;
  for (let b = 0; b < WAIT_BINS; b++) {
    const n = hist[offset + b];
    if (below + n >= rank && n > 0) {
      if (b === 0) return 0;
      const lo = waitBinStart(b);
      const hi = waitBinStart(b + 1);
      return lo + ((rank - below) / n) * (hi - lo);
    }
    below += n;
  }
  return waitBinStart(WAIT_BINS - 1);
}

export class Tallies {
  readonly queueCount: number;
  readonly poolCount: number;
  // Per interval × queue, index interval * queueCount + queue. Contacts are counted in the
  // interval they reached the front door (contacts, AI) or the human queue (the rest).
  readonly contacts: Float64Array; // every contact at the front door, redials and recontacts included
  readonly repeats: Float64Array; // of those, redials and recontacts (not new customers)
  readonly aiConversations: Float64Array;
  readonly contained: Float64Array; // resolved by the AI
  readonly containedReturned: Float64Array; // of those, resolutions that will not hold: the customer comes back
  readonly blocked: Float64Array; // found the queue full
  readonly offered: Float64Array; // reached the human queue
  readonly answered: Float64Array;
  readonly answeredWithinThreshold: Float64Array;
  readonly abandoned: Float64Array;
  readonly delayed: Float64Array; // found no agent on arrival and queued
  readonly waitSecondsAnswered: Float64Array;
  readonly journeySecondsAnswered: Float64Array; // wait plus time with the AI before a handoff
  readonly backlog: Float64Array; // waiting at the interval's end
  // Per interval × pool, index interval * poolCount + pool.
  readonly poolHandled: Float64Array;
  readonly poolHandledSeconds: Float64Array; // handle time of the contacts handled
  readonly poolBusySeconds: Float64Array; // agent-seconds busy (a chat counts 1/concurrency)
  readonly poolOnlineSeconds: Float64Array; // agent-seconds on the phones
  // Per pool × queue: busy agent-seconds, to share a pool's cost among languages and channels.
  readonly poolQueueBusySeconds: Float64Array;
  // Per queue.
  readonly waitHistogram: Float64Array; // queue * WAIT_BINS + bin, answered contacts
  readonly waitingAtEnd: Float64Array;
  arrivals = 0; // new contacts, warm-up and drain included
  events = 0;

  constructor(readonly model: CompiledModel) {
    const Q = (this.queueCount = model.queues.length);
    const P = (this.poolCount = model.pools.length);
    const cells = model.intervalCount * Q;
    const poolCells = model.intervalCount * P;
    this.contacts = new Float64Array(cells);
    this.repeats = new Float64Array(cells);
    this.aiConversations = new Float64Array(cells);
    this.contained = new Float64Array(cells);
    this.containedReturned = new Float64Array(cells);
    this.blocked = new Float64Array(cells);
    this.offered = new Float64Array(cells);
    this.answered = new Float64Array(cells);
    this.answeredWithinThreshold = new Float64Array(cells);
    this.abandoned = new Float64Array(cells);
    this.delayed = new Float64Array(cells);
    this.waitSecondsAnswered = new Float64Array(cells);
    this.journeySecondsAnswered = new Float64Array(cells);
    this.backlog = new Float64Array(cells);
    this.poolHandled = new Float64Array(poolCells);
    this.poolHandledSeconds = new Float64Array(poolCells);
    this.poolBusySeconds = new Float64Array(poolCells);
    this.poolOnlineSeconds = new Float64Array(poolCells);
    this.poolQueueBusySeconds = new Float64Array(P * Q);
    this.waitHistogram = new Float64Array(Q * WAIT_BINS);
    this.waitingAtEnd = new Float64Array(Q);
  }

  /** Back to zero, to count another replication of the same model without allocating: the
   * arrays are as large as intervals × queues, and a short replication spent more time allocating
   * and collecting them than filling them. */
  reset(): void {
    for (const value of Object.values(this)) if (value instanceof Float64Array) value.fill(0);
    this.arrivals = 0;
    this.events = 0;
  }

  /** Adds `weight` × the time from `fromSeconds` to `toSeconds`, clipped to the reported window
   * and split by interval, to a per interval × pool array. */
  addPoolTime(target: Float64Array, pool: number, fromSeconds: number, toSeconds: number, weight: number): void {
    if (weight === 0) return;
    const { reportStartSeconds, reportEndSeconds, intervalSeconds } = this.model;
    let a = fromSeconds > reportStartSeconds ? fromSeconds : reportStartSeconds;
    const b = toSeconds < reportEndSeconds ? toSeconds : reportEndSeconds;
    let interval = Math.floor((a - reportStartSeconds) / intervalSeconds);
    while (a < b) {
      const intervalEnd = reportStartSeconds + (interval + 1) * intervalSeconds;
      const e = b < intervalEnd ? b : intervalEnd;
      target[interval * this.poolCount + pool] += (e - a) * weight;
      a = e;
      interval++;
    }
  }
}
