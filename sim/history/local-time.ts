// The customers' local wall clock ↔ instants. Records carry local wall-clock milliseconds (the
// local fields read as if UTC), as the exports write them; the simulation runs on instants.
import { offsetMinutes } from '../model/timezones';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Local wall-clock ms of an instant in `zone`. */
export function localMsOfInstant(zone: string, utcMs: number): number {
  return utcMs + offsetMinutes(zone, utcMs) * 60_000;
}

/** The instant of a local wall-clock time in `zone` (in an autumn repeated hour: the later one;
 * in a spring gap: an hour on, as the clock reads). Offsets are cached by local hour. */
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
