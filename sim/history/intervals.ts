// Interval tables — what most contact-centre platforms export when they keep no call-level
// log: per queue and interval, contacts offered, answered and abandoned, the average handle time
// and speed of answer, and the agents staffed. Columns:
//   interval_start              start of the interval: local time (--timezone) or an ISO instant
//   queue                       a language code, or any queue name (becomes und-<name>)
//   offered, answered           contacts
//   aht_seconds                 average handle time of the answered contacts
//   abandoned                   (optional) contacts that hung up; default offered − answered
//   asa_seconds                 (optional) average wait of the answered: needed for patience
//   abandon_wait_seconds        (optional) average wait of those who hung up (default: ASA)
//   answered_within_threshold   (optional) for the service level
//   agents                      (optional) agents on the phones for the queue: needed to replay
// A table has less to say than call records: handle times are only a mean (the spread is
// assumed), and patience comes from total waiting time ÷ abandons — the censored estimator's
// own formula, with the abandoners' waits approximated when the table lacks them.
import type { Layout, RowOutcome } from './records';
import { arrivalTime, decimal, queueNamer } from './layouts';
import { dayOf, instantOfLocal, soleInstantOfLocal } from './local-time';
import { SUMS, type Observation } from './backtest';
import type { ObservedStaffing, Session } from './observed-staffing';
import { LIMITS } from '../scenario/schema-parts';

export interface IntervalRow {
  line: number;
  queue: string;
  startLocalMs: number;
  /** The start's instant (UTC ms), when the table wrote it with its offset: the two intervals of
   * an autumn night's repeated hour share a local clock time, not an instant. */
  startMs?: number;
  offered: number;
  answered: number;
  abandoned: number;
  ahtSeconds: number;
  /** NaN when the table does not say. */
  asaSeconds: number;
  abandonWaitSeconds: number;
  answeredWithinThreshold: number;
  agents: number;
}

export const INTERVAL_FIELDS = ['interval_start', 'queue', 'offered', 'answered', 'aht_seconds'] as const;
export const INTERVAL_OPTIONAL_FIELDS = ['abandoned', 'asa_seconds', 'abandon_wait_seconds', 'answered_within_threshold', 'agents'] as const;
/** A row's figures: every field after its interval's start and queue. */
const FIGURE_FIELDS = [...INTERVAL_FIELDS.slice(2), ...INTERVAL_OPTIONAL_FIELDS];
/** Interval lengths the scenario knows (they divide an hour). */
const LENGTHS = [5, 10, 15, 20, 30, 60];
/** Handle-time spread assumed when only the mean is known (the bank's calls: cv 1.4–2). */
export const ASSUMED_HANDLE_CV = 1;

export function intervalLayout(timezone: string): Layout<Omit<IntervalRow, 'line'>> {
  const number = (f: (name: string) => string, name: string, optional = false): number | string => {
    const text = f(name);
    if (text === '' && optional) return NaN;
    const x = decimal(text);
    return x !== undefined && Number.isFinite(x) ? x : `malformed ${name}`;
  };
  const queues = queueNamer();
  const offsets = new Map<number, number>();
  return {
    name: 'intervals',
    required: INTERVAL_FIELDS,
    optional: INTERVAL_OPTIONAL_FIELDS,
    renamed: queues.renamed,
    kept: 'interval rows',
    time: (r) => r.startLocalMs,
    // A row met again, figures and all (the table appended to itself), would add its contacts
    // twice. Rows of one queue and interval with other figures (an export per site) still add
    // up. The start as read, so that 09:00 and 09:00:00 are the same interval; a start written as
    // an instant by that instant, so that an autumn night's two 02:00 intervals (00:00Z and 01:00Z
    // in Berlin) stay two even with the same figures (read as local time, the second was dropped).
    // A local start is its instant in the zone too, so that 10:00 and 09:00Z (Berlin in winter)
    // are one interval, however each row writes it.
    identity: {
      columns: ['interval_start', 'queue'],
      key: (f) => [startKey(f('interval_start'), timezone, offsets), f('queue'), ...FIGURE_FIELDS.map(f)].join('\t'),
      what: 'queue, interval and figures',
    },
    row(f): RowOutcome<Omit<IntervalRow, 'line'>> {
      const start = arrivalTime(f('interval_start'), timezone);
      if (start === undefined) return { kind: 'rejected', reason: 'malformed interval_start', detail: `expected a time such as 2026-03-02 09:30, got ${JSON.stringify(f('interval_start').slice(0, 30))}` };
      const queue = queues.code(f('queue'));
      if (!queue) return { kind: 'rejected', reason: 'malformed queue', detail: JSON.stringify(f('queue').slice(0, 30)) };
      const values: Record<string, number> = {};
      // An interval where nobody was answered has no AHT (nor ASA): blank is fine there.
      const noneAnswered = f('answered') === '0';
      for (const name of FIGURE_FIELDS) {
        const v = number(f, name, !(INTERVAL_FIELDS as readonly string[]).includes(name) || (name === 'aht_seconds' && noneAnswered));
        if (typeof v === 'string') return { kind: 'rejected', reason: v, detail: `expected a number, got ${JSON.stringify(f(name).slice(0, 30))}` };
        if (v < 0) return { kind: 'rejected', reason: `negative ${name}` };
        if (name === 'offered' && v > LIMITS.perHour) {
          return { kind: 'rejected', reason: `offered above ${LIMITS.perHour.toLocaleString('en-US')} (the most a scenario's queue takes in an hour)`, detail: `got ${f(name).slice(0, 30)}` };
        }
        if (name.endsWith('_seconds') && v > LIMITS.durationSeconds) {
          return { kind: 'rejected', reason: `${name} above ${LIMITS.durationSeconds.toLocaleString('en-US')} (30 days)`, detail: `got ${f(name).slice(0, 30)}` };
        }
        if (name === 'agents' && v > LIMITS.agents) {
          return { kind: 'rejected', reason: `agents above ${LIMITS.agents.toLocaleString('en-US')} (the most a pool can have)`, detail: `got ${f(name).slice(0, 30)}` };
        }
        values[name] = v;
      }
      const abandoned = Number.isNaN(values.abandoned) ? values.offered - values.answered : values.abandoned;
      if (values.answered > values.offered || abandoned < 0 || values.answered + abandoned > values.offered + 1e-9) {
        return { kind: 'rejected', reason: 'answered + abandoned more than offered' };
      }
      return {
        kind: 'contact',
        record: {
          queue,
          startLocalMs: start.localMs,
          ...(start.instantMs !== undefined ? { startMs: start.instantMs } : {}),
          offered: values.offered,
          answered: values.answered,
          abandoned,
          ahtSeconds: values.aht_seconds,
          asaSeconds: values.asa_seconds,
          abandonWaitSeconds: values.abandon_wait_seconds,
          answeredWithinThreshold: values.answered_within_threshold,
          agents: values.agents,
        },
        notes: [],
      };
    },
  };
}

