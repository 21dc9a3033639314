// A records file as the import reads it, without Node: the browser's version of the CLI's
// loadRecords (cli/import.ts), both on sim/history/load.ts — the same limits, the same layout
// guess from the header and the same messages naming the file and line. No --map in the app.
import { MAX_RECORD_BYTES, RecordsError } from '../../sim/history/records';
import { checkTimezone, loadRecordsText, type Loaded } from '../../sim/history/load';


/** The file's size is checked before it is read: a file the CLI refuses is refused here too. */
export function checkRecordsSize(fileName: string, bytes: number): void {
  if (bytes > MAX_RECORD_BYTES) throw new RecordsError([`${fileName}: larger than ${MAX_RECORD_BYTES / 2 ** 20} MB: split the records by month`]);
}

/** Reads the records with the layout their header looks like (bank, generic or an interval table).
 * `timezone`: the customers' zone chosen for layouts that name none (the bank's is Israel's);
 * none chosen, local times are read in UTC and said to be (as the CLI without --timezone). */
export function loadRecords(text: string, fileName: string, timezone?: string): Loaded {
  if (timezone === undefined) return loadRecordsText(text, fileName);
  checkTimezone(timezone);
  return loadRecordsText(text, fileName, { fallbackTimezone: timezone, fallbackChosen: true });
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
