// `followsun sweep`: one scenario, a grid of values for one or more of its knobs (pools and
// streams addressed by id), every point run with the same random numbers; one row per point.
import { ResultBuilder, type ScenarioResult } from '../sim/metrics';
import { formatPath, ScenarioError, validateScenario, type Scenario } from '../sim/scenario';
import { csvLines } from '../sim/csv';
import { sweepReportHtml } from '../report/sweep';
import { UsageError } from './arguments';
import { displayPath, loadScenario, writeFileAtomic } from './files';
import { watchInterrupt } from './interrupt';
import { compileJobs, runJobs, type Job } from './parallel';
import { Progress } from './progress';
import { inShard, type Shard, type ShardInfo } from './shards';

export interface SweepOptions {
  file: string;
  vary: string[];
  out: string;
  replications?: number;
  seed?: number;
  workers?: number;
  shard?: Shard;
  /** Also write an HTML page with the cost-vs-service-level chart (efficient frontier). */
  report?: string;
}

export interface Variation {
  path: string;
  values: number[];
}

/** The figures a sweep row reports, each as mean and 95% interval. */
export const SWEEP_FIGURES = [
  'targetMetShare', // language × channel hours with demand that met their channel's target
  'gapHours',
  'uncoveredHours',
  'hoursBelowTarget',
  'abandonRate',
  'asaSeconds',
  'contained',
  'answered',
  'costPerContact',
  'costPerResolvedCustomer',
  'costPerMonth',
] as const;

export interface SweepPoint {
  index: number;
  values: Record<string, number>;
  figures: Record<(typeof SWEEP_FIGURES)[number], { mean: number | null; ci95: [number, number] | null }>;
}

export interface SweepDocument {
  shard?: ShardInfo;
  scenario: string;
  file: string;
  seed: number;
  replications: number;
  varied: string[];
  points: SweepPoint[];
}

/** "staffing.manila.agents=0..40:5" → the path and the values 0, 5, …, 40. */
export function parseVariation(text: string): Variation {
  const match = /^([A-Za-z0-9_.-]+)=(-?[\d.]+)\.\.(-?[\d.]+):([\d.]+)$/.exec(text);
  const [from, to, step] = match ? [Number(match[2]), Number(match[3]), Number(match[4])] : [NaN, NaN, NaN];
  if (!match || !(step > 0) || !(to >= from) || [from, to, step].some(Number.isNaN)) {
    throw new UsageError(`--vary: expected path=from..to:step such as staffing.manila.agents=0..40:5, got ${text}`);
  }
  const decimals = Math.max(...[match[2], match[4]].map((n) => (n.split('.')[1] ?? '').length));
  const values: number[] = [];
  for (let i = 0; from + i * step <= to + step * 1e-9; i++) values.push(Number((from + i * step).toFixed(decimals)));
  if (values.length > 10_000) throw new UsageError(`--vary ${match[1]}: ${values.length} values is too many`);
  return { path: match[1], values };
}

/** Every combination of the variations, the first varying slowest. */
export function grid(variations: Variation[]): Record<string, number>[] {
  return variations.reduce<Record<string, number>[]>(
    (points, v) => points.flatMap((p) => v.values.map((value) => ({ ...p, [v.path]: value }))),
    [{}],
  );
}

/** Sets `path` in a copy of the scenario; list items are addressed by id (or position). */
export function withValue(scenario: Scenario, path: string, value: number, file: string): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node: unknown = copy;
  const walked: (string | number)[] = [];
  for (let i = 0; i < keys.length - 1; i++) {
    node = step(node, keys[i], walked, path, file);
  }
  const last = keys[keys.length - 1];
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw new ScenarioError([`${file}: --vary ${path}: ${formatPath(walked)} is not a group of fields`]);
  }
  (node as Record<string, unknown>)[last] = value;
  return validateScenario(copy, `${file} with ${path}=${value}`);
}

function step(node: unknown, key: string, walked: (string | number)[], path: string, file: string): unknown {
  if (Array.isArray(node)) {
    const index = node.findIndex((item) => (item as { id?: unknown })?.id === key);
    const at = index >= 0 ? index : /^\d+$/.test(key) ? Number(key) : -1;
    if (at < 0 || at >= node.length) {
      const ids = node.map((item) => (item as { id?: unknown })?.id).filter(Boolean);
      throw new ScenarioError([`${file}: --vary ${path}: no '${key}' in ${formatPath(walked)} (ids: ${ids.join(', ')})`]);
    }
    walked.push(at);
    return node[at];
  }
  if (node === null || typeof node !== 'object' || !(key in node)) {
    throw new ScenarioError([`${file}: --vary ${path}: ${formatPath([...walked, key])} is not in the scenario`]);
  }
  walked.push(key);
  return (node as Record<string, unknown>)[key];
}

