// Display time zones: every time axis and the heatmap's hour of the week are shown in one zone the
// user picks (UTC, the browser's, or a zone named in the scenario). Intl does the zone arithmetic.
import type { Scenario } from '../../sim/scenario/scenario';
import { IntlCache } from './intl-cache';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const SHORT_TO_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

const partsFormats = new IntlCache<Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  return partsFormats.get(
    zone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
}

export interface WallTime {
  weekday: number; // Monday = 0
  hour: number;
  minute: number;
  day: number;
  month: number;
  year: number;
}

export function wallTime(ms: number, zone: string): WallTime {
  const out: Record<string, string> = {};
  for (const p of partsFormat(zone).formatToParts(ms)) out[p.type] = p.value;
  return {
    weekday: SHORT_TO_INDEX[out.weekday] ?? 0,
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    day: Number(out.day),
    month: Number(out.month),
    year: Number(out.year),
  };
}

/** Hour of the week in `zone`, Monday 00:00–00:59 = 0 … Sunday 23:00–23:59 = 167. */
export function hourOfWeek(ms: number, zone: string): number {
  const w = wallTime(ms, zone);
  return w.weekday * 24 + w.hour;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Tue 14:30" in the zone. */
export function formatWeekdayTime(ms: number, zone: string): string {
  const w = wallTime(ms, zone);
  return `${WEEKDAYS[w.weekday]} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 17 Mar 14:30". */
export function formatDateTime(ms: number, zone: string): string {
  const w = wallTime(ms, zone);
  const month = MONTHS[w.month - 1];
  return `${WEEKDAYS[w.weekday]} ${w.day} ${month} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** One formatter per zone (the zone menu names ~30 zones on every render of the header: a new
 * one per call was 215 ms of the page's start). */
const offsetFormats = new IntlCache<Intl.DateTimeFormat>();

/** A short name of the zone's offset at `ms`: "UTC+1", "GMT-4". */
export function zoneOffsetName(zone: string, ms: number): string {
  const format = offsetFormats.get(zone, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }));
  const part = format.formatToParts(ms).find((p) => p.type === 'timeZoneName');
  return (part?.value ?? '').replace(/^GMT$/, 'UTC').replace(/^GMT/, 'UTC');
}

export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export interface ZoneOption {
  zone: string;
  label: string;
}

/** UTC, the browser's zone, then every zone the scenario names (pools and demand streams). */
export function zoneOptions(scenario: Scenario | null, atMs: number): ZoneOption[] {
  const browser = browserZone();
  const zones = new Map<string, string[]>();
  const add = (zone: string, why: string) => {
    if (!zones.has(zone)) zones.set(zone, []);
    if (!zones.get(zone)!.includes(why)) zones.get(zone)!.push(why);
  };
  add('UTC', 'UTC');
  add(browser, 'your browser');
  for (const p of scenario?.staffing ?? []) if ('timezone' in p && p.timezone) add(p.timezone, p.id);
  for (const d of scenario?.demand ?? []) add(d.timezone, d.id);
  return [...zones.entries()].map(([zone, why]) => {
    const offset = zoneOffsetName(zone, atMs);
    const reasons = why.filter((w) => w !== 'UTC');
    const shown = reasons.length > 3 ? `${reasons.slice(0, 3).join(', ')} +${reasons.length - 3}` : reasons.join(', ');
    return { zone, label: zone === 'UTC' ? 'UTC' : `${zone.replace(/_/g, ' ')} (${offset}${shown ? ` · ${shown}` : ''})` };
  });
}

/** Instants of local midnights (in `zone`) within [startMs, endMs), found on a 15-minute grid. */
export function localMidnights(startMs: number, endMs: number, zone: string): number[] {
  const out: number[] = [];
  const step = 15 * 60_000;
  for (let t = Math.ceil(startMs / step) * step; t < endMs; ) {
    const w = wallTime(t, zone);
    if (w.hour === 0 && w.minute === 0) {
      out.push(t);
      t += 20 * 3600_000;
    } else t += step;
  }
  return out;
}
