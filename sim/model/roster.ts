// A staffing pool's roster: shifts written in the site's local wall-clock time, laid onto the
// simulation clock (UTC seconds from clockZeroMs) correctly across daylight-saving changes, then
// turned per replication into a step function of agents on the phones (absence and shrinkage).
//
// Local → UTC: a wall time takes the offset in force at that moment. A wall time inside the
// spring-forward gap starts at the first instant after the gap (Berlin 02:30 on 2026-03-29 →
// 03:00 local = 01:00 UTC); an ambiguous one (the repeated autumn hour) means its first occurrence.
// So a 22:00–06:00 night shift lasts 7 h across the spring night and 9 h across the autumn night.
// All offsets come from one offsetTimeline per compile (about one Intl call per day).
import type { HeadCount, ShiftSpec } from '../scenario/shift-schema';
import { intervalBounds, type CompiledRoster, type RosterWindow } from './availability';
import { offsetTimeline } from './timezones';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const EVERY_DAY = 0b1111111;

export const DAYS_MESSAGE = 'expected days such as Mon-Fri, Sat or Mon,Wed,Fri';
export const TIME_MESSAGE = 'expected a time HH:MM such as 08:30';

// ---------------------------------------------------------------------------------------------
// Field parsing

/** Minutes after local midnight of "HH:MM" (one-digit hours allowed), or null. "24:00" only when
 * `allowMidnightEnd`. */
export function parseTime(text: string, allowMidnightEnd: boolean): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return null;
  if (hours < 24) return hours * 60 + minutes;
  return allowMidnightEnd && hours === 24 && minutes === 0 ? DAY_MINUTES : null;
}

function dayIndex(name: string): number {
  return (DAY_NAMES as readonly string[]).indexOf(name.trim().toLowerCase());
}

/** One item: "daily", "Sat", "Mon-Fri", "Fri-Mon" (wraps), or a comma list of those. */
function parseDayText(text: string): number | null {
  if (text.trim().toLowerCase() === 'daily') return EVERY_DAY;
  let mask = 0;
  for (const part of text.split(',')) {
    const ends = part.split('-');
    if (ends.length > 2) return null;
    const from = dayIndex(ends[0]);
    const to = ends.length === 2 ? dayIndex(ends[1]) : from;
    if (from < 0 || to < 0) return null;
    for (let d = from; ; d = (d + 1) % 7) {
      mask |= 1 << d;
      if (d === to) break;
    }
  }
  return mask;
}

/** Days as a bit mask, Monday = bit 0, or null when not understood. */
export function parseDays(days: string | string[]): number | null {
  const items = typeof days === 'string' ? [days] : days;
  if (items.length === 0) return null;
  let mask = 0;
  for (const item of items) {
    const m = parseDayText(item);
    if (m === null) return null;
    mask |= m;
  }
  return mask;
}

/** A shift with a start and an end, as the roster compiles it. */
export interface ConcreteShift {
  days: string | string[];
  start: string;
  end: string;
  agents: number;
}

/** A shift as written, with its head count left open when the planner decides it. */
export interface ShiftCandidate {
  days: string | string[];
  start: string;
  end: string;
  agents: HeadCount;
}

/** The shifts a spec stands for: itself, or one candidate per start time of a startBetween range. */
export function expandShift(spec: ShiftSpec): ShiftCandidate[] {
  if (!spec.startBetween) return [{ days: spec.days, start: spec.start!, end: spec.end!, agents: spec.agents }];
  const from = parseTime(spec.startBetween[0], false)!;
  const to = parseTime(spec.startBetween[1], false)!;
  const every = spec.every ?? 60;
  const length = Math.round(spec.hours! * 60);
  const out: ShiftCandidate[] = [];
  for (let t = from; t <= to; t += every) {
    out.push({ days: spec.days, start: clockText(t), end: clockText((t + length) % DAY_MINUTES), agents: spec.agents });
  }
  return out;
}

