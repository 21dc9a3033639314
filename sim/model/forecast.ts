// What the forecast says each queue is offered, interval by interval, before anything is
// simulated: the scenario's arrival rates integrated over each reporting interval, less what an
// AI front door resolves, plus the recontacts of its resolutions that do not hold. The planner
// sizes shifts from it, and the result's "required agents" are computed from it, so that both
// follow the forecast and neither moves with the seed or the number of replications.
//
// The AI front door takes a contact only when it is up and has a conversation slot free, as the
// engine does (kernel/engine.ts frontDoor): a contact that arrives during an outage, or finds all
// `maxConcurrent` slots taken, goes straight to people, with no containment. A conversation under
// way when an outage starts runs to its end, so only the arrival time counts. Slots: the front
// door with c slots and no queue is a loss system, M/G/c/c, so a contact finds every slot taken
// with Erlang B's probability B(c, load) whatever the conversations' length distribution, the
// load being the interval's arrivals at the AI while it is up × the mean conversation time.
// A recontact is a contact at the front door again, at the time it comes back: the conversation
// with the AI and then the recontact delay after the arrival it follows (kernel/engine.ts
// finishAi). So the recontacts are the resolutions' flow shifted by that time's distribution — a
// convolution over reporting intervals — and each meets the front door as it is when it comes
// back (up or down, its slots as full as they are then), as do recontacts of recontacts. The
// warm-up's arrivals are forecast too: nothing of them is offered in the window, but their
// recontacts that come back into it are; recontacts that come back after the window are not.
import { erlangB } from '../stats/erlang';
import { DETERMINISTIC, type Sampler } from './distributions';
import { distributionFunctions } from './distribution-functions';
import type { CompiledAiPool, CompiledModel } from './model';

/** Outage windows [start, end) on the simulation clock, overlaps merged, in time order. */
function downWindows(ai: CompiledAiPool): Float64Array {
  const order = Array.from(ai.outageStartSeconds.keys()).sort((a, b) => ai.outageStartSeconds[a] - ai.outageStartSeconds[b]);
  const merged: number[] = [];
  for (const k of order) {
    const start = ai.outageStartSeconds[k];
    const end = ai.outageEndSeconds[k];
    if (!(end > start)) continue;
    if (merged.length > 0 && start <= merged[merged.length - 1]) merged[merged.length - 1] = Math.max(merged[merged.length - 1], end);
    else merged.push(start, end);
  }
  return Float64Array.from(merged);
}

/** Seconds of [a, b) inside `windows` (pairs of start, end in time order). */
function secondsDown(windows: Float64Array, a: number, b: number): number {
  // The first window that ends after a (merged windows end in time order too).
  let lo = 0;
  let hi = windows.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (windows[2 * mid + 1] <= a) lo = mid + 1;
    else hi = mid;
  }
  let down = 0;
  for (let w = 2 * lo; w < windows.length && windows[w] < b; w += 2) {
    const from = Math.max(a, windows[w]);
    const to = Math.min(b, windows[w + 1]);
    if (to > from) down += to - from;
  }
  return down;
}

/** The cells the forecast runs over: the reporting intervals, and before them the warm-up cut
 * into cells of the same length back to the simulation's start (the first may be shorter). Cell g
 * is [max(0, origin + g·h), min(origin + (g + 1)·h, reportEnd)); cell `warmup` + i is interval i. */
interface Grid {
  origin: number;
  h: number;
  warmup: number;
  count: number;
  end: number;
}

function gridOf(m: CompiledModel): Grid {
  const h = m.intervalSeconds;
  const warmup = Math.max(0, Math.ceil(m.reportStartSeconds / h - 1e-9));
  return { origin: m.reportStartSeconds - warmup * h, h, warmup, count: warmup + m.intervalCount, end: m.reportEndSeconds };
}

const cellStart = (g: Grid, k: number) => Math.max(0, g.origin + k * g.h);
const cellEnd = (g: Grid, k: number) => Math.min(g.origin + (k + 1) * g.h, g.end);

/** Expected arrivals at each queue's front door per cell, from the rate segments: `up` while the
 * queue's AI front door is up (or the queue has none), `down` during its outages. */
