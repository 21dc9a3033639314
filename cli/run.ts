// `followsun run`: simulate scenario files and print a summary, JSON, or CSV tables.
import { join } from 'node:path';
import { coverageCsv, gapHoursCsv, intervalsCsv, summaryCsv } from '../sim/csv';
import { ResultBuilder, type ReplicationFigures, type ScenarioResult } from '../sim/stats/metrics';
import type { CompiledModel } from '../sim/model/model';
import { ScenarioError, type FieldLines, type Scenario } from '../sim/scenario/scenario';
import { checkReplications, largeRunsAllowed, UsageError, workerCount } from './arguments';
import { checkScenarioWork, DEFAULT_SCENARIO, displayPath, expandScenarioPaths, KeptTogether, loadScenarioFile, outputRefused, outputsCollide, prepareFolder, writeOutput } from './files';
import { interruptedAfterAll, watchInterrupt } from './interrupt';
import { compileJobs, runJobsToTheEnd, type BatchJobs } from './parallel';
import { fileHash, FOLLOWSUN_VERSION, inShard, jsonWithChecksum, type Shard, type ShardInfo } from './shards';
import { summaryText } from './summary';
import { wordFor } from '../sim/text/counted';

export interface RunOptions {
  files: string[];
  replications?: number;
  seed?: number;
  json: boolean;
  csvDir?: string;
  out?: string;
  workers?: number;
  shard?: Shard;
  /** Run beyond the work limits on purpose (--allow-large-runs). */
  allowLargeRuns?: boolean;
}

export interface FileResult extends ScenarioResult {
  /** Position in the batch (stable across shards). */
  index: number;
  file: string;
}

export interface ItemError {
  index: number;
  file: string;
  problems: string[];
}

/** A scenario an interrupted run did not finish. Cut short after some of its replications (the
 * first `replications` of `of`): its result over those is in `scenarios`, exactly what a run with
 * --replications `replications` gives (they are folded in order); otherwise nothing of it is. */
export interface MissingScenario {
  index: number;
  file: string;
  replications?: number;
  of?: number;
}

export interface RunDocument {
  shard?: ShardInfo;
  /** Only in the output of an interrupted run: what is missing from it. */
  partial?: { reason: 'interrupted'; missing: MissingScenario[] };
  scenarios: FileResult[];
  errors?: ItemError[];
  /** Shard outputs only: SHA-256 of the document without this field. */
  checksum?: string;
}

/** "x.yaml", or "x.yaml (37 of 200 replications finished, written: the figures of --replications 37)". */
function missingText(m: MissingScenario): string {
  if (m.replications === undefined) return m.file;
  return `${m.file} (${m.replications} of ${m.of} replications finished, written: the figures of --replications ${m.replications})`;
}

/** A scenario of the batch: its position among the files, and its name as printed. */
interface BatchItem {
  index: number;
  file: string;
}

/** Reports a scenario's problems (stderr, and the JSON's errors). */
type Fail = (index: number, file: string, problems: string[]) => void;

/** Runs every scenario; a bad file, or a scenario that cannot be simulated, is reported as its
 * own error and the others still run. Returns the exit code. */
export async function runCommand(options: RunOptions): Promise<number> {
  const replications = checkReplications(options.replications);
  const workers = workerCount(options.workers);
  const paths = options.files.length > 0 ? expandScenarioPaths(options.files) : [DEFAULT_SCENARIO];
  if (paths.length === 0) {
    process.stderr.write(`followsun: no scenario files (.yaml, .yml, .json) in ${options.files.join(', ')}\n`);
    return 2;
  }
  if (options.shard && !options.out) throw new UsageError('--shard needs --out FILE (a JSON file for followsun merge)');
  if (!outputsUsable(options, paths)) return 2;

  const errors: ItemError[] = [];
  const fail: Fail = (index, file, problems) => {
    errors.push({ index, file, problems });
    process.stderr.write(`${problems.join('\n')}\n`);
  };
  const runnable = compiled(loaded(paths, options, replications, fail), options.seed, replications, fail);
  const results = new BatchResults(runnable, options, fail);
  const interrupt = watchInterrupt();
  try {
    await runJobsToTheEnd(runnable.map((r) => r.model), results, 'Simulating: replication', { workers, signal: interrupt });
  } finally {
    interrupt.dispose();
  }
  // Stopped: a scenario cut short keeps the replications that finished (a prefix: they come in
  // order), as a run of that many.
  if (interrupt.aborted) results.cutShort();

  const finished = results.finished();
  const missing = results.missing();
  const interrupted = interrupt.aborted && missing.length > 0;
  if (options.json || options.out) {
    const document: RunDocument = {
      ...(options.shard ? { shard: shardInfo(options, replications, paths) } : {}),
      ...(interrupted ? { partial: { reason: 'interrupted' as const, missing } } : {}),
      scenarios: finished,
      ...(errors.length > 0 ? { errors: errors.sort((a, b) => a.index - b.index) } : {}),
    };
    if (!writeDocument(document, options, interrupted ? missing : [])) return 2;
  }
  if (interrupted) {
    const complete = finished.length - missing.filter((m) => m.replications !== undefined).length;
    process.stderr.write(`Interrupted: ${complete} of ${runnable.length} scenarios finished; missing: ${missing.map(missingText).join(', ')}\n`);
    return interrupt.exitCode;
  }
  if (interrupt.aborted) return interruptedAfterAll(interrupt.exitCode);
  return errors.length > 0 ? 2 : 0;
}