/** The fewest agents a head count allows: what an unplanned scenario is simulated with. */
export function minimumAgents(agents: HeadCount): number {
  return typeof agents === 'number' ? agents : agents === 'auto' ? 0 : agents.min;
}

/** Days a week a shift is worked, and its length in hours (local time, before DST): for paid
 * hours and FTEs. */
export function shiftWeekHours(shift: { days: string | string[]; start: string; end: string }): number {
  let mask = parseDays(shift.days) ?? 0;
  let days = 0;
  for (; mask; mask &= mask - 1) days++;
  const start = parseTime(shift.start, false) ?? 0;
  const end = parseTime(shift.end, true) ?? 0;
  return (days * (end <= start ? end + DAY_MINUTES - start : end - start)) / 60;
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface CostPremiums {
  nightShare: number;
  nightFrom: string;
  nightTo: string;
  weekendShare: number;
}

// ---------------------------------------------------------------------------------------------
// Local wall time ↔ UTC

/** Converts local wall-clock milliseconds (the local fields read as if UTC) to UTC epoch ms. */
class LocalClock {
  private readonly changes: number[];
  private readonly offsetsMs: number[];
  private readonly minOffsetMs: number;
  private readonly maxOffsetMs: number;

  constructor(zone: string, fromMs: number, toMs: number) {
    const timeline = offsetTimeline(zone, fromMs, toMs);
    this.changes = timeline.changeAtMs;
    this.changes[0] = -Infinity; // the first offset holds before the timeline too
    this.offsetsMs = timeline.offsetMinutes.map((m) => m * MINUTE_MS);
    this.minOffsetMs = Math.min(...this.offsetsMs);
    this.maxOffsetMs = Math.max(...this.offsetsMs);
  }

  get offsetRangeMs(): [number, number] {
    return [this.minOffsetMs, this.maxOffsetMs];
  }

  /** Offset segments, for walking local time: the offset offsetsMs[k] holds from changes[k]. */
  get segments(): { changes: readonly number[]; offsetsMs: readonly number[] } {
    return { changes: this.changes, offsetsMs: this.offsetsMs };
  }

  toUtc(localMs: number): number {
    const { changes, offsetsMs } = this;
    const n = changes.length;
    // A valid segment k has changes[k] ≤ localMs − offset < changes[k+1]; none lies before the
    // last change at or before localMs − maxOffset.
    let lo = 0;
    let hi = n - 1;
    const earliest = localMs - this.maxOffsetMs;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (changes[mid] <= earliest) lo = mid;
      else hi = mid - 1;
    }
    const latest = localMs - this.minOffsetMs;
    let first = NaN;
    for (let k = lo; k < n && changes[k] <= latest; k++) {
      const t = localMs - offsetsMs[k];
      const next = k + 1 < n ? changes[k + 1] : Infinity;
      if (t >= changes[k] && t < next && !(t >= first)) first = t; // ambiguous: the earlier one
    }
    if (!Number.isNaN(first)) return first;
    // In a spring-forward gap: local time jumps at change k from changes[k] + offsets[k-1] to
    // changes[k] + offsets[k]; a wall time in between starts at the change itself.
    for (let k = Math.max(lo, 1); k < n && changes[k] <= latest; k++) {
      if (localMs >= changes[k] + offsetsMs[k - 1] && localMs < changes[k] + offsetsMs[k]) return changes[k];
    }
    throw new Error(`local time ${new Date(localMs).toISOString()} could not be placed on the clock`);
  }
}

const mod = (a: number, n: number) => ((a % n) + n) % n;
/** Monday-first weekday (0 = Monday) of a local day number (days since 1970-01-01, a Thursday). */
const weekdayOf = (day: number) => mod(day + 3, 7);

// ---------------------------------------------------------------------------------------------
// Compile

/** `agents: N` with no shifts means N around the clock: compile it as a daily 00:00–24:00 shift
 * (so that absence is drawn per day). When `shifts` is given, `agentsAroundTheClock` is ignored. */
