// `followsun run`: simulate scenario files and print a summary, JSON, or CSV tables.
import { join } from 'node:path';
import { coverageCsv, gapHoursCsv, intervalsCsv, summaryCsv } from '../sim/csv';
import { ResultBuilder, type ReplicationFigures, type ScenarioResult } from '../sim/stats/metrics';
import type { CompiledModel } from '../sim/model/model';
import { ScenarioError, type Scenario } from '../sim/scenario/scenario';
import { checkReplications, largeRunsAllowed, UsageError, workerCount } from './arguments';
import { checkScenarioWork, DEFAULT_SCENARIO, displayPath, expandScenarioPaths, loadScenarioFile, outputProblem, prepareFolder, writeFileAtomic, writeOutput } from './files';
import { interruptedAfterAll, watchInterrupt } from './interrupt';
import { compileJobs, runJobs } from './parallel';
import { Progress } from './progress';
import { fileHash, FOLLOWSUN_VERSION, inShard, jsonWithChecksum, type Shard, type ShardInfo } from './shards';
import { summaryText } from './summary';

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

export interface RunDocument {
  shard?: ShardInfo;
  /** Only in the output of an interrupted run: what is missing from it. */
  partial?: { reason: 'interrupted'; missing: { index: number; file: string }[] };
  scenarios: FileResult[];
  errors?: ItemError[];
  /** Shard outputs only: SHA-256 of the document without this field. */
  checksum?: string;
}

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
  // Outputs are checked before anything is simulated.
  if (options.out !== undefined) {
    const problem = outputProblem(options.out, 'results.json', paths);
    if (problem) {
      process.stderr.write(`followsun: --out ${options.out}: ${problem}\n`);
      return 2;
    }
  }
  if (options.csvDir !== undefined) {
    const problem = prepareFolder(options.csvDir);
    if (problem) {
      process.stderr.write(`followsun: --csv ${options.csvDir}: ${problem}\n`);
      return 2;
    }
  }

  const allowLargeRuns = largeRunsAllowed(options.allowLargeRuns);
  const errors: ItemError[] = [];
  const fail = (index: number, file: string, problems: string[]) => {
    errors.push({ index, file, problems });
    process.stderr.write(`${problems.join('\n')}\n`);
  };
  const batch: { index: number; file: string; scenario: Scenario }[] = [];
  paths.forEach((path, index) => {
    if (!inShard(index, options.shard)) return;
    const file = displayPath(path);
    let scenario: Scenario;
    let text: string;
    try {
      ({ scenario, text } = loadScenarioFile(path));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return fail(index, file, e.problems);
    }
    const work = checkScenarioWork(scenario, file, {
      replications,
      replicationsSource: replications !== undefined ? '--replications' : 'replications',
      allowLargeRuns,
    }, text);
    if (work.problems.length > 0) return fail(index, file, work.problems);
    batch.push({ index, file, scenario });
  });

  // Each scenario compiled on its own: one that cannot be is that scenario's error.
  const runnable: { index: number; file: string; model: CompiledModel }[] = [];
  for (const b of batch) {
    try {
      const [model] = compileJobs([{ scenario: b.scenario, options: { seed: options.seed, replications } }]);
      model.warnings.forEach((w) => process.stderr.write(`${b.file}: warning: ${w}\n`));
      runnable.push({ ...b, model });
    } catch (e) {
      fail(b.index, b.file, [`${b.file}: cannot be simulated: ${(e as Error).message}`]);
    }
  }
  const models = runnable.map((r) => r.model);

  let builders = models.map((m) => new ResultBuilder(m));
  const results: (FileResult | undefined)[] = new Array(models.length);
  const settled: boolean[] = new Array(models.length).fill(false);
  let printed = 0;
  const printInOrder = () => {
    // In batch order, each as soon as it and those before it are done.
    for (; printed < settled.length && settled[printed]; printed++) {
      const r = results[printed];
      if (!r) continue;
      if (!options.json && !options.out) process.stdout.write(`${summaryText(r)}\n\n`);
      if (options.csvDir) {
        try {
          writeCsv(options.csvDir, r);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          fail(r.index, r.file, [`${r.file}: cannot write its tables to --csv ${options.csvDir} (${code ?? (e as Error).message})`]);
        }
      }
    }
  };
  const failRun = (j: number, e: unknown) => {
    settled[j] = true;
    fail(runnable[j].index, runnable[j].file, [`${runnable[j].file}: the simulation failed: ${(e as Error).message}`]);
    printInOrder();
  };
  const complete = (j: number) => {
    try {
      results[j] = { index: runnable[j].index, file: runnable[j].file, ...builders[j].result() };
    } catch (e) {
      return failRun(j, e);
    }
    settled[j] = true;
    printInOrder();
  };

  const interrupt = watchInterrupt();
  const total = models.reduce((n, m) => n + m.replications, 0);
  const progress = new Progress('Simulating: replication', total);
  let doneBefore = 0;
  const runSome = async (jobs: number[]) => {
    let done = 0;
    try {
      await runJobs(
        jobs.map((j) => models[j]),
        (k, r, figures: ReplicationFigures) => {
          const j = jobs[k];
          builders[j].add(figures);
          if (r + 1 === models[j].replications) complete(j);
        },
        { workers, onProgress: (n) => progress.update(Math.min(total, doneBefore + (done = n))), signal: interrupt },
      );
    } finally {
      doneBefore += done;
    }
  };
  try {
    try {
      await runSome(models.map((_, j) => j));
    } catch {
      // A replication failed: run the unfinished scenarios one at a time, so that the one that
      // fails is reported as such and the others are still completed.
      const unfinished = models.map((_, j) => j).filter((j) => !settled[j]);
      builders = models.map((m, j) => (settled[j] ? builders[j] : new ResultBuilder(m)));
      for (const j of unfinished) {
        if (interrupt.aborted) break;
        try {
          await runSome([j]);
        } catch (e) {
          failRun(j, e);
        }
      }
    }
  } finally {
    progress.done();
    interrupt.dispose();
  }

  const finished = results.filter((r): r is FileResult => r !== undefined);
  const missing = runnable.filter((_, j) => !settled[j]).map((r) => ({ index: r.index, file: r.file }));
  const interrupted = interrupt.aborted && missing.length > 0;
  if (options.json || options.out) {
    const document: RunDocument = {
      ...(options.shard ? { shard: shardInfo(options, replications, paths) } : {}),
      ...(interrupted ? { partial: { reason: 'interrupted' as const, missing } } : {}),
      scenarios: finished,
      ...(errors.length > 0 ? { errors: errors.sort((a, b) => a.index - b.index) } : {}),
    };
    const text = options.shard ? jsonWithChecksum(document) : `${JSON.stringify(document, null, 2)}\n`;
    if (options.out) {
      const problem = writeOutput(options.out, text);
      if (problem) {
        process.stderr.write(`followsun: --out ${options.out}: ${problem}\n`);
        return 2;
      }
      const what = `${finished.length} scenario result${finished.length === 1 ? '' : 's'}`;
      process.stderr.write(`Wrote ${what}${interrupted ? ` (partial: ${missing.length} missing, listed in the file)` : ''} to ${options.out}\n`);
    } else process.stdout.write(text);
  }
  if (interrupted) {
    process.stderr.write(`Interrupted: ${finished.length} of ${runnable.length} scenarios finished; missing: ${missing.map((m) => m.file).join(', ')}\n`);
    return interrupt.exitCode;
  }
  if (interrupt.aborted) return interruptedAfterAll(interrupt.exitCode);
  return errors.length > 0 ? 2 : 0;
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
  writeFileAtomic(`${base}-summary.csv`, summaryCsv(r, r.file));
  writeFileAtomic(`${base}-intervals.csv`, intervalsCsv(r));
  writeFileAtomic(`${base}-coverage.csv`, coverageCsv(r));
  writeFileAtomic(`${base}-gap-hours.csv`, gapHoursCsv(r));
}
