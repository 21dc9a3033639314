// `followsun merge`: puts the outputs of `--shard k/n` runs back together into exactly the file
// a single run writes, after checking that they belong together (same followsun version,
// scenarios, seed, replications and grid), that none was edited (checksum), and that every
// shard and every item is there exactly once. Each problem is one line; nothing is written.
import { getHeapStatistics } from 'node:v8';
import { displayPath, outputProblem, readBounded, readProblem, writeFileAtomic } from './files';
import { big, bytes, memoryBudget } from '../sim/scenario/work-estimate';
import type { FileResult, ItemError, RunDocument } from './run';
import { csvChecksumMatches, jsonChecksumMatches, MAX_ITEMS, type ShardInfo } from './shards';
import { pointCount, sweepFileText, type SweepDocument, type SweepPoint } from './sweep';
import { counted, wordFor } from '../sim/text/counted';

class MergeError extends Error {}

/** A shard output is at most this large (a JavaScript string holds about 512 MB). */
const MAX_SHARD_BYTES = 400 * 2 ** 20;

interface Parsed {
  file: string;
  info: ShardInfo;
  /** Item indices in the file, in file order. */
  indices: number[];
}

export function mergeCommand(files: string[], out: string | undefined): number {
  try {
    if (!out) throw new MergeError('merge needs --out FILE');
    if (files.length === 0) throw new MergeError('merge needs the shard outputs to combine');
    const outProblem = outputProblem(out, 'merged.json', files);
    if (outProblem) throw new MergeError(`--out ${out}: ${outProblem}`);
    const shards = readShards(files);
    const texts = shards.map((s) => s.text);
    // CSV tables start with # lines or a header row, whose first column is named (`0,0,0,` is neither).
    const json = shards.map((s) => s.outline !== undefined);
    const foreign = texts.findIndex((t, i) => !json[i] && !/^(#|[A-Za-z_][\w.-]*,)/.test(t));
    if (foreign >= 0) {
      throw new MergeError(`${displayPath(files[foreign])}: not a followsun shard output (neither a JSON object nor a CSV table starting with its # followsun sweep shard line)`);
    }
    const csv = json.map((j) => !j);
    const mixed = csv.findIndex((c) => c !== csv[0]);
    if (mixed >= 0) {
      throw new MergeError(`${displayPath(files[mixed])}: a ${csv[mixed] ? 'CSV' : 'JSON'} shard output, but ${displayPath(files[0])} is ${csv[0] ? 'CSV' : 'JSON'}: merge the shards of one command`);
    }
    const merged = csv[0] ? { text: mergeCsv(texts, files), failed: [] } : mergeJson(shards, files, out);
    writeFileAtomic(out, merged.text);
    process.stderr.write(`Merged ${files.length} ${wordFor(files.length, 'shard')} into ${out}\n`);
    // As the run without shards would: the scenarios that could not be run, and exit 2.
    for (const f of merged.failed) process.stderr.write(`${f.file}: could not be run (its problems are in ${out}): ${f.problems[0] ?? ''}\n`);
    return merged.failed.length > 0 ? 2 : 0;
  } catch (e) {
    const message = e instanceof MergeError ? e.message : `cannot merge these files: ${(e as Error).message}`;
    process.stderr.write(`${message.split('\n').map((line) => `followsun merge: ${line}`).join('\n')}\n`);
    return 2;
  }
}

/** Memory a parsed JSON value takes at most (an array slot, a boxed number, an object's share),
 * and a shard's text once read: 300 MB of `0,` (157 million values) took 3.5 GB and 8 s to end in
 * a crash; 100 MB of them, as a list, 1.4 GB to be refused (a list is now refused unparsed). */
const BYTES_PER_JSON_VALUE = 32;
/** And a CSV line: its string, its slots in the arrays the text is split into, its row. Measured:
 * a sweep shard of 26 million one-cell rows (50 MB, checksum right) took 2.7 GB to refuse, about
 * 105 bytes a line; followsun's own rows are 150 bytes or more of text. */
const BYTES_PER_CSV_LINE = 128;

/** A shard's text and, for JSON, its outline (read before it is parsed). */
interface ShardText {
  text: string;
  outline?: JsonOutline;
}

/** The shards' texts, refused before they are parsed when reading them would take more memory
 * than this process may use (their bytes, and their JSON values or CSV lines counted in the text). */
function readShards(files: string[]): ShardText[] {
  const budget = memoryBudget(getHeapStatistics().heap_size_limit);
  const shards: ShardText[] = [];
  let memory = 0;
  for (const path of files) {
    const text = readShard(path);
    const outline = isJsonText(text) ? jsonOutline(text) : undefined;
    const values = outline?.values ?? 0;
    // Only a CSV shard's lines are split (others are refused from their first line).
    const lines = text.startsWith(CSV_SHARD_START) ? lineCount(text) : 0;
    memory += text.length * 2 + values * BYTES_PER_JSON_VALUE + lines * BYTES_PER_CSV_LINE;
    if (memory > budget) {
      const before = shards.length > 0 ? ` with the ${counted(shards.length, 'shard')} before it` : '';
      throw new MergeError(
        `${displayPath(path)}: reading it${before} would take about ${bytes(memory)} of memory (${bytes(text.length)}${values > 0 ? `, ${big(values)} JSON values` : ''}${lines > 0 ? `, ${big(lines)} lines` : ''}), ` +
          `more than this process may use (${bytes(budget)}); not a followsun shard output, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES`,
      );
    }
    shards.push({ text, outline });
  }
  return shards;
}

/** How a CSV shard output starts: which shard it is. */
const CSV_SHARD_START = '# followsun sweep shard ';

/** JSON documents start with a bracket. */
const isJsonText = (text: string) => /^\s*[{[]/.test(text);

/** The lines of a text, counted without splitting it. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The top-level fields a JSON shard output is known by. */
const SHARD_FIELDS = ['scenarios', 'points', 'shard', 'checksum'] as const;
type ShardField = (typeof SHARD_FIELDS)[number];

/** A JSON text's values, at most (commas and opening brackets outside strings), whether it is an
 * object and which of a shard output's fields it has at the top: one pass, nothing built. */
interface JsonOutline {
  values: number;
  object: boolean;
  fields: Set<ShardField>;
}

function jsonOutline(text: string): JsonOutline {
  const fields = new Set<ShardField>();
  const object = /^\s*\{/.test(text);
  let values = 1;
  let depth = 0;
  let stringStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (stringStart >= 0) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        if (object && depth === 1) topLevelField(text, stringStart, i, fields);
        stringStart = -1;
      }
    } else if (c === 0x22) stringStart = i + 1;
    else if (c === 0x2c) values++;
    else if (c === 0x5b || c === 0x7b) {
      values++;
      depth++;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { values, object, fields };
}

/** Notes the string text[start, end) when it is one of a shard output's fields (a key: a colon next). */
function topLevelField(text: string, start: number, end: number, fields: Set<ShardField>): void {
  const field = SHARD_FIELDS.find((f) => f.length === end - start && text.startsWith(f, start));
  if (field && /^\s*:/.test(text.slice(end + 1, end + 64))) fields.add(field);
}

/** What is wrong with a JSON shard output, seen from its outline (before it is parsed: a list or
 * an object without a shard output's fields need not be built to be refused), or undefined. */
function outlineProblem(outline: JsonOutline): string | undefined {
  const { object, fields } = outline;
  if (!object) return 'not a followsun run or sweep output (a JSON list, where a shard output is a JSON object: its scenarios or points, its shard description and its checksum)';
  if (!fields.has('scenarios') && !fields.has('points')) return 'not a followsun run or sweep output (no scenarios or points)';
  if (!fields.has('shard')) return 'not a shard output (run with --shard k/n, then merge)';
  if (!fields.has('checksum')) return 'has no checksum: edited after followsun wrote it?';
  return undefined;
}

function readShard(path: string): string {
  const file = displayPath(path);
  try {
    const bytes = readBounded(path, MAX_SHARD_BYTES);
    if (bytes === undefined) throw new MergeError(`${file}: too large to be a followsun shard output (at most ${MAX_SHARD_BYTES / 2 ** 20} MB)`);
    return bytes.toString('utf8');
  } catch (e) {
    if (e instanceof MergeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new MergeError(`${file}: is a folder, not a shard output`);
    if (code === 'EPIPEIDLE') throw new MergeError(`${file}: ${readProblem(e)}`);
    throw new MergeError(`${file}: cannot read it (${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)})`);
  }
}

const isWhole = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

/** What is wrong with a shard's own description of itself, or undefined. */
function shardInfoProblem(info: unknown, kind: 'run' | 'sweep' | undefined): string | undefined {
  if (info === null || typeof info !== 'object') return 'not a shard output (run with --shard k/n, then merge)';
  const s = info as Record<string, unknown>;
  if (typeof s.followsun !== 'string' || (s.kind !== 'run' && s.kind !== 'sweep')) return 'its shard description lacks the followsun version and command: written by an older followsun, or not by followsun';
  if (kind !== undefined && s.kind !== kind) return `a ${String(s.kind)} shard in ${kind === 'run' ? 'a run' : 'a sweep'} output`;
  if (!isWhole(s.count, 1, MAX_ITEMS)) return `says it is one of ${describe(s.count)} shards; followsun writes from 1 to ${MAX_ITEMS.toLocaleString('en-US')}`;
  if (!isWhole(s.index, 1, s.count)) return `says it is shard ${describe(s.index)} of ${s.count}`;
  if (!isWhole(s.items, 1, MAX_ITEMS)) return `says the ${s.kind === 'run' ? 'batch' : 'grid'} has ${describe(s.items)} items; followsun writes from 1 to ${MAX_ITEMS.toLocaleString('en-US')}`;
  if (s.seed !== null && !isWhole(s.seed, 0, Number.MAX_SAFE_INTEGER)) return `its seed ${describe(s.seed)} is not a whole number`;
  if (s.replications !== null && !isWhole(s.replications, 1, 10_000)) return `its replications ${describe(s.replications)} are not a whole number from 1 to 10,000`;
  if (!Array.isArray(s.scenarios) || !s.scenarios.every((h) => h === null || (typeof h === 'string' && /^sha256:[0-9a-f]{64}$/.test(h)))) {
    return 'its scenario hashes are missing or malformed';
  }
  if (s.kind === 'run' && s.scenarios.length !== s.items) return `lists ${counted(s.scenarios.length, 'scenario hash', 'scenario hashes')} for ${counted(s.items, 'item')}`;
  if (s.kind === 'sweep') {
    if (s.scenarios.length !== 1) return `lists ${counted(s.scenarios.length, 'scenario hash', 'scenario hashes')}; a sweep has one scenario`;
    const grid = s.grid;
    if (!Array.isArray(grid) || grid.length === 0 || !grid.every((v) => typeof v?.path === 'string' && Array.isArray(v.values) && v.values.length > 0 && v.values.length <= MAX_ITEMS && v.values.every((x: unknown) => typeof x === 'number' && Number.isFinite(x)))) {
      return 'its grid is missing or malformed';
    }
    const points = pointCount(grid as { values: number[] }[]);
    if (points !== s.items) return `its grid has ${describe(points)} points but it says ${describe(s.items)}`;
  }
  return undefined;
}

const describe = (x: unknown) => (typeof x === 'number' ? (Math.abs(x) >= 1e15 ? x.toExponential() : x.toLocaleString('en-US')) : JSON.stringify(x)?.slice(0, 40) ?? String(x));

/** The first difference between two shards' provenance, in words, or undefined. */
function provenanceDifference(a: ShardInfo, b: ShardInfo): string | undefined {
  const own = "each file's own";
  if (a.kind !== b.kind) return `a ${b.kind} shard, not a ${a.kind} shard`;
  if (a.followsun !== b.followsun) return `written by followsun ${b.followsun}, not ${a.followsun}`;
  if (JSON.stringify(a.grid) !== JSON.stringify(b.grid)) return 'another grid (--vary)';
  if (a.count !== b.count || a.items !== b.items) return `another split (${b.count} shards of ${b.items} items, not ${a.count} of ${a.items})`;
  if (JSON.stringify(a.scenarios) !== JSON.stringify(b.scenarios)) {
    const k = a.scenarios.findIndex((h, i) => h !== b.scenarios[i]);
    return a.kind === 'sweep' ? 'another scenario (the file differs)' : `another batch of scenarios (item ${k + 1}'s file differs)`;
  }
  if (a.seed !== b.seed) return `another seed (${b.seed ?? own}, not ${a.seed ?? own})`;
  if (a.replications !== b.replications) return `other replications (${b.replications ?? own}, not ${a.replications ?? own})`;
  return undefined;
}

/** Checks the shards are one complete set: same provenance, every shard once, every item once,
 * each in its own shard. */
function checkComplete(parsed: Parsed[]): void {
  const problems: string[] = [];
  const first = parsed[0];
  const byShard = new Map<number, string>();
  for (const p of parsed) {
    const difference = p === first ? undefined : provenanceDifference(first.info, p.info);
    if (difference) {
      problems.push(`${p.file}: does not belong with ${first.file}: ${difference}`);
      continue;
    }
    const other = byShard.get(p.info.index);
    if (other !== undefined) problems.push(`${p.file}: shard ${p.info.index}/${p.info.count} given twice (also ${other})`);
    else byShard.set(p.info.index, p.file);
  }
  if (problems.length > 0) throw new MergeError(problems.join('\n'));
  const { count, items } = first.info;
  const seen = new Map<number, string>();
  for (const p of parsed) {
    for (const i of p.indices) {
      if (!isWhole(i, 0, items - 1)) {
        problems.push(`${p.file}: holds an item numbered ${describe(i)}, outside 0 to ${items - 1}`);
      } else if (i % count !== p.info.index - 1) {
        problems.push(`${p.file}: holds item ${i}, which belongs to shard ${(i % count) + 1}/${count}, not ${p.info.index}/${count}`);
      } else if (seen.has(i)) {
        problems.push(`${p.file}: item ${i} appears twice${seen.get(i) === p.file ? '' : ` (also in ${seen.get(i)})`}`);
      } else seen.set(i, p.file);
      if (problems.length >= 10) break;
    }
  }
  if (problems.length > 0) throw new MergeError(problems.join('\n'));
  const missingShards: number[] = [];
  for (let k = 1; k <= count && missingShards.length <= 10; k++) if (!byShard.has(k)) missingShards.push(k);
  if (missingShards.length > 0) {
    const shown = missingShards.slice(0, 10).map((k) => `${k}/${count}`).join(', ');
    const more = count - byShard.size - Math.min(10, missingShards.length);
    throw new MergeError(`missing ${wordFor(missingShards.length, 'shard')} ${shown}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`);
  }
  if (seen.size < items) {
    const missing: number[] = [];
    for (let i = 0; i < items && missing.length < 10; i++) if (!seen.has(i)) missing.push(i);
    const more = items - seen.size - missing.length;
    throw new MergeError(`items ${missing.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''} are missing (an interrupted or failed shard?)`);
  }
}

function mergeJson(shards: ShardText[], files: string[], out: string): { text: string; failed: ItemError[] } {
  const problems: string[] = [];
  const docs = shards.map(({ text, outline }, i) => {
    const file = displayPath(files[i]);
    const seen = outlineProblem(outline!);
    if (seen) {
      problems.push(`${file}: ${seen}`);
      return undefined;
    }
    let d: Record<string, unknown>;
    try {
      d = JSON.parse(text) as Record<string, unknown>;
      if (d === null || typeof d !== 'object' || Array.isArray(d)) throw new Error();
    } catch {
      problems.push(`${file}: not a followsun run or sweep output (not a JSON document)`);
      return undefined;
    }
    const kind = Array.isArray(d.scenarios) ? 'run' : Array.isArray(d.points) ? 'sweep' : undefined;
    if (!kind) {
      problems.push(`${file}: not a followsun run or sweep output (no scenarios or points)`);
      return undefined;
    }
    const problem = d.shard === undefined ? 'not a shard output (run with --shard k/n, then merge)' : shardInfoProblem(d.shard, kind);
    if (problem) {
      problems.push(`${file}: ${problem}`);
      return undefined;
    }
    if (!jsonChecksumMatches(d)) {
      problems.push(`${file}: ${d.checksum === undefined ? 'has no checksum' : 'its checksum does not match its content'}: edited after followsun wrote it?`);
      return undefined;
    }
    const partial = d.partial as { missing?: unknown[] } | undefined;
    if (partial) {
      const info = d.shard as ShardInfo;
      problems.push(`${file}: an interrupted shard (${counted(partial.missing?.length ?? 0, 'item')} missing); run shard ${info.index}/${info.count} again`);
      return undefined;
    }
    return { file, doc: d, kind };
  });
  if (problems.length > 0) throw new MergeError(problems.join('\n'));
  const valid = docs as { file: string; doc: Record<string, unknown>; kind: 'run' | 'sweep' }[];
  const itemsOf = (d: Record<string, unknown>): unknown[] =>
    d.points !== undefined ? (d.points as unknown[]) : [...(d.scenarios as unknown[]), ...((d.errors as unknown[] | undefined) ?? [])];
  const indexOf = (item: unknown) => (item !== null && typeof item === 'object' ? (item as { index?: unknown }).index : undefined) as number;
  checkComplete(valid.map((v) => ({ file: v.file, info: v.doc.shard as ShardInfo, indices: itemsOf(v.doc).map(indexOf) })));
  if (valid[0].kind === 'sweep') {
    const sweeps = valid.map((v) => v.doc as unknown as SweepDocument & { checksum?: string });
    const points = sweeps.flatMap((d) => d.points).sort((a: SweepPoint, b: SweepPoint) => a.index - b.index);
    const { shard: _, checksum: __, ...rest } = sweeps[0];
    return { text: sweepFileText({ ...rest, points }, out), failed: [] };
  }
  const runs = valid.map((v) => v.doc as unknown as RunDocument);
  const scenarios = runs.flatMap((d) => d.scenarios).sort((a: FileResult, b: FileResult) => a.index - b.index);
  const errors = runs.flatMap((d) => d.errors ?? []).sort((a: ItemError, b: ItemError) => a.index - b.index);
  return { text: `${JSON.stringify({ scenarios, ...(errors.length > 0 ? { errors } : {}) }, null, 2)}\n`, failed: errors };
}

function mergeCsv(texts: string[], files: string[]): string {
  const problems: string[] = [];
  const parsed = texts.map((text, i) => {
    const file = displayPath(files[i]);
    const notAShard = `${file}: not a followsun sweep shard output (its first lines say which shard it is and where it comes from)`;
    // Said before the text is split into lines (100 MB of `0,` lines took 580 MB to be refused).
    if (!text.startsWith(CSV_SHARD_START)) {
      problems.push(notAShard);
      return undefined;
    }
    const lines = text.split('\n');
    const comments = lines.filter((line) => line.startsWith('#'));
    const provenanceLine = comments.find((line) => line.startsWith('# provenance: '));
    if (!provenanceLine) {
      problems.push(notAShard);
      return undefined;
    }
    let info: unknown;
    try {
      info = JSON.parse(provenanceLine.slice('# provenance: '.length));
    } catch {
      problems.push(`${file}: its provenance line is not readable`);
      return undefined;
    }
    const problem = shardInfoProblem(info, 'sweep');
    if (problem) {
      problems.push(`${file}: ${problem}`);
      return undefined;
    }
    if (!csvChecksumMatches(text)) {
      problems.push(`${file}: ${comments.some((line) => line.startsWith('# checksum: ')) ? 'its checksum does not match its content' : 'has no checksum'}: edited after followsun wrote it?`);
      return undefined;
    }
    if (comments.some((line) => line.startsWith('# partial'))) {
      const s = info as ShardInfo;
      problems.push(`${file}: an interrupted shard; run shard ${s.index}/${s.count} again`);
      return undefined;
    }
    const body = lines.filter((line) => line && !line.startsWith('#'));
    return { file, info: info as ShardInfo, header: body[0] ?? '', rows: body.slice(1) };
  });
  if (problems.length > 0) throw new MergeError(problems.join('\n'));
  const valid = parsed as { file: string; info: ShardInfo; header: string; rows: string[] }[];
  const header = valid[0].header;
  for (const v of valid) if (v.header !== header) problems.push(`${v.file}: its columns differ from ${valid[0].file}`);
  if (problems.length > 0) throw new MergeError(problems.join('\n'));
  const rows = valid.map((v) => v.rows.map((line) => ({ index: /^\d+(?=,|$)/.test(line) ? Number(line.split(',')[0]) : NaN, line })));
  checkComplete(valid.map((v, i) => ({ file: v.file, info: v.info, indices: rows[i].map((r) => r.index) })));
  const all = rows.flat().sort((a, b) => a.index - b.index);
  return `${[header, ...all.map((r) => r.line)].join('\n')}\n`;
}
