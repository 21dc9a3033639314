// Demand per queue from contact records: volume, the weekly pattern in the customers' local time,
// days with unusually low (or high) volume as special days, and day-to-day variation.
//
// The scenario's pattern is separable (a weekday weight × an intraday curve), but real weeks are
// not: a bank's Friday is a half day and its Saturday starts after sunset. Weekdays whose
// intraday curves differ are therefore fitted as streams of their own (same queue, volume only
// on their days), so each kind of day keeps its own curve.
import { dayOf, hourOfDay, hoursOfLocalDay, weekdayOf } from './local-time';

/** A day this far below (or above) the typical volume of its weekday is a special day. */
export const SPECIAL_LOW = 0.6;
export const SPECIAL_HIGH = 1.6;
/** Weekdays whose intraday curves differ by less than this (total variation distance: the share
 * of the calls that would have to move hour) share one curve. */
export const SAME_CURVE = 0.12;
/** Pseudo-calls of the day group's curve (all queues) added to a small queue's own curve, so
 * that its hours are not noise. */
const CURVE_PRIOR_CALLS = 50;

export interface DayGroup {
  /** Monday-first weekdays, 0 = Monday. */
  weekdays: number[];
  /** Mon-Thu, Fri, Sun … for stream ids and messages. */
  name: string;
}

export interface StreamFit {
  id: string;
  queue: string;
  group: DayGroup;
  /** Mean contacts per day of each weekday, Monday first (0 outside the group). */
  weekday: number[];
  /** 24 relative weights, 00:00 to 23:00 local time. */
  hourly: number[];
  perWeek: number;
}

export interface QueueDemandFit {
  queue: string;
  offered: number;
  perWeek: number;
  /** Day-to-day variation beyond Poisson noise: the cv of a day's volume factor. */
  dailyVolumeCv: number;
}

export interface DemandFit {
  /** Local day numbers (days since 1970-01-01) of the first and last day with records. */
  firstDay: number;
  lastDay: number;
  daysWithData: number[];
  /** Days inside the period without a single record: a gap in the data, not a quiet day. */
  missingDays: number[];
  specialDays: { day: number; factor: number }[];
  groups: DayGroup[];
  streams: StreamFit[];
  queues: QueueDemandFit[];
  /** The volume's drift over the period: each ordinary day's total ÷ its weekday's mean, as a
   * straight line in the day number (level 1 at the period's middle on average). */
  trend: Trend;
}

export interface Trend {
  /** Level at `middleDay`, and its change per day (−0.01: 1% of the mean volume less a day). */
  level: number;
  perDay: number;
  middleDay: number;
  /** Standard error of perDay (ordinary least squares). */
  perDayError: number;
}

/** The drift as people say it, "−11.5% a week (± 1.3)"; undefined with too few days for a trend. */
export function weeklyDrift(t: Pick<Trend, 'perDay' | 'perDayError'>): string | undefined {
  return Number.isFinite(t.perDayError) ? `${(t.perDay * 700).toFixed(1)}% a week (± ${(t.perDayError * 700).toFixed(1)})` : undefined;
}

/** The trend's level on `day` (a multiple of the fitted volume), kept within 0.25 to 4. */
export function trendLevel(t: Trend, day: number): number {
  return Math.min(4, Math.max(0.25, t.level + t.perDay * (day - t.middleDay)));
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const normalise = (xs: number[]) => {
  const total = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => (total > 0 ? x / total : 1 / xs.length));
};
const distance = (a: number[], b: number[]) => a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0) / 2;
/** Four significant digits: the file stays readable, the fit loses nothing that matters. */
export const round4 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

/** Mon-Thu for consecutive weekdays (Sun-Thu wraps), a comma list otherwise. */
export function dayGroupName(weekdays: number[]): string {
  if (weekdays.length === 7) return 'daily';
  if (weekdays.length === 1) return WEEKDAYS[weekdays[0]];
  const set = new Set(weekdays);
  const start = weekdays.find((d) => !set.has((d + 6) % 7));
  if (start !== undefined) {
    let end = start;
    while (set.has((end + 1) % 7) && (end + 1) % 7 !== start) end = (end + 1) % 7;
    if ((end - start + 7) % 7 === weekdays.length - 1) return `${WEEKDAYS[start]}-${WEEKDAYS[end]}`;
  }
  return weekdays.map((d) => WEEKDAYS[d]).join(',');
}

