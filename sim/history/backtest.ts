// Back-test: replay a period of contact records with a scenario's model — its demand, handle
// times and patience — and the staffing the records show was on the phones, then set what
// really happened against the simulation, hour by hour. The simulation's 95% band is the range
// of its replications (2.5th to 97.5th percentile): the values one real period could take if the
// model were right, which the actual value should fall inside about 95% of the time.
import { RecordsError, type ContactRecord } from './records';
import { ScenarioError, type Scenario } from '../scenario/scenario';
import { LIMITS } from '../scenario/schema-parts';
import { compileScenario, type CompiledModel } from '../model/model';
import type { CompiledRoster } from '../model/availability';
import { simulateReplication } from '../kernel/engine';
import { inferStaffing, secondsPerInterval, type ObservedStaffing } from './observed-staffing';
import { dayOf, DAY_MS, HOUR_MS, hourOfDay, instantOfLocal, isoDay, isoWithOffset, localMsOfInstant, weekdayOf } from './local-time';

export const BACKTEST_FIGURES = ['offered', 'answered', 'abandonRate', 'asaSeconds', 'serviceLevel', 'occupancy'] as const;
export type BacktestFigure = (typeof BACKTEST_FIGURES)[number];
export const GRAINS = ['interval', 'hour', 'hourOfWeek', 'day'] as const;
export type Grain = (typeof GRAINS)[number];

/** Per hour (or day, hour of the week): the sums every figure is a ratio of. */
export const SUMS = ['offered', 'answered', 'abandoned', 'within', 'waitSeconds', 'busySeconds', 'onlineSeconds'] as const;
const S = SUMS.length;

export interface ErrorFigures {
  /** Mean of simulated − actual: > 0 the model overstates. */
  bias: number | null;
  /** Mean |simulated − actual|. */
  mae: number | null;
  /** Of a rate (abandon rate, service level, ASA, occupancy): Σ w·|simulated − actual| ÷ Σ w, each
   * point weighted by the actual contacts its rate is of (offered; answered for ASA; time on the
   * phones for occupancy), so that an hour of 200 calls counts as 200 hours of one call; null for
   * counts. An hour with one call read 0% or 100%: on the bank's month 20 such hours of fewer than
   * 10 calls (of 403) took the hourly abandon rate's MAE from 6.1 to 9.2 points. */
  weightedMae: number | null;
  /** Mean |simulated − actual| ÷ |actual|, over the points where actual ≠ 0 (a fraction). */
  mape: number | null;
  /** Share of the points whose actual value lies in the simulation's 95% band. */
  insideBand: number | null;
  /** Points compared (hours, days … where both are defined). */
  points: number;
}

export interface SeriesPoint {
  /** Label: ISO local time of the hour (with its UTC offset, "2026-10-25T02:00 (+01:00)", when
   * the clocks go back and that hour happens twice), YYYY-MM-DD, or "Sun 09:00". */
  label: string;
  actual: number | null;
  mean: number | null;
  low: number | null;
  high: number | null;
  /** What the actual rate is of (contacts offered, answered, or seconds on the phones), for the
   * weighted MAE; null for counts. */
  weight: number | null;
  /** Nothing was offered, actually or in any replication (the centre was closed): drawn, but its
   * counts are not compared — a closed hour tests nothing, and the bank's nights, 0 against 0,
   * were a quarter of the hours "inside the band" (out of sample: offered 80% inside, MAE 13.8
   * calls an hour; over the hours open 74%, 17.7). */
  closed?: boolean;
}

export interface BacktestResult {
  timezone: string;
  /** First and last local day replayed, and days inside it without records (not compared). */
  from: string;
  to: string;
  daysWithoutRecords: string[];
  replications: number;
  /** The service level's threshold the records are judged at (the first queue's). */
  thresholdSeconds: number;
  /** Each channel the scenario's demand has, with the threshold its simulated contacts are judged at. */
  thresholds: { channel: string; seconds: number }[];
  contacts: number;
  agentsSeen: number;
  /** The scenario's reporting interval, the finest grain compared. */
  intervalMinutes: number;
  /** Hourly grain: figures.<name>.{ bias, mae, mape, insideBand }. */
  figures: Record<BacktestFigure, ErrorFigures>;
  grains: Record<Grain, Record<BacktestFigure, ErrorFigures>>;
  series: Record<Grain, Record<BacktestFigure, SeriesPoint[]>>;
}