/** What identifies a row's start: its instant, written with an offset or the only one its local
 * time names in the zone; else (the repeated or skipped hour of a change of the clocks) its local
 * time as read (so that 09:00 and 09:00:00 are one); else the text. */
function startKey(text: string, timezone: string, offsets: Map<number, number>): string {
  const start = arrivalTime(text, timezone);
  if (start === undefined) return text;
  const instant = start.instantMs ?? soleInstantOfLocal(timezone, start.localMs, offsets);
  return instant !== undefined ? `Z${instant}` : `L${start.localMs}`;
}

/** Whether every row's start is an instant: then the intervals are told apart, and replayed, by
 * their instants (as contact records' arrivals are). */
export const onInstants = (rows: IntervalRow[]) => rows.length > 0 && rows.every((r) => r.startMs !== undefined);

/** How the replay tells a table's intervals apart: by instants when every row has one, else by
 * local times (a local 10:00 and an instant 09:00Z in Berlin are one interval, staffed and
 * counted together). The limits are checked on the same intervals. */
const intervalKeyOf = (rows: IntervalRow[]) => (onInstants(rows) ? (r: IntervalRow) => r.startMs! : (r: IntervalRow) => r.startLocalMs);

/** The table's interval in minutes: the most common step between starts of one queue (on the
 * instants when the table gives them all). */
export function intervalMinutesOf(rows: IntervalRow[]): number | undefined {
  const startOf = onInstants(rows) ? (r: IntervalRow) => r.startMs! : (r: IntervalRow) => r.startLocalMs;
  const steps = new Map<number, number>();
  const last = new Map<string, number>();
  for (const r of rows) {
    const previous = last.get(r.queue);
    const start = startOf(r);
    if (previous !== undefined && start > previous) {
      const minutes = (start - previous) / 60_000;
      steps.set(minutes, (steps.get(minutes) ?? 0) + 1);
    }
    last.set(r.queue, start);
  }
  const common = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return common !== undefined && LENGTHS.includes(common) ? common : undefined;
}

export interface IntervalQueueFit {
  queue: string;
  offered: number;
  answered: number;
  ahtSeconds: number;
  /** Total waiting time ÷ abandons; undefined without waits or abandons. */
  patienceSeconds?: number;
  abandoned: number;
}

export function fitIntervalQueues(rows: IntervalRow[]): IntervalQueueFit[] {
  const queues = [...new Set(rows.map((r) => r.queue))];
  return queues.map((queue) => {
    const mine = rows.filter((r) => r.queue === queue);
    const sum = (f: (r: IntervalRow) => number) => mine.reduce((s, r) => s + f(r), 0);
    const answered = sum((r) => r.answered);
    const abandoned = sum((r) => r.abandoned);
    // Abandoners' waits: their own column, else the interval's ASA (nothing better is known).
    const waits = sum((r) => (r.answered > 0 ? r.asaSeconds * r.answered : 0) + (r.abandoned > 0 ? (Number.isFinite(r.abandonWaitSeconds) ? r.abandonWaitSeconds : r.asaSeconds) * r.abandoned : 0));
    return {
      queue,
      offered: sum((r) => r.offered),
      answered,
      abandoned,
      ahtSeconds: answered > 0 ? sum((r) => (r.answered > 0 ? r.ahtSeconds * r.answered : 0)) / answered : NaN,
      patienceSeconds: abandoned > 0 && Number.isFinite(waits) ? waits / abandoned : undefined,
    };
  });
}