function expectedArrivals(m: CompiledModel, grid: Grid, windows: Float64Array[]): { up: Float64Array[]; down: Float64Array[] } {
  const up = m.queues.map(() => new Float64Array(grid.count));
  const down = m.queues.map(() => new Float64Array(grid.count));
  for (const s of m.streams) {
    const ai = m.queues[s.queue].aiPool;
    const outages = ai >= 0 ? windows[ai] : undefined;
    const starts = s.segmentStartSeconds;
    for (let k = 0; k < starts.length; k++) {
      const rate = s.ratePerSecond[k];
      if (rate === 0) continue;
      const a = Math.max(starts[k], 0);
      const b = Math.min(k + 1 < starts.length ? starts[k + 1] : m.stopSeconds, m.stopSeconds, grid.end);
      for (let t = a; t < b; ) {
        let i = Math.min(grid.count - 1, Math.max(0, Math.floor((t - grid.origin) / grid.h)));
        while (i < grid.count - 1 && cellEnd(grid, i) <= t) i++;
        const end = Math.min(b, cellEnd(grid, i));
        if (!(end > t)) break;
        const off = outages && outages.length > 0 ? secondsDown(outages, t, end) : 0;
        if (off === 0) up[s.queue][i] += rate * (end - t);
        else {
          down[s.queue][i] += rate * off;
          up[s.queue][i] += rate * (end - t - off);
        }
        t = end;
      }
    }
  }
  return { up, down };
}

/** Recontact quadrature points: the conversation's length at n mid-quantiles. */
const CONVERSATION_POINTS = 32;
/** The return kernel stops where less than this share of the recontacts is still to come back. */
const TAIL = 1e-9;
/** Lags are kept one by one while more than NEAR_TAIL is still to come back and up to lag
 * 2·RUN_PER_LAG at least; further out, in runs of lags 1/RUN_PER_LAG of the lag long (on the
 * examples, and on a 28-day horizon of 5-, 15- or 60-minute intervals with exponential, lognormal
 * or gamma delays, the forecast then differs from lag-by-lag by less than 1e-5 contacts). */
const NEAR_TAIL = 1e-2;
const RUN_PER_LAG = 32;

/** The q-quantile of a duration, by bisection on its distribution function (no random draws). */
function quantile(cdf: (x: number) => number, mean: number, q: number): number {
  let lo = 0;
  let hi = mean > 0 && Number.isFinite(mean) ? mean : 1;
  for (let k = 0; k < 1100 && cdf(hi) < q; k++) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-9 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) >= q) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * When the recontacts of a cell's resolutions come back: `near[d]` is the share that comes back d
 * cells later (d = 0, 1, …); beyond, the runs [runFrom[k], runTo[k]) of cells get `runShare[k]` a
 * cell each. A recontact comes back D = C + Y after the arrival it follows: the conversation C,
 * then the delay Y. Arrivals spread evenly over a cell of length h, shifted by D, fall d cells
 * later with probability E[max(0, 1 − |D/h − d|)] = (G(d+1) − 2G(d) + G(d−1)) / h, where
 * G(d) = E[(dh − D)⁺] = E_C[G_Y(dh − C)], taken over C's mid-quantiles; the shares up to lag d
 * add up to (G(d+1) − G(d)) / h. Lags are kept one by one while more than NEAR_TAIL is still to
 * come back (and while the lag is under 2·RUN_PER_LAG); then in runs about 1/RUN_PER_LAG of the
 * lag long, each with its own share spread evenly (a long-tailed delay would otherwise cost a
 * lag per cell for months); it ends when less than TAIL is still to come back, or at `lags`.
 */
interface ReturnKernel {
  near: Float64Array;
  runFrom: Int32Array;
  runTo: Int32Array;
  runShare: Float64Array;
}

