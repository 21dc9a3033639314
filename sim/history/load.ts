// A records file's text read with the layout asked for, or the one its header looks like:
// contact records (the bank's layout or the generic one) or an interval table. Shared by the
// CLI (which reads the bytes from disk) and the app (which reads a dropped file); both check
// the size before reading and decode the text first.
import { headerOf, readRecords, readRows, RecordsError, type ColumnMap, type ReadOutcome, type Tally } from './records';
import { intervalLayout, intervalMinutesOf, overloadedInterval, overstaffedInterval, type IntervalRow } from './intervals';
import { LIMITS } from '../scenario/schema-parts';
import { BANK_TIMEZONE, bankLayout, genericLayout, guessFormat, QUEUED_NEXT_DAY } from './layouts';
import { dayOf, instantOfLocal, isoDay, localMsOfInstant, soleInstantOfLocal } from './local-time';

export const FORMATS = ['bank', 'generic', 'intervals'] as const;
export type RecordsFormat = (typeof FORMATS)[number];

export type Loaded = (
  | { format: 'bank' | 'generic'; timezone: string; outcome: ReadOutcome }
  | { format: 'intervals'; timezone: string; outcome: ReadOutcome<IntervalRow>; intervalMinutes: number }
) & {
  /** Rows whose times are local clock times (no UTC offset) read in a zone nobody gave: the
   * default (UTC) or the caller's fallback. An export in another zone's clock would have every
   * hour shifted, silently: the commands and the app say so. */
  zoneAssumed?: ZoneAssumed;
};

export interface ZoneAssumed {
  zone: string;
  /** The fallback zone the caller gave (a scenario's), rather than the default UTC. */
  fromFallback: boolean;
  rows: number;
  firstLine: number;
}

/** The caveat tallied on rows whose local clock times were read in a zone nobody gave. */
export const localTimeNote = (zone: string) => `clock time without a UTC offset, read as ${zone} local time`;
export const isLocalTimeNote = (kind: string) => kind.startsWith('clock time without a UTC offset, read as ');

/** The rows of `rows` whose time has no instant: tallied as a caveat, and described. */
function assumeZone<R extends { line: number }>(outcome: ReadOutcome<R>, local: (r: R) => boolean, zone: string, fromFallback: boolean): ZoneAssumed | undefined {
  const tally = tallyOf(outcome.records.filter(local));
  if (tally.count === 0) return undefined;
  outcome.notes[localTimeNote(zone)] = tally;
  return { zone, fromFallback, rows: tally.count, firstLine: tally.firstLine };
}

/** How many rows, and the first line among them. */
const tallyOf = (rows: readonly { line: number }[]): Tally => ({ count: rows.length, firstLine: rows.reduce((first, r) => Math.min(first, r.line), Infinity) });

export interface LoadOptions {
  format?: RecordsFormat;
  map?: ColumnMap;
  /** The customers' zone; default: the bank's own for its layout, else `fallbackTimezone`. */
  timezone?: string;
  /** The zone of formats that name none (all but bank) when no timezone is given; default UTC. */
  fallbackTimezone?: string;
  /** fallbackTimezone is the zone chosen for these records (the app's field, which a bank log
   * ignores), not one assumed: their local times are not said to be read in a zone nobody gave. */
  fallbackChosen?: boolean;
}

