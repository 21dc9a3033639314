// Time-zone offsets as a short list of changes, so that local-time curves and rosters can be
// laid onto the UTC clock exactly (both daylight-saving nights included) with few Intl calls.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const STEP_MS = 15 * MINUTE_MS; // offsets change on quarter-hour UTC boundaries in every zone in use

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(zone, format);
  }
  return format;
}

/** UTC offset of `zone` at `utcMs`, in whole minutes (Berlin in summer: 120): the zone's wall
 * clock read as if it were UTC, minus the instant. */
export function offsetMinutes(zone: string, utcMs: number): number {
  const wholeSecondMs = Math.floor(utcMs / 1000) * 1000; // the wall clock shows whole seconds
  const part: Record<string, number> = {};
  for (const { type, value } of wallClock(zone).formatToParts(wholeSecondMs)) if (type !== 'literal') part[type] = Number(value);
  const wallMs = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return Math.trunc((wallMs - wholeSecondMs) / MINUTE_MS); // hours:minutes, as an ISO offset prints it
}

export interface OffsetTimeline {
  /** The offset in force from changeAtMs[i] until the next change. changeAtMs[0] = fromMs. */
  changeAtMs: number[];
  offsetMinutes: number[];
}

/** The offsets of `zone` over [fromMs, toMs]: sampled daily, each change located by bisection. */
export function offsetTimeline(zone: string, fromMs: number, toMs: number): OffsetTimeline {
  const changeAtMs = [fromMs];
  const offsets = [offsetMinutes(zone, fromMs)];
  let t = fromMs;
  while (t < toMs) {
    const next = Math.min(t + DAY_MS, toMs);
    const offset = offsetMinutes(zone, next);
    if (offset !== offsets[offsets.length - 1]) {
      // The change lies in (t, next]: bisect on the quarter-hour grid.
      let lo = t;
      let hi = next;
      while (hi - lo > STEP_MS) {
        const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / STEP_MS)) * STEP_MS;
        if (offsetMinutes(zone, mid) === offsets[offsets.length - 1]) lo = mid;
        else hi = mid;
      }
      changeAtMs.push(hi);
      offsets.push(offsetMinutes(zone, hi));
    }
    t = next;
  }
  return { changeAtMs, offsetMinutes: offsets };
}
