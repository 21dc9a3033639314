// The customers' local wall clock ↔ instants. Records carry local wall-clock milliseconds (the
// local fields read as if UTC), as the exports write them; the simulation runs on instants.
import { offsetMinutes } from '../model/timezones';
import { wordFor } from '../text/counted';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Local wall-clock ms of an instant in `zone`. */
export function localMsOfInstant(zone: string, utcMs: number): number {
  return utcMs + offsetMinutes(zone, utcMs) * 60_000;
}

/** The instant of a local wall-clock time in `zone`. A time of the night the clocks change is
 * read with one of that night's two offsets (the one in force at the time read as UTC, less
 * that offset): east of Greenwich
 * (Berlin, Jerusalem, Sydney) the later of a repeated hour's two instants and a skipped time an
 * hour on; west of it (New York) the earlier, and an hour back (load.ts's caveats say which).
 * Offsets are cached by local hour. */
export function instantOfLocal(zone: string, localMs: number, cache?: Map<number, number>): number {
  const hour = Math.floor(localMs / HOUR_MS);
  let offsetMs = cache?.get(hour);
  if (offsetMs === undefined) {
    const guess = localMs - offsetMinutes(zone, localMs) * 60_000;
    offsetMs = offsetMinutes(zone, guess) * 60_000;
    cache?.set(hour, offsetMs);
  }
  return localMs - offsetMs;
}

const QUARTER_HOUR_MS = 900_000;

/** The one instant a local wall-clock time names in `zone`; undefined when it names two (the
 * autumn night's repeated hour) or none (the spring gap): which one was meant is then a guess.
 * Offsets change on the quarter hour, so `cache` keeps the offset (NaN: not one) per local quarter
 * hour. */
export function soleInstantOfLocal(zone: string, localMs: number, cache?: Map<number, number>): number | undefined {
  const quarter = Math.floor(localMs / QUARTER_HOUR_MS);
  let offsetMs = cache?.get(quarter);
  if (offsetMs === undefined) {
    offsetMs = soleOffsetMs(zone, quarter * QUARTER_HOUR_MS);
    cache?.set(quarter, offsetMs);
  }
  return Number.isNaN(offsetMs) ? undefined : localMs - offsetMs;
}

/** The offset of the only instant showing `localMs` (NaN: two or none). The offsets in force
 * 6 hours either side of the later guess are the only candidates: clocks change at most once a
 * night. */
function soleOffsetMs(zone: string, localMs: number): number {
  const guess = instantOfLocal(zone, localMs);
  const candidates = new Set([-6 * HOUR_MS, 0, 6 * HOUR_MS].map((d) => offsetMinutes(zone, guess + d) * 60_000));
  const fits = [...candidates].filter((offsetMs) => localMsOfInstant(zone, localMs - offsetMs) === localMs);
  return fits.length === 1 ? fits[0] : NaN;
}

/** The real hours each local hour (0–23) of local day `day` lasted in `zone`: 1 each, but 2 for
 * the hour the clocks repeat and 0 for the one they skip; undefined for a day of 24 hours. */
export function hoursOfLocalDay(zone: string, day: number): number[] | undefined {
  const start = instantOfLocal(zone, day * DAY_MS);
  const end = instantOfLocal(zone, (day + 1) * DAY_MS);
  if (end - start === DAY_MS) return undefined;
  const hours = new Array<number>(24).fill(0);
  for (let t = start; t < end; t += QUARTER_HOUR_MS) {
    const local = localMsOfInstant(zone, t);
    if (dayOf(local) === day) hours[hourOfDay(local)] += 0.25;
  }
  return hours;
}

/** Local day number (days since 1970-01-01) of local wall-clock ms. */
export const dayOf = (localMs: number) => Math.floor(localMs / DAY_MS);
/** Hour of the day 0–23 of a local time, before 1970 too (where `%` would give a negative hour). */
export const hourOfDay = (localMs: number) => Math.floor((localMs - dayOf(localMs) * DAY_MS) / HOUR_MS);
/** Monday-first weekday (0 = Monday) of a day number: 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;
/** YYYY-MM-DD of a day number. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Day number of YYYY-MM-DD, or undefined. */
export function dayOfIso(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && isoDay(ms / DAY_MS) === text ? ms / DAY_MS : undefined;
}

/** An ISO date-time with the zone's offset at that local time: 1999-01-03T00:00:00+02:00. */
export function isoWithOffset(zone: string, localMs: number): string {
  const offset = Math.round((localMs - instantOfLocal(zone, localMs)) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${new Date(localMs).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/** Days (YYYY-MM-DD, ascending) as a sentence can list them: three or more in a row as one run
 * ("1999-01-06 to 2000-01-04 (364 days)"), at most `most` items, then how many days more. A
 * stray row a year after the rest had each of the 364 days between them listed one by one. */
export function daysText(days: readonly string[], most = 12): string {
  const runs: string[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    const previous = run ? dayOfIso(run[run.length - 1]) : undefined;
    if (previous !== undefined && dayOfIso(day) === previous + 1) run.push(day);
    else runs.push([day]);
  }
  const items = runs.flatMap((run) => (run.length >= 3 ? [{ text: `${run[0]} to ${run[run.length - 1]} (${run.length} days)`, days: run.length }] : run.map((day) => ({ text: day, days: 1 }))));
  if (items.length <= most) return items.map((item) => item.text).join(', ');
  const rest = items.slice(most).reduce((s, item) => s + item.days, 0);
  return `${items.slice(0, most).map((item) => item.text).join(', ')} and ${rest} more ${wordFor(rest, 'day')}`;
}
