// Closed-form queueing figures for one call-centre queue: Erlang B, Erlang C (M/M/n) and
// Erlang A (M/M/n+M, exponential patience). Everything is built from the Erlang B recursion and
// log-space sums, never from factorials or A^n, so it stays finite from 1 to many thousands of agents.
import { exp, expm1, log, log1p } from '../kernel/portable-math';

export interface QueueInputs {
  ratePerHour: number; // arrivals per hour (λ)
  ahtSeconds: number; // mean handle time (1/μ)
  agents: number; // n, whole number ≥ 1
  thresholdSeconds: number; // service-level threshold t
  patienceSeconds?: number; // mean patience (1/θ); undefined or Infinity => Erlang C (no abandonment)
}

export interface QueueFigures {
  pWait: number; // probability an arrival waits > 0 (finds all agents busy)
  serviceLevel: number; // P(answered AND wait <= t) over ALL arrivals (answered within t / offered)
  asaSeconds: number; // mean wait of ANSWERED contacts
  abandonRate: number; // abandoned / offered (0 for Erlang C)
  occupancy: number; // served load / agents = λ(1-abandonRate)/(n μ)
  stable: boolean; // false for Erlang C with load >= agents (then pWait=1, serviceLevel=0, asaSeconds=Infinity, occupancy=1)
}

/** Blocking probability of an M/M/n/n loss system. */
export function erlangB(agents: number, loadErlangs: number): number {
  checkAgents(agents, 0);
  checkNonNegative('loadErlangs', loadErlangs);
  // B(k) = A·B(k−1) / (k + A·B(k−1)): every step stays in [0, 1], unlike A^n/n!.
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (loadErlangs * b) / (k + loadErlangs * b);
  return b;
}

/** Probability of waiting in M/M/n (Erlang C); 1 when the queue is unstable (load ≥ agents). */
export function erlangC(agents: number, loadErlangs: number): number {
  checkAgents(agents, 1);
  checkNonNegative('loadErlangs', loadErlangs);
  if (loadErlangs >= agents) return 1;
  const b = erlangB(agents, loadErlangs);
  return (agents * b) / (agents - loadErlangs * (1 - b));
}

export function queueFigures(q: QueueInputs): QueueFigures {
  checkNonNegative('ratePerHour', q.ratePerHour);
  checkPositive('ahtSeconds', q.ahtSeconds);
  checkAgents(q.agents, 1);
  checkNonNegative('thresholdSeconds', q.thresholdSeconds);
  const patience = q.patienceSeconds ?? Infinity;
  if (Number.isNaN(patience) || patience < 0) throw new RangeError(`patienceSeconds must be ≥ 0, got ${patience}`);

  if (q.ratePerHour === 0) {
    return { pWait: 0, serviceLevel: 1, asaSeconds: 0, abandonRate: 0, occupancy: 0, stable: true };
  }
  return patience === Infinity ? erlangCFigures(q) : erlangAFigures(q, patience);
}

/**
 * Smallest agent count whose service level reaches `target` (and whose abandon rate is at most
 * `maxAbandonRate`, when given). Both figures improve monotonically with agents, so an
 * exponential search followed by bisection finds the boundary in O(log n) evaluations.
 *
 * `guess`: a count likely to be the answer or just below it, e.g. the answer at the next lower
 * rate when a series of rates is worked through in increasing order. The search then starts
 * there: two evaluations instead of a dozen when the guess is right, and the same answer either
 * way (it is used only once guess − 1 is seen to fall short).
 */
