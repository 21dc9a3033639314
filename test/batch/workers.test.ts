// Many short replications over worker threads: each worker holds a queue of them (up to 64 for
// replications this short) and their results arrive out of order, yet the figures are the same
// to the last bit as on one thread. The CLI is the only way in: workers run the built JavaScript.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { followsun, oneQueue } from '../hostile-support';

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

it('one long replication, now run on a worker thread so that Ctrl-C can stop it, gives the figures of this thread', async () => {
  // About 3.7 M contacts: above the 3 M that sends a lone replication to a worker thread.
  const scenario: Record<string, any> = { ...oneQueue(), replications: 1, horizon: { start: '2026-03-23T00:00:00Z', days: 31 } };
  scenario.demand[0].volume.perHour = 5000;
  scenario.staffing[0].agents = 260;
  const file = join(dir, 'long.json');
  writeFileSync(file, JSON.stringify(scenario));
  const cli = followsun(['run', file, '--json', '--workers', '1']);
  expect(cli.status, cli.stderr).toBe(0);
  const [{ parseScenario }, { compileScenario }, { runReplication }, { ResultBuilder }] = await Promise.all([
    import('../../sim/scenario/scenario'),
    import('../../sim/model/model'),
    import('../../sim/simulate'),
    import('../../sim/stats/metrics'),
  ]);
  const model = compileScenario(parseScenario(JSON.stringify(scenario), 'long.json'), {});
  const builder = new ResultBuilder(model);
  builder.add(runReplication(model, 0));
  const here = JSON.parse(JSON.stringify(builder.result()));
  const there = JSON.parse(cli.stdout).scenarios[0];
  expect(there.summary).toEqual(here.summary);
  expect(there.intervals).toEqual(here.intervals);
}, 120_000);
