// A records file as the import reads it, without Node: the browser's version of the CLI's
// loadRecords (cli/import.ts) — the same limits, the same layout guess from the header and the
// same messages naming the file and line. Only the options the app offers are taken (no --map).
import { MAX_RECORD_BYTES, readRecords, readRows, RecordsError, type ReadOutcome } from '../../sim/history/records';
import { intervalLayout, intervalMinutesOf, type IntervalRow } from '../../sim/history/intervals';
import { BANK_TIMEZONE, bankLayout, genericLayout, guessFormat } from '../../sim/history/layouts';

export type RecordsFormat = 'bank' | 'generic' | 'intervals';

export type Loaded =
  | { format: 'bank' | 'generic'; timezone: string; outcome: ReadOutcome }
  | { format: 'intervals'; timezone: string; outcome: ReadOutcome<IntervalRow>; intervalMinutes: number };

/** Text as editors and platforms save it: UTF-8, or UTF-16 with its byte-order mark. */
export function decodeRecords(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's size is checked before it is read: a file the CLI refuses is refused here too. */
export function checkRecordsSize(fileName: string, bytes: number): void {
  if (bytes > MAX_RECORD_BYTES) throw new RecordsError([`${fileName}: larger than ${MAX_RECORD_BYTES / 2 ** 20} MB: split the records by month`]);
}

/** Reads the records with the layout their header looks like (bank, generic or an interval table).
 * `timezone`: the customers' zone of layouts that name none (the bank's is Israel's). */
export function loadRecords(text: string, fileName: string, timezone = 'UTC'): Loaded {
  checkTimezone(timezone);
  if (text.includes('\0')) throw new RecordsError([`${fileName}: not a text file (it holds NUL bytes); export the records as CSV or TSV`]);
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  const format: RecordsFormat = /(^|[\t,])interval_start([\t,\r]|$)/.test(header) ? 'intervals' : guessFormat(header);
  if (format === 'intervals') {
    const outcome = readRows(text, fileName, intervalLayout(timezone), {});
    const intervalMinutes = intervalMinutesOf(outcome.records);
    if (intervalMinutes === undefined) {
      throw new RecordsError([`${fileName}: cannot tell the length of the intervals: expected starts 5, 10, 15, 20, 30 or 60 minutes apart within each queue`]);
    }
    return { format, timezone, outcome, intervalMinutes };
  }
  const zone = format === 'bank' ? BANK_TIMEZONE : timezone;
  return { format, timezone: zone, outcome: readRecords(text, fileName, format === 'bank' ? bankLayout : genericLayout(zone)) };
}

/** The CLI's --timezone check, in the app's words. */
export function checkTimezone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new RecordsError([`Time zone: expected an IANA time zone such as Europe/Berlin, got ${JSON.stringify(zone)}`]);
  }
}

/** Is this file contact records rather than a scenario? By its name, else by its first line: a
 * scenario is YAML or JSON, records are a CSV or TSV header naming columns. */
export function looksLikeRecords(fileName: string, head: string): boolean {
  if (/\.(csv|tsv|tab)$/i.test(fileName)) return true;
  if (/\.(ya?ml|json)$/i.test(fileName)) return false;
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (/^\s*([{[#]|---)/.test(first) || /^\s*[A-Za-z_][\w-]*\s*:/.test(first)) return false;
  return /[\t,]/.test(first) && /(^|[\t,])"?(vru_entry|arrival|interval_start|queue|outcome)"?([\t,\r]|$)/i.test(first);
}
