// Reading scenario files and folders, checking outputs before simulating, and writing them
// atomically (temporary file, then rename), so an interrupted run never leaves a half-written
// file behind, and no temporary file outlives the process that wrote it.
import { accessSync, closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parsePath, parseScenarioLines, ScenarioError, type FieldLines, type Scenario } from '../sim/scenario/scenario';
import { scenarioFileText } from '../sim/scenario/file-text';
import { bytes, checkWork, estimateWork, memoryBudget, WORK_LIMITS, type WorkCheck, type WorkEstimate, type WorkInputs } from '../sim/scenario/work-estimate';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SCENARIO = join(PROJECT_ROOT, 'scenarios', 'global-follow-the-sun.yaml');
const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Files named on the command line, folders expanded to the scenario files in them (sorted). */
export function expandScenarioPaths(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let isFolder = false;
    try {
      isFolder = statSync(p).isDirectory();
    } catch {
      return [p]; // reported as unreadable when loaded
    }
    if (!isFolder) return [p];
    return readdirSync(p)
      .filter((name) => SCENARIO_FILE.test(name))
      .sort()
      .map((name) => join(p, name));
  });
}

/** How a path is shown to the user: relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

export function loadScenario(path: string): Scenario {
  return loadScenarioFile(path).scenario;
}

/** The most a scenario file may weigh: the largest real ones are a few hundred kilobytes. */
export const MAX_SCENARIO_BYTES = 16 * 2 ** 20;

/** Each scenario file read: the hash of its bytes (a shard's provenance), and the text of one that
 * cannot be read twice (a pipe, where reading it again for the hash blocked for ever). The text of
 * a regular file is not kept: a folder of large scenarios would hold them all. */
const scenariosRead = new Map<string, { hash: string; text?: string }>();

/** The SHA-256 of a scenario file's bytes as loadScenarioFile read them, if it did. */
export const scenarioHash = (path: string): string | undefined => scenariosRead.get(path)?.hash;

/** A scenario file's text: as loadScenarioFile read it when it cannot be read again. */
export function scenarioText(path: string): string {
  return scenariosRead.get(path)?.text ?? loadScenarioFile(path).text;
}

/** A scenario, the text it was read from and where its fields are (for the lines of later
 * problems: `lineOf` holds the parsed document, keep it only as long as those checks). */
export function loadScenarioFile(path: string): { scenario: Scenario; text: string; lineOf: FieldLines } {
  let text: string;
  try {
    const bytes = readBounded(path, MAX_SCENARIO_BYTES);
    if (bytes === undefined) {
      throw new ScenarioError([`${displayPath(path)}: too large for a scenario file (at most ${MAX_SCENARIO_BYTES / 2 ** 20} MB)`]);
    }
    text = scenarioFileText(bytes, displayPath(path));
    scenariosRead.set(path, { hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, text: statSync(path).isFile() ? undefined : text });
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError([`${displayPath(path)}: ${readProblem(e)}`]);
  }
  return { ...parseScenarioLines(text, displayPath(path)), text };
}

/** How long a named pipe (FIFO) may wait for a program to open it for writing: one that no
 * program writes to blocked the command for ever, in the open itself. */
export const PIPE_IDLE_MS = 10_000;
/** What a read of a pipe with nothing in it yet waits on, 20 ms at a time. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** A file's bytes, or undefined when it holds more than `max` (also for devices and pipes that
 * never end, such as /dev/zero). A named pipe is opened without blocking: one that no program
 * opens for writing within PIPE_IDLE_MS is an error (code EPIPEIDLE); once a writer has it, its
 * data are waited for as a blocking read would (a slow producer is not cut off). */