/** Memory a replay keeps for its bands: every replication's sums per interval, and a copy of
 * them folded into one grain at a time (the finest, the interval, is the largest). */
export function replayBytes(replications: number, intervals: number): number {
  return 2 * replications * intervals * S * Float64Array.BYTES_PER_ELEMENT;
}

/** Replications of a replay unless asked otherwise: a band from n replications' 2.5th to 97.5th
 * percentiles holds about (n − 1)/(n + 1) of the outcomes when n is small (82% for 10), 95% from
 * about 40. */
export const MIN_REPLICATIONS = 40;

export interface BacktestOptions {
  replications?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The observed sessions as a roster: a shift per session with its agents, on the simulation clock. */
function observedRoster(staffing: ObservedStaffing, model: CompiledModel, zone: string): CompiledRoster {
  const cache = new Map<number, number>();
  const sim = (ms: number) => ((staffing.onInstants ? ms : instantOfLocal(zone, ms, cache)) - model.clockZeroMs) / 1000;
  const spans = staffing.sessions
    .map((s) => ({ start: sim(s.startLocalMs), end: sim(s.endLocalMs), agents: s.agents ?? 1 }))
    .filter((s) => s.end > 0 && s.start < model.stopSeconds && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const paid = new Float64Array(model.intervalCount);
  for (const s of spans) {
    const first = Math.max(0, Math.floor((s.start - model.reportStartSeconds) / model.intervalSeconds));
    for (let i = first; i < model.intervalCount; i++) {
      const a = model.reportStartSeconds + i * model.intervalSeconds;
      if (a >= s.end) break;
      const overlap = Math.min(s.end, a + model.intervalSeconds, model.reportEndSeconds) - Math.max(s.start, a);
      if (overlap > 0) paid[i] += overlap * s.agents;
    }
  }
  return {
    shiftStartSeconds: Float64Array.from(spans, (s) => Math.max(0, s.start)),
    shiftEndSeconds: Float64Array.from(spans, (s) => s.end),
    shiftAgents: Int32Array.from(spans, (s) => s.agents),
    paidAgentSeconds: paid,
    premiumWeightedAgentSeconds: paid.slice(),
  };
}

/** Hours from local midnight of `firstDay` to local midnight `days` later: 24 a day but on the
 * nights the clocks change. A horizon of days × 24 hours left a period ending after an autumn
 * night short of its last hour: that hour's records were neither replayed nor compared. */
function hoursOfDays(zone: string, firstDay: number, days: number): number {
  return (instantOfLocal(zone, (firstDay + days) * DAY_MS) - instantOfLocal(zone, firstDay * DAY_MS)) / HOUR_MS;
}

/** The scenario set to the records' period, interval by interval, with the observed staffing. */
export function backtestModel(scenario: Scenario, firstDay: number, days: number, staffing: ObservedStaffing, options: BacktestOptions = {}): CompiledModel {
  const zone = scenario.demand[0].timezone;
  const replay: Scenario = {
    ...scenario,
    horizon: { start: isoWithOffset(zone, firstDay * DAY_MS), hours: hoursOfDays(zone, firstDay, days), warmupHours: 0 },
    replications: options.replications ?? Math.max(scenario.replications, MIN_REPLICATIONS),
  };
  const model = compileScenario(replay, { seed: options.seed });
  if (model.pools.length === 0) throw new ScenarioError([`${scenario.name}: no pool of agents (in-house or outsourced) to replay the observed staffing with`]);
  const unserved = model.queues.filter((_, q) => !model.pools[0].queues.includes(q)).map((q) => `${q.language}/${q.channel}`);
  if (unserved.length > 0) {
    throw new ScenarioError([`${scenario.name}: the observed staffing is replayed in pool ${model.pools[0].id}, which does not serve ${unserved.join(', ')}`]);
  }
  // The observed agents were on the phones: no shrinkage or absence on top; the first pool gets
  // them all (an imported scenario has one), any other pool none.
  const empty: CompiledRoster = {
    shiftStartSeconds: new Float64Array(0),
    shiftEndSeconds: new Float64Array(0),
    shiftAgents: new Int32Array(0),
    paidAgentSeconds: new Float64Array(model.intervalCount),
    premiumWeightedAgentSeconds: new Float64Array(model.intervalCount),
  };
  model.pools = model.pools.map((p, k) => ({ ...p, roster: k === 0 ? observedRoster(staffing, model, zone) : empty, shrinkage: 0, absenceRate: 0 }));
  return model;
}

function quantile(sorted: number[], p: number): number {
  const x = (sorted.length - 1) * p;
  const lo = Math.floor(x);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (x - lo);
}

function figureOf(sums: Float64Array, at: number, figure: BacktestFigure): number {
  const [offered, answered, abandoned, within, wait, busy, online] = sums.subarray(at, at + S);
  switch (figure) {
    case 'offered':
      return offered;
    case 'answered':
      return answered;
    case 'abandonRate':
      return offered > 0 ? abandoned / offered : NaN;
    case 'asaSeconds':
      return answered > 0 ? wait / answered : NaN;
    case 'serviceLevel':
      return offered > 0 ? within / offered : NaN;
    case 'occupancy':
      return online > 0 ? busy / online : NaN;
  }
}

export function errorFigures(points: SeriesPoint[]): ErrorFigures {
  const both = points.filter((p) => p.actual !== null && p.mean !== null && !p.closed);
  if (both.length === 0) return { bias: null, mae: null, weightedMae: null, mape: null, insideBand: null, points: 0 };
  const diff = both.map((p) => p.mean! - p.actual!);
  const relative = both.filter((p) => p.actual !== 0).map((p) => Math.abs(p.mean! - p.actual!) / Math.abs(p.actual!));
  const inside = both.filter((p) => p.low !== null && p.actual! >= p.low - 1e-9 && p.actual! <= p.high! + 1e-9).length;
  const weighted = both.filter((p) => p.weight !== null && p.weight !== undefined && p.weight > 0);
  const totalWeight = weighted.reduce((a, p) => a + p.weight!, 0);
  return {
    bias: diff.reduce((a, b) => a + b, 0) / both.length,
    mae: diff.reduce((a, b) => a + Math.abs(b), 0) / both.length,
    weightedMae: totalWeight > 0 ? weighted.reduce((a, p) => a + p.weight! * Math.abs(p.mean! - p.actual!), 0) / totalWeight : null,
    mape: relative.length > 0 ? relative.reduce((a, b) => a + b, 0) / relative.length : null,
    insideBand: inside / both.length,
    points: both.length,
  };
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What happened in the period, however it was recorded (contacts or interval tables). */
export interface Observation {
  /** Local day numbers of the first and last day, and the days with any data. */
  firstDay: number;
  lastDay: number;
  seenDays: Set<number>;
  contacts: number;
  agentsSeen: number;
  /** The staffing to replay: each session is agents on the phones (one each). */
  staffing: ObservedStaffing;
  /** The table's interval, when the data come in intervals: the replay uses it. */
  intervalMinutes?: number;
  /** Actual sums (SUMS order) per interval of the simulation's grid; NaN where unknown. */
  sums(grid: Grid): Float64Array;
}

export interface Grid {
  zone: string;
  /** Instant of the first interval's start, and the interval length. */
  startMs: number;
  intervalMs: number;
  count: number;
  thresholdSeconds: number;
}

/** The observation of a period of contact records (in time order). */
export function observeRecords(records: ContactRecord[]): Observation {
  if (records.length === 0) throw new RecordsError(['no contact records to back-test on']);
  // Records that all carry their instants are placed by them, their agents' sessions too: local
  // clock times put both of an autumn night's repeated hours into the second (Berlin, one call
  // every 10 minutes: 0 and 12 calls in those hours, not 6 and 6).
  const onInstants = records.every((r) => r.arrivalMs !== undefined);
  const staffing = onInstants
    ? { ...inferStaffing(records.map((r) => ({ ...r, arrivalLocalMs: r.arrivalMs! })).sort((a, b) => a.arrivalLocalMs - b.arrivalLocalMs)), onInstants }
    : inferStaffing(records);
  return {
    firstDay: dayOf(records[0].arrivalLocalMs),
    lastDay: dayOf(records[records.length - 1].arrivalLocalMs),
    seenDays: new Set(records.map((r) => dayOf(r.arrivalLocalMs))),
    contacts: records.length,
    agentsSeen: staffing.agents,
    staffing,
    sums({ zone, startMs, intervalMs, count, thresholdSeconds }) {
      const cache = new Map<number, number>();
      const actual = new Float64Array(count * S);
      for (const r of records) {
        const i = Math.floor(((r.arrivalMs ?? instantOfLocal(zone, r.arrivalLocalMs, cache)) - startMs) / intervalMs);
        if (i < 0 || i >= count) continue;
        const at = i * S;
        actual[at]++;
        if (r.answered) {
          actual[at + 1]++;
          actual[at + 4] += r.waitSeconds;
          if (r.waitSeconds <= thresholdSeconds) actual[at + 3]++;
        } else actual[at + 2]++;
      }
      // Busy and on-the-phones time, on the simulation clock's intervals.
      const instants = (spans: { startLocalMs: number; endLocalMs: number; agents?: number }[]) =>
        staffing.onInstants ? spans : spans.map((s) => ({ startLocalMs: instantOfLocal(zone, s.startLocalMs, cache), endLocalMs: instantOfLocal(zone, s.endLocalMs, cache), agents: s.agents }));
      const busy = secondsPerInterval(instants(staffing.busy), startMs, intervalMs, count);
      const online = secondsPerInterval(instants(staffing.sessions), startMs, intervalMs, count);
      for (let i = 0; i < count; i++) {
        actual[i * S + 5] = busy[i];
        actual[i * S + 6] = online[i];
      }
      return actual;
    },
  };
}

/** Replays `records` (one period, the customers' local time of the scenario's first stream). */
export function backtest(scenario: Scenario, records: ContactRecord[], options: BacktestOptions = {}): BacktestResult {
  return backtestObserved(scenario, observeRecords(records), options);
}

/** The replay's model: the scenario on the observation's period (and interval, if it has one). */
function replayModel(scenario: Scenario, observed: Observation, options: BacktestOptions): CompiledModel {
  const { firstDay, lastDay, staffing } = observed;
  const days = lastDay - firstDay + 1;
  if (days > LIMITS.horizonDays) throw new RecordsError([`the records span ${days} days: a back-test replays at most ${LIMITS.horizonDays} (split them)`]);
  return backtestModel(observed.intervalMinutes ? { ...scenario, intervalMinutes: observed.intervalMinutes as Scenario['intervalMinutes'] } : scenario, firstDay, days, staffing, options);
}

/** One replication's sums (SUMS order) per interval: its queues added up, and its pools. */
function replicationSums(model: CompiledModel, r: number): Float64Array {
  const t = simulateReplication(model, r);
  const intervals = model.intervalCount;
  const Q = model.queues.length;
  const P = model.pools.length;
  const sums = new Float64Array(intervals * S);
  for (let i = 0; i < intervals; i++) {
    const at = i * S;
    for (let q = 0; q < Q; q++) {
      const cell = i * Q + q;
      sums[at] += t.offered[cell];
      sums[at + 1] += t.answered[cell];
      sums[at + 2] += t.abandoned[cell];
      sums[at + 3] += t.answeredWithinThreshold[cell];
      sums[at + 4] += t.waitSecondsAnswered[cell];
    }
    for (let p = 0; p < P; p++) {
      sums[at + 5] += t.poolBusySeconds[i * P + p];
      sums[at + 6] += t.poolOnlineSeconds[i * P + p];
    }
  }
  return sums;
}

/** How a grain gathers the grid's intervals: each interval's group, the groups, a group's name. */
interface Grouping {
  groupOf: (i: number) => number;
  count: number;
  /** The name of the group whose first interval is `i`. */
  label: (i: number) => string;
  /** The hours of records a group gathers, when it gathers several (an hour of the week: every
   * Monday at 09:00 of the period): its sums are divided by them, so that its counts are per day
   * of that weekday — one hour a day, but two the night the clocks go back (its repeated hour)
   * and none the night they go forward. Summed, a weekday met five times in the month outweighed
   * one met three times (January 1999: the bank's Sunday 10:00 read 656 calls and its Monday
   * 10:00 395, from five Sundays and three Mondays with records: 131.2 and 131.7 a day); divided
   * by days, Berlin's Sunday 02:00 read 9 calls an hour over two Sundays of 6 an hour, one of
   * them 25 hours long (and 3 over two Sundays, one of them 23 hours long). */
  hoursIn?: (g: number) => number;
}

/** Local wall-clock ms at the start of the grid's interval `i`. */
const localOf = (grid: Grid, i: number) => localMsOfInstant(grid.zone, grid.startMs + i * grid.intervalMs);

/** An interval's label: its local time (2026-10-25T01:00), and, when that clock time happens
 * twice (the night the clocks go back), the UTC offset it had: "2026-10-25T02:00 (+02:00)" and
 * "2026-10-25T02:00 (+01:00)", which otherwise read the same in every table, chart and report. */
export function clockLabel(zone: string, instant: number): string {
  const local = localMsOfInstant(zone, instant);
  const label = isoWithOffset(zone, local).slice(0, 16);
  // Another instant with the same local time: one at an offset the zone has a few hours around.
  const twice = [instant - 3 * HOUR_MS, instant + 3 * HOUR_MS].some((t) => {
    const other = local - (localMsOfInstant(zone, t) - t);
    return other !== instant && localMsOfInstant(zone, other) === local;
  });
  if (!twice) return label;
  const minutes = Math.round((local - instant) / 60_000);
  const hhmm = `${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  return `${label} (${minutes < 0 ? '-' : '+'}${hhmm})`;
}

/** Each grain's grouping of the grid's intervals, in the customers' local time. */
function groupings(grid: Grid, firstDay: number, days: number, seenDays: Set<number>): Record<Grain, Grouping> {
  const local = (i: number) => localOf(grid, i);
  const hourOfWeek = (i: number) => weekdayOf(dayOf(local(i))) * 24 + hourOfDay(local(i));
  // Each real hour once: the grid's intervals are instants, so an hour that happens twice has
  // twice the intervals, and one skipped none.
  const hoursOfWeek = new Float64Array(168);
  for (let i = 0; i < grid.count; i++) if (seenDays.has(dayOf(local(i)))) hoursOfWeek[hourOfWeek(i)] += grid.intervalMs / HOUR_MS;
  const hourIndex = (i: number) => Math.floor((i * grid.intervalMs) / HOUR_MS);
  const stamp = (i: number) => clockLabel(grid.zone, grid.startMs + i * grid.intervalMs);
  return {
    interval: { groupOf: (i) => i, count: grid.count, label: stamp },
    hour: { groupOf: hourIndex, count: hourIndex(grid.count - 1) + 1, label: stamp },
    day: { groupOf: (i) => dayOf(local(i)) - firstDay, count: days, label: (i) => isoDay(dayOf(local(i))) },
    hourOfWeek: {
      groupOf: hourOfWeek,
      count: 168,
      label: (i) => `${WEEKDAY_NAMES[weekdayOf(dayOf(local(i)))]} ${String(hourOfDay(local(i))).padStart(2, '0')}:00`,
      hoursIn: (g) => hoursOfWeek[g],
    },
  };
}

/** Per-interval sums added up per group, leaving out the days without records. */
function foldIntoGroups(sums: Float64Array, grid: Grid, { groupOf, count, hoursIn }: Grouping, seenDays: Set<number>): Float64Array {
  const out = new Float64Array(count * S);
  for (let i = 0; i < grid.count; i++) {
    if (!seenDays.has(dayOf(localOf(grid, i)))) continue;
    const g = groupOf(i);
    for (let k = 0; k < S; k++) out[g * S + k] += sums[i * S + k];
  }
  // Per hour of the group (its ratios are unchanged: every sum is divided alike).
  if (hoursIn) for (let g = 0; g < count; g++) for (let k = 0; k < S; k++) out[g * S + k] /= Math.max(1, hoursIn(g));
  return out;
}

/** What each figure's actual rate is of, as a SUMS index (offered; answered for ASA; time on the
 * phones for occupancy), for the weighted MAE; -1 for counts. */
const WEIGHT_OF: Record<BacktestFigure, number> = { offered: -1, answered: -1, abandonRate: 0, serviceLevel: 0, asaSeconds: 1, occupancy: 6 };

/** A group's actual value of `figure` against the replications' mean and 95% band. */
function bandPoint(label: string, actual: Float64Array, simulated: Float64Array[], g: number, figure: BacktestFigure, replications: number): SeriesPoint {
  const a = figureOf(actual, g * S, figure);
  const of = WEIGHT_OF[figure];
  const values = simulated.map((s) => figureOf(s, g * S, figure)).filter(Number.isFinite).sort((x, y) => x - y);
  // A ratio defined in fewer than half the replications (an hour with a contact now and
  // then) has no band worth comparing with.
  const defined = values.length >= Math.max(1, replications / 2);
  return {
    label,
    actual: Number.isFinite(a) ? a : null,
    mean: defined ? values.reduce((x, y) => x + y, 0) / values.length : null,
    low: defined ? quantile(values, 0.025) : null,
    high: defined ? quantile(values, 0.975) : null,
    weight: of < 0 ? null : actual[g * S + of],
  };
}

/** One grain's series of every figure, a point per group with records, and their errors. */
function compareGrain(grid: Grid, grouping: Grouping, seenDays: Set<number>, actual: Float64Array, simulated: Float64Array[], replications: number) {
  const { groupOf, count, label } = grouping;
  // The first interval of each group names it.
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < grid.count; i++) if (seenDays.has(dayOf(localOf(grid, i))) && first[groupOf(i)] < 0) first[groupOf(i)] = i;
  const actualG = foldIntoGroups(actual, grid, grouping, seenDays);
  const simG = simulated.map((sums) => foldIntoGroups(sums, grid, grouping, seenDays));
  const closed = Array.from({ length: count }, (_, g) => actualG[g * S] === 0 && simG.every((sums) => sums[g * S] === 0));
  const series = {} as Record<BacktestFigure, SeriesPoint[]>;
  const errors = {} as Record<BacktestFigure, ErrorFigures>;
  for (const figure of BACKTEST_FIGURES) {
    const points: SeriesPoint[] = [];
    for (let g = 0; g < count; g++) {
      if (first[g] < 0) continue;
      const point = bandPoint(label(first[g]), actualG, simG, g, figure, replications);
      points.push((figure === 'offered' || figure === 'answered') && closed[g] ? { ...point, closed: true } : point);
    }
    series[figure] = points;
    errors[figure] = errorFigures(points);
  }
  return { series, errors };
}

export function backtestObserved(scenario: Scenario, observed: Observation, options: BacktestOptions = {}): BacktestResult {
  const zone = scenario.demand[0].timezone;
  const { firstDay, lastDay, seenDays } = observed;
  const days = lastDay - firstDay + 1;
  const model = replayModel(scenario, observed, options);
  const grid: Grid = {
    zone,
    startMs: model.clockZeroMs + model.reportStartSeconds * 1000,
    intervalMs: model.intervalSeconds * 1000,
    count: model.intervalCount,
    thresholdSeconds: model.queues[0]?.slThresholdSeconds ?? 20,
  };
  const actual = observed.sums(grid);
  const R = model.replications;
  const simulated: Float64Array[] = [];
  options.onProgress?.(0, R);
  for (let r = 0; r < R; r++) {
    simulated.push(replicationSums(model, r));
    options.onProgress?.(r + 1, R);
  }

  const byGrain = groupings(grid, firstDay, days, seenDays);
  const result = { figures: {}, grains: {}, series: {} } as Pick<BacktestResult, 'figures' | 'grains' | 'series'>;
  for (const grain of GRAINS) {
    const { series, errors } = compareGrain(grid, byGrain[grain], seenDays, actual, simulated, R);
    result.series[grain] = series;
    result.grains[grain] = errors;
  }
  result.figures = result.grains.hour;
  return {
    timezone: zone,
    from: isoDay(firstDay),
    to: isoDay(lastDay),
    daysWithoutRecords: Array.from({ length: days }, (_, d) => firstDay + d).filter((d) => !seenDays.has(d)).map(isoDay),
    replications: R,
    intervalMinutes: model.intervalSeconds / 60,
    thresholdSeconds: grid.thresholdSeconds,
    thresholds: [...new Map(model.queues.map((q) => [q.channel as string, q.slThresholdSeconds]))].map(([channel, seconds]) => ({ channel, seconds })),
    contacts: observed.contacts,
    agentsSeen: observed.agentsSeen,
    ...result,
  };
}
