// Files of 100 MB that are not shard outputs, found by the fourth audit: a JSON list of `0,` within
// the memory merge may use was parsed (1.4 GB) to be called "not a JSON document", which it is.
// Each is now refused before it is parsed or split into lines, naming the file and what a shard
// output is; the memory each takes is measured with a heap large enough to let it take more.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, followsunPeak, oneQueue, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('merge-not-a-shard');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `before`, `unit` repeated to about `mb` MB, and `after`. */
function repeated(name: string, before: string, unit: string, mb: number, after: string): string {
  const fd = openSync(join(dir, name), 'w');
  writeSync(fd, before);
  const chunk = unit.repeat(Math.floor(2 ** 20 / unit.length));
  for (let i = 0; i < mb; i++) writeSync(fd, chunk);
  writeSync(fd, after);
  closeSync(fd);
  return name;
}

/** A heap in which 100 MB of `0,` (52 million values, about 1.9 GB by merge's count) was parsed. */
const ROOMY_HEAP_MB = 2600;

describe('merge of 100 MB that is not a shard output', () => {
  it('a JSON list of zeros: refused before it is parsed, as a list', () => {
    const file = repeated('zeros.json', '[', '0,', 100, '0]');
    const o = followsunPeak(['merge', file, '--out', 'merged.json'], { cwd: dir, heapMb: ROOMY_HEAP_MB });
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([
      'followsun merge: zeros.json: not a followsun run or sweep output (a JSON list, where a shard output is a JSON object: its scenarios or points, its shard description and its checksum)',
    ]);
    expect(existsSync(join(dir, 'merged.json'))).toBe(false);
    // The text read (the file's bytes and its string), not its 52 million values: 1.4 GB before.
    expect(o.peakMb).toBeLessThan(700);
  }, 120_000);

  it('zeros without brackets: neither JSON nor a followsun CSV, said before it is split into lines', () => {
    const file = repeated('zeros-lines.json', '', '0,\n', 100, '0');
    const o = followsunPeak(['merge', file, '--out', 'merged.json'], { cwd: dir, heapMb: ROOMY_HEAP_MB });
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([
      'followsun merge: zeros-lines.json: not a followsun shard output (neither a JSON object nor a CSV table starting with its # followsun sweep shard line)',
    ]);
    expect(existsSync(join(dir, 'merged.json'))).toBe(false);
    expect(o.peakMb).toBeLessThan(700);
  }, 120_000);

  it("a sweep shard's provenance and a right checksum over 13 million one-cell rows: its lines counted before they are split", () => {
    writeFileSync(join(dir, 'one.json'), JSON.stringify(oneQueue()));
    expectHandled(followsun(['sweep', 'one.json', '--vary', 'staffing.team.agents=1..4:1', '--shard', '1/2', '--out', 's1.csv'], { cwd: dir }), 0);
    const lines = readFileSync(join(dir, 's1.csv'), 'utf8').split('\n');
    const head = lines.filter((l) => l.startsWith('#') && !l.startsWith('# checksum: '));
    const table = `${lines.find((l) => l.startsWith('index,'))}\n${'0\n'.repeat(25 * 2 ** 19)}`;
    const checksum = createHash('sha256').update(`${head.join('\n')}\n${table}`).digest('hex');
    writeFileSync(join(dir, 'rows.csv'), `${head.join('\n')}\n# checksum: sha256:${checksum}\n${table}`);
    // Split, filtered and sorted, they took 1.3 GB (about 105 bytes a line) to be refused for
    // item 0 appearing twice; 100 MB of them would take 5 GB.
    const o = followsunPeak(['merge', 'rows.csv', '--out', 'merged.csv'], { cwd: dir, heapMb: 1024 });
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([
      expect.stringMatching(
        /^followsun merge: rows\.csv: reading it would take about [\d.]+ GB of memory \(25 MB, [\d.]+ million lines\), more than this process may use \(\d+ MB\); not a followsun shard output, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES$/,
      ),
    ]);
    expect(existsSync(join(dir, 'merged.csv'))).toBe(false);
    expect(o.peakMb).toBeLessThan(500);
  }, 180_000);
});
