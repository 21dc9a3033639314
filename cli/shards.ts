// Deterministic slices of a batch or sweep for array jobs on a cluster (Kubernetes Indexed Jobs,
// Slurm job arrays): item i belongs to shard (i mod n) + 1. Shard outputs carry each item's
// index, and `followsun merge` puts them back in order.
import { UsageError } from './arguments';

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new UsageError(`--shard: expected k/n with 1 ≤ k ≤ n, such as 2/8, got ${text}`);
  return { index, count };
}

export const inShard = (item: number, shard: Shard | undefined) => !shard || item % shard.count === shard.index - 1;

/** What a shard's output says about itself, so merge can check nothing is missing. */
export interface ShardInfo extends Shard {
  items: number;
}
