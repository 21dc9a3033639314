// Per replication, a pool's roster becomes a step function of agents on the phones: unplanned
// absence drawn per agent and shift, planned shrinkage taken off. Kept apart from the roster
// compiler (time zones, the shift schema) so the kernel's worker threads load little.

export interface RosterWindow {
  clockZeroMs: number;
  reportStartSeconds: number;
  reportEndSeconds: number;
  intervalSeconds: number;
  intervalCount: number;
  stopSeconds: number;
}

export interface CompiledRoster {
  /** Every shift instance overlapping [0, stopSeconds] on the simulation clock, sorted by start
   * (instances starting before 0 are included and clipped at 0; ends are not clipped). */
  shiftStartSeconds: Float64Array;
  shiftEndSeconds: Float64Array;
  shiftAgents: Int32Array;
  /** Per reporting interval: scheduled (paid) agent-seconds, and the same weighted by cost
   * premiums (paid seconds × (1 + night share when local time is in the night window + weekend
   * share when it is Saturday or Sunday local time)). */
  paidAgentSeconds: Float64Array;
  premiumWeightedAgentSeconds: Float64Array;
}

export interface Availability {
  /** Agents on the phones (after planned shrinkage, time-shared, and unplanned absence) from
   * changeSeconds[i] until changeSeconds[i+1]; changeSeconds[0] = 0; consecutive equal values
   * merged. */
  changeSeconds: Float64Array;
  available: Int32Array;
  maxAvailable: number;
  /** Per reporting interval, agent-seconds on the phones (the integral of the step function
   * over the interval). */
  availableAgentSeconds: Float64Array;
}

/** Start of interval i and its end, cut at the report end. */
export function intervalBounds(w: RosterWindow, i: number): [number, number] {
  const start = w.reportStartSeconds + i * w.intervalSeconds;
  return [start, Math.min(start + w.intervalSeconds, w.reportEndSeconds)];
}

// ---------------------------------------------------------------------------------------------
// Availability per replication

/** Breaks are time-shared in slots this long, counted from the report start. */
export const BREAK_SLOT_SECONDS = 900;
/** A level this close to a whole number of agents is that number (3 × 0.7 = 2.0999999999999996). */
const WHOLE_TOLERANCE = 1e-9;

/**
 * Per replication: for each shift instance, absent = Binomial(agents, absenceRate) drawn from
 * `rng` (one draw per agent, instance by instance in start order, so it is deterministic; draws
 * are made even when absenceRate is 0, so that streams stay aligned across scenarios);
 * overlapping instances add up to the agents present.
 *
 * Shrinkage is kept exact in expectation rather than rounded per shift (1 agent at 30 % would
 * never take a break, 2 at 30 % would lose half their time): with x = present × (1 − shrinkage),
 * floor(x) agents are on the phones all along and one more for the first frac(x) of every
 * quarter-hour slot (slots counted from the report start, clipped to where x holds), so breaks
 * are spread evenly and every whole slot gets exactly x × 15 agent-minutes, for any head count.
 * The step function stops at stopSeconds (changes at or after it are dropped).
 */
export function drawAvailability(
  roster: CompiledRoster,
  shrinkage: number,
  absenceRate: number,
  rng: () => number,
  window: RosterWindow,
): Availability {
  if (!(shrinkage >= 0 && shrinkage <= 1)) throw new RangeError(`shrinkage must be a fraction from 0 to 1, not ${shrinkage}`);
  if (!(absenceRate >= 0 && absenceRate <= 1)) {
    throw new RangeError(`absenceRate must be a fraction from 0 to 1, not ${absenceRate}`);
  }
  const present = presentPerShift(roster.shiftAgents, absenceRate, rng);
  const { changes, values } = onThePhones(presentSteps(roster, present, window.stopSeconds), 1 - shrinkage, window);
  let maxAvailable = 0;
  for (const v of values) if (v > maxAvailable) maxAvailable = v;
  return {
    changeSeconds: Float64Array.from(changes),
    available: Int32Array.from(values),
    maxAvailable,
    availableAgentSeconds: agentSecondsPerInterval(changes, values, window),
  };
}

