// `followsun sweep`: one scenario, a grid of values for one or more of its knobs (pools and
// streams addressed by id), every point run with the same random numbers; one row per point.
import { ResultBuilder, type ReplicationFigures } from '../sim/stats/metrics';
import type { CompiledModel } from '../sim/model/model';
import { formatPath, ScenarioError, validateScenario, type Scenario } from '../sim/scenario/scenario';
import { csvLines } from '../sim/csv';
import { CHANNELS } from '../sim/scenario/channels';
import type { Estimate } from '../sim/stats/confidence';
import { big, estimateWork, WORK_LIMITS } from '../sim/scenario/work-estimate';
import { sweepReportHtml } from '../report/sweep';
import { atLeastTwoReplications, checkReplications, largeRunsAllowed, UsageError, workerCount } from './arguments';
import { checkScenarioWork, displayPath, loadScenarioFile, outputRefused, outputsCollide, writeOutput } from './files';
import { interruptedAfterAll, watchInterrupt, type Interrupt } from './interrupt';
import { compileJobs, runJobsToTheEnd } from './parallel';
import { Progress } from './progress';
import { csvWithChecksum, fileHash, FOLLOWSUN_VERSION, inShard, jsonWithChecksum, type Shard, type ShardInfo } from './shards';
import { horizonLength } from '../sim/scenario/horizon';

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
  /** Run beyond the work limits on purpose (--allow-large-runs). */
  allowLargeRuns?: boolean;
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
  figures: Record<(typeof SWEEP_FIGURES)[number], Estimate>;
  /** Each channel's service level against its own target (never averaged across channels, whose
   * thresholds differ): the figure an analyst sweeps a head count for. */
  serviceLevel?: Record<string, Estimate>;
}

export interface SweepDocument {
  shard?: ShardInfo;
  /** Only in the output of an interrupted sweep: the points missing from it. */
  partial?: { reason: 'interrupted'; missing: number[] };
  scenario: string;
  file: string;
  seed: number;
  replications: number;
  varied: string[];
  points: SweepPoint[];
}

/** Keys a --vary path may not walk through: they would reach Object.prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
/** Values of one --vary range at most. */
export const MAX_VALUES = 10_000;

