// Contact records read from an export (CSV or TSV): one row per contact, turned into plain
// records by a layout (layouts.ts). A bad row is never fatal and never silently dropped: it is
// counted under the kind of problem it has, with the first line it was seen on, so that the
// counts add up to the rows read. Only a file that cannot be read at all is an error.
import { decodeFileText, notUtf8 } from '../scenario/file-text';
import { wordFor } from '../text/counted';

/** One contact that reached a queue. Times are the customers' local wall clock, read as if UTC
 * (Date.UTC of the local fields): the layout knows no time zone, the fit declares one. */
export interface ContactRecord {
  /** Line in the file (the header is line 1). */
  line: number;
  /** The scenario's queue: a language code such as he-PS (language-queue) or en. */
  queue: string;
  /** Arrival at the queue (after any IVR), local wall-clock milliseconds. */
  arrivalLocalMs: number;
  /** The arrival's instant (UTC ms), when the export wrote one with its offset: local clock times
   * of an autumn night's repeated hour are ambiguous, an instant is not. */
  arrivalMs?: number;
  answered: boolean;
  /** Time in the queue: until answered, or until the caller hung up. */
  waitSeconds: number;
  /** Talk plus wrap-up as the export has it; 0 when not answered. */
  handleSeconds: number;
  /** The agent who answered, when the export names one. */
  agent: string | undefined;
  /** The call left the IVR after midnight of the row's date (the bank's dates are the IVR
   * entry's): it queued on the next day, a day the export may not cover. */
  queuedNextDay?: true;
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
  /** `has`: whether the header has a column read as `name` (an optional field's blank cell is
   * then worth a caveat). */
  row(field: (name: string) => string, has: (name: string) => boolean): RowOutcome<T>;
  /** What a kept row is, for the accounting: "contacts offered to a queue". */
  kept?: string;
  /** Rows are kept in this order (local wall-clock ms). */
  time?: (row: T) => number;
  /** Optional columns it reads (a field read from two columns is refused). */
  optional?: readonly string[];
  /** Source queue names that became another scenario queue name, in the order first seen. */
  renamed?: () => { source: string; queue: string }[];
  /** What identifies a contact, when the export says (the bank's line and call id): a second row
   * with the same key is the same call exported twice, left out rather than counted again. */
  identity?: { columns: readonly string[]; key: (field: (name: string) => string) => string; what?: string };
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
  /** Source queue names the scenario names otherwise (the layout's `renamed`). */
  renamed?: { source: string; queue: string }[];
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

/** A records file's text; `shown` names the file in the messages. A binary file is left to the
 * loader, which says it is not text (a NUL stands for it). */
export function recordsText(bytes: Uint8Array, shown: string): string {
  const decoded = decodeFileText(bytes);
  if (typeof decoded === 'string') return decoded;
  if (bytes.includes(0)) return '\0';
  throw new RecordsError([`${shown}:${decoded.line}: ${notUtf8(decoded)}; export the records as UTF-8 (a spreadsheet's "CSV UTF-8")`]);
}

/** `--map column=field`: a file column read as one of the layout's fields. */
export type ColumnMap = Record<string, string>;

/** Reads the rows of `text` (named `file` in messages) with `layout`. */
export function readRecords(text: string, file: string, layout: Layout, columnMap?: ColumnMap): ReadOutcome {
  return readRows(text, file, layout, columnMap, (r) => r.arrivalLocalMs);
}

/** Columns a header may have: a real export has tens; beyond this the file is not a table. */
export const MAX_COLUMNS = 1_000;

/** A row of a delimited file: its cells and the physical line it starts on (1-based). */
export interface DsvRow {
  cells: string[];
  line: number;
  /** Cells in the row, when there were more than `maxCells` (only the first are kept). */
  cellCount: number;
}

/**
 * The rows of a CSV or TSV text, one at a time (RFC 4180: a cell in double quotes may hold the
 * delimiter, line breaks and "" for a quote; text after its closing quote is kept up to the
 * delimiter). Lines end with \n, \r\n or \r. Each row carries the physical line it starts on, so
 * a row after a cell spanning lines is still named by its own line. A quoted cell that never
 * closes is an error naming the line and column it starts on: the rest of the file would
 * otherwise be read as one cell. At most `maxCells` cells of a row are kept (the rest counted).
 */
export function* dsvRows(text: string, delimiter: string, file: string, maxCells = Infinity): Generator<DsvRow> {
  const N = text.length;
  const D = delimiter.charCodeAt(0);
  /** Where an unquoted cell (or a quoted cell's text after its closing quote) ends: at the
   * delimiter, a line break or the end of the text. */
  const cellEnd = (from: number) => {
    let stop = from;
    while (stop < N) {
      const c = text.charCodeAt(stop);
      if (c === D || c === 10 || c === 13) break;
      stop++;
    }
    return stop;
  };
  let at = 0;
  let line = 1;
  // The next \n, searched for again only once passed, and whether the text up to it has been
  // found to need reading cell by cell: rows ending in a lone \r (old Mac line ends) would
  // otherwise search and copy the rest of the line for every row (3 million took hours).
  let nl = -1;
  let slowLine = false;
  while (at < N) {
    const rowLine = line;
    if (nl < at) {
      nl = text.indexOf('\n', at);
      if (nl < 0) nl = N;
      slowLine = false;
    }
    // Fast path: a line without quotes or stray carriage returns, of a sensible length.
    const end = nl;
    if (!slowLine && end - at < 1 << 16) {
      let body = text.slice(at, end);
      if (body.endsWith('\r')) body = body.slice(0, -1);
      if (!body.includes('"') && !body.includes('\r')) {
        const cells = body.split(delimiter);
        const cellCount = cells.length;
        if (cellCount > maxCells) cells.length = maxCells;
        yield { cells, line: rowLine, cellCount };
        at = end + 1;
        line++;
        continue;
      }
    }
    slowLine = true;
    // Cell by cell.
    const cells: string[] = [];
    let cellCount = 0;
    const push = (cell: string) => {
      if (cellCount++ < maxCells) cells.push(cell);
    };
    for (;;) {
      if (at < N && text.charCodeAt(at) === 34) {
        const quoteLine = line;
        const column = cellCount + 1;
        let cell = '';
        let from = at + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            throw new RecordsError([
              `${file}:${quoteLine}: column ${column}: a quoted cell starts here and is never closed: expected a closing " (write a quote inside a quoted cell as "")`,
            ]);
          }
          line += lineBreaks(text, from, q);
          if (cellCount < maxCells) cell += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            if (cellCount < maxCells) cell += '"';
            from = q + 2;
            continue;
          }
          at = q + 1;
          break;
        }
        // Anything after the closing quote, up to the delimiter, belongs to the cell.
        const stop = cellEnd(at);
        if (stop > at && cellCount < maxCells) cell += text.slice(at, stop);
        at = stop;
        push(cell);
      } else {
        const stop = cellEnd(at);
        push(cellCount < maxCells ? text.slice(at, stop) : '');
        at = stop;
      }
      if (at >= N) break;
      const c = text.charCodeAt(at);
      if (c === D) {
        at++;
        if (at >= N) {
          push('');
          break;
        }
        continue;
      }
      // End of the row.
      at += c === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
      line++;
      break;
    }
    yield { cells, line: rowLine, cellCount };
  }
}

