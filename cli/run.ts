// `followsun run`: simulate scenario files and print a summary, JSON, or CSV tables.
import { join } from 'node:path';
import { coverageCsv, gapHoursCsv, intervalsCsv, summaryCsv } from '../sim/csv';
import { ResultBuilder, type ScenarioResult } from '../sim/metrics';
import { ScenarioError, type Scenario } from '../sim/scenario';
import { UsageError } from './arguments';
import { DEFAULT_SCENARIO, displayPath, expandScenarioPaths, loadScenario, prepareFolder, writeFileAtomic } from './files';
import { watchInterrupt } from './interrupt';
import { compileJobs, runJobs, type Job } from './parallel';
import { Progress } from './progress';
import { inShard, type Shard, type ShardInfo } from './shards';
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
}

export interface FileResult extends ScenarioResult {
  /** Position in the batch (stable across shards). */
  index: number;
  file: string;
}

export interface RunDocument {
  shard?: ShardInfo;
  scenarios: FileResult[];
  errors?: { index: number; file: string; problems: string[] }[];
}

/** Runs every scenario; a bad file is reported and skipped. Returns the exit code. */
export async function runCommand(options: RunOptions): Promise<number> {
  const paths = options.files.length > 0 ? expandScenarioPaths(options.files) : [DEFAULT_SCENARIO];
  if (paths.length === 0) {
    process.stderr.write(`followsun: no scenario files (.yaml, .yml, .json) in ${options.files.join(', ')}\n`);
    return 2;
  }
  if (options.shard && !options.out) throw new UsageError('--shard needs --out FILE (a JSON file for followsun merge)');
  if (options.csvDir) {
    const problem = prepareFolder(options.csvDir);
    if (problem) {
      process.stderr.write(`followsun: --csv ${options.csvDir}: ${problem}\n`);
      return 2;
    }
  }

  const errors: { index: number; file: string; problems: string[] }[] = [];
  const batch: { index: number; file: string; scenario: Scenario }[] = [];
  paths.forEach((path, index) => {
    if (!inShard(index, options.shard)) return;
    const file = displayPath(path);
    try {
      batch.push({ index, file, scenario: loadScenario(path) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      errors.push({ index, file, problems: e.problems });
      process.stderr.write(`${e.problems.join('\n')}\n`);
    }
  });
  const jobs: Job[] = batch.map((b) => ({ scenario: b.scenario, options: { seed: options.seed, replications: options.replications } }));
  const models = compileJobs(jobs);
  models.forEach((m, j) => m.warnings.forEach((w) => process.stderr.write(`${batch[j].file}: warning: ${w}\n`)));

  const builders = models.map((m) => new ResultBuilder(m));
  const results: (FileResult | undefined)[] = new Array(jobs.length);
  let printed = 0;
  const complete = (j: number) => {
    results[j] = { index: batch[j].index, file: batch[j].file, ...builders[j].result() };
    // Print in batch order, each as soon as it and those before it are done.
    for (; printed < results.length && results[printed]; printed++) {
      const r = results[printed]!;
      if (!options.json && !options.out) process.stdout.write(`${summaryText(r)}\n\n`);
      if (options.csvDir) writeCsv(options.csvDir, r);
    }
  };
  const interrupt = watchInterrupt();
  const total = models.reduce((n, m) => n + m.replications, 0);
  const progress = new Progress('Simulating: replication', total);
  try {
    await runJobs(
      models,
      (j, r, figures) => {
        builders[j].add(figures);
        if (r + 1 === models[j].replications) complete(j);
      },
      { workers: options.workers, onProgress: (done) => progress.update(done), signal: interrupt },
    );
  } finally {
    progress.done();
    interrupt.dispose();
  }

  const finished = results.filter((r): r is FileResult => r !== undefined);
  if (options.json || options.out) {
    const document: RunDocument = {
      ...(options.shard ? { shard: { ...options.shard, items: paths.length } } : {}),
      scenarios: finished,
      ...(errors.length > 0 ? { errors } : {}),
    };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (options.out) {
      writeFileAtomic(options.out, text);
      process.stderr.write(`Wrote ${finished.length} scenario result${finished.length === 1 ? '' : 's'} to ${options.out}\n`);
    } else process.stdout.write(text);
  }
  if (interrupt.aborted) {
    const missing = batch.filter((_, j) => !results[j]).map((b) => b.file);
    process.stderr.write(`Interrupted: ${finished.length} of ${batch.length} scenarios finished; missing: ${missing.join(', ')}\n`);
    return 130;
  }
  return errors.length > 0 ? 2 : 0;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}

function writeCsv(dir: string, r: FileResult): void {
  const base = join(dir, `${String(r.index + 1).padStart(2, '0')}-${slug(r.name)}`);
  writeFileAtomic(`${base}-summary.csv`, summaryCsv(r, r.file));
  writeFileAtomic(`${base}-intervals.csv`, intervalsCsv(r));
  writeFileAtomic(`${base}-coverage.csv`, coverageCsv(r));
  writeFileAtomic(`${base}-gap-hours.csv`, gapHoursCsv(r));
}