function returnKernel(conversation: Sampler, delay: Sampler, h: number, lags: number): ReturnKernel {
  const c = distributionFunctions(conversation);
  const y = distributionFunctions(delay);
  const none = { near: new Float64Array(0), runFrom: new Int32Array(0), runTo: new Int32Array(0), runShare: new Float64Array(0) };
  if (!Number.isFinite(delay.meanSeconds)) return none;
  const n = conversation.kind === DETERMINISTIC ? 1 : CONVERSATION_POINTS;
  const points = Float64Array.from({ length: n }, (_, k) => (n === 1 ? conversation.meanSeconds : quantile(c.cdf, conversation.meanSeconds, (k + 0.5) / n)));
  const G = (d: number) => {
    if (d <= 0) return 0;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += y.shortfall(d * h - points[k]);
    return sum / n;
  };
  /** Share still to come back after lag d, given G(d) and G(d + 1). */
  const tail = (gd: number, gNext: number) => 1 - (gNext - gd) / h;
  const near: number[] = [];
  let previous = 0; // G(d − 1)
  let current = 0; // G(d)
  let d = 0;
  for (; d < lags; ) {
    const next = G(d + 1);
    near.push(Math.max(0, (next - 2 * current + previous) / h));
    previous = current;
    current = next;
    d++;
    const left = tail(previous, current);
    if (left < TAIL) return { ...none, near: Float64Array.from(near) };
    if (left < NEAR_TAIL && d >= 2 * RUN_PER_LAG) break;
  }
  // Here previous = G(d − 1), current = G(d): runs from lag d on.
  const runFrom: number[] = [];
  const runTo: number[] = [];
  const runShare: number[] = [];
  while (d < lags && tail(previous, current) >= TAIL) {
    const to = Math.min(lags, d + Math.max(1, Math.floor(d / RUN_PER_LAG)));
    const gLast = G(to - 1);
    const gTo = G(to);
    // Σ of the shares of lags d … to − 1 = (G(to) − G(to − 1)) / h − (G(d) − G(d − 1)) / h.
    const share = Math.max(0, (gTo - gLast - (current - previous)) / h);
    runFrom.push(d);
    runTo.push(to);
    runShare.push(share / (to - d));
    previous = gLast;
    current = gTo;
    d = to;
  }
  return { near: Float64Array.from(near), runFrom: Int32Array.from(runFrom), runTo: Int32Array.from(runTo), runShare: Float64Array.from(runShare) };
}

/** Erlang B, taken as 0 where the slots exceed the load by 10 standard deviations and 20 more
 * (B < 1e-24 there): `maxConcurrent` may be millions, and the recursion is one step a slot. */
function blocking(slots: number, load: number): number {
  if (!(load > 0)) return 0;
  if (slots > load + 10 * Math.sqrt(load) + 20) return 0;
  return erlangB(slots, load);
}

/** The B with B = g(B), g falling in B (more blocking, fewer resolutions to come back, less
 * load): B − g(B) rises from −g(0) at 0 to ≥ 0 at g(0), so regula falsi (Illinois) in [0, g(0)]. */