export async function sweepCommand(options: SweepOptions): Promise<number> {
  const variations = options.vary.map(parseVariation);
  if (variations.length === 0) throw new UsageError('sweep needs at least one --vary path=from..to:step');
  const file = displayPath(options.file);
  const points = grid(variations);
  let base: Scenario;
  const scenarios: { index: number; values: Record<string, number>; scenario: Scenario }[] = [];
  try {
    base = loadScenario(options.file);
    points.forEach((values, index) => {
      if (!inShard(index, options.shard)) return;
      let scenario = base;
      for (const [path, value] of Object.entries(values)) scenario = withValue(scenario, path, value, file);
      scenarios.push({ index, values, scenario });
    });
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(`${e.problems.join('\n')}\n`);
    return 2;
  }
  // Common random numbers: every point runs with the base's seed and replications.
  const shared = { seed: options.seed ?? base.seed, replications: options.replications ?? base.replications };
  const jobs: Job[] = scenarios.map((p) => ({ scenario: p.scenario, options: shared }));
  const models = compileJobs(jobs);
  const builders = models.map((m) => new ResultBuilder(m));
  const results: (ScenarioResult | undefined)[] = new Array(jobs.length);
  const interrupt = watchInterrupt();
  const progress = new Progress(`Sweep of ${points.length} points: replication`, jobs.length * shared.replications);
  try {
    await runJobs(
      models,
      (j, r, f) => {
        builders[j].add(f);
        if (r + 1 === shared.replications) results[j] = builders[j].result();
      },
      { workers: options.workers, onProgress: (done) => progress.update(done), signal: interrupt },
    );
  } finally {
    progress.done();
    interrupt.dispose();
  }

  const document: SweepDocument = {
    ...(options.shard ? { shard: { ...options.shard, items: points.length } } : {}),
    scenario: base.name,
    file,
    ...shared,
    varied: variations.map((v) => v.path),
    points: scenarios.flatMap((p, j) => {
      const r = results[j];
      if (!r) return [];
      const figures = Object.fromEntries(SWEEP_FIGURES.map((f) => [f, r.summary[f]])) as SweepPoint['figures'];
      return [{ index: p.index, values: p.values, figures }];
    }),
  };
  writeFileAtomic(options.out, sweepFileText(document, options.out));
  process.stderr.write(`Wrote ${document.points.length} of ${scenarios.length} points to ${options.out}\n`);
  if (options.report) {
    const html = sweepReportHtml({
      title: `${base.name}: sweep`,
      varied: document.varied,
      currency: base.currency,
      points: document.points.map((p) => ({
        label: Object.entries(p.values).map(([path, v]) => `${path.split('.').slice(1).join('.')}=${v}`).join(', '),
        targetMetShare: p.figures.targetMetShare.mean ?? NaN,
        costPerContact: p.figures.costPerContact.mean ?? NaN,
      })),
    });
    writeFileAtomic(options.report, html);
    process.stderr.write(`Wrote the sweep chart to ${options.report}\n`);
  }
  if (interrupt.aborted) {
    const missing = scenarios.filter((_, j) => !results[j]).map((p) => JSON.stringify(p.values));
    process.stderr.write(`Interrupted: ${document.points.length} of ${scenarios.length} points finished; missing: ${missing.join(', ')}\n`);
    return 130;
  }
  return 0;
}

/** JSON when the file name ends in .json, CSV otherwise (a shard's CSV starts with a # line
 * saying which shard it is, for followsun merge). */
export function sweepFileText(d: SweepDocument, fileName: string): string {
  if (fileName.toLowerCase().endsWith('.json')) return `${JSON.stringify(d, null, 2)}\n`;
  const header = ['index', ...d.varied, ...SWEEP_FIGURES.flatMap((f) => [f, `${f}_ci95_low`, `${f}_ci95_high`])];
  const rows = d.points.map((p) => [
    p.index,
    ...d.varied.map((path) => p.values[path]),
    ...SWEEP_FIGURES.flatMap((f) => [p.figures[f].mean ?? NaN, p.figures[f].ci95?.[0] ?? NaN, p.figures[f].ci95?.[1] ?? NaN]),
  ]);
  const shardLine = d.shard ? `# followsun sweep shard ${d.shard.index}/${d.shard.count} of ${d.shard.items} points\n` : '';
  return shardLine + csvLines([header, ...rows]);
}
