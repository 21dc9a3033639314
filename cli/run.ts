// `followsun run`: simulate scenario files and print a summary, JSON, or CSV tables.
import { join } from 'node:path';
import type { Estimate } from '../sim/confidence';
import { INTERVAL_FIGURES, SUMMARY_FIGURES, type ScenarioResult } from '../sim/metrics';
import { compileScenario } from '../sim/model';
import { ScenarioError } from '../sim/scenario';
import { simulate } from '../sim/simulate';
import { DEFAULT_SCENARIO, displayPath, expandScenarioPaths, loadScenario, prepareFolder, writeFileAtomic } from './files';
import { Progress } from './progress';
import { summaryText } from './summary';

export interface RunOptions {
  files: string[];
  replications?: number;
  seed?: number;
  json: boolean;
  csvDir?: string;
}

export interface FileResult extends ScenarioResult {
  file: string;
}

/** Runs every scenario; a bad file is reported and skipped. Returns the exit code. */
export function runCommand(options: RunOptions): number {
  const paths = options.files.length > 0 ? expandScenarioPaths(options.files) : [DEFAULT_SCENARIO];
  if (paths.length === 0) {
    process.stderr.write(`followsun: no scenario files (.yaml, .yml, .json) in ${options.files.join(', ')}\n`);
    return 2;
  }
  if (options.csvDir) {
    const problem = prepareFolder(options.csvDir);
    if (problem) {
      process.stderr.write(`followsun: --csv ${options.csvDir}: ${problem}\n`);
      return 2;
    }
  }
  const results: FileResult[] = [];
  const errors: { file: string; problems: string[] }[] = [];
  for (const path of paths) {
    const file = displayPath(path);
    try {
      const model = compileScenario(loadScenario(path), { seed: options.seed, replications: options.replications });
      for (const warning of model.warnings) process.stderr.write(`${file}: warning: ${warning}\n`);
      const progress = new Progress(`${model.name}: replication`, model.replications);
      const result = { file, ...simulate(model, { onProgress: (done) => progress.update(done) }) };
      progress.done();
      results.push(result);
      if (!options.json) process.stdout.write(`${summaryText(result)}\n\n`);
      if (options.csvDir) writeCsv(options.csvDir, result, results.length);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      errors.push({ file, problems: e.problems });
      process.stderr.write(`${e.problems.join('\n')}\n`);
    }
  }
  if (options.json) {
    const document = { scenarios: results, ...(errors.length > 0 ? { errors } : {}) };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
  return errors.length > 0 ? 2 : 0;
}

// --- CSV --------------------------------------------------------------------------------

const csvNumber = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const estimateCells = (e: Estimate) => [csvNumber(e.mean), csvNumber(e.ci95?.[0]), csvNumber(e.ci95?.[1])];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}

function writeCsv(dir: string, r: FileResult, ordinal: number): void {
  const base = join(dir, `${String(ordinal).padStart(2, '0')}-${slug(r.name)}`);
  const summary = [
    ['scenario', 'file', 'figure', 'mean', 'ci95_low', 'ci95_high'].join(','),
    ...SUMMARY_FIGURES.map((f) => [csvText(r.name), csvText(r.file), f, ...estimateCells(r.summary[f])].join(',')),
    ...Object.entries(r.pools).flatMap(([id, p]) =>
      Object.entries(p).map(([f, e]) => [csvText(r.name), csvText(r.file), `pool.${id}.${f}`, ...estimateCells(e)].join(',')),
    ),
  ];
  const intervals = [
    ['interval_start', ...INTERVAL_FIGURES.flatMap((f) => [f, `${f}_ci95_low`, `${f}_ci95_high`])].join(','),
    ...r.intervals.map((row) => [row.start, ...INTERVAL_FIGURES.flatMap((f) => estimateCells(row[f]))].join(',')),
  ];
  writeFileAtomic(`${base}-summary.csv`, `${summary.join('\n')}\n`);
  writeFileAtomic(`${base}-intervals.csv`, `${intervals.join('\n')}\n`);
}
