// The batches whose 1 → 2 worker speed-up `npm run bench` reports: each run in a fresh process,
// as a user would start it (worker start-up and JIT warm-up included), and again on threads that
// have run it once, as the planner's later rounds run.
import { readFileSync } from 'node:fs';
import { DEFAULT_SCENARIO } from '../cli/files';
import { compileJobs, replicationPool, runJobs } from '../cli/parallel';
import { parseScenario, validateScenario, type ScenarioInput } from '../sim/scenario/scenario';
import { ResultBuilder } from '../sim/stats/metrics';
import { bilingualWeek } from './bilingual';

/** M/M/55+M at 1,000 calls an hour (AHT 180 s, patience 120 s) for `hours`. */
export function mm55(hours: number): ScenarioInput {
  return {
    name: 'M/M/55+M',
    horizon: { start: '2026-01-05T00:00:00Z', hours, warmupHours: 1 },
    replications: 1,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: 1000 },
        handleTime: { dist: 'exponential', mean: 180 },
        patience: { dist: 'exponential', mean: 120 },
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: 55 }],
  };
}

/** The default scenario as shipped. */
export const shippedScenario = () => parseScenario(readFileSync(DEFAULT_SCENARIO, 'utf8'), 'default.yaml');

/** The default scenario over `days`. */
export function defaultScenario(days: number) {
  const s = shippedScenario();
  return { ...s, horizon: { ...s.horizon, days, hours: undefined } };
}

export const BATCHES: Record<string, { label: string; scenario: () => ScenarioInput | ReturnType<typeof defaultScenario>; replications: number }> = {
  mm55: { label: '8 × M/M/55+M, 1,000,000 arrivals each', scenario: () => mm55(1000), replications: 8 },
  default: { label: '8 × default scenario, 13 weeks', scenario: () => defaultScenario(91), replications: 8 },
  bilingual: { label: '1,000 × Bilingual-shaped week', scenario: () => bilingualWeek(1000), replications: 1000 },
};

export interface BatchTime {
  /** Wall seconds. */
  seconds: number;
  /** CPU seconds of every thread of the process (user + system). */
  cpuSeconds: number;
  /** CPU seconds of the main thread alone (NaN where /proc cannot tell): with one worker the rest
   * is V8's compiler and garbage collector threads, which run on the other core. */
  mainThreadCpuSeconds: number;
}

/** This thread's CPU seconds from /proc (Linux; clock ticks of 1/100 s). */
function threadCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** One batch on `workers` workers, folded into a result as the CLI does; with `warm`, on a pool
 * of threads that has run the batch once before (that first run not timed). */
export async function timeBatch(name: string, workers: number, warm = false): Promise<BatchTime> {
  const batch = BATCHES[name];
  const pool = warm ? replicationPool(workers) : undefined;
  const models = () => compileJobs([{ scenario: validateScenario(batch.scenario(), name), options: { replications: batch.replications } }]);
  const run = async () => {
    const [model] = models();
    const builder = new ResultBuilder(model);
    await runJobs([model], (_job, _replication, figures) => builder.add(figures), { workers, pool });
    builder.result();
  };
  if (warm) await run();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const mainBefore = threadCpuSeconds();
  await run();
  const used = process.cpuUsage(cpu);
  const time = { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, mainThreadCpuSeconds: threadCpuSeconds() - mainBefore };
  await pool?.close();
  return time;
}
