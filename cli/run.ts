// `followsun run`: simulate scenario files and print a summary, JSON, or CSV tables.
import { join } from 'node:path';
import type { Estimate } from '../sim/confidence';
import { INTERVAL_FIGURES, SUMMARY_FIGURES, type ScenarioResult } from '../sim/metrics';
import { compileScenario } from '../sim/model';
import { ScenarioError } from '../sim/scenario';
import { simulate } from '../sim/simulate';
import { DEFAULT_SCENARIO, displayPath, expandScenarioPaths, loadScenario, writeFileAtomic } from './files';
import { formatEstimate, table } from './format';
import { Progress } from './progress';

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
  const results: FileResult[] = [];
  const errors: { file: string; problems: string[] }[] = [];
  if (paths.length === 0) {
    process.stderr.write('followsun: no scenario files (.yaml, .yml, .json) found there\n');
    return 2;
  }
  for (const path of paths) {
    const file = displayPath(path);
    try {
      const model = compileScenario(loadScenario(path), { seed: options.seed, replications: options.replications });
      const progress = new Progress(`${model.name}: replication`, model.replications);
      const result = { file, ...simulate(model, { onProgress: (done) => progress.update(done) }) };
      progress.done();
      results.push(result);
      if (options.csvDir) writeCsv(options.csvDir, result, results.length);
      if (!options.json) process.stdout.write(`${summaryText(result)}\n\n`);
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

const SUMMARY_ROWS: [keyof ScenarioResult['summary'], string, 'count' | 'fraction' | 'seconds' | 'money'][] = [
  ['offered', 'Offered', 'count'],
  ['answered', 'Answered', 'count'],
  ['abandoned', 'Abandoned', 'count'],
  ['serviceLevel', 'Service level', 'fraction'],
  ['pWait', 'Had to wait', 'fraction'],
  ['asaSeconds', 'Average speed of answer', 'seconds'],
  ['waitP90Seconds', 'Wait, 90th percentile', 'seconds'],
  ['abandonRate', 'Abandon rate', 'fraction'],
  ['costTotal', 'Cost', 'money'],
  ['costPerContact', 'Cost per contact', 'money'],
];

export function summaryText(r: FileResult): string {
  const days = (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
  const lines = [
    `${r.name}  (${r.file})`,
    `  ${Number(days.toFixed(2))} days from ${r.start.replace('T', ' ').replace(/:00\.000Z$/, ' UTC')}, ` +
      `${r.replications} replication${r.replications === 1 ? '' : 's'}, seed ${r.seed}; ` +
      `brackets: 95% confidence interval`,
    '',
    table(SUMMARY_ROWS.map(([key, label, unit]) => [label, formatEstimate(r.summary[key], unit, r.currency)])),
  ];
  const waiting = r.summary.waitingAtEnd.mean ?? 0;
  if (waiting > 0) lines.push(`  Still waiting when the run ended: ${waiting.toFixed(1)} contacts on average`);
  lines.push(
    '',
    table([
      ['Pool', 'Handled', 'Occupancy', 'Cost'],
      ...Object.entries(r.pools).map(([id, p]) => [
        id,
        formatEstimate(p.handled, 'count'),
        formatEstimate(p.occupancy, 'fraction'),
        formatEstimate(p.costTotal, 'money', r.currency),
      ]),
    ]),
  );
  return lines.join('\n');
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