export function readBounded(path: string, max: number): Buffer | undefined {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const pipe = st.isFIFO();
  const fd = openSync(path, pipe ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  try {
    rememberInput(path, fstatSync(fd));
    const chunks: Buffer[] = [];
    let total = 0;
    const opened = Date.now();
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if (!pipe || (e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        n = -1; // a writer, nothing to read yet
      }
      // Before any writer opens it, a pipe reads as ended.
      const noWriterYet = pipe && n === 0 && total === 0;
      if (noWriterYet && Date.now() - opened > PIPE_IDLE_MS) {
        throw Object.assign(new Error(`${path}: nothing written to the pipe`), { code: 'EPIPEIDLE' });
      }
      if (n < 0 || noWriterYet) {
        Atomics.wait(PAUSE, 0, 0, 20);
        continue;
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) return undefined;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** What a read error means, in the words of a problem line. */
export function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'file not found'
    : code === 'EISDIR'
      ? 'is a folder'
      : code === 'EPIPEIDLE'
        ? `a named pipe that nothing was written to for ${PIPE_IDLE_MS / 1000} s (start the program that writes it first)`
        : `cannot read (${code})`;
}

/** mkdir -p, one level at a time: Node's own recursive mkdir spins for ever where mkdir answers
 * ENOENT under an existing folder (in /proc, for one). */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Creates an output folder if needed; returns what is wrong with it, or undefined. */
export function prepareFolder(dir: string): string | undefined {
  try {
    makeFolder(dir);
    if (!statSync(dir).isDirectory()) return 'not a folder';
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (e) {
    return folderProblem(e);
  }
}

function folderProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOTDIR' || code === 'EEXIST'
    ? 'not a folder'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'not writable'
      : code === 'ENAMETOOLONG'
        ? 'a name too long'
        : `a folder that cannot be created or used (${code ?? (e as Error).message})`;
}

/** The longest file name followsun writes: names leave room for the temporary file's suffix
 * within the 255 bytes most file systems allow. */
export const MAX_FILE_NAME_BYTES = 200;

/** Regular files this process has read as inputs (device and inode), with the name they were
 * read by: an output must never replace one of them. */
const inputFiles = new Map<string, string>();
const fileKey = (st: Stats) => `${st.dev}:${st.ino}`;

function rememberInput(path: string, st: Stats): void {
  if (st.isFile()) inputFiles.set(fileKey(st), displayPath(path));
}

/** The input `path` would overwrite (among `inputs`, and with `read` the files this process has
 * read so far), or undefined. */
function inputAt(path: string, inputs: string[], read: boolean): string | undefined {
  let out: Stats;
  try {
    out = statSync(path); // through symlinks: a link to an input is the input
  } catch {
    return undefined; // not there yet: cannot be an input
  }
  if (!out.isFile()) return undefined;
  for (const input of inputs) {
    try {
      if (fileKey(statSync(input)) === fileKey(out)) return displayPath(input);
    } catch {
      // an input that cannot be read is reported when it is read
    }
  }
  return read ? inputFiles.get(fileKey(out)) : undefined;
}

const overwritesInput = (path: string, input: string) =>
  `is ${input === displayPath(path) ? 'an input of this command' : `the input ${input}`}; writing it would replace it — name another file`;

/** Where writing `path` lands: `path` itself, the end of its symlink chain (written atomically
 * there, keeping the link), or — for an existing device, FIFO or /dev/stdout — `direct`, written
 * in place, since a rename would replace the device with a regular file. */
export function outputTarget(path: string): { path: string; direct: boolean } {
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch {
    st = undefined;
  }
  if (st && !st.isFile() && !st.isDirectory()) return { path, direct: true };
  if (st) {
    try {
      return { path: realpathSync(path), direct: false };
    } catch {
      return { path, direct: false };
    }
  }
  // Missing: follow a dangling symlink chain to the file it names.
  let at = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) break;
      link = readlinkSync(at);
    } catch {
      break;
    }
    at = isAbsolute(link) ? link : resolve(dirname(at), link);
  }
  return { path: at, direct: false };
}

/** Whether two outputs of one command land on the same file (through symlinks too): the second
 * written replaced the first (sweep --out x.html --report x.html kept the chart, not the table). */
export function sameOutput(a: string, b: string): boolean {
  return resolve(outputTarget(a).path) === resolve(outputTarget(b).path);
}

/** "followsun: --report x: is also --out …" on stderr when two outputs are one file: true when refused. */
export function outputsCollide(flags: [string, string | undefined][]): boolean {
  for (let i = 0; i < flags.length; i++) {
    for (let k = i + 1; k < flags.length; k++) {
      const [flagA, a] = flags[i];
      const [flagB, b] = flags[k];
      if (a === undefined || b === undefined || !sameOutput(a, b)) continue;
      process.stderr.write(`followsun: ${flagB} ${b}: is also ${flagA}, and one would replace the other — give each its own path\n`);
      return true;
    }
  }
  return false;
}

