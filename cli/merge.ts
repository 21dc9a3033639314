// `followsun merge`: puts the outputs of `--shard k/n` runs back together into exactly the file
// a single run writes, after checking that every item is there once.
import { readFileSync } from 'node:fs';
import { displayPath, writeFileAtomic } from './files';
import type { RunDocument } from './run';
import type { ShardInfo } from './shards';
import { sweepFileText, type SweepDocument } from './sweep';

class MergeError extends Error {}

export function mergeCommand(files: string[], out: string | undefined): number {
  try {
    if (!out) throw new MergeError('merge needs --out FILE');
    if (files.length === 0) throw new MergeError('merge needs the shard outputs to combine');
    const texts = files.map((f) => {
      try {
        return readFileSync(f, 'utf8');
      } catch {
        throw new MergeError(`${displayPath(f)}: cannot read it`);
      }
    });
    const merged = texts[0].startsWith('# followsun sweep shard') ? mergeCsv(texts, files) : mergeJson(texts, files, out);
    writeFileAtomic(out, merged);
    process.stderr.write(`Merged ${files.length} shard${files.length === 1 ? '' : 's'} into ${out}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    process.stderr.write(`followsun merge: ${e.message}\n`);
    return 2;
  }
}

/** Checks the shards are one complete set: same split, every shard once, every item once. */
function checkComplete(infos: (ShardInfo | undefined)[], indices: number[], files: string[]): void {
  infos.forEach((info, i) => {
    if (!info) throw new MergeError(`${displayPath(files[i])}: not a shard output (run with --shard k/n)`);
  });
  const first = infos[0]!;
  const shards = new Set<number>();
  infos.forEach((info, i) => {
    if (info!.count !== first.count || info!.items !== first.items) throw new MergeError(`${displayPath(files[i])}: from a different split (${info!.count} shards of ${info!.items})`);
    if (shards.has(info!.index)) throw new MergeError(`${displayPath(files[i])}: shard ${info!.index}/${info!.count} given twice`);
    shards.add(info!.index);
  });
  const missingShards = Array.from({ length: first.count }, (_, k) => k + 1).filter((k) => !shards.has(k));
  if (missingShards.length > 0) throw new MergeError(`missing shard${missingShards.length > 1 ? 's' : ''} ${missingShards.map((k) => `${k}/${first.count}`).join(', ')}`);
  const seen = new Set(indices);
  const missing = Array.from({ length: first.items }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`items ${missing.join(', ')} are missing (an interrupted or failed shard?)`);
}

function mergeJson(texts: string[], files: string[], out: string): string {
  const docs = texts.map((t, i) => {
    try {
      const d = JSON.parse(t) as (RunDocument | SweepDocument) & { shard?: ShardInfo };
      if (!Array.isArray((d as RunDocument).scenarios) && !Array.isArray((d as SweepDocument).points)) throw new Error();
      return d;
    } catch {
      throw new MergeError(`${displayPath(files[i])}: not a followsun run or sweep output (JSON)`);
    }
  });
  if (docs.every((d) => 'points' in d)) {
    const sweeps = docs as SweepDocument[];
    const points = sweeps.flatMap((d) => d.points).sort((a, b) => a.index - b.index);
    checkComplete(sweeps.map((d) => d.shard), points.map((p) => p.index), files);
    const { shard: _, ...rest } = sweeps[0];
    return sweepFileText({ ...rest, points }, out);
  }
  const runs = docs as RunDocument[];
  const scenarios = runs.flatMap((d) => d.scenarios).sort((a, b) => a.index - b.index);
  const errors = runs.flatMap((d) => d.errors ?? []).sort((a, b) => a.index - b.index);
  checkComplete(runs.map((d) => d.shard), [...scenarios.map((s) => s.index), ...errors.map((e) => e.index)], files);
  return `${JSON.stringify({ scenarios, ...(errors.length > 0 ? { errors } : {}) }, null, 2)}\n`;
}

function mergeCsv(texts: string[], files: string[]): string {
  const infos = texts.map((t) => {
    const m = /^# followsun sweep shard (\d+)\/(\d+) of (\d+) points/.exec(t);
    return m ? { index: Number(m[1]), count: Number(m[2]), items: Number(m[3]) } : undefined;
  });
  const bodies = texts.map((t) => t.split('\n').filter((line) => line && !line.startsWith('#')));
  const header = bodies[0][0];
  bodies.forEach((b, i) => {
    if (b[0] !== header) throw new MergeError(`${displayPath(files[i])}: its columns differ from ${displayPath(files[0])}`);
  });
  const rows = bodies.flatMap((b) => b.slice(1)).map((line) => ({ index: Number(line.split(',')[0]), line }));
  rows.sort((a, b) => a.index - b.index);
  checkComplete(infos, rows.map((r) => r.index), files);
  return `${[header, ...rows.map((r) => r.line)].join('\n')}\n`;
}