function fixedPoint(g: (b: number) => number): number {
  const g0 = g(0);
  if (g0 === 0) return 0;
  let lo = 0;
  let fLo = -g0;
  let hi = g0;
  let fHi = hi - g(hi);
  if (fHi <= 0) return hi;
  let side = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const x = (lo * fHi - hi * fLo) / (fHi - fLo);
    const fx = x - g(x);
    if (fx === 0) return x;
    if (fx < 0) {
      lo = x;
      fLo = fx;
      if (side < 0) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = fx;
      if (side > 0) fLo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}

/** Expected contacts offered to people per queue and reporting interval. */
export function expectedOfferedToPeople(m: CompiledModel): Float64Array[] {
  const windows = m.aiPools.map(downWindows);
  const grid = gridOf(m);
  const { up, down } = expectedArrivals(m, grid, windows);
  const offered = m.queues.map(() => new Float64Array(m.intervalCount));
  m.queues.forEach((queue, q) => {
    if (queue.aiPool >= 0) return;
    for (let i = 0; i < m.intervalCount; i++) offered[q][i] = up[q][grid.warmup + i] + down[q][grid.warmup + i];
  });
  m.aiPools.forEach((ai, p) => {
    const queues = m.queues.flatMap((queue, q) => (queue.aiPool === p ? [q] : []));
    if (queues.length > 0) frontDoor(grid, ai, windows[p], queues, up, down, offered);
  });
  return offered;
}

/**
 * The contacts one AI front door passes to people, cell by cell in time order. Into cell g come
 * the queue's arrivals (A, split into up and down) and the recontacts R coming back then: those
 * of earlier cells' resolutions (S, already known) and those of the cell's own (a share k₀ of the
 * kernel). While the AI is up a share B of the contacts finds every slot taken; of the rest it
 * resolves a share c, and a share r of those resolutions come back later (kernel shares k_d):
 *   R = S + k₀·r·c·(1 − B)·(A_up + R·(1 − δ)),  δ the share of the cell the AI is down,
 * people get A_down + R·δ + (A_up + R·(1 − δ))·(1 − c(1 − B)), and the cell's resolutions add
 * k_d·r·c·(1 − B)·(A_up + R·(1 − δ)) to S d cells later. B is Erlang B at the cell's load, which
 * counts the recontacts and so depends on B: a fixed point, as before. Recontacts of recontacts
 * follow by themselves: each cell's resolutions include those of the recontacts in it.
 */
function frontDoor(
  grid: Grid,
  ai: CompiledAiPool,
  windows: Float64Array,
  queues: number[],
  up: Float64Array[],
  down: Float64Array[],
  offered: Float64Array[],
): void {
  const r = ai.recontactShare;
  const kernel = r > 0 ? returnKernel(ai.handle, ai.recontactDelay, grid.h, grid.count) : undefined;
  const near = kernel?.near ?? new Float64Array(0);
  const k0 = near.length > 0 ? near[0] : 0;
  const runs = kernel?.runFrom.length ?? 0;
  const slots = ai.maxConcurrent;
  const conversationSeconds = ai.handle.meanSeconds;
  const coming = queues.map(() => new Float64Array(grid.count)); // S, from the near lags
  // S from the runs: what each cell adds to (and, where its run ends, takes from) the recontacts
  // coming back a cell, summed as the cells go by.
  const runChange = queues.map(() => new Float64Array(runs > 0 ? grid.count : 0));
  const runRate = new Float64Array(queues.length);
  const recontacts = new Float64Array(queues.length); // R of the cell, given B
  for (let g = 0; g < grid.count; g++) {
    const start = cellStart(grid, g);
    const end = cellEnd(grid, g);
    const length = end - start;
    if (!(length > 0)) continue;
    if (runs > 0) {
      for (let j = 0; j < queues.length; j++) {
        runRate[j] += runChange[j][g];
        coming[j][g] += Math.max(0, runRate[j]);
      }
    }
    const downShare = windows.length > 0 ? secondsDown(windows, start, end) / length : 0;
    const upSeconds = length * (1 - downShare);
    // The window may end inside the last cell: recontacts coming back after it are not counted.
    const kept = Math.min(1, (end - (grid.origin + g * grid.h)) / grid.h);
    const recontactsGiven = (b: number) => {
      for (let j = 0; j < queues.length; j++) {
        const q = queues[j];
        const back = kept * k0 * r * ai.containmentByQueue[q] * (1 - b);
        recontacts[j] = (kept * coming[j][g] + back * up[q][g]) / (1 - back * (1 - downShare));
      }
    };
    let blocked = 0;
    if (Number.isFinite(slots) && upSeconds > 0) {
      // Erlangs offered to the slots when a share b of arrivals is turned away.
      const load = (b: number) => {
        recontactsGiven(b);
        let arrivals = 0;
        for (let j = 0; j < queues.length; j++) arrivals += up[queues[j]][g] + recontacts[j] * (1 - downShare);
        return (arrivals / upSeconds) * conversationSeconds;
      };
      blocked = fixedPoint((b) => blocking(slots, load(b)));
    }
    recontactsGiven(blocked);
    for (let j = 0; j < queues.length; j++) {
      const q = queues[j];
      const taken = ai.containmentByQueue[q] * (1 - blocked);
      const atAi = up[q][g] + recontacts[j] * (1 - downShare);
      if (g >= grid.warmup) offered[q][g - grid.warmup] = down[q][g] + recontacts[j] * downShare + atAi * (1 - taken);
      const returning = r * taken * atAi;
      if (!(returning > 0)) continue;
      const target = coming[j];
      const last = Math.min(near.length, grid.count - g);
      for (let d = 1; d < last; d++) target[g + d] += near[d] * returning;
      if (runs === 0) continue;
      const change = runChange[j];
      const { runFrom, runTo, runShare } = kernel!;
      for (let k = 0; k < runs && g + runFrom[k] < grid.count; k++) {
        change[g + runFrom[k]] += runShare[k] * returning;
        if (g + runTo[k] < grid.count) change[g + runTo[k]] -= runShare[k] * returning;
      }
    }
  }
}
