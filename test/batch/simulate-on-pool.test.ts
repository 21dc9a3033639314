// simulate() and compareModels() with their replications on a pool of threads (what the app's
// simulation worker and `followsun plan` do): the same result to the last bit on 1 thread and on 3,
// the same progress, and early results that are exactly runs of that many replications. The
// threads here answer in this process, out of order, from copies of the models (as a worker gets
// them); the browser's threads are test/e2e/replication-threads.test.ts's.
import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationPool } from '../../sim/batch';
import { compareModels, compareOnPool, compileForComparison } from '../../sim/compare';
import { compileScenario } from '../../sim/model/model';
import { parseScenario, type Scenario } from '../../sim/scenario/scenario';
import { simulate, simulateOnPool } from '../../sim/simulate';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { InProcessThread } from '../support';
import { TWO_LANGUAGES } from '../e2e/two-languages';

/** 40 replications of a small two-day scenario: 5 tasks of 8 replications. */
const scenario = (text: string): Scenario => parseScenario(text.replace('replications: 4', 'replications: 40'), 'two.yaml');
const BASE = scenario(TWO_LANGUAGES);
/** Each thread answers after a few turns, its later tasks sometimes before its earlier ones. */
const scrambled = (task: number) => (task * 5) % 3;
const VARIANT = scenario(TWO_LANGUAGES.replace('agents: 6 }', 'agents: 9 }'));

describe('replications on a pool of threads', () => {
  const pools = [1, 3].map((size) => new ReplicationPool(size, () => new InProcessThread(scrambled)));
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('gives the result, progress and early results of a run in this thread, on 1 thread and on 3', async () => {
    const model = compileScenario(BASE);
    const early = (into: ScenarioResult[]) => ({ wanted: (done: number) => done % 7 === 0, deliver: (r: ScenarioResult) => into.push(r) });
    const here = { progress: [] as number[], early: [] as ScenarioResult[] };
    const expected = simulate(model, { onProgress: (done) => here.progress.push(done), early: early(here.early) });
    expect(here.early.map((r) => r.replications)).toEqual([7, 14, 21, 28, 35]);
    for (const pool of pools) {
      const seen = { progress: [] as number[], early: [] as ScenarioResult[] };
      const result = await simulateOnPool(model, pool, { onProgress: (done) => seen.progress.push(done), early: early(seen.early) });
      expect(result, `${pool.size} threads`).toEqual(expected);
      expect(seen.progress).toEqual(here.progress);
      expect(seen.early).toEqual(here.early);
    }
    // An early result is what a run of that many replications gives.
    expect(here.early[1]).toEqual(simulate(compileScenario({ ...BASE, replications: 14 })));
  });

  it('compares two scenarios with the paired differences of a comparison in this thread, on 1 thread and on 3, batch after batch', async () => {
    const models = compileForComparison([BASE, VARIANT]);
    const expected = compareModels(models);
    for (const pool of pools) {
      let last = 0;
      const comparison = await compareOnPool(models, pool, (done, total) => {
        expect(done).toBe(last + 1);
        expect(total).toBe(80);
        last = done;
      });
      expect(comparison, `${pool.size} threads`).toEqual(expected);
      expect(last).toBe(80);
      // Again on the same threads (a planner's next round, a comparison after an edit).
      expect(await compareOnPool(models, pool)).toEqual(expected);
    }
  });
});
