// Contact records read from an export (CSV or TSV): one row per contact, turned into plain
// records by a layout (layouts.ts). A bad row is never fatal and never silently dropped: it is
// counted under the kind of problem it has, with the first line it was seen on, so that the
// counts add up to the rows read. Only a file that cannot be read at all is an error.
import { csvParseRows, tsvParseRows } from 'd3-dsv';

/** One contact that reached a queue. Times are the customers' local wall clock, read as if UTC
 * (Date.UTC of the local fields): the layout knows no time zone, the fit declares one. */
export interface ContactRecord {
  /** Line in the file (the header is line 1). */
  line: number;
  /** The scenario's queue: a language code such as he-PS (language-queue) or en. */
  queue: string;
  /** Arrival at the queue (after any IVR), local wall-clock milliseconds. */
  arrivalLocalMs: number;
  answered: boolean;
  /** Time in the queue: until answered, or until the caller hung up. */
  waitSeconds: number;
  /** Talk plus wrap-up as the export has it; 0 when not answered. */
  handleSeconds: number;
  /** The agent who answered, when the export names one. */
  agent: string | undefined;
}

/** What a layout makes of one row (a contact, or a row of an interval table). */
export type RowOutcome<T = Omit<ContactRecord, 'line'>> =
  | { kind: 'contact'; record: T; notes: string[] }
  /** A real call that never reached a queue (hung up in the IVR): not offered, not an error. */
  | { kind: 'not-offered' }
  | { kind: 'rejected'; reason: string; detail?: string };

export interface Layout<T = Omit<ContactRecord, 'line'>> {
  name: string;
  /** Column names the layout needs in the header. */
  required: readonly string[];
  row(field: (name: string) => string): RowOutcome<T>;
  /** What a kept row is, for the accounting: "contacts offered to a queue". */
  kept?: string;
  /** Rows are kept in this order (local wall-clock ms). */
  time?: (row: T) => number;
}

export interface Tally {
  count: number;
  firstLine: number;
  /** What was wrong on the first line, when there is more to say than the kind. */
  detail?: string;
}

export interface ReadOutcome<T extends { line: number } = ContactRecord> {
  records: T[];
  rowsRead: number;
  notOffered: Tally;
  /** Rows left out, by kind: counted, never silently dropped. */
  rejected: Record<string, Tally>;
  /** Rows kept after a correction or with a caveat (served across midnight …), by kind. */
  notes: Record<string, Tally>;
  /** What a kept row is (the layout's `kept`). */
  kept: string;
}

/** Bounds on the work (and memory: parsed rows take several times the text): a month of a large
 * centre's calls fits; beyond that, split the file. */
export const MAX_RECORD_BYTES = 256 * 2 ** 20;
export const MAX_RECORD_ROWS = 2_000_000;

export class RecordsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RecordsError';
  }
}

/** `--map column=field`: a file column read as one of the layout's fields. */
export type ColumnMap = Record<string, string>;

/** Reads the rows of `text` (named `file` in messages) with `layout`. */
export function readRecords(text: string, file: string, layout: Layout, columnMap?: ColumnMap): ReadOutcome {
  return readRows(text, file, layout, columnMap, (r) => r.arrivalLocalMs);
}