export function compileRoster(
  timezone: string,
  shifts: ConcreteShift[] | undefined,
  agentsAroundTheClock: number | undefined,
  premiums: CostPremiums | undefined,
  window: RosterWindow,
): CompiledRoster {
  const specs: ConcreteShift[] = shifts ?? [
    { days: 'daily', start: '00:00', end: '24:00', agents: agentsAroundTheClock ?? 0 },
  ];
  const parsed = specs.map((s, i) => {
    const mask = parseDays(s.days);
    const start = parseTime(s.start, false);
    const endRaw = parseTime(s.end, true);
    if (mask === null) throw new Error(`shift ${i + 1}: ${DAYS_MESSAGE}, not ${JSON.stringify(s.days)}`);
    if (start === null || endRaw === null) throw new Error(`shift ${i + 1}: ${TIME_MESSAGE}`);
    if (!Number.isInteger(s.agents) || s.agents < 0) throw new Error(`shift ${i + 1}: expected a whole number ≥ 0`);
    const end = endRaw <= start ? endRaw + DAY_MINUTES : endRaw; // overnight; equal = 24 hours
    return { mask, startMs: start * MINUTE_MS, endMs: end * MINUTE_MS, agents: s.agents };
  });

  const { clockZeroMs, stopSeconds } = window;
  const fromMs = clockZeroMs;
  const toMs = clockZeroMs + stopSeconds * 1000;
  const clock = new LocalClock(timezone, fromMs - 4 * DAY_MS, toMs + 3 * DAY_MS);
  const [minOffsetMs, maxOffsetMs] = clock.offsetRangeMs;

  // A shift lasts at most 24 local hours and belongs to the day it starts on, so the day before
  // the first local day can still reach into the clock; one more day each side for safety.
  const firstDay = Math.floor((fromMs + minOffsetMs) / DAY_MS) - 2;
  const lastDay = Math.floor((toMs + maxOffsetMs) / DAY_MS) + 1;
  const starts: number[] = [];
  const ends: number[] = [];
  const agents: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const bit = 1 << weekdayOf(day);
    const midnight = day * DAY_MS;
    for (const s of parsed) {
      if (!(s.mask & bit)) continue;
      const startUtc = clock.toUtc(midnight + s.startMs);
      const endUtc = clock.toUtc(midnight + s.endMs);
      if (endUtc <= startUtc) continue; // wholly inside a spring-forward gap
      const a = (startUtc - clockZeroMs) / 1000;
      const b = (endUtc - clockZeroMs) / 1000;
      if (b <= 0 || a >= stopSeconds) continue;
      starts.push(Math.max(a, 0));
      ends.push(b);
      agents.push(s.agents);
    }
  }
  const order = starts.map((_, i) => i).sort((i, j) => starts[i] - starts[j] || i - j);
  const shiftStartSeconds = Float64Array.from(order, (i) => starts[i]);
  const shiftEndSeconds = Float64Array.from(order, (i) => ends[i]);
  const shiftAgents = Int32Array.from(order, (i) => agents[i]);

  const weights = premiumWeights(clock, premiums, window);
  const { paid, weighted } = paidSeconds(shiftStartSeconds, shiftEndSeconds, shiftAgents, weights, window);
  return {
    shiftStartSeconds,
    shiftEndSeconds,
    shiftAgents,
    paidAgentSeconds: paid,
    premiumWeightedAgentSeconds: weighted,
  };
}

interface StepFunction {
  /** weight[i] holds from startSeconds[i] until startSeconds[i+1] (the last until the report end). */
  startSeconds: Float64Array;
  weight: Float64Array;
}

/** The premium weight over the reported window, judged by the local time at each instant (so a
 * repeated autumn hour inside the night window is night both times). */