/** "staffing.manila.agents=0..40:5" → the path and the values 0, 5, …, 40. */
export function parseVariation(text: string): Variation {
  const match = /^([A-Za-z0-9_./-]+)=(-?[\d.]+)\.\.(-?[\d.]+):([\d.]+)$/.exec(text);
  const [from, to, step] = match ? [Number(match[2]), Number(match[3]), Number(match[4])] : [NaN, NaN, NaN];
  if (!match || ![from, to, step].every(Number.isFinite)) {
    throw new UsageError(`--vary: expected path=from..to:step such as staffing.manila.agents=0..40:5, got ${shorten(text)}`);
  }
  const path = match[1];
  // The form is right: say which part is not (the form alone read as a typo in it).
  if (!(step > 0)) throw new UsageError(`--vary ${shorten(path)}: step ${match[4]}: expected a step above 0`);
  if (!(to >= from)) throw new UsageError(`--vary ${shorten(path)}: from ${match[2]} is above to ${match[3]}: expected from..to upwards (${match[3]}..${match[2]}:${match[4]})`);
  const forbidden = path.split('.').find((key) => FORBIDDEN_KEYS.has(key));
  if (forbidden) throw new UsageError(`--vary ${shorten(path)}: ${forbidden} is not a field of a scenario`);
  // Every point runs with the same seed and replications (common random numbers): a sweep over
  // them would give identical rows.
  if (path === 'seed' || path === 'replications') {
    throw new UsageError(`--vary ${path}: every point runs with the same ${path} (common random numbers); give it with --${path} N, once per sweep`);
  }
  // Values as written: as many decimals as the range's start and step, at most 15.
  const decimals = Math.min(15, Math.max(...[match[2], match[4]].map((n) => (n.split('.')[1] ?? '').length)));
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (!(count <= MAX_VALUES)) {
    throw new UsageError(`--vary ${shorten(path)}: ${count > 1e15 ? count.toExponential(1) : count.toLocaleString('en-US')} values is too many (at most ${MAX_VALUES.toLocaleString('en-US')})`);
  }
  const values: number[] = [];
  for (let i = 0; from + i * step <= to + step * 1e-9 && values.length <= MAX_VALUES; i++) values.push(Number((from + i * step).toFixed(decimals)));
  return { path, values };
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** Points of the grid: every combination of the variations. */
export const pointCount = (variations: { values: unknown[] }[]) => variations.reduce((n, v) => n * v.values.length, 1);

/** The values of grid point `index` (the first variation varying slowest). */
export function pointAt(variations: Variation[], index: number): Record<string, number> {
  const values: Record<string, number> = {};
  let rest = index;
  for (let k = variations.length - 1; k >= 0; k--) {
    const v = variations[k];
    values[v.path] = v.values[rest % v.values.length];
    rest = Math.floor(rest / v.values.length);
  }
  return Object.fromEntries(variations.map((v) => [v.path, values[v.path]]));
}

/** Every combination of the variations, the first varying slowest. */
export function grid(variations: Variation[]): Record<string, number>[] {
  const points = pointCount(variations);
  if (points > WORK_LIMITS.gridPoints) throw new UsageError(tooManyPoints(variations));
  return Array.from({ length: points }, (_, i) => pointAt(variations, i));
}

function tooManyPoints(variations: Variation[]): string {
  const points = pointCount(variations);
  const shown = points > 1e15 ? points.toExponential(1) : points.toLocaleString('en-US');
  return (
    `--vary: a grid of ${shown} points (${variations.map((v) => v.values.length.toLocaleString('en-US')).join(' × ')}), ` +
    `more than ${WORK_LIMITS.gridPoints.toLocaleString('en-US')}; use coarser steps or split it over several sweeps`
  );
}

/** Sets `path` in a copy of the scenario; list items are addressed by id (or position). */
export function withValue(scenario: Scenario, path: string, value: number, file: string): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  const { node, last } = walk(copy, path, file);
  node[last] = value;
  return validateScenario(copy, `${file} with ${path}=${value}`);
}

/** The field a path names, as a field path with list positions ("staffing[0].agents" for both
 * staffing.team.agents and staffing.0.agents): two --vary of one field are one range too many. */
export function fieldOf(scenario: Scenario, path: string, file: string): string {
  const { walked, last } = walk(scenario, path, file);
  return formatPath([...walked, last]);
}

/** The group of fields holding a path's last key, and the positions walked to reach it. */
function walk(root: unknown, path: string, file: string): { node: Record<string, unknown>; walked: (string | number)[]; last: string } {
  const keys = path.split('.');
  const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
  if (forbidden) throw new ScenarioError([`${file}: --vary ${path}: ${forbidden} is not a field of a scenario`]);
  let node: unknown = root;
  const walked: (string | number)[] = [];
  for (let i = 0; i < keys.length - 1; i++) {
    node = step(node, keys[i], walked, path, file);
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw new ScenarioError([`${file}: --vary ${path}: ${formatPath(walked)} is not a group of fields`]);
  }
  return { node: node as Record<string, unknown>, walked, last: keys[keys.length - 1] };
}

function step(node: unknown, key: string, walked: (string | number)[], path: string, file: string): unknown {
  if (Array.isArray(node)) {
    const index = node.findIndex((item) => (item as { id?: unknown })?.id === key);
    const at = index >= 0 ? index : /^\d+$/.test(key) ? Number(key) : -1;
    if (at < 0 || at >= node.length) {
      const ids = node.map((item) => (item as { id?: unknown })?.id).filter(Boolean);
      const valid = ids.length > 0 ? `ids: ${ids.join(', ')}` : node.length > 0 ? `positions 0–${node.length - 1}` : 'the list is empty';
      throw new ScenarioError([`${file}: --vary ${path}: no '${key}' in ${formatPath(walked)} (${valid})`]);
    }
    walked.push(at);
    return node[at];
  }
  // Own fields only: a path never walks into a prototype.
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) {
    throw new ScenarioError([`${file}: --vary ${path}: ${formatPath([...walked, key])} is not in the scenario`]);
  }
  walked.push(key);
  return (node as Record<string, unknown>)[key];
}

