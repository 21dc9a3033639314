// `followsun import`: contact records (an export of a contact-centre platform) → a fitted
// scenario file, with every row accounted for and what was estimated and how.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath, outputRefused, readBounded, readProblem, writeOutput } from './files';
import { UsageError } from './arguments';
import { accountingLines, MAX_RECORD_BYTES, RecordsError, recordsText, type ColumnMap } from '../sim/history/records';
import { INTERVAL_FIELDS, INTERVAL_OPTIONAL_FIELDS } from '../sim/history/intervals';
import { checkTimezone, FORMATS, loadRecordsText, type Loaded, type RecordsFormat, type ZoneAssumed } from '../sim/history/load';
import { GENERIC_FIELDS } from '../sim/history/layouts';
import { COST_NOTE, fitScenario, fitScenarioFromIntervals, scenarioYaml } from '../sim/history/fit-scenario';
import { parseScenario, ScenarioError } from '../sim/scenario/scenario';
import { closestWord } from '../sim/scenario/spelling';
import { counted, wordFor } from '../sim/text/counted';

export interface RecordsOptions {
  format?: string;
  map?: string[];
  timezone?: string;
  /** The zone of formats that name none (all but bank) when --timezone is not given. */
  fallbackTimezone?: string;
}

const MAPPABLE: string[] = [...GENERIC_FIELDS, 'agent', ...INTERVAL_FIELDS, ...INTERVAL_OPTIONAL_FIELDS];

/** --map column=field (repeatable): a file column read as a field of the layout. */
export function columnMap(items: string[] = []): ColumnMap {
  // No inherited entries: --map constructor=arrival was "mapped twice (to function Object() …)".
  const map: ColumnMap = Object.create(null);
  for (const item of items) {
    const at = item.lastIndexOf('=');
    if (at <= 0 || at === item.length - 1) throw new UsageError(`--map: expected column=field such as "Start Time=arrival", got ${JSON.stringify(item)}`);
    const field = item.slice(at + 1).trim();
    if (!MAPPABLE.includes(field)) {
      const meant = closestWord(field, MAPPABLE);
      throw new UsageError(`--map ${item}: unknown field '${field}'${meant ? `, did you mean ${meant}?` : ''} (contact records: ${[...GENERIC_FIELDS, 'agent'].join(', ')}; interval tables: ${[...INTERVAL_FIELDS, ...INTERVAL_OPTIONAL_FIELDS].join(', ')})`);
    }
    const column = item.slice(0, at).trim();
    if (map[column] !== undefined && map[column] !== field) {
      throw new UsageError(`--map: column '${column.slice(0, 60)}' is mapped twice (to ${map[column]} and to ${field}): expected one field for each column`);
    }
    map[column] = field;
  }
  return map;
}

/** Reads a records file with the layout asked for (or the one its header looks like). */
export function loadRecords(path: string, o: RecordsOptions): Loaded {
  if (o.format !== undefined && !(FORMATS as readonly string[]).includes(o.format)) {
    throw new UsageError(`--format: expected ${FORMATS.join(' or ')}, got ${JSON.stringify(o.format)}`);
  }
  const map = columnMap(o.map);
  if (o.timezone !== undefined) checkTimezoneFlag(o.timezone);
  const shown = displayPath(path);
  let bytes: Buffer | undefined;
  try {
    bytes = readBounded(path, MAX_RECORD_BYTES);
  } catch (e) {
    throw new RecordsError([`${shown}: ${readProblem(e)}`]);
  }
  if (bytes === undefined) throw new RecordsError([`${shown}: larger than ${MAX_RECORD_BYTES / 2 ** 20} MB: split the records by month`]);
  return loadRecordsText(recordsText(bytes, shown), shown, { format: o.format as RecordsFormat | undefined, map, timezone: o.timezone, fallbackTimezone: o.fallbackTimezone });
}

/** The records' own check, in the flag's words. */
function checkTimezoneFlag(zone: string): void {
  try {
    checkTimezone(zone);
  } catch {
    throw new UsageError(`--timezone: expected an IANA time zone such as Europe/Berlin, got ${JSON.stringify(zone)}`);
  }
}

export const RECORDS_OPTIONS = {
  format: { type: 'string' },
  map: { type: 'string', multiple: true },
  timezone: { type: 'string' },
} as const;

