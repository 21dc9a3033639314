// Many short replications over worker threads: each worker holds a queue of them (up to 64 for
// replications this short) and their results arrive out of order, yet the figures are the same
// to the last bit as on one thread. The CLI is the only way in: workers run the built JavaScript.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { followsun, oneQueue } from './hostile-support';

const dir = mkdtempSync(join(tmpdir(), 'followsun-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a hundred and fifty short replications give the same JSON on one worker and on two', () => {
  const file = join(dir, 'short.json');
  writeFileSync(file, JSON.stringify({ ...oneQueue(), replications: 150 }));
  const one = followsun(['run', file, '--json', '--workers', '1']);
  const two = followsun(['run', file, '--json', '--workers', '2']);
  expect(one.status, one.stderr).toBe(0);
  expect(two.status, two.stderr).toBe(0);
  expect(JSON.parse(two.stdout).scenarios[0].replications).toBe(150);
  expect(two.stdout).toBe(one.stdout);
});