/** Contacts arriving: one contact record each, or a row of an interval table with its count. */
export interface Arrivals {
  queue: string;
  /** Local wall-clock ms. */
  arrivalLocalMs: number;
  /** Contacts offered (1 when absent: a contact record). */
  count?: number;
}

/** The period's contacts per queue, day and local hour: the grid every part of the fit reads. */
interface HourlyCounts {
  queues: string[];
  /** Local day number of the period's first day, and the period's length in days. */
  firstDay: number;
  days: number;
  /** Contacts at [(queue * days + day) * 24 + hour], the day counted from `firstDay`. */
  counts: Float64Array;
  /** The real hours of each local hour on the days the clocks change (counted from `firstDay`):
   * 2 for the repeated hour, 0 for the skipped one. Every other day's hours are 1 each. */
  changeDays: Map<number, number[]>;
}

/** `records` (in time order) counted per queue, day of the period and local hour; `timezone`
 * tells the days the clocks change (none without it). */
function countByHour(records: Arrivals[], timezone?: string): HourlyCounts {
  const queues = [...new Set(records.map((r) => r.queue))];
  const firstDay = dayOf(records[0].arrivalLocalMs);
  const days = dayOf(records[records.length - 1].arrivalLocalMs) - firstDay + 1;
  const counts = new Float64Array(queues.length * days * 24);
  const qIndex = new Map(queues.map((q, i) => [q, i]));
  for (const r of records) {
    const d = dayOf(r.arrivalLocalMs) - firstDay;
    const h = hourOfDay(r.arrivalLocalMs);
    counts[(qIndex.get(r.queue)! * days + d) * 24 + h] += r.count ?? 1;
  }
  const changeDays = new Map<number, number[]>();
  for (let d = 0; timezone !== undefined && d < days; d++) {
    const hours = hoursOfLocalDay(timezone, firstDay + d);
    if (hours) changeDays.set(d, hours);
  }
  return { queues, firstDay, days, counts, changeDays };
}

/** Contacts on day `d` of the period: of queue `q`, or of all queues. */
function dayTotal({ queues, days, counts }: HourlyCounts, d: number, q?: number): number {
  let s = 0;
  for (let qq = 0; qq < queues.length; qq++) {
    if (q !== undefined && qq !== q) continue;
    for (let h = 0; h < 24; h++) s += counts[(qq * days + d) * 24 + h];
  }
  return s;
}

/** Contacts per local hour (24) over days `ds` of the period: of queue `q`, or of all queues.
 * Each real hour counts once: an hour the clocks repeat (or skip) that day is two hours (or none)
 * of the hour's contacts, so the sums are per real hour × days, as the scenario's curve is read
 * (its weight applies to each of the repeated hours: fitted on the sum, that hour got twice its
 * calls in the replay). */
function curveOf({ queues, days, counts, changeDays }: HourlyCounts, ds: number[], q?: number): number[] {
  const c = Array(24).fill(0);
  for (const d of ds) for (let qq = 0; qq < queues.length; qq++) if (q === undefined || qq === q) for (let h = 0; h < 24; h++) c[h] += counts[(qq * days + d) * 24 + h];
  const changes = ds.filter((d) => changeDays.has(d));
  if (changes.length === 0) return c;
  return c.map((x, h) => {
    const hours = ds.length + changes.reduce((s, d) => s + changeDays.get(d)![h] - 1, 0);
    return hours > 0 ? (x * ds.length) / hours : 0;
  });
}

/** The days of `ds` (counted from `firstDay`) that fall on weekday `w` (0 = Monday). */
const onWeekday = (firstDay: number, ds: number[], w: number) => ds.filter((d) => weekdayOf(firstDay + d) === w);

/** Special days and their volume ÷ the median of their weekday (which needs two or more days).
 * A weekday keeps at least one ordinary day: the median of two days lies halfway between them,
 * so a holiday below 40% of the other day put both outside 60–160% of it, and the weekday got no
 * volume at all (two weeks of the bank with a holiday on the second Friday: no Friday stream,
 * every Friday forecast empty). When every day of a weekday is that far from its median, the day
 * nearest it (by ratio) stays ordinary and the others are judged against it. */