/** The text before the first line break (\n, \r\n or a lone \r): the header. A file whose
 * lines end in lone \r is otherwise one line, and its header the whole file. */
export function headerOf(text: string): string {
  const match = /[\r\n]/.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** Line breaks (\n, \r\n, lone \r) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** A header's names for a message: each cut short, and not all of a long list. */
export function describeColumns(columns: readonly string[], most = 40): string {
  const shown = columns.slice(0, most).map((c) => (c.length > 40 ? `${JSON.stringify(c.slice(0, 37))}…` : c === '' ? '(blank)' : c));
  return shown.join(', ') + (columns.length > most ? `, … (${columns.length} columns)` : '');
}

/** The field each header column is read as (its name, or what --map makes it), refusing a header
 * that lacks a field the layout needs or reads one field from two columns. */
function fieldsOfColumns<T>(columns: string[], given: ColumnMap, layout: Layout<T>, file: string): string[] {
  // Own entries only: a column named constructor or toString is no field of a plain object's.
  const columnMap: ColumnMap = Object.assign(Object.create(null), given);
  const named = columns.map((name) => columnMap[name] ?? name);
  for (const [from] of Object.entries(columnMap)) {
    if (!columns.includes(from)) throw new RecordsError([`${file}:1: --map ${from}=…: no column '${from}' in the header (columns: ${describeColumns(columns)})`]);
  }
  const missing = layout.required.filter((f) => !named.includes(f));
  if (missing.length > 0) {
    // A column of the field's own name that --map reads as another field: say so, or the
    // message names a column the header plainly has.
    const mappedAway = missing.filter((f) => columnMap[f] !== undefined && columns.includes(f)).map((f) => `column '${f}' is read as ${columnMap[f]} (--map ${f}=${columnMap[f]})`);
    throw new RecordsError([
      `${file}:1: the ${layout.name} layout needs the ${wordFor(missing.length, 'column')} ${missing.join(', ')}; ` +
        (mappedAway.length > 0 ? `${mappedAway.join('; ')}` : `the header has ${describeColumns(columns)}`) +
        ' (name them with --map column=field, or choose another --format)',
    ]);
  }
  // A field read from two columns: which one is meant is anyone's guess, so neither is taken.
  const reads = new Set<string>([...layout.required, ...(layout.optional ?? [])]);
  for (const field of reads) {
    const from = named.flatMap((name, i) => (name === field ? [i] : []));
    if (from.length > 1) {
      const describe = (i: number) => `column ${i + 1} '${columns[i].length > 40 ? `${columns[i].slice(0, 37)}…` : columns[i]}'${columnMap[columns[i]] !== undefined ? ` (--map ${columns[i]}=${field})` : ''}`;
      throw new RecordsError([
        `${file}:1: ${from.map(describe).join(' and ')} are both read as ${field}: expected one column for each field (rename or remove one, or change --map)`,
      ]);
    }
  }
  return named;
}

/** Any layout's rows: kept (in time order), not offered, or rejected by kind. */
export function readRows<T>(text: string, file: string, layout: Layout<T>, columnMap: ColumnMap = {}, time: (row: T) => number = layout.time ?? (() => 0)): ReadOutcome<T & { line: number }> {
  // Lines are counted before anything is parsed, so that a huge file is refused at once.
  // A lone \r ends a line too (as dsvRows reads it).
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && lines <= MAX_RECORD_ROWS + 1; at = text.indexOf('\n', at + 1)) lines++;
  for (let at = text.indexOf('\r'); at >= 0 && lines <= MAX_RECORD_ROWS + 1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) lines++;
  }
  if (lines > MAX_RECORD_ROWS + 1) {
    throw new RecordsError([`${file}: more than ${MAX_RECORD_ROWS.toLocaleString('en-US')} rows (split the file by month)`]);
  }
  const headerText = headerOf(text);
  if (!/[\t,]/.test(headerText) && headerText.includes(';')) {
    // Spreadsheets set to a decimal comma save "CSV" with semicolons; --map cannot help there.
    throw new RecordsError([`${file}:1: the columns are separated by semicolons: expected commas (CSV) or tabs (TSV); save the export with either`]);
  }
  const rows = dsvRows(text, headerText.includes('\t') ? '\t' : ',', file, MAX_COLUMNS);
  const first = rows.next();
  if (first.done || first.value.cells.every((c) => c.trim() === '')) throw new RecordsError([`${file}: empty: expected a header line and one row per contact`]);
  if (first.value.cellCount > MAX_COLUMNS) {
    throw new RecordsError([`${file}:1: ${first.value.cellCount.toLocaleString('en-US')} columns in the header: at most ${MAX_COLUMNS.toLocaleString('en-US')} (export only the columns the import reads)`]);
  }
  const columns = first.value.cells.map((name) => name.trim());
  const named = fieldsOfColumns(columns, columnMap, layout, file);
  const index = new Map(named.map((name, i) => [name, i]));
  // The line each identity was first seen on, when the header has the columns that make one.
  const identity = layout.identity && layout.identity.columns.every((c) => index.has(c)) ? layout.identity : undefined;
  const firstLineOf = new Map<string, number>();
  const has = (name: string) => index.has(name);
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
  for (const { cells, line, cellCount } of rows) {
    if (cellCount === 1 && cells[0].trim() === '') continue; // a blank line is not a row
    out.rowsRead++;
    if (cellCount !== columns.length) {
      count(out.rejected, 'wrong number of fields', line, `${cellCount} fields, the header has ${columns.length}`);
      continue;
    }
    const field = (name: string) => (cells[index.get(name) ?? -1] ?? '').trim();
    if (identity) {
      const key = identity.key(field);
      const repeated = firstLineOf.get(key);
      if (repeated !== undefined) {
        count(out.rejected, `a repeat of an earlier row (the same ${identity.what ?? identity.columns.join(', ')})`, line, `as line ${repeated}`);
        continue;
      }
      firstLineOf.set(key, line);
    }
    const outcome = layout.row(field, has);
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
  const renamed = layout.renamed?.();
  if (renamed && renamed.length > 0) out.renamed = renamed;
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
  if (o.renamed && o.renamed.length > 0) {
    const most = 50;
    const cut = (name: string) => (name.length > 60 ? `${name.slice(0, 57)}…` : name);
    lines.push(
      'Queues named otherwise in the scenario (a scenario queue is a language code, und-… for any other name):',
      ...o.renamed.slice(0, most).map((r) => `  ${JSON.stringify(cut(r.source))} → ${r.queue}`),
      ...(o.renamed.length > most ? [`  … and ${o.renamed.length - most} more`] : []),
    );
  }
  return lines;
}
