// The pool behind the CLI's workers and the planner's rounds (sim/batch.ts), with threads that
// answer in this process in a scrambled order: whatever order replications finish in, each
// scenario's come back in replication order, and a pool's threads serve batch after batch.
import { expect, it } from 'vitest';
import { InOrder, ReplicationPool, replicationThreadMain, TasksUnderWay, tasksOf, type ModelsMessage, type ReplicationThread, type TaskMessage } from '../../sim/batch';
import { compileScenario, type CompiledModel } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import { runReplication } from '../../sim/simulate';
import type { ReplicationFigures } from '../../sim/stats/metrics';
import { oneQueue } from '../hostile-support';

const model = (perHour: number, replications: number): CompiledModel => {
  const s = oneQueue();
  s.demand[0].volume.perHour = perHour;
  return compileScenario(parseScenario(JSON.stringify({ ...s, replications }), 'pool.json'));
};

/** A thread in this process that answers after a pseudo-random number of turns, so that tasks
 * finish out of order. */
class ScrambledThread implements ReplicationThread {
  static started = 0;
  private readonly underWay = new TasksUnderWay();
  private readonly handle = replicationThreadMain((m) => this.underWay.answered(m));
  private turn = ScrambledThread.started++;

  load(models: CompiledModel[]): void {
    this.handle({ models } satisfies ModelsMessage);
  }

  async run(task: TaskMessage): Promise<ReplicationFigures[]> {
    const answer = this.underWay.add(task.task);
    for (let wait = (task.task * 7 + this.turn++) % 5; wait > 0; wait--) await new Promise((r) => setTimeout(r, 1));
    this.handle(task);
    return answer;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function onPool(pool: ReplicationPool, models: CompiledModel[]): Promise<ReplicationFigures[][]> {
  const delivered: ReplicationFigures[][] = models.map(() => []);
  const inOrder = new InOrder(models.length, (job, replication, figures) => {
    expect(replication).toBe(delivered[job].length);
    delivered[job].push(figures);
  });
  await pool.runTasks(models, tasksOf(models), (job, r, f) => inOrder.add(job, r, f));
  return delivered;
}

it('two scenarios on three threads come back in replication order with the figures of one thread, batch after batch on the same threads', async () => {
  ScrambledThread.started = 0;
  const pool = new ReplicationPool(3, () => new ScrambledThread());
  const quiet = model(20, 7);
  const busy = model(400, 5);
  for (const batch of [[quiet, busy], [busy], [quiet]]) {
    const delivered = await onPool(pool, batch);
    batch.forEach((m, job) => {
      expect(delivered[job]).toHaveLength(m.replications);
      delivered[job].forEach((figures, r) => expect(figures).toEqual(runReplication(m, r)));
    });
  }
  expect(ScrambledThread.started).toBe(3);
  await pool.close();
});

it('a pool stops handing out work once its batch is stopped, and starts threads afresh for the next', async () => {
  ScrambledThread.started = 0;
  const pool = new ReplicationPool(2, () => new ScrambledThread());
  const m = model(20, 40);
  const signal = { aborted: false };
  let finished = 0;
  await pool.runTasks([m], tasksOf([m]).flatMap((t) => Array.from({ length: t.count }, (_, k) => ({ ...t, task: t.replication + k, replication: t.replication + k, count: 1 }))), () => {
    if (++finished === 3) signal.aborted = true;
  }, signal);
  expect(finished).toBeGreaterThanOrEqual(3);
  expect(finished).toBeLessThan(40);
  await pool.close();
  const [after] = await onPool(pool, [model(20, 2)]); // one task: one thread
  expect(after).toHaveLength(2);
  expect(ScrambledThread.started).toBe(3);
});