function findSpecialDays(firstDay: number, totals: number[], withData: number[]): Map<number, number> {
  const special = new Map<number, number>();
  const outside = (ratio: number) => ratio < SPECIAL_LOW || ratio > SPECIAL_HIGH;
  for (let w = 0; w < 7; w++) {
    const same = onWeekday(firstDay, withData, w);
    if (same.length < 2) continue;
    let typical = median(same.map((d) => totals[d]));
    if (same.every((d) => outside(totals[d] / typical))) {
      const distance = (d: number) => Math.abs(Math.log(totals[d] / typical));
      typical = totals[same.reduce((best, d) => (distance(d) < distance(best) ? d : best))];
    }
    for (const d of same) {
      const ratio = totals[d] / typical;
      if (outside(ratio)) special.set(d, ratio);
    }
  }
  return special;
}

/** Weekdays grouped by their intraday curve (all queues, ordinary days), each group with its
 * summed curve. Weekdays never seen on an ordinary day are in no group. */
function groupWeekdaysByCurve(grid: HourlyCounts, normal: number[]): { weekdays: number[]; curve: number[] }[] {
  const groups: { weekdays: number[]; curve: number[] }[] = [];
  for (let w = 0; w < 7; w++) {
    const ds = onWeekday(grid.firstDay, normal, w);
    if (ds.length === 0) continue;
    const curve = curveOf(grid, ds);
    const home = groups.find((g) => distance(normalise(g.curve), normalise(curve)) < SAME_CURVE);
    if (home) {
      home.weekdays.push(w);
      home.curve = home.curve.map((x, h) => x + curve[h]);
    } else groups.push({ weekdays: [w], curve });
  }
  return groups;
}

/** Mean contacts per ordinary day of queue `q`, for each weekday, Monday first (0 if unseen). */
function weekdayMeans(grid: HourlyCounts, normal: number[], q: number): number[] {
  return Array.from({ length: 7 }, (_, w) => {
    const ds = onWeekday(grid.firstDay, normal, w);
    return ds.length > 0 ? ds.reduce((s, d) => s + dayTotal(grid, d, q), 0) / ds.length : 0;
  });
}

/** Queue `q`'s streams: one per day group with volume, its curve its own hours steadied by the
 * group's curve (CURVE_PRIOR_CALLS pseudo-calls). */
function queueStreams(
  grid: HourlyCounts,
  normal: number[],
  q: number,
  weekdayMean: number[],
  groups: { weekdays: number[]; curve: number[] }[],
  dayGroups: DayGroup[],
): StreamFit[] {
  const queue = grid.queues[q];
  const streams: StreamFit[] = [];
  groups.forEach((g, k) => {
    const weekday = weekdayMean.map((m, w) => (g.weekdays.includes(w) ? m : 0));
    const perWeek = weekday.reduce((a, b) => a + b, 0);
    if (perWeek === 0) return;
    const own = curveOf(grid, normal.filter((d) => g.weekdays.includes(weekdayOf(grid.firstDay + d))), q);
    const prior = normalise(g.curve);
    const hourly = normalise(own.map((c, h) => c + CURVE_PRIOR_CALLS * prior[h])).map((x) => round4(x * 24));
    const id = groups.length === 1 ? safeId(queue) : `${safeId(queue)}-${dayGroups[k].name.replace(/,/g, '-')}`;
    streams.push({ id, queue, group: dayGroups[k], weekday: weekday.map(round4), hourly, perWeek: round4(perWeek) });
  });
  return streams;
}

/** Queue `q`'s day-to-day variation beyond Poisson (the cv of a day's volume factor; 0 with
 * fewer than 3 degrees of freedom). */
function dailyVolumeCv(grid: HourlyCounts, normal: number[], q: number, weekdayMean: number[]): number {
  // The variance of actual ÷ expected, pooled within weekdays (each weekday's mean is fitted
  // from its own few days: n − 1 degrees of freedom each), less the Poisson part, mean(1 ÷ expected).
  let squares = 0;
  let freedom = 0;
  let poisson = 0;
  let days = 0;
  for (let w = 0; w < 7; w++) {
    const expected = weekdayMean[w];
    const ds = onWeekday(grid.firstDay, normal, w);
    if (expected < 5 || ds.length < 2) continue;
    for (const d of ds) squares += (dayTotal(grid, d, q) / expected - 1) ** 2;
    freedom += ds.length - 1;
    poisson += ds.length / expected;
    days += ds.length;
  }
  return freedom >= 3 ? Math.sqrt(Math.max(0, squares / freedom - poisson / days)) : 0;
}

