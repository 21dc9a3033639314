// Deterministic slices of a batch or sweep for array jobs on a cluster (Kubernetes Indexed Jobs,
// Slurm job arrays): item i belongs to shard (i mod n) + 1. Shard outputs carry each item's
// index, where they come from (provenance) and a checksum of their content, and `followsun
// merge` puts them back in order after checking that they belong together.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './arguments';
import { PROJECT_ROOT, scenarioHash } from './files';
import { WORK_LIMITS } from '../sim/scenario/work-estimate';

export interface Shard {
  index: number; // 1-based
  count: number;
}

/** The most shards or items a shard output may speak of: a sweep grid's limit. */
export const MAX_ITEMS = WORK_LIMITS.gridPoints;

export function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,15})\/(\d{1,15})$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new UsageError(`--shard: expected k/n with 1 ≤ k ≤ n, such as 2/8, got ${text}`);
  if (count > MAX_ITEMS) throw new UsageError(`--shard: expected at most ${MAX_ITEMS.toLocaleString('en-US')} shards, got ${count}`);
  return { index, count };
}

export const inShard = (item: number, shard: Shard | undefined) => !shard || item % shard.count === shard.index - 1;

/** How many of `items` items fall in the shard. */
export const shardSize = (items: number, shard: Shard | undefined) =>
  !shard ? items : Math.max(0, Math.floor((items - shard.index) / shard.count) + 1);

/** What a shard's output says about itself, so that merge can check the shards belong together
 * and nothing is missing. */
export interface ShardInfo extends Shard {
  items: number;
  /** Which command wrote it. */
  kind: 'run' | 'sweep';
  /** The followsun version that wrote it. */
  followsun: string;
  /** --seed and --replications when given (null: each scenario's own). */
  seed: number | null;
  replications: number | null;
  /** SHA-256 of each scenario file of the batch, in batch order (null: unreadable); a sweep: of
   * its one scenario. */
  scenarios: (string | null)[];
  /** A sweep's grid: the varied paths and their values. */
  grid?: { path: string; values: number[] }[];
}

export const FOLLOWSUN_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

export function sha256(text: string | Buffer): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The SHA-256 of a file's bytes, or null when it cannot be read. */
export function fileHash(path: string): string | null {
  // The bytes simulated, as read (a pipe cannot be read a second time).
  const read = scenarioHash(path);
  if (read !== undefined) return read;
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

/** A JSON shard output: the document with a checksum of its own text as its last field. */
export function jsonWithChecksum(document: object): string {
  const text = JSON.stringify(document, null, 2);
  return `${JSON.stringify({ ...document, checksum: sha256(text) }, null, 2)}\n`;
}

/** Whether a parsed JSON shard output's checksum matches the rest of it. */
export function jsonChecksumMatches(parsed: Record<string, unknown>): boolean {
  const { checksum, ...rest } = parsed;
  return typeof checksum === 'string' && checksum === sha256(JSON.stringify(rest, null, 2));
}

const CSV_CHECKSUM = '# checksum: ';

/** A CSV shard output: its # lines, a checksum line over everything else, then the table. */
export function csvWithChecksum(headerLines: string[], table: string): string {
  const rest = `${headerLines.join('\n')}\n${table}`;
  return `${headerLines.join('\n')}\n${CSV_CHECKSUM}${sha256(rest)}\n${table}`;
}

/** Whether a CSV shard output's checksum line matches the rest of its text. */
export function csvChecksumMatches(text: string): boolean {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(CSV_CHECKSUM));
  if (at < 0) return false;
  const claimed = lines[at].slice(CSV_CHECKSUM.length);
  return claimed === sha256([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
}
