// The staffing that was on the phones, inferred from the agents seen working: an agent is on the
// phones from the start of a call they answered until the end of their last call before a pause
// they cannot have spent waiting for calls. A pause up to SESSION_GAP_SECONDS is always bridged
// (between calls, a short break); a longer one, up to LONG_PAUSE_SECONDS, only when no caller
// who arrived during it waited more than BUSY_WAIT_SECONDS — an idle agent would have answered
// them — so that a quiet night with a call an hour keeps its agent, and a lunch break at a busy
// hour does not. This still misses idle time at a session's very edges and agents who logged in
// and took no call at all: it is what call-level records allow.
import type { ContactRecord } from './records';
import { DAY_MS, weekdayOf } from './local-time';

/** A break's length: a longer pause at a busy time means the agent was off the phones. */
export const SESSION_GAP_SECONDS = 15 * 60;
export const LONG_PAUSE_SECONDS = 4 * 3600;
export const BUSY_WAIT_SECONDS = 20;

export interface Session {
  agent: string;
  /** Local wall-clock milliseconds. */
  startLocalMs: number;
  endLocalMs: number;
  /** Agents on the phones together for the span (an interval table's head count); default 1. */
  agents?: number;
}

export interface ObservedStaffing {
  agents: number;
  /** The sessions' and busy spans' times are instants (UTC ms), not local wall-clock ms: the
   * records all gave their arrivals' instants (see observeRecords). */
  onInstants?: boolean;
  sessions: Session[];
  /** Service episodes (busy time) of every answered contact, an agent named or not, local
   * wall-clock milliseconds. */
  busy: { startLocalMs: number; endLocalMs: number }[];
}

/** Whether a caller arrived in (fromMs, toMs) and waited longer than BUSY_WAIT_SECONDS: `waited`
 * holds the arrivals of such callers, sorted. */
function someoneWaited(waited: number[], fromMs: number, toMs: number): boolean {
  let lo = 0;
  let hi = waited.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (waited[mid] <= fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo < waited.length && waited[lo] < toMs;
}

export function inferStaffing(records: ContactRecord[], gapSeconds = SESSION_GAP_SECONDS): ObservedStaffing {
  const waited = records.filter((r) => r.waitSeconds > BUSY_WAIT_SECONDS).map((r) => r.arrivalLocalMs).sort((a, b) => a - b);
  const byAgent = new Map<string, { startLocalMs: number; endLocalMs: number }[]>();
  const busy: { startLocalMs: number; endLocalMs: number }[] = [];
  for (const r of records) {
    if (!r.answered) continue;
    const start = r.arrivalLocalMs + r.waitSeconds * 1000;
    const episode = { startLocalMs: start, endLocalMs: start + r.handleSeconds * 1000 };
    // A call answered with no agent named was handled all the same: its time is busy time. It
    // makes no session (whose it was is unknown, and an agent made up for it would add time on
    // the phones nobody saw). Left out, the bank's January lost 490 calls' busy time (14,003 s).
    busy.push(episode);
    if (r.agent === undefined) continue;
    let list = byAgent.get(r.agent);
    if (!list) byAgent.set(r.agent, (list = []));
    list.push(episode);
  }
  const sessions: Session[] = [];
  for (const [agent, episodes] of byAgent) {
    episodes.sort((a, b) => a.startLocalMs - b.startLocalMs);
    let current: Session | undefined;
    for (const e of episodes) {
      const pause = current ? e.startLocalMs - current.endLocalMs : Infinity;
      const bridged = pause <= gapSeconds * 1000 || (pause <= LONG_PAUSE_SECONDS * 1000 && !someoneWaited(waited, current!.endLocalMs, e.startLocalMs));
      if (current && bridged) {
        current.endLocalMs = Math.max(current.endLocalMs, e.endLocalMs);
      } else {
        if (current) sessions.push(current);
        current = { agent, startLocalMs: e.startLocalMs, endLocalMs: e.endLocalMs };
      }
    }
    if (current) sessions.push(current);
  }
  sessions.sort((a, b) => a.startLocalMs - b.startLocalMs);
  return { agents: byAgent.size, sessions, busy };
}

/** Σ of each span's overlap (times its agents) with [from + k·step, from + (k+1)·step), in seconds, per k. */
export function secondsPerInterval(spans: { startLocalMs: number; endLocalMs: number; agents?: number }[], fromLocalMs: number, stepMs: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (const s of spans) {
    const agents = s.agents ?? 1;
    let a = Math.max(s.startLocalMs, fromLocalMs);
    const b = Math.min(s.endLocalMs, fromLocalMs + count * stepMs);
    while (a < b) {
      const k = Math.floor((a - fromLocalMs) / stepMs);
      const end = Math.min(b, fromLocalMs + (k + 1) * stepMs);
      out[k] += ((end - a) / 1000) * agents;
      a = end;
    }
  }
  return out;
}

export interface TypicalShift {
  days: string;
  start: string;
  end: string;
  agents: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A typical week of the observed staffing, as the scenario's shifts can say it: per weekday and
 * half hour, the mean agents on the phones over the days with data of that weekday, rounded;
 * each run of equal head counts one "shift". For planning from; the backtest replays the
 * sessions themselves. */
export function typicalWeek(staffing: ObservedStaffing, daysWithData: number[], slotMinutes = 30): TypicalShift[] {
  const slotMs = slotMinutes * 60_000;
  const perDay = DAY_MS / slotMs;
  const shifts: TypicalShift[] = [];
  for (let w = 0; w < 7; w++) {
    const days = daysWithData.filter((d) => weekdayOf(d) === w);
    if (days.length === 0) continue;
    const mean = new Float64Array(perDay);
    for (const d of days) {
      const seconds = secondsPerInterval(staffing.sessions, d * DAY_MS, slotMs, perDay);
      for (let k = 0; k < perDay; k++) mean[k] += seconds[k] / (slotMs / 1000) / days.length;
    }
    for (let k = 0; k < perDay; ) {
      const agents = Math.round(mean[k]);
      let end = k + 1;
      while (end < perDay && Math.round(mean[end]) === agents) end++;
      if (agents > 0) shifts.push({ days: WEEKDAYS[w], start: clock(k * slotMinutes), end: end === perDay ? '24:00' : clock(end * slotMinutes), agents });
      k = end;
    }
  }
  return shifts;
}