/** Memory each grid point holds until the sweep ends, besides the estimate's own per-point
 * figures: its scenario, its compiled model (arrays per interval) and its row. Measured with the
 * built CLI as peak RSS over points (Node 20, 2 replications, one worker): a 1-hour scenario
 * (4 intervals) 22–28 KB a point from 5,000 to 40,000 points; a 1-week one (672 intervals)
 * 108–180 KB a point from 4,000 to 16,000 points. The estimate takes the upper end with room for
 * the garbage collector's slack (which grows with the heap): 48 KB + 256 bytes an interval + 4×
 * the scenario's JSON. The former 4× JSON alone was ten times too low (70,000 points of the
 * 1-hour scenario reached 3.9 GB). */
export function sweepPointBytes(base: Scenario): number {
  const minutes = (horizonLength(base) + base.horizon.warmupHours * 3600) / 60;
  const intervals = Math.ceil(minutes / base.intervalMinutes);
  return 48_000 + 256 * intervals + 4 * JSON.stringify(base).length;
}

/** What the command line asks for, checked before the scenario is read. */
interface SweepRequest {
  options: SweepOptions;
  replicationsFlag: number | undefined;
  workers: number | undefined;
  variations: Variation[];
  /** Points in the whole grid (all shards). */
  total: number;
  /** The scenario file as messages name it. */
  file: string;
  /** The points of this shard (all of them without --shard). */
  indices: number[];
  allowLargeRuns: boolean;
}

/** One point of the grid: its values and the base scenario with them set. */
interface GridPoint {
  index: number;
  values: Record<string, number>;
  scenario: Scenario;
}

/** The outcome of running the points: each one's figures, or the line saying why it failed. */
interface PointsRun {
  figures: (SweepPoint['figures'] | undefined)[];
  serviceLevels: (SweepPoint['serviceLevel'] | undefined)[];
  settled: boolean[];
  errors: string[];
  interrupt: Interrupt;
}

/** The base scenario and this shard's points. */
interface SweepGrid {
  base: Scenario;
  points: GridPoint[];
}

/** The seed and replications every point runs with (common random numbers). */
type Shared = { seed: number; replications: number };

/** Every check that needs no simulation comes first, the cheapest first: flags, outputs, the
 * scenario, then each point. */
export async function sweepCommand(options: SweepOptions): Promise<number> {
  const flags = checkSweepFlags(options);
  // Outputs are checked before anything is simulated.
  if (!outputsUsable(options)) return 2;
  const indices: number[] = [];
  const file = displayPath(options.file);
  for (let i = 0; i < flags.total; i++) if (inShard(i, options.shard)) indices.push(i);
  const request: SweepRequest = { options, ...flags, file, indices, allowLargeRuns: largeRunsAllowed(options.allowLargeRuns) };

  const grid = buildGrid(request);
  if (!grid) return 2;
  const shared: Shared = { seed: options.seed ?? grid.base.seed, replications: request.replicationsFlag ?? grid.base.replications };
  const models = compilePoints(request, grid.points, shared);
  if (!models) return 2;
  const run = await runPoints(request, grid.points, models, shared);
  return writeSweepOutputs(request, grid, shared, run);
}

/** The flags that need no scenario: replications, workers and the --vary ranges. */
function checkSweepFlags(options: SweepOptions) {
  const replicationsFlag = checkReplications(options.replications);
  const workers = workerCount(options.workers);
  const variations = options.vary.map(parseVariation);
  if (variations.length === 0) throw new UsageError('sweep needs at least one --vary path=from..to:step');
  const twice = variations.find((v, i) => variations.findIndex((w) => w.path === v.path) !== i);
  if (twice) throw new UsageError(`--vary ${twice.path}: given twice (one range per path)`);
  const total = pointCount(variations);
  if (total > WORK_LIMITS.gridPoints) throw new UsageError(tooManyPoints(variations));
  return { replicationsFlag, workers, variations, total };
}