export function importCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...RECORDS_OPTIONS, out: { type: 'string', short: 'o' }, name: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'import needs a records file (CSV or TSV)' : 'import takes one records file');
  if (!values.out) throw new UsageError('import needs --out FILE.yaml: where to write the fitted scenario');
  if (values.name !== undefined && values.name.trim() === '') throw new UsageError('--name: expected a name for the scenario, got an empty one');
  // As the scenario's name field takes it: refused later, the problem named the file not written.
  if (values.name !== undefined && /\p{Cc}/u.test(values.name)) {
    throw new UsageError(`--name: expected a name on one line, without control characters, got ${JSON.stringify(values.name.slice(0, 60))}`);
  }
  // Before reading and fitting (seconds for a large export): an output that cannot be written, or
  // that names the records themselves, is refused at once.
  if (outputRefused('--out', values.out, 'scenario.yaml', [positionals[0]])) return 2;
  try {
    const loaded = loadRecords(positionals[0], values);
    const { outcome, timezone, format } = loaded;
    const options = { timezone, name: values.name, source: basename(positionals[0]) };
    const fit = loaded.format === 'intervals' ? fitScenarioFromIntervals(loaded.outcome.records, loaded.intervalMinutes, options) : fitScenario(loaded.outcome.records, options);
    // JSON when the name says so, as plan's --out: a .json file of YAML text fails JSON tools.
    const text = values.out.toLowerCase().endsWith('.json') ? `${JSON.stringify(fit.scenario, null, 2)}\n` : scenarioYaml(fit);
    parseScenario(text, values.out); // what is written is a valid scenario, or a bug
    const problem = writeOutput(values.out, text);
    if (problem) {
      process.stderr.write(`followsun: ${displayPath(values.out)}: ${problem}\n`);
      return 2;
    }
    // The back-test as it runs: the records read as they were here (same layout, columns, zone).
    const backtest = ['followsun', 'backtest', displayPath(values.out), displayPath(positionals[0]), ...recordsFlags(values), '--report', 'backtest.html'].map(shellWord).join(' ');
    const next = fit.unstaffed
      ? [
          `No staffing: ${fit.unstaffed}, so the scenario's pool has none (agents: 0). Give staffing[0] shifts or agents before running it;`,
          format === 'intervals'
            ? 'a back-test replays the staffing the records show, so it needs a table with an agents column (agents on the phones per queue and interval).'
            : 'a back-test replays the staffing the records show, so it needs records that name the agent who answered (an agent column, or --map COLUMN=agent).',
        ]
      : [`To see how well it replays the records: ${backtest}`];
    process.stdout.write(
      [`Layout: ${format}; local time ${timezone}.`, ...(loaded.zoneAssumed ? [`Note: ${zoneNote(loaded.zoneAssumed)}`] : []), ...accountingLines(outcome), '', ...String(fit.scenario.description).split('\n'), COST_NOTE, '', `Wrote ${displayPath(values.out)}.`, ...next].join('\n') + '\n',
    );
    return 0;
  } catch (e) {
    return badInput(e);
  }
}

/** Local clock times read in a zone nobody gave: said once, with how to read them otherwise (an
 * export in Berlin time read as UTC has every hour two hours early). */
export function zoneNote(z: ZoneAssumed): string {
  const rows = counted(z.rows, 'row');
  const why = z.fromFallback ? "the scenario's zone" : 'the default';
  return (
    `${rows} ${wordFor(z.rows, 'gives', 'give')} a local clock time without a UTC offset (first on line ${z.firstLine}), read as ${z.zone} time, ${why}, as no --timezone was given. ` +
    `If the export's clock is another zone's, give --timezone ZONE (an IANA name such as Europe/Berlin); a time written with its offset (2026-03-02T08:15:00Z) is placed by it.`
  );
}

/** The records flags as given (--format, each --map, --timezone), for a command to repeat them. */
export function recordsFlags(o: RecordsOptions): string[] {
  return [
    ...(o.format !== undefined ? ['--format', o.format] : []),
    ...(o.map ?? []).flatMap((m) => ['--map', m]),
    ...(o.timezone !== undefined ? ['--timezone', o.timezone] : []),
  ];
}

/** A word as a POSIX shell reads it back: bare when it holds nothing the shell would act on,
 * else in single quotes (a quote inside written '\''). */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Bad records or a bad scenario: one line per problem, exit code 2; anything else is a bug. A
 * problem naming its file (and line) is said as every command says it ("calls.csv:12: …"); one
 * of a flag gets the program's name, as run's and plan's do ("followsun: --name: …"). */
export function badInput(e: unknown): number {
  if (e instanceof RecordsError || e instanceof ScenarioError) {
    process.stderr.write(`${e.problems.map((p) => (p.startsWith('--') ? `followsun: ${p}` : p)).join('\n')}\n`);
    return 2;
  }
  throw e;
}