export function requiredAgents(
  q: Omit<QueueInputs, 'agents'> & { target: number; maxAbandonRate?: number; maxOccupancy?: number },
  guess = 0,
): number {
  if (!(q.target >= 0 && q.target <= 1)) throw new RangeError(`target must be in [0, 1], got ${q.target}`);
  if (q.maxAbandonRate !== undefined && !(q.maxAbandonRate >= 0 && q.maxAbandonRate <= 1)) {
    throw new RangeError(`maxAbandonRate must be in [0, 1], got ${q.maxAbandonRate}`);
  }
  if (q.maxOccupancy !== undefined && !(q.maxOccupancy > 0 && q.maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be in (0, 1], got ${q.maxOccupancy}`);
  }
  checkNonNegative('ratePerHour', q.ratePerHour);
  checkPositive('ahtSeconds', q.ahtSeconds);
  if (q.ratePerHour === 0) return 0;

  const meets = (agents: number): boolean => {
    const f = queueFigures({ ...q, agents });
    return (
      f.serviceLevel >= q.target &&
      (q.maxAbandonRate === undefined || f.abandonRate <= q.maxAbandonRate) &&
      (q.maxOccupancy === undefined || f.occupancy <= q.maxOccupancy)
    );
  };
  const load = (q.ratePerHour / 3600) * q.ahtSeconds;
  // Without abandonment, n ≤ load is unstable and answers nothing within t (SL 0).
  const erlangCModel = (q.patienceSeconds ?? Infinity) === Infinity;
  let fail = erlangCModel && q.target > 0 ? Math.floor(load) : 0; // largest n known to fail (0 = none)
  // The guess is tried unless it leaves the queue overloaded by more than a few thousand patient
  // callers ((load − n) × patience ÷ handle time): one evaluation there sums millions of queue
  // lengths (a guess from a quiet hour at a 30-day patience cost 5 s, each).
  const overloadedBy = (n: number) => (erlangCModel ? 0 : ((load - n) * (q.patienceSeconds ?? 0)) / q.ahtSeconds);
  if (guess - 1 > fail && overloadedBy(guess - 1) <= CHEAPLY_OVERLOADED && !meets(guess - 1)) fail = guess - 1;
  let pass = Math.max(fail + 1, Math.ceil(load));
  const limit = 1e7; // far beyond any real queue; guards against an unreachable target
  // Exponential search: doubling the count, or from a guess growing the step.
  let metAtOnce = true;
  for (let step = 1; !meets(pass); step *= 2) {
    metAtOnce = false;
    fail = pass;
    pass = guess > 0 ? pass + step : pass * 2;
    if (pass > limit) throw new RangeError('target is not reachable with a finite number of agents');
  }
  // Met at once, at the offered load: the answer is usually just below, and counts far below the
  // load are overloaded, where the queue's states run into millions with patient callers. So
  // downwards from it with a growing step (without a guess, the lowest count is tried second: a
  // target every count meets), then the bisection: the smallest count that meets the target is
  // the same, found without evaluating the overloaded counts in between.
  if (metAtOnce && pass - fail > 1) {
    if (!meets(pass - 1)) fail = pass - 1;
    else if (guess === 0 && pass - 1 - fail > 1 && meets(fail + 1)) pass = fail + 1;
    else {
      pass -= 1;
      for (let step = 2; pass - step > fail; step *= 2) {
        if (!meets(pass - step)) {
          fail = pass - step;
          break;
        }
        pass -= step;
      }
    }
  }
  while (pass - fail > 1) {
    const mid = Math.floor((fail + pass) / 2);
    if (meets(mid)) pass = mid;
    else fail = mid;
  }
  return pass;
}

// ---------------------------------------------------------------------------------------------

function erlangCFigures(q: QueueInputs): QueueFigures {
  const n = q.agents;
  const load = (q.ratePerHour / 3600) * q.ahtSeconds;
  if (load >= n) {
    return { pWait: 1, serviceLevel: 0, asaSeconds: Infinity, abandonRate: 0, occupancy: 1, stable: false };
  }
  const c = erlangC(n, load);
  // Waits of delayed calls are exponential with rate nμ − λ = (n − A)/AHT.
  const drainPerSecond = (n - load) / q.ahtSeconds;
  return {
    pWait: c,
    serviceLevel: 1 - c * exp(-drainPerSecond * q.thresholdSeconds),
    asaSeconds: c / drainPerSecond,
    abandonRate: 0,
    occupancy: load / n,
    stable: true,
  };
}

/**
 * Erlang A from its birth–death stationary distribution, with π_{n+m} kept relative to π_n and
 * in logs so that overload (λ ≫ nμ) and huge n neither overflow nor underflow.
 */
function erlangAFigures(q: QueueInputs, patienceSeconds: number): QueueFigures {
  const n = q.agents;
  const lambda = q.ratePerHour / 3600; // per second
  const serviceRate = n / q.ahtSeconds; // nμ, per second
  const load = lambda * q.ahtSeconds;
  const t = q.thresholdSeconds;
  const b = erlangB(n, load);

  if (patienceSeconds === 0) {
    // Nobody waits: it is a loss system, and the blocked share is exactly Erlang B.
    return { pWait: b, serviceLevel: 1 - b, asaSeconds: 0, abandonRate: b, occupancy: (load * (1 - b)) / n, stable: true };
  }
  const theta = 1 / patienceSeconds;

  // Pass 1: log τ, where τ = Σ_{j≥1} π_{n+j}/π_n and ln(π_{n+j}/π_n) = Σ_{i≤j} ln(λ/(nμ + iθ)).
  const tail = new LogSum();
  let logTerm = 0;
  let lastJ = 0;
  for (let j = 1; j <= MAX_QUEUE_STATES; j++) {
    const ratio = lambda / (serviceRate + j * theta);
    logTerm += log(ratio);
    tail.add(logTerm);
    lastJ = j;
    // Past the mode the ratios keep shrinking, so what is left is below term·r/(1−r).
    if (ratio < 1 && logTerm + log(ratio / (1 - ratio)) < tail.log() + LOG_EPS) break;
  }
  const logTau = tail.log();

  // Normalise: Σ_{k≤n} π_k/π_n = 1/B, so π_n = B/(1 + Bτ), mass below n = (1 − B)/(1 + Bτ).
  const logB = log(b);
  const logNorm = logAddExp(0, logB + logTau); // ln(1 + Bτ)
  const logPiN = logB - logNorm;
  const belowN = exp(log1p(-b) - logNorm);
  const pWait = exp(logB + logAddExp(0, logTau) - logNorm);

  // Pass 2: an arrival who finds n+m present has m ahead. With a = nμ/θ it is served with
  // probability a/(a+m+1); its wait, if served, is a sum of Exp(nμ + (i+1)θ), i = 0..m, whose
  // exp(−θ·wait) is Beta(a+1, m+1)-distributed — hence the incomplete beta below.
  const a = serviceRate / theta;
  const logX = -theta * t; // ln e^{−θt}, exact
  const log1mX = log(-expm1(-theta * t)); // ln(1 − e^{−θt}) without cancellation
  let abandon = 0;
  let answeredWithinT = belowN;
  let servedWaitSum = 0;
  let meanStagesSeconds = 0; // Σ_{i≤m} 1/(nμ + (i+1)θ)
  logTerm = 0;
  for (let m = 0; m <= lastJ; m++) {
    if (m > 0) logTerm += log(lambda / (serviceRate + m * theta));
    meanStagesSeconds += 1 / (serviceRate + (m + 1) * theta);
    const pi = exp(logPiN + logTerm);
    if (pi < 1e-300) continue; // contributes nothing a double can hold
    // a/(a+m+1) and its complement, written with rates so they stay exact for tiny θ.
    const served = serviceRate / (serviceRate + (m + 1) * theta);
    abandon += (pi * (m + 1) * theta) / (serviceRate + (m + 1) * theta);
    servedWaitSum += pi * served * meanStagesSeconds;
    if (t > 0) {
      answeredWithinT += pi * served * (1 - regularizedBeta(a + 1, m + 1, logX, log1mX));
    }
  }

  abandon = Math.min(abandon, 1);
  return {
    pWait,
    serviceLevel: clamp01(answeredWithinT),
    asaSeconds: abandon < 1 ? servedWaitSum / (1 - abandon) : 0,
    abandonRate: abandon,
    occupancy: Math.min(1, (load * (1 - abandon)) / n),
    stable: true,
  };
}

// A bound on the queue states summed; only reached with extreme patience under overload,
// where the truncated (then renormalised) distribution is still a usable approximation.
const MAX_QUEUE_STATES = 5_000_000;

/** Queue lengths beyond which an overloaded count is not tried as a guess: each evaluation sums
 * about this many probabilities. */
const CHEAPLY_OVERLOADED = 10_000;

/** The most contacts that may arrive within one mean patience (λ/θ) for `followsun erlang`: an
 * overloaded queue holds about that many, and each evaluation sums the probability of every
 * length, with an incomplete beta for each near the critical load. 100,000 Erlangs with 30 days of
 * patience (2.6 × 10¹¹) hit MAX_QUEUE_STATES at 5 s an evaluation, 33 s a --target search, and the
 * truncation answered 2 agents for half the contacts answered within 30 days. A real queue has
 * thousands: 10,000 contacts an hour with an hour's patience, 10,000. */
export const MAX_ARRIVALS_WITHIN_PATIENCE = 1_000_000;
const LOG_EPS = log(1e-17);

/** Running ln Σ exp(x_i), rescaled on every new maximum so it never overflows. */
class LogSum {
  private max = -Infinity;
  private scaled = 0; // Σ exp(x_i − max)
  add(x: number): void {
    if (x <= this.max) this.scaled += exp(x - this.max);
    else {
      this.scaled = this.scaled * exp(this.max - x) + 1;
      this.max = x;
    }
  }
  log(): number {
    return this.max + log(this.scaled);
  }
}

function logAddExp(x: number, y: number): number {
  const hi = Math.max(x, y);
  if (hi === -Infinity) return -Infinity;
  return hi + log1p(exp(Math.min(x, y) - hi));
}

// --- Regularized incomplete beta ---------------------------------------------------------------

/**
 * I_x(p, q) with x given as ln x and ln(1 − x), so that x within 1e-12 of 1 (very patient
 * callers) keeps full precision. Continued fraction (modified Lentz), evaluated on whichever
 * side of the mean converges fast, via I_x(p,q) = 1 − I_{1−x}(q,p).
 */
function regularizedBeta(p: number, q: number, logX: number, log1mX: number): number {
  if (logX === -Infinity) return 0;
  if (log1mX === -Infinity) return 1;
  const x = exp(logX);
  const y = exp(log1mX);
  const logFront = p * logX + q * log1mX - logBeta(p, q);
  if (x < (p + 1) / (p + q + 2)) return clamp01((exp(logFront) * betaContinuedFraction(p, q, x)) / p);
  return clamp01(1 - (exp(logFront) * betaContinuedFraction(q, p, y)) / q);
}

function betaContinuedFraction(p: number, q: number, x: number): number {
  const tiny = 1e-300;
  const sum = p + q;
  let c = 1;
  let d = 1 - (sum * x) / (p + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (q - m) * x) / ((p - 1 + m2) * (p + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(p + m) * (sum + m) * x) / ((p + m2) * (p + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

// Lanczos approximation (g = 7, 9 terms), ~1e-15 relative accuracy for arguments ≥ 0.5.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * log(2 * Math.PI);

function lanczosSum(z: number): number {
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (z - 1 + i);
  return s;
}

/** ln Γ(z) for z ≥ 0.5. */
function logGamma(z: number): number {
  const t = z + 6.5;
  return HALF_LOG_2PI + (z - 0.5) * log(t) - t + log(lanczosSum(z));
}

/**
 * ln B(p, q). For a large p next to a small q, ln Γ(p) − ln Γ(p+q) is taken from the Lanczos
 * terms directly rather than as the difference of two huge, nearly equal numbers.
 */
function logBeta(p: number, q: number): number {
  const big = Math.max(p, q);
  const small = Math.min(p, q);
  const t = big + 6.5;
  const logGammaRatio = // ln Γ(big) − ln Γ(big + small)
    -(big - 0.5) * log1p(small / t) - small * log(t + small) + small +
    log(lanczosSum(big) / lanczosSum(big + small));
  return logGamma(small) + logGammaRatio;
}

// --- Input checks ------------------------------------------------------------------------------

function checkAgents(agents: number, min: number): void {
  if (!Number.isInteger(agents) || agents < min) {
    throw new RangeError(`agents must be a whole number ≥ ${min}, got ${agents}`);
  }
}

function checkNonNegative(name: string, v: number): void {
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number ≥ 0, got ${v}`);
}

function checkPositive(name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number > 0, got ${v}`);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