function premiumWeights(clock: LocalClock, premiums: CostPremiums | undefined, w: RosterWindow): StepFunction {
  if (!premiums || (premiums.nightShare === 0 && premiums.weekendShare === 0)) {
    return { startSeconds: Float64Array.of(w.reportStartSeconds), weight: Float64Array.of(1) };
  }
  const fromMin = parseTime(premiums.nightFrom, true);
  const toMin = parseTime(premiums.nightTo, true);
  if (fromMin === null || toMin === null) throw new Error(`night premium window: ${TIME_MESSAGE}`);
  const nightFrom = fromMin * MINUTE_MS;
  const nightTo = toMin * MINUTE_MS;
  const isNight = (timeOfDay: number) =>
    nightFrom < nightTo
      ? timeOfDay >= nightFrom && timeOfDay < nightTo
      : nightFrom > nightTo && (timeOfDay >= nightFrom || timeOfDay < nightTo); // equal: no night
  const boundaries = [nightFrom, nightTo, DAY_MS];

  const starts: number[] = [];
  const weights: number[] = [];
  const push = (seconds: number, weight: number) => {
    if (weights.length > 0 && weights[weights.length - 1] === weight) return;
    starts.push(seconds);
    weights.push(weight);
  };
  const reportFromMs = w.clockZeroMs + w.reportStartSeconds * 1000;
  const reportToMs = w.clockZeroMs + w.reportEndSeconds * 1000;
  const { changes, offsetsMs } = clock.segments;
  for (let k = 0; k < changes.length; k++) {
    // Within one offset segment local time runs in step with UTC.
    const segFrom = Math.max(changes[k], reportFromMs);
    const segTo = Math.min(k + 1 < changes.length ? changes[k + 1] : Infinity, reportToMs);
    if (segFrom >= segTo) continue;
    const offset = offsetsMs[k];
    for (let local = segFrom + offset; local < segTo + offset; ) {
      const day = Math.floor(local / DAY_MS);
      const timeOfDay = local - day * DAY_MS;
      const weekend = weekdayOf(day) >= 5;
      const weight = 1 + (isNight(timeOfDay) ? premiums.nightShare : 0) + (weekend ? premiums.weekendShare : 0);
      push((local - offset - w.clockZeroMs) / 1000, weight);
      let next = DAY_MS;
      for (const b of boundaries) if (b > timeOfDay && b < next) next = b;
      local = day * DAY_MS + next;
    }
  }
  if (starts.length === 0) push(w.reportStartSeconds, 1);
  return { startSeconds: Float64Array.from(starts), weight: Float64Array.from(weights) };
}

function paidSeconds(
  starts: Float64Array,
  ends: Float64Array,
  agents: Int32Array,
  weights: StepFunction,
  w: RosterWindow,
) {
  const paid = new Float64Array(w.intervalCount);
  const weighted = new Float64Array(w.intervalCount);
  const ws = weights.startSeconds;
  for (let s = 0; s < starts.length; s++) {
    const n = agents[s];
    if (n === 0) continue;
    const a = Math.max(starts[s], w.reportStartSeconds);
    const b = Math.min(ends[s], w.reportEndSeconds);
    if (a >= b) continue;
    // First weight segment in force at a.
    let k = 0;
    let hi = ws.length - 1;
    while (k < hi) {
      const mid = (k + hi + 1) >> 1;
      if (ws[mid] <= a) k = mid;
      else hi = mid - 1;
    }
    for (let i = Math.floor((a - w.reportStartSeconds) / w.intervalSeconds); i < w.intervalCount; i++) {
      const [is, ie] = intervalBounds(w, i);
      if (is >= b) break;
      const x = Math.max(a, is);
      const y = Math.min(b, ie);
      if (x >= y) continue;
      paid[i] += n * (y - x);
      let sum = 0;
      while (k + 1 < ws.length && ws[k + 1] <= x) k++;
      for (let j = k; j < ws.length && ws[j] < y; j++) {
        const from = Math.max(x, ws[j]);
        const to = Math.min(y, j + 1 < ws.length ? ws[j + 1] : Infinity);
        if (to > from) sum += (to - from) * weights.weight[j];
      }
      weighted[i] += n * sum;
    }
  }
  return { paid, weighted };
}