/** --out and --csv, checked before anything is simulated; false (and said why) when not usable. */
function outputsUsable(options: RunOptions, paths: string[]): boolean {
  if (outputsCollide([['--out', options.out], ['--csv', options.csvDir]])) return false;
  if (outputRefused('--out', options.out, 'results.json', paths)) return false;
  if (options.csvDir !== undefined) {
    const problem = prepareFolder(options.csvDir);
    if (problem) {
      process.stderr.write(`followsun: --csv ${options.csvDir}: ${problem}\n`);
      return false;
    }
  }
  return true;
}

/** This shard's scenario files, read and checked against the work limits; each bad one failed. */
function loaded(paths: string[], options: RunOptions, replications: number | undefined, fail: Fail): (BatchItem & { scenario: Scenario })[] {
  const allowLargeRuns = largeRunsAllowed(options.allowLargeRuns);
  const batch: (BatchItem & { scenario: Scenario })[] = [];
  // The batch keeps every scenario's models and result until the end, and --json or --out writes
  // them as one document.
  const together = new KeptTogether(options.json || options.out !== undefined, 'batch');
  paths.forEach((path, index) => {
    if (!inShard(index, options.shard)) return;
    const file = displayPath(path);
    let scenario: Scenario;
    let lineOf: FieldLines;
    try {
      ({ scenario, lineOf } = loadScenarioFile(path));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return fail(index, file, e.problems);
    }
    const work = checkScenarioWork(scenario, file, {
      replications,
      replicationsSource: replications !== undefined ? '--replications' : 'replications',
      allowLargeRuns,
    }, lineOf);
    if (work.problems.length > 0) return fail(index, file, work.problems);
    const beyond = together.add(file, work.estimate);
    if (beyond) return fail(index, file, [beyond]);
    batch.push({ index, file, scenario });
  });
  return batch;
}

/** Each scenario compiled on its own: one that cannot be is that scenario's error. */
function compiled(batch: (BatchItem & { scenario: Scenario })[], seed: number | undefined, replications: number | undefined, fail: Fail): (BatchItem & { model: CompiledModel })[] {
  const runnable: (BatchItem & { model: CompiledModel })[] = [];
  for (const b of batch) {
    try {
      const [model] = compileJobs([{ scenario: b.scenario, options: { seed, replications } }]);
      model.warnings.forEach((w) => process.stderr.write(`${b.file}: warning: ${w}\n`));
      runnable.push({ index: b.index, file: b.file, model });
    } catch (e) {
      fail(b.index, b.file, [`${b.file}: cannot be simulated: ${(e as Error).message}`]);
    }
  }
  return runnable;
}

/** The batch's results as they settle: each scenario's replications folded, its result built when
 * the last is in, and printed (summary, CSV tables) in batch order as soon as it and those before
 * it are done. */
class BatchResults implements BatchJobs {
  private readonly builders: ResultBuilder[];
  private readonly results: (FileResult | undefined)[];
  /** Per scenario: its result is built, or it failed. */
  private readonly done: boolean[];
  private printed = 0;
  /** Interrupted: whatever has a result is printed, in order, without waiting for the rest. */
  private stopped = false;

  constructor(
    private readonly runnable: (BatchItem & { model: CompiledModel })[],
    private readonly options: RunOptions,
    private readonly fail: Fail,
  ) {
    this.builders = runnable.map((r) => new ResultBuilder(r.model));
    this.results = new Array(runnable.length);
    this.done = new Array(runnable.length).fill(false);
  }

  settled(j: number): boolean {
    return this.done[j];
  }

  /** Scenario j's replication `replication` is in. */
  deliver(j: number, replication: number, figures: ReplicationFigures): void {
    this.builders[j].add(figures);
    if (replication + 1 === this.runnable[j].model.replications) this.complete(j);
  }

  restart(j: number): void {
    this.builders[j] = new ResultBuilder(this.runnable[j].model);
  }

  failed(j: number, e: unknown): void {
    this.done[j] = true;
    this.fail(this.runnable[j].index, this.runnable[j].file, [`${this.runnable[j].file}: the simulation failed: ${(e as Error).message}`]);
    this.printInOrder();
  }