/** Reads the text of records file `shown` (the name its messages give). */
export function loadRecordsText(text: string, shown: string, o: LoadOptions = {}): Loaded {
  if (text.includes('\0')) throw new RecordsError([`${shown}: not a text file (it holds NUL bytes); export the records as CSV or TSV`]);
  const header = headerOf(text);
  const map = o.map ?? {};
  const mapped = Object.values(map);
  const format: RecordsFormat =
    o.format ??
    (/(^|[\t,])interval_start([\t,\r]|$)/.test(header) || mapped.includes('interval_start') ? 'intervals' : mapped.length > 0 ? 'generic' : guessFormat(header));
  const timezone = o.timezone ?? (format === 'bank' ? BANK_TIMEZONE : (o.fallbackTimezone ?? 'UTC'));
  checkTimezone(timezone);
  // The bank's clock is known to be Israel's; any other layout's local times are read in a zone
  // nobody gave unless `timezone` is.
  const assumed = o.timezone === undefined && !o.fallbackChosen && format !== 'bank';
  if (format === 'intervals') {
    const outcome = readRows(text, shown, intervalLayout(timezone), map);
    const intervalMinutes = intervalMinutesOf(outcome.records);
    if (intervalMinutes === undefined) {
      throw new RecordsError([`${shown}: cannot tell the length of the intervals: expected starts 5, 10, 15, 20, 30 or 60 minutes apart within each queue`]);
    }
    const overloaded = overloadedInterval(outcome.records, intervalMinutes);
    if (overloaded) {
      const most = (LIMITS.perHour * intervalMinutes) / 60;
      throw new RecordsError([
        `${shown}:${overloaded.line}: column offered: ${overloaded.offered.toLocaleString('en-US')} contacts in a ${intervalMinutes}-minute interval of one queue: expected at most ${most.toLocaleString('en-US')} (${LIMITS.perHour.toLocaleString('en-US')} an hour, the most a scenario's queue can take)`,
      ]);
    }
    const crowded = overstaffedInterval(outcome.records, LIMITS.agents);
    if (crowded) {
      throw new RecordsError([
        `${shown}:${crowded.line}: column agents: the queues' agents of this interval add up to ${crowded.agents.toLocaleString('en-US')}: expected at most ${LIMITS.agents.toLocaleString('en-US')} (the most one pool can have)`,
      ]);
    }
    checkRecords(outcome.records, (r) => r.startLocalMs, shown);
    const zoneAssumed = assumed ? assumeZone(outcome, (r) => r.startMs === undefined, timezone, o.fallbackTimezone !== undefined) : undefined;
    return { format, timezone, outcome, intervalMinutes, ...(zoneAssumed ? { zoneAssumed } : {}) };
  }
  const outcome = readRecords(text, shown, format === 'bank' ? bankLayout : genericLayout(timezone), map);
  leaveOutAfterLastDate(outcome);
  checkRecords(outcome.records, (r) => r.arrivalLocalMs, shown);
  noteClockChanges(outcome, timezone);
  const zoneAssumed = assumed && format === 'generic' ? assumeZone(outcome, (r) => r.arrivalMs === undefined, timezone, o.fallbackTimezone !== undefined) : undefined;
  return { format, timezone, outcome, ...(zoneAssumed ? { zoneAssumed } : {}) };
}

/** The caveat on a local clock time of the night the clocks change: no such time (the hour the
 * clocks skip) or one that happened twice (the hour they repeat), and how it was read (`read`:
 * "as an hour later", "as the later"). */
export const clockChangeNote = (skipped: boolean, read: string) =>
  skipped ? `local time in the hour the clocks skip (no such time that night; read ${read})` : `local time in the hour the clocks repeat (it happened twice that night; read ${read})`;

/**
 * Contacts whose local clock time names no one instant in `zone`: in the hour the clocks skip (a
 * clock that was not put forward, or an export in standard time all year) or in the hour they
 * repeat (which of the two is not written). Both were placed without a word — a bank log of
 * 2 April 1999 with calls at 02:30 in Israel, a time that never was, read the same as any other.
 * Counted as caveats saying how they were read, which depends on the zone: east of Greenwich a
 * skipped time is read an hour later and a repeated one as the later, west of it an hour earlier
 * and as the earlier. Rows that give their instant are not ambiguous.
 */
function noteClockChanges(outcome: ReadOutcome, zone: string): void {
  const cache = new Map<number, number>();
  for (const r of outcome.records) {
    if (r.arrivalMs !== undefined || soleInstantOfLocal(zone, r.arrivalLocalMs, cache) !== undefined) continue;
    const instant = instantOfLocal(zone, r.arrivalLocalMs);
    const shownMs = localMsOfInstant(zone, instant) - r.arrivalLocalMs;
    let read: string;
    if (shownMs !== 0) {
      const minutes = Math.abs(shownMs) / 60_000;
      read = `as ${minutes === 60 ? 'an hour' : `${minutes} minutes`} ${shownMs > 0 ? 'later' : 'earlier'}`;
    } else {
      // The instants showing this clock time: at the offsets in force a few hours either side.
      const showing = [-3, 3]
        .map((h) => instant + h * 3_600_000)
        .map((t) => r.arrivalLocalMs - (localMsOfInstant(zone, t) - t))
        .filter((t) => localMsOfInstant(zone, t) === r.arrivalLocalMs);
      read = instant >= Math.max(...showing) ? 'as the later' : 'as the earlier';
    }
    const kind = clockChangeNote(shownMs !== 0, read);
    const tally = (outcome.notes[kind] ??= { count: 0, firstLine: r.line });
    tally.count++;
    tally.firstLine = Math.min(tally.firstLine, r.line);
  }
}

/** Why a call queued after the export's last date is left out. */
export const AFTER_LAST_DATE = "queued after midnight of the records' last date (a day the export does not cover)";

