// A shard output within merge's 400 MB whose JSON values would take more memory than the process
// has: 300 MB of `0,` took 3.5 GB and 8 s to end in a crash. Its values are counted in the text
// first, and it is refused, naming the file and the memory.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('merge-millions-of-values');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge of a shard of millions of JSON values', () => {
  it('is refused before it is parsed, naming the file, its values and the memory', () => {
    // 40 MB, 21 million values: more than the 512 MB heap of the hostile-input budget takes.
    const fd = openSync(join(dir, 'zeros.json'), 'w');
    writeSync(fd, '[');
    const chunk = '0,'.repeat(2 ** 20);
    for (let i = 0; i < 20; i++) writeSync(fd, chunk);
    writeSync(fd, '0]');
    closeSync(fd);
    const o = followsun(['merge', 'zeros.json', '--out', 'merged.json'], { cwd: dir });
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([
      expect.stringMatching(
        /^followsun merge: zeros\.json: reading it would take about \d+ MB of memory \(40 MB, 21 million JSON values\), more than this process may use \(\d+ MB\); not a followsun shard output, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES$/,
      ),
    ]);
  }, 120_000);
});