  finished(): FileResult[] {
    return this.results.filter((r): r is FileResult => r !== undefined);
  }

  /** The scenarios not finished; one cut short says how many of its replications its result has. */
  missing(): MissingScenario[] {
    return this.runnable.flatMap((r, j) => {
      if (this.done[j]) return [];
      const k = this.cutAt(j);
      return [{ index: r.index, file: r.file, ...(k !== undefined ? { replications: k, of: r.model.replications } : {}) }];
    });
  }

  /** After an interrupt: each scenario not finished but with replications 0 … k − 1 folded (k ≥ 1)
   * gets its result over those k — what --replications k gives, bit for bit — and is printed
   * (and its CSV tables written) with the finished ones, in batch order. One with none stays
   * missing. */
  cutShort(): void {
    this.runnable.forEach((r, j) => {
      const k = this.builders[j].replications; // 0, 1, … k − 1, folded in order
      if (this.done[j] || k === 0) return;
      try {
        this.results[j] = { index: r.index, file: r.file, ...this.builders[j].result() };
      } catch {
        // No result over the part done: the scenario is missing, as if none had finished.
      }
    });
    this.stopped = true;
    this.printInOrder();
  }

  /** A scenario cut short by an interrupt: the replications its result is over; else undefined. */
  private cutAt(j: number): number | undefined {
    return !this.done[j] && this.results[j] ? this.builders[j].replications : undefined;
  }

  private complete(j: number): void {
    try {
      this.results[j] = { index: this.runnable[j].index, file: this.runnable[j].file, ...this.builders[j].result() };
    } catch (e) {
      return this.failed(j, e);
    }
    this.done[j] = true;
    this.printInOrder();
  }

  private printInOrder(): void {
    const { options } = this;
    for (; this.printed < this.done.length && (this.stopped || this.done[this.printed]); this.printed++) {
      const r = this.results[this.printed];
      if (!r) continue;
      const k = this.cutAt(this.printed);
      if (!options.json && !options.out) {
        const note = k !== undefined ? `  Interrupted: the first ${k} of ${this.runnable[this.printed].model.replications} replications, the figures of --replications ${k}\n` : '';
        process.stdout.write(`${summaryText(r)}\n${note}\n`);
      }
      if (options.csvDir) {
        try {
          writeCsv(options.csvDir, r);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          this.fail(r.index, r.file, [`${r.file}: cannot write its tables to --csv ${options.csvDir} (${code ?? (e as Error).message})`]);
        }
      }
    }
  }
}

/** The run's JSON to --out (saying what it wrote) or stdout; false when --out cannot be written. */
function writeDocument(document: RunDocument, options: RunOptions, missing: MissingScenario[]): boolean {
  const text = options.shard ? jsonWithChecksum(document) : `${JSON.stringify(document, null, 2)}\n`;
  if (!options.out) {
    process.stdout.write(text);
    return true;
  }
  const problem = writeOutput(options.out, text);
  if (problem) {
    process.stderr.write(`followsun: --out ${options.out}: ${problem}\n`);
    return false;
  }
  const finished = document.scenarios.length;
  const what = `${finished} ${wordFor(finished, 'scenario result')}`;
  const cut = missing.filter((m) => m.replications !== undefined).length;
  const none = missing.length - cut;
  const parts = [...(none > 0 ? [`${none} missing`] : []), ...(cut > 0 ? [`${cut} cut short at the replications that finished`] : [])];
  process.stderr.write(`Wrote ${what}${parts.length > 0 ? ` (partial: ${parts.join(', ')}; listed in the file)` : ''} to ${options.out}\n`);
  return true;
}

function shardInfo(options: RunOptions, replications: number | undefined, paths: string[]): ShardInfo {
  return {
    ...options.shard!,
    items: paths.length,
    kind: 'run',
    followsun: FOLLOWSUN_VERSION,
    seed: options.seed ?? null,
    replications: replications ?? null,
    scenarios: paths.map(fileHash),
  };
}

/** A file-name-safe, short form of a scenario name (at most 60 characters). */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'scenario'
  );
}

function writeCsv(dir: string, r: FileResult): void {
  const base = join(dir, `${String(r.index + 1).padStart(2, '0')}-${slug(r.name)}`);
  const tables: [string, () => string][] = [
    ['summary', () => summaryCsv(r, r.file)],
    ['intervals', () => intervalsCsv(r)],
    ['coverage', () => coverageCsv(r)],
    ['gap-hours', () => gapHoursCsv(r)],
  ];
  // Never over an input: a scenario file named as a table (01-x-summary.csv) was replaced by it.
  for (const [table, text] of tables) {
    const problem = writeOutput(`${base}-${table}.csv`, text());
    if (problem) throw new Error(`${displayPath(`${base}-${table}.csv`)} ${problem}`);
  }
}