/** The volume's drift: each ordinary day's total (all queues) ÷ its weekday's mean, on the day. */
function volumeTrend(firstDay: number, totals: number[], normal: number[]): Trend {
  const weekdayTotal = (w: number) => {
    const ds = onWeekday(firstDay, normal, w);
    return ds.reduce((sum, d) => sum + totals[d], 0) / ds.length;
  };
  return fitTrend(normal.map((d) => ({ day: firstDay + d, level: totals[d] / weekdayTotal(weekdayOf(firstDay + d)) })).filter((p) => Number.isFinite(p.level)));
}

/** `records` in time order, local times in `timezone` (without it, every day is of 24 hours). */
export function fitDemand(records: Arrivals[], timezone?: string): DemandFit {
  const grid = countByHour(records, timezone);
  const { queues, firstDay, days } = grid;
  const totals = Array.from({ length: days }, (_, d) => dayTotal(grid, d));
  const withData = totals.flatMap((t, d) => (t > 0 ? [d] : []));
  const missing = totals.flatMap((t, d) => (t > 0 ? [] : [d]));
  const special = findSpecialDays(firstDay, totals, withData);
  const normal = withData.filter((d) => !special.has(d));
  const groups = groupWeekdaysByCurve(grid, normal);
  // Weekdays never seen on a normal day get no volume: say so through the weekday weights (0).
  const dayGroups: DayGroup[] = groups.map((g) => ({ weekdays: g.weekdays, name: dayGroupName(g.weekdays) }));

  const streams: StreamFit[] = [];
  const queueFits: QueueDemandFit[] = [];
  queues.forEach((queue, q) => {
    const weekdayMean = weekdayMeans(grid, normal, q);
    streams.push(...queueStreams(grid, normal, q, weekdayMean, groups, dayGroups));
    queueFits.push({
      queue,
      offered: records.reduce((n, r) => n + (r.queue === queue ? (r.count ?? 1) : 0), 0),
      perWeek: round4(weekdayMean.reduce((a, b) => a + b, 0)),
      dailyVolumeCv: Math.round(dailyVolumeCv(grid, normal, q, weekdayMean) * 1000) / 1000,
    });
  });
  return {
    trend: volumeTrend(firstDay, totals, normal),
    firstDay,
    lastDay: firstDay + days - 1,
    daysWithData: withData.map((d) => firstDay + d),
    missingDays: missing.map((d) => firstDay + d),
    specialDays: [...special].sort((a, b) => a[0] - b[0]).map(([d, ratio]) => ({ day: firstDay + d, factor: Math.round(ratio * 100) / 100 })),
    groups: dayGroups,
    streams,
    queues: queueFits,
  };
}

/** A stream id from a queue code: he-PS → he-PS (ids allow letters, digits, - and _). */
export const safeId = (queue: string) => (/^[A-Za-z]/.test(queue) ? queue : `q${queue}`).replace(/[^A-Za-z0-9_-]/g, '_');

/** Least squares of level on day. Each level is a day's total ÷ its weekday's mean, so every
 * weekday seen costs a degree of freedom besides the slope's: a weekday seen once is exactly 1
 * whatever the drift, and a week of days alone has no trend to tell (it read 0.0 ± 0.0). */
function fitTrend(points: { day: number; level: number }[]): Trend {
  const n = points.length;
  const freedom = n - new Set(points.map((p) => weekdayOf(p.day))).size - 1;
  if (n < 3 || freedom < 1) return { level: 1, perDay: 0, middleDay: points[0]?.day ?? 0, perDayError: Infinity };
  const middleDay = points.reduce((s, p) => s + p.day, 0) / n;
  const level = points.reduce((s, p) => s + p.level, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.day - middleDay) ** 2, 0);
  const perDay = sxx > 0 ? points.reduce((s, p) => s + (p.day - middleDay) * (p.level - level), 0) / sxx : 0;
  const residual = points.reduce((s, p) => s + (p.level - level - perDay * (p.day - middleDay)) ** 2, 0) / freedom;
  return { level, perDay, middleDay, perDayError: sxx > 0 ? Math.sqrt(residual / sxx) : Infinity };
}