/** Agents on the phones per interval (summed over the queues' rows), as sessions to replay: one
 * per interval for its whole agents and one for a fraction (2.4, the platform's average, is two
 * agents for the whole interval and one for 40% of it) — proportional to the rows, not the seats.
 * `instants`: the sessions on the rows' instants (every row has one), so that an autumn night's
 * two 02:00 intervals keep their own agents; otherwise on local clock times (the fit's typical
 * week is local). */
export function intervalStaffing(rows: IntervalRow[], intervalMinutes: number, instants = false): ObservedStaffing {
  const perStart = new Map<number, number>();
  const startOf = instants ? (r: IntervalRow) => r.startMs! : (r: IntervalRow) => r.startLocalMs;
  for (const r of rows) if (Number.isFinite(r.agents)) perStart.set(startOf(r), (perStart.get(startOf(r)) ?? 0) + r.agents);
  const sessions: Session[] = [];
  let most = 0;
  const lengthMs = intervalMinutes * 60_000;
  for (const [start, agents] of [...perStart].sort((a, b) => a[0] - b[0])) {
    const whole = Math.floor(agents + 1e-9);
    const part = agents - whole;
    most = Math.max(most, Math.ceil(agents - 1e-9));
    if (whole > 0) sessions.push({ agent: `seats-1-${whole}`, startLocalMs: start, endLocalMs: start + lengthMs, agents: whole });
    if (part > 1e-6) sessions.push({ agent: `seat-${whole + 1}`, startLocalMs: start, endLocalMs: start + Math.round(part * lengthMs) });
  }
  return { agents: most, sessions, busy: [], ...(instants ? { onInstants: true } : {}) };
}

/** The first row of a queue's interval offered more than a scenario's queue can take (per hour). */
export function overloadedInterval(rows: IntervalRow[], intervalMinutes: number): { line: number; offered: number } | undefined {
  const intervalKey = intervalKeyOf(rows);
  const over = firstSumAbove(rows, (r) => `${r.queue}\t${intervalKey(r)}`, (r) => r.offered, (LIMITS.perHour * intervalMinutes) / 60);
  return over && { line: over.line, offered: over.sum };
}

/** The first row of an interval whose queues' agents add up to more than a pool can have. */
export function overstaffedInterval(rows: IntervalRow[], most: number): { line: number; agents: number } | undefined {
  const over = firstSumAbove(rows, intervalKeyOf(rows), (r) => r.agents, most + 1e-9);
  return over && { line: over.line, agents: over.sum };
}

/** Rows summed per key (values that are not finite left out): of the sums above `most`, the one
 * whose first row comes first in the file, with that row's line. */
function firstSumAbove(rows: IntervalRow[], key: (r: IntervalRow) => string | number, value: (r: IntervalRow) => number, most: number): { line: number; sum: number } | undefined {
  const sums = new Map<string | number, { line: number; sum: number }>();
  for (const r of rows) {
    const v = value(r);
    if (!Number.isFinite(v)) continue;
    const at = sums.get(key(r));
    if (at) {
      at.sum += v;
      at.line = Math.min(at.line, r.line);
    } else sums.set(key(r), { line: r.line, sum: v });
  }
  let first: { line: number; sum: number } | undefined;
  for (const g of sums.values()) if (g.sum > most && (!first || g.line < first.line)) first = g;
  return first;
}

/** What an interval table says happened: the actual sums on the replay's grid. */
export function observeIntervals(rows: IntervalRow[], intervalMinutes: number): Observation {
  const staffing = intervalStaffing(rows, intervalMinutes, onInstants(rows));
  return {
    firstDay: dayOf(rows[0].startLocalMs),
    lastDay: dayOf(rows[rows.length - 1].startLocalMs),
    seenDays: new Set(rows.map((r) => dayOf(r.startLocalMs))),
    contacts: rows.reduce((s, r) => s + r.offered, 0),
    agentsSeen: staffing.agents,
    staffing,
    intervalMinutes,
    sums({ zone, startMs, intervalMs, count }) {
      const S = SUMS.length;
      const actual = new Float64Array(count * S);
      const cache = new Map<number, number>();
      for (const r of rows) {
        const i = Math.floor(((r.startMs ?? instantOfLocal(zone, r.startLocalMs, cache)) - startMs) / intervalMs);
        if (i < 0 || i >= count) continue;
        const at = i * S;
        actual[at] += r.offered;
        actual[at + 1] += r.answered;
        actual[at + 2] += r.abandoned;
        actual[at + 3] += r.answeredWithinThreshold;
        actual[at + 4] += r.answered > 0 ? r.asaSeconds * r.answered : 0;
        actual[at + 5] += r.answered > 0 ? r.ahtSeconds * r.answered : 0;
        actual[at + 6] += r.agents * intervalMs / 1000;
      }
      return actual;
    },
  };
}