/** Per shift instance, its agents less those absent: one draw per agent. */
function presentPerShift(shiftAgents: Int32Array, absenceRate: number, rng: () => number): Int32Array {
  const present = new Int32Array(shiftAgents.length);
  for (let s = 0; s < shiftAgents.length; s++) {
    const scheduled = shiftAgents[s];
    let absent = 0;
    for (let a = 0; a < scheduled; a++) if (rng() < absenceRate) absent++;
    present[s] = scheduled - absent;
  }
  return present;
}

/** Agents present, a step function (level `levels[k]` from `starts[k]`): the shift starts
 * (already sorted) swept against their ends (sorted here), up to `stopSeconds`. */
function presentSteps(roster: CompiledRoster, present: Int32Array, stopSeconds: number): { starts: number[]; levels: number[] } {
  const { shiftStartSeconds: starts, shiftEndSeconds: ends } = roster;
  const n = starts.length;
  const endOrder = Array.from({ length: n }, (_, i) => i).sort((i, j) => ends[i] - ends[j]);
  const pieceStarts: number[] = [0];
  const pieceLevels: number[] = [0];
  let level = 0;
  let si = 0;
  let ei = 0;
  while (si < n || ei < n) {
    const t = Math.min(si < n ? starts[si] : Infinity, ei < n ? ends[endOrder[ei]] : Infinity);
    if (t >= stopSeconds) break;
    while (si < n && starts[si] === t) level += present[si++];
    while (ei < n && ends[endOrder[ei]] === t) level -= present[endOrder[ei++]];
    if (t === 0) pieceLevels[0] = level; // instances clipped at the clock's start
    else if (level !== pieceLevels[pieceLevels.length - 1]) {
      pieceStarts.push(t);
      pieceLevels.push(level);
    }
  }
  return { starts: pieceStarts, levels: pieceLevels };
}

/** Agents on the phones, a step function: each piece's real-valued level x = present × `keep`,
 * time-shared within the break slots; equal neighbours merged. */
function onThePhones(piece: { starts: number[]; levels: number[] }, keep: number, window: RosterWindow): { changes: number[]; values: number[] } {
  const changes: number[] = [];
  const values: number[] = [];
  const step = (t: number, v: number) => {
    if (values.length > 0 && values[values.length - 1] === v) return;
    changes.push(t);
    values.push(v);
  };
  const anchor = window.reportStartSeconds;
  for (let i = 0; i < piece.starts.length; i++) {
    const a = piece.starts[i];
    const b = i + 1 < piece.starts.length ? piece.starts[i + 1] : window.stopSeconds;
    let x = piece.levels[i] * keep;
    if (Math.abs(x - Math.round(x)) < WHOLE_TOLERANCE) x = Math.round(x);
    const whole = Math.floor(x);
    // The extra agent's share of each slot, to the microsecond (22 × 0.7 gives 360 s, not 359.99999999999875).
    const onSeconds = Math.round((x - whole) * BREAK_SLOT_SECONDS * 1e6) / 1e6;
    if (onSeconds === 0) {
      step(a, whole);
      continue;
    }
    for (let slot = anchor + Math.floor((a - anchor) / BREAK_SLOT_SECONDS) * BREAK_SLOT_SECONDS; slot < b; slot += BREAK_SLOT_SECONDS) {
      const onEnd = slot + onSeconds;
      if (onEnd > a) step(Math.max(slot, a), whole + 1);
      if (onEnd < b) step(Math.max(onEnd, a), whole);
    }
  }
  return { changes, values };
}

/** The step function's integral over each reporting interval: agent-seconds on the phones. */
function agentSecondsPerInterval(changes: number[], values: number[], window: RosterWindow): Float64Array {
  const seconds = new Float64Array(window.intervalCount);
  for (let c = 0; c < changes.length; c++) {
    const v = values[c];
    if (v === 0) continue;
    const a = Math.max(changes[c], window.reportStartSeconds);
    const b = Math.min(c + 1 < changes.length ? changes[c + 1] : window.stopSeconds, window.reportEndSeconds);
    if (a >= b) continue;
    for (let i = Math.floor((a - window.reportStartSeconds) / window.intervalSeconds); i < window.intervalCount; i++) {
      const [is, ie] = intervalBounds(window, i);
      if (is >= b) break;
      const overlap = Math.min(b, ie) - Math.max(a, is);
      if (overlap > 0) seconds[i] += v * overlap;
    }
  }
  return seconds;
}
