// `followsun plan --compare` and `--report` compare on the plan command's own pool of threads
// (compareOnPool: the comparison of one thread, bit for bit; Ctrl-C stops handing out work and
// leaves no comparison of a part), and a comparison of plans over different periods is called one,
// as compare's and report's are.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplicationPool, replicationThreadMain, TasksUnderWay, type ReplicationThread, type TaskMessage } from '../../sim/batch';
import { compareModels, compareOnPool, compileForComparison } from '../../sim/compare';
import type { CompiledModel } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import type { ReplicationFigures } from '../../sim/stats/metrics';
import { TWO_LANGUAGES } from '../e2e/two-languages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real bin script in a child process: planning needs the built solver and replication threads. */
function followsunBin(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** One English voice queue for a day, and nothing left to plan unless `shifts` opens some. */
const desk = (o: { start?: string; replications: number; perHour: number; days?: number; shifts?: string }) => `name: Desk
horizon: { start: ${o.start ?? '2026-03-23T00:00:00Z'}, days: ${o.days ?? 1}, warmupHours: 2 }
intervalMinutes: 60
seed: 5
replications: ${o.replications}
demand:
  - id: calls
    language: en
    volume: { perHour: ${o.perHour} }
    handleTime: { dist: exponential, mean: 180 }
    patience: { dist: exponential, mean: 150 }
staffing:
  - id: team
    skills: [en]
    cost: { perHour: 30 }
    ${o.shifts ?? 'agents: 8'}
`;
const OPEN = 'shifts: [{ days: daily, startBetween: ["00:00", "16:00"], every: 480, hours: 8, agents: auto }]';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'followsun-plan-checks-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A thread that answers in this process, as a worker would (sim/batch's message handler). */
class ThreadInThisProcess implements ReplicationThread {
  private readonly underWay = new TasksUnderWay();
  private readonly handle = replicationThreadMain((m) => this.underWay.answered(m));
  load(models: CompiledModel[]): void {
    this.handle({ models: structuredClone(models) });
  }
  async run(task: TaskMessage): Promise<ReplicationFigures[]> {
    const answer = this.underWay.add(task.task);
    await new Promise((r) => setTimeout(r, 1));
    this.handle(task);
    return answer;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

describe('the comparison plan makes on its pool of threads (compareOnPool)', () => {
  const scenario = (text: string) => parseScenario(text.replace('replications: 4', 'replications: 40'), 'two.yaml');
  const models = compileForComparison([scenario(TWO_LANGUAGES), scenario(TWO_LANGUAGES.replace('agents: 6 }', 'agents: 9 }'))]);
  const pool = new ReplicationPool(2, () => new ThreadInThisProcess());
  afterAll(() => pool.close());

  it('is the comparison made in one thread, bit for bit, when nothing stops it', async () => {
    expect(await compareOnPool(models, pool, undefined, { aborted: false })).toEqual(compareModels(models));
  });

  it('stops handing out replications once stopped (Ctrl-C), and gives no comparison of the part done', async () => {
    const signal = { aborted: false };
    let done = 0;
    const comparison = await compareOnPool(models, pool, (n) => ((done = n), (signal.aborted = true)), signal);
    expect(comparison).toBeUndefined();
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(80);
  });
});

describe('plan --compare of scenarios over different periods', () => {
  it('warns that their differences include the period, as compare and report do', async () => {
    const march = file('march.yaml', desk({ replications: 2, perHour: 20, shifts: OPEN }));
    const april = file('april.yaml', desk({ start: '2026-04-06T00:00:00Z', replications: 2, perHour: 20, shifts: OPEN }));
    const o = await followsunBin('plan', '--compare', march, april, '--max-iterations', '2');
    expect(o.stderr).not.toMatch(/internal error|^\s+at /m);
    expect([0, 1]).toContain(o.status);
    expect(o.stdout).toContain('Comparing against Desk');
    expect(o.stderr).toContain('followsun plan --compare: warning: the scenarios cover different time windows; their differences include that');
  });
});