/**
 * Calls (in time order) that entered the IVR on the export's last date and left it after midnight
 * queued on the day after, which the export does not cover: its rows are dated by the IVR entry,
 * so that day's other calls are not in it. Kept, one such call made a day of its own: the period
 * ran a day longer, the fit saw a "special day" of one call, and a back-test replayed that whole
 * day's forecast with nobody on the phones against its one call (the bank's January with one
 * call at 23:59:58 on the 31st, tested from the 25th: offered per day +490 instead of +326, its
 * MAPE 20,538%). They are left out and counted, like any row outside what the records cover.
 */
function leaveOutAfterLastDate(outcome: ReadOutcome): void {
  const records = outcome.records;
  let last = records.length - 1;
  while (last >= 0 && records[last].queuedNextDay) last--;
  if (last < 0) return;
  const lastDate = dayOf(records[last].arrivalLocalMs);
  let cut = last + 1;
  while (cut < records.length && dayOf(records[cut].arrivalLocalMs) <= lastDate) cut++;
  if (cut === records.length) return;
  const after = records.splice(cut);
  outcome.rejected[AFTER_LAST_DATE] = { ...tallyOf(after), detail: `the records' last date is ${isoDay(lastDate)}` };
  const note = outcome.notes[QUEUED_NEXT_DAY];
  if (!note) return;
  const kept = records.filter((r) => r.queuedNextDay);
  if (kept.length === 0) delete outcome.notes[QUEUED_NEXT_DAY];
  else outcome.notes[QUEUED_NEXT_DAY] = { ...note, ...tallyOf(kept) };
}

interface Row {
  line: number;
  queue: string;
}

/** Records a scenario cannot hold are refused before anything is fitted, naming the records:
 * the check of the scenario written would name a file that was never written. */
function checkRecords<R extends Row>(rows: R[], localMs: (r: R) => number, shown: string): void {
  checkSpan(rows, localMs, shown);
  checkEpoch(rows, localMs, shown);
  checkQueues(rows, shown);
}

/** The fitted pool serves every queue, and a pool serves at most LIMITS.languages. */
function checkQueues(rows: Row[], shown: string): void {
  const queues = new Set<string>();
  for (const r of rows) {
    if (queues.has(r.queue)) continue;
    queues.add(r.queue);
    if (queues.size <= LIMITS.languages) continue;
    const count = new Set(rows.map((x) => x.queue)).size;
    throw new RecordsError([
      `${shown}:${r.line}: queue ${JSON.stringify(r.queue)} is the ${LIMITS.languages + 1}st of ${count.toLocaleString('en-US')} queues: expected at most ${LIMITS.languages}, ` +
        'the queues one pool of a scenario can serve; import the queues in parts (a file for each group of queues)',
    ]);
  }
}

/** Records (in time order) from before 1970: the fits and the back-test count days and hours
 * from 1970-01-01, and records before it fitted a scenario with no demand at all (the message
 * then named a scenario file that was never written). No contact centre's records are that old:
 * the year is a typo (0026 or 1926 for 2026). */
function checkEpoch<R extends Row>(rows: R[], localMs: (r: R) => number, shown: string): void {
  const first = rows[0];
  if (first === undefined || localMs(first) >= 0) return;
  const earliest = new Date(localMs(first)).toISOString().slice(0, 10);
  throw new RecordsError([
    `${shown}:${first.line}: a record of ${earliest}: expected dates from 1970-01-01 on; a mistyped year? Correct it, or leave the row out`,
  ]);
}

/** Records (in time order) spanning more days than a scenario's horizon can hold: the fit's
 * tables grow with the days, and one mistyped year (9999) took seconds and gigabytes only to
 * write a scenario no command reads. */
function checkSpan<R extends Row>(rows: R[], localMs: (r: R) => number, shown: string): void {
  if (rows.length === 0) return;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const days = dayOf(localMs(last)) - dayOf(localMs(first)) + 1;
  if (days <= LIMITS.horizonDays) return;
  const when = (r: R) => `${isoDay(dayOf(localMs(r)))} (line ${r.line})`;
  throw new RecordsError([
    `${shown}: the records run from ${when(first)} to ${when(last)}, ${days.toLocaleString('en-US')} days: ` +
      `expected at most ${LIMITS.horizonDays.toLocaleString('en-US')} (three years, the longest scenario); a mistyped year? Correct it, or split the file`,
  ]);
}

export function checkTimezone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new RecordsError([`Time zone: expected an IANA time zone such as Europe/Berlin, got ${JSON.stringify(zone)}`]);
  }
}
