// Time-zone offsets as a short list of changes, so that local-time curves and rosters can be
// laid onto the UTC clock exactly (both daylight-saving nights included) with few Intl calls.
import { formatInTimeZone } from 'date-fns-tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const STEP_MS = 15 * MINUTE_MS; // offsets change on quarter-hour UTC boundaries in every zone in use

/** UTC offset of `zone` at `utcMs`, in minutes (Berlin in summer: 120). */
export function offsetMinutes(zone: string, utcMs: number): number {
  const text = formatInTimeZone(utcMs, zone, 'xxx'); // "+05:30", "-04:00", "+00:00"
  const sign = text[0] === '-' ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
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