/** Any layout's rows: kept (in time order), not offered, or rejected by kind. */
export function readRows<T>(text: string, file: string, layout: Layout<T>, columnMap: ColumnMap = {}, time: (row: T) => number = layout.time ?? (() => 0)): ReadOutcome<T & { line: number }> {
  const firstLineEnd = text.indexOf('\n');
  const header = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  // Lines are counted before anything is parsed, so that a huge file is refused at once.
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && lines <= MAX_RECORD_ROWS + 1; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_RECORD_ROWS + 1) {
    throw new RecordsError([`${file}: more than ${MAX_RECORD_ROWS.toLocaleString('en-US')} rows (split the file by month)`]);
  }
  const parse = header.includes('\t') ? tsvParseRows : csvParseRows;
  const rows = parse(text);
  if (rows.length === 0 || rows[0].every((c) => c.trim() === '')) throw new RecordsError([`${file}: empty: expected a header line and one row per contact`]);
  if (rows.length - 1 > MAX_RECORD_ROWS) {
    throw new RecordsError([`${file}: ${rows.length - 1} rows: at most ${MAX_RECORD_ROWS.toLocaleString('en-US')} (split the file by month)`]);
  }
  const columns = rows[0].map((name) => name.trim());
  const named = columns.map((name) => columnMap[name] ?? name);
  for (const [from] of Object.entries(columnMap)) {
    if (!columns.includes(from)) throw new RecordsError([`${file}:1: --map ${from}=…: no column '${from}' in the header (columns: ${columns.join(', ')})`]);
  }
  const missing = layout.required.filter((f) => !named.includes(f));
  if (missing.length > 0) {
    throw new RecordsError([
      `${file}:1: the ${layout.name} layout needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header has ${columns.join(', ')}` +
        ' (name them with --map column=field, or choose another --format)',
    ]);
  }
  const index = new Map(named.map((name, i) => [name, i]));
  const out: ReadOutcome<T & { line: number }> = {
    records: [],
    rowsRead: 0,
    notOffered: { count: 0, firstLine: 0 },
    rejected: {},
    notes: {},
    kept: layout.kept ?? 'contacts offered to a queue',
  };
  const count = (tallies: Record<string, Tally>, kind: string, line: number, detail?: string) => {
    const t = (tallies[kind] ??= { count: 0, firstLine: line, detail });
    t.count++;
  };
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const line = r + 1;
    if (cells.length === 1 && cells[0].trim() === '') continue; // a blank line is not a row
    out.rowsRead++;
    if (cells.length !== columns.length) {
      count(out.rejected, 'wrong number of fields', line, `${cells.length} fields, the header has ${columns.length}`);
      continue;
    }
    const outcome = layout.row((name) => (cells[index.get(name) ?? -1] ?? '').trim());
    if (outcome.kind === 'not-offered') {
      if (out.notOffered.count++ === 0) out.notOffered.firstLine = line;
    } else if (outcome.kind === 'rejected') {
      count(out.rejected, outcome.reason, line, outcome.detail);
    } else {
      out.records.push({ line, ...outcome.record });
      for (const note of outcome.notes) count(out.notes, note, line);
    }
  }
  if (out.records.length === 0) {
    const why = Object.entries(out.rejected).map(([kind, t]) => `${t.count} ${kind} (first on line ${t.firstLine}${t.detail ? `: ${t.detail}` : ''})`);
    throw new RecordsError([`${file}: no usable row in ${out.rowsRead} rows${why.length ? `: ${why.join('; ')}` : ''}`]);
  }
  out.records.sort((a, b) => time(a) - time(b));
  return out;
}

/** Rejected + not offered + kept = rows read: the accounting the import prints. */
export function accountingLines(o: ReadOutcome<{ line: number }>): string[] {
  const rejected = Object.values(o.rejected).reduce((s, t) => s + t.count, 0);
  const ivr = o.kept === 'contacts offered to a queue' ? `, ${o.notOffered.count} hung up before reaching one (in the IVR)` : '';
  const lines = [`${o.rowsRead} rows read: ${o.records.length} ${o.kept}${ivr}, ${rejected} left out`];
  const describe = (kind: string, t: Tally) => `  ${String(t.count).padStart(7)}  ${kind} (first on line ${t.firstLine}${t.detail ? `: ${t.detail}` : ''})`;
  if (rejected > 0) lines.push('Left out:', ...Object.entries(o.rejected).map(([k, t]) => describe(k, t)));
  if (Object.keys(o.notes).length > 0) lines.push('Kept, with a caveat:', ...Object.entries(o.notes).map(([k, t]) => describe(k, t)));
  return lines;
}