/** --out and --report can be written (and are not the input); if not, says so on stderr. */
function outputsUsable(options: SweepOptions): boolean {
  return (
    !outputsCollide([['--out', options.out], ['--report', options.report]]) &&
    !outputRefused('--out', options.out, 'results.json', [options.file]) &&
    !outputRefused('--report', options.report, 'sweep.html', [options.file])
  );
}

/** The base scenario and this shard's points, each checked; a problem goes to stderr and
 * leaves nothing (exit 2). */
function buildGrid(request: SweepRequest): SweepGrid | undefined {
  const { replicationsFlag } = request;
  const replicationsSource = replicationsFlag !== undefined ? '--replications' : 'replications';
  try {
    const base = baseWithinMemory(request, replicationsSource);
    // Common random numbers: every point runs with the base's seed and replications.
    return { base, points: preparePoints(request, base, replicationsFlag ?? base.replications, replicationsSource) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(`${e.problems.join('\n')}\n`);
    return undefined;
  }
}

/** The base scenario, checked for the memory of the whole grid before its points are built. A
 * function of its own: where the file's fields are (the parsed document) is dropped on return. */
function baseWithinMemory(request: SweepRequest, replicationsSource: string): Scenario {
  const { options, replicationsFlag, variations, file, indices } = request;
  const { scenario: base, lineOf } = loadScenarioFile(options.file);
  const replications = replicationsFlag ?? base.replications;
  const tooFew = atLeastTwoReplications(replications, file, 'replications');
  if (tooFew) throw new ScenarioError([tooFew]);
  checkOneRangePerField(base, variations, file);
  const memory = checkScenarioWork(base, file, {
    replications,
    replicationsSource,
    points: indices.length,
    summaryOnly: true,
    pointBytes: sweepPointBytes(base),
    allowLargeRuns: true,
  }, lineOf);
  if (memory.problems.length > 0) throw new ScenarioError(memory.problems);
  return base;
}

/** One range per field, however the paths name it (by id or by position). */
function checkOneRangePerField(base: Scenario, variations: Variation[], file: string): void {
  const fields = variations.map((v) => fieldOf(base, v.path, file));
  const again = fields.findIndex((f, i) => fields.indexOf(f) !== i);
  if (again >= 0) {
    const first = variations[fields.indexOf(fields[again])].path;
    throw new ScenarioError([`${file}: --vary ${variations[again].path}: the same field as --vary ${first} (${fields[again]}); one range per field`]);
  }
}

/** Each point's scenario, checked for its own peak load and size; then the contacts of all
 * points together against the limit. */
function preparePoints(request: SweepRequest, base: Scenario, replications: number, replicationsSource: string): GridPoint[] {
  const { variations, total, file, indices, allowLargeRuns } = request;
  const points: GridPoint[] = [];
  let contacts = 0;
  // Preparing a large grid takes a while: say so from the start.
  const preparing = new Progress(`Sweep of ${total} points: preparing point`, indices.length);
  for (const index of indices) {
    preparing.update(points.length);
    const values = pointAt(variations, index);
    let scenario = base;
    for (const [path, value] of Object.entries(values)) scenario = withValue(scenario, path, value, file);
    const at = `${file} with ${Object.entries(values).map(([path, value]) => `${path}=${value}`).join(', ')}`;
    const work = checkScenarioWork(scenario, at, { replications, replicationsSource, allowLargeRuns: true });
    if (work.problems.length > 0) throw new ScenarioError(work.problems);
    contacts += estimateWork(scenario, { replications }).contacts;
    points.push({ index, values, scenario });
  }
  preparing.done();
  if (contacts > WORK_LIMITS.contacts && !allowLargeRuns) {
    throw new ScenarioError([
      `${file}: --vary: about ${big(contacts)} contacts to simulate (${indices.length.toLocaleString('en-US')} points × ${replications.toLocaleString('en-US')} replications), ` +
        `above the limit of ${big(WORK_LIMITS.contacts)}; use coarser steps, fewer replications, shards (--shard k/n), or pass --allow-large-runs if you mean it`,
    ]);
  }
  return points;
}

/** Every point's model, or undefined (said on stderr) when one cannot be compiled. */
function compilePoints(request: SweepRequest, points: GridPoint[], shared: Shared): CompiledModel[] | undefined {
  try {
    const compiling = new Progress(`Sweep of ${request.total} points: compiling point`, points.length);
    const models = points.map((p, k) => {
      compiling.update(k);
      return compileJobs([{ scenario: p.scenario, options: shared }])[0];
    });
    compiling.done();
    return models;
  } catch (e) {
    process.stderr.write(`${request.file}: cannot be simulated: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** Every point's replications on the workers; Ctrl-C stops them, keeping the finished points. */
async function runPoints(request: SweepRequest, points: GridPoint[], models: CompiledModel[], shared: Shared): Promise<PointsRun> {
  const collector = pointCollector(request.file, points, models, shared.replications);
  const interrupt = watchInterrupt();
  try {
    await runJobsToTheEnd(
      models,
      { deliver: collector.deliver, settled: (j) => collector.settled[j], restart: collector.restart, failed: collector.failPoint },
      `Sweep of ${request.total} points: replication`,
      { workers: request.workers, signal: interrupt },
    );
  } finally {
    interrupt.dispose();
  }
  return { figures: collector.figures, serviceLevels: collector.serviceLevels, settled: collector.settled, errors: collector.errors, interrupt };
}

/** Gathers the replications as they arrive. Builders are made when a point's first replication
 * arrives and dropped once it is done: only each point's headline figures are kept. */
function pointCollector(file: string, points: GridPoint[], models: CompiledModel[], replications: number) {
  const builders: (ResultBuilder | undefined)[] = new Array(models.length);
  const figures: (SweepPoint['figures'] | undefined)[] = new Array(models.length);
  const serviceLevels: (SweepPoint['serviceLevel'] | undefined)[] = new Array(models.length);
  const settled: boolean[] = new Array(models.length).fill(false);
  const errors: string[] = [];
  const failPoint = (j: number, e: unknown) => {
    settled[j] = true;
    builders[j] = undefined;
    const at = Object.entries(points[j].values).map(([path, value]) => `${path}=${value}`).join(', ');
    const line = `${file} with ${at}: the simulation failed: ${(e as Error).message}`;
    errors.push(line);
    process.stderr.write(`${line}\n`);
  };
  const deliver = (j: number, r: number, f: ReplicationFigures) => {
    const builder = (builders[j] ??= new ResultBuilder(models[j]));
    builder.add(f);
    if (r + 1 < replications) return;
    try {
      const result = builder.result();
      figures[j] = Object.fromEntries(SWEEP_FIGURES.map((name) => [name, result.summary[name]])) as SweepPoint['figures'];
      serviceLevels[j] = Object.fromEntries(Object.entries(result.channels).map(([channel, g]) => [channel, g.serviceLevel]));
      settled[j] = true;
      builders[j] = undefined;
    } catch (e) {
      failPoint(j, e);
    }
  };
  // A point run again starts from no replications.
  const restart = (j: number) => {
    builders[j] = undefined;
  };
  return { figures, serviceLevels, settled, errors, failPoint, deliver, restart };
}

/** Writes --out (and --report), says what is missing after Ctrl-C; the exit code. */
function writeSweepOutputs(request: SweepRequest, grid: SweepGrid, shared: Shared, run: PointsRun): number {
  const { options, file, variations, total } = request;
  const { base, points } = grid;
  const { interrupt } = run;
  const missing = points.filter((_, j) => !run.settled[j]);
  const interrupted = interrupt.aborted && missing.length > 0;
  const document: SweepDocument = {
    ...(options.shard ? { shard: shardInfo(options.shard, total, shared, variations, options.file) } : {}),
    ...(interrupted ? { partial: { reason: 'interrupted' as const, missing: missing.map((p) => p.index) } } : {}),
    scenario: base.name,
    file,
    ...shared,
    varied: variations.map((v) => v.path),
    points: points.flatMap((p, j) => {
      const f = run.figures[j];
      return f ? [{ index: p.index, values: p.values, figures: f, serviceLevel: run.serviceLevels[j] }] : [];
    }),
  };
  const problem = writeOutput(options.out, sweepFileText(document, options.out));
  if (problem) {
    process.stderr.write(`followsun: --out ${options.out}: ${problem}\n`);
    return 2;
  }
  process.stderr.write(`Wrote ${document.points.length} of ${points.length} points${interrupted ? ' (partial: the missing points are listed in the file)' : ''} to ${options.out}\n`);
  if (options.report && !writeSweepReport(options.report, base, document)) return 2;
  if (interrupted) {
    const shown = missing.slice(0, 20).map((p) => JSON.stringify(p.values));
    const more = missing.length > shown.length ? ` and ${missing.length - shown.length} more` : '';
    process.stderr.write(`Interrupted: ${document.points.length} of ${points.length} points finished; missing: ${shown.join(', ')}${more}\n`);
    return interrupt.exitCode;
  }
  if (interrupt.aborted) return interruptedAfterAll(interrupt.exitCode);
  return run.errors.length > 0 ? 2 : 0;
}

/** The cost-vs-service-level chart of the finished points; false (said on stderr) when it
 * cannot be written. */
function writeSweepReport(report: string, base: Scenario, document: SweepDocument): boolean {
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
  const reportProblem = writeOutput(report, html);
  if (reportProblem) {
    process.stderr.write(`followsun: --report ${report}: ${reportProblem}\n`);
    return false;
  }
  process.stderr.write(`Wrote the sweep chart to ${report}\n`);
  return true;
}

function shardInfo(
  shard: Shard,
  items: number,
  shared: { seed: number; replications: number },
  variations: Variation[],
  path: string,
): ShardInfo {
  return {
    ...shard,
    items,
    kind: 'sweep',
    followsun: FOLLOWSUN_VERSION,
    ...shared,
    scenarios: [fileHash(path)],
    grid: variations.map((v) => ({ path: v.path, values: v.values })),
  };
}

/** JSON when the file name ends in .json, CSV otherwise. A shard's output says which shard it
 * is and where it comes from, and carries a checksum (JSON: a last field; CSV: # lines before the
 * table), for followsun merge; an interrupted sweep's output lists the missing points. */
export function sweepFileText(d: SweepDocument, fileName: string): string {
  if (fileName.toLowerCase().endsWith('.json')) return d.shard ? jsonWithChecksum(d) : `${JSON.stringify(d, null, 2)}\n`;
  // Each channel's service level after the headline figures (columns of earlier versions keep their places).
  const channels = CHANNELS.filter((c) => d.points.some((p) => p.serviceLevel?.[c] !== undefined));
  const columns = (f: string) => [f, `${f}_ci95_low`, `${f}_ci95_high`];
  const cells = (e: Estimate | undefined) => [e?.mean ?? NaN, e?.ci95?.[0] ?? NaN, e?.ci95?.[1] ?? NaN];
  const header = ['index', ...d.varied, ...SWEEP_FIGURES.flatMap(columns), ...channels.flatMap((c) => columns(`serviceLevel.${c}`))];
  const rows = d.points.map((p) => [
    p.index,
    ...d.varied.map((path) => p.values[path]),
    ...SWEEP_FIGURES.flatMap((f) => cells(p.figures[f])),
    ...channels.flatMap((c) => cells(p.serviceLevel?.[c])),
  ]);
  const table = csvLines([header, ...rows]);
  const lines = [
    ...(d.shard ? [`# followsun sweep shard ${d.shard.index}/${d.shard.count} of ${d.shard.items} points`, `# provenance: ${JSON.stringify(d.shard)}`] : []),
    ...(d.partial ? [`# partial: interrupted; ${d.partial.missing.length} points missing: ${d.partial.missing.join(' ')}`] : []),
  ];
  if (d.shard) return csvWithChecksum(lines, table);
  return lines.length > 0 ? `${lines.join('\n')}\n${table}` : table;
}