/** outputProblem said as a command says it ("followsun: --out x.json: why") on stderr: true when
 * the output is refused (the command then exits 2). Nothing to check when `path` is undefined. */
export function outputRefused(flag: string, path: string | undefined, example: string, inputs: string[]): boolean {
  const problem = path === undefined ? undefined : outputProblem(path, example, inputs);
  if (problem) process.stderr.write(`followsun: ${flag} ${path}: ${problem}\n`);
  return problem !== undefined;
}

/** What is wrong with writing the file `path`, or undefined: checked before simulating, so that
 * an hour of simulation is not lost to a typo. Creates missing folders, as the write would.
 * `inputs` are the command's input files: an output naming one is refused, so that a typo never
 * replaces a scenario, the records or a shard with results. */
export function outputProblem(path: string, example = 'results.json', inputs: string[] = []): string | undefined {
  if (path === '') return 'expected a file name';
  const input = inputAt(path, inputs, false);
  if (input !== undefined) return overwritesInput(path, input);
  const target = outputTarget(path);
  if (target.direct) {
    try {
      accessSync(path, constants.W_OK);
      return undefined;
    } catch (e) {
      return `cannot be written (${(e as NodeJS.ErrnoException).code})`;
    }
  }
  path = target.path;
  const name = basename(resolve(path));
  if (Buffer.byteLength(name) > MAX_FILE_NAME_BYTES) return `the file name is too long (${Buffer.byteLength(name)} bytes; at most ${MAX_FILE_NAME_BYTES})`;
  try {
    if (statSync(path).isDirectory()) return `is a folder; name a file in it, such as ${join(path, example)}`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return folderProblem(e);
  }
  const folder = dirname(resolve(path));
  const problem = prepareFolder(folder);
  if (problem) return `${folder}: ${problem}`;
  try {
    accessSync(path, constants.W_OK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot be written (${(e as NodeJS.ErrnoException).code})`;
  }
  // The only sure test: write the temporary file the output will be written through.
  const probe = temporaryName(path);
  try {
    writeFileSync(probe, '');
  } catch (e) {
    return `the folder ${folder} does not take new files (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  } finally {
    removeQuietly(probe);
  }
  return undefined;
}

/** Writes an output file (atomically); returns what went wrong, or undefined. Never over a file
 * this process has read as input (a scenario, the records). */
export function writeOutput(path: string, content: string): string | undefined {
  const input = inputAt(path, [], true);
  if (input !== undefined) return overwritesInput(path, input);
  try {
    writeFileAtomic(path, content);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `cannot write it (${code === 'ENOSPC' ? 'the disk is full' : (code ?? (e as Error).message)})`;
  }
}

/** Temporary files being written, removed if the process ends before they are renamed. */
const pendingTemporaries = new Set<string>();
let cleanupInstalled = false;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const temporaryName = (path: string) => join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);

/** Temporary files of `path` left by a process that no longer runs (killed while writing). */
function removeStaleTemporaries(path: string): void {
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(dirname(resolve(path)));
  } catch {
    return;
  }
  for (const other of names) {
    // This version's name, and the earlier `<name>.<pid>.tmp`.
    if (!other.endsWith('.tmp') || !(other.startsWith(`.${name}.`) || other.startsWith(`${name}.`))) continue;
    const pid = Number(/\.(\d+)\.tmp$/.exec(other)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || processRuns(pid)) continue;
    if (other !== `.${name}.${pid}.tmp` && other !== `${name}.${pid}.tmp`) continue;
    removeQuietly(join(dirname(resolve(path)), other));
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `path` through a temporary file renamed over it (a symlink's target, keeping the
 * link); an existing device or FIFO is written in place. */
export function writeFileAtomic(path: string, content: string): void {
  const target = outputTarget(path);
  if (target.direct) {
    writeFileSync(path, content);
    return;
  }
  path = target.path;
  makeFolder(dirname(resolve(path)));
  removeStaleTemporaries(path);
  if (!cleanupInstalled) {
    process.on('exit', () => pendingTemporaries.forEach(removeQuietly));
    cleanupInstalled = true;
  }
  const temporary = temporaryName(path);
  pendingTemporaries.add(temporary);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    pendingTemporaries.delete(temporary);
    removeQuietly(temporary);
  }
}

/** `file:line: field`, the line found where the scenario's fields are (loadScenarioFile's
 * `lineOf`); `file: field` without it. */
export function fieldWhere(file: string, field: string, lineOf?: FieldLines): string {
  const line = lineOf?.(parsePath(field));
  return `${file}${line ? `:${line}` : ''}: ${field}`;
}

/** The work a scenario asks for against the limits (sim/scenario/work-estimate.ts), for this process's
 * memory: one line per problem, naming the file, the field and, given where the scenario's fields
 * are (loadScenarioFile's `lineOf`), its line. */
export function checkScenarioWork(
  scenario: Scenario,
  file: string,
  inputs: WorkInputs & { allowLargeRuns: boolean },
  lineOf?: FieldLines,
): WorkCheck & { estimate: WorkEstimate } {
  const estimate = estimateWork(scenario, inputs);
  const where = (field: string) => (field.startsWith('-') || field.includes(' ') ? `${file}: ${field}` : fieldWhere(file, field, lineOf));
  const check = checkWork(estimate, where, {
    allowLargeRuns: inputs.allowLargeRuns,
    heapBytes: getHeapStatistics().heap_size_limit,
    replicationsSource: inputs.replicationsSource,
  });
  return { ...check, estimate };
}

/**
 * A case report's scenarios: every one's result is kept until the page is written, when they are
 * built together. Their estimates (checkScenarioWork with `comparison`) summed before anything
 * runs: the first scenario beyond what this process may use, in one line; undefined when they fit.
 */
export function comparisonTogetherProblem(files: string[], estimates: WorkEstimate[], words: { until: string; instead: string }): string | undefined {
  const budget = memoryBudget(getHeapStatistics().heap_size_limit);
  const each = estimates.map((e) => e.keptBytes);
  const all = each.reduce((a, b) => a + b, 0);
  if (all <= budget) return undefined;
  let kept = 0;
  const at = each.findIndex((b) => (kept += b) > budget);
  return (
    `${files[at]}: the results of this scenario${at === 0 ? '' : ` with the ${at} before it`} would take about ${bytes(kept)} of memory ${words.until} ` +
    `(all ${files.length}: about ${bytes(all)}), more than this process may use (${bytes(budget)}); ` +
    `${words.instead}, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES`
  );
}

/**
 * Scenarios kept together until the end (a run's batch, a comparison): each within the limits on
 * its own, together they may not be. The memory their results and models keep, and the JSON
 * document they are written as: twelve scenarios of about 48 MB of JSON each ended in "internal
 * error: Invalid string length" once all were simulated. `add` says what is wrong with keeping
 * one more (undefined: it is kept). A comparison's estimates count what a comparison keeps
 * (checkScenarioWork with `comparison`), a batch's what a run keeps.
 */
export class KeptTogether {
  private kept = 0;
  private json = 0;
  private count = 0;
  private readonly budget = memoryBudget(getHeapStatistics().heap_size_limit);

  constructor(
    /** The results are written as one JSON document (--json, --out). */
    private readonly oneDocument: boolean,
    /** What they are kept in, and what to do instead: 'batch' or 'comparison'. */
    private readonly what: 'batch' | 'comparison',
  ) {}

  add(file: string, estimate: WorkEstimate): string | undefined {
    const before = `with the ${this.count} scenario${this.count === 1 ? '' : 's'} before it in this ${this.what}`;
    const instead = this.what === 'batch' ? 'run it in a batch of its own (fewer files at once)' : 'compare fewer scenarios at once';
    if (this.kept + estimate.memoryBytes > this.budget) {
      return (
        `${file}: ${before}, about ${bytes(this.kept + estimate.memoryBytes)} of memory, more than this process may use (${bytes(this.budget)}); ` +
        `${instead}, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES`
      );
    }
    if (this.oneDocument && this.json + estimate.jsonBytes > WORK_LIMITS.jsonBytes) {
      return `${file}: ${before}, the results would be about ${bytes(this.json + estimate.jsonBytes)} of JSON, more than one document can hold (${bytes(WORK_LIMITS.jsonBytes)}); ${instead}`;
    }
    this.kept += estimate.keptBytes;
    this.json += estimate.jsonBytes;
    this.count++;
    return undefined;
  }
}
