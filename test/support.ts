// Shared builders for tests: scenarios written the way an analyst would, in a few lines.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { replicationThreadMain, TasksUnderWay, type ReplicationThread, type TaskMessage } from '../sim/batch';
import { loadRecordsText } from '../sim/history/load';
import type { ContactRecord } from '../sim/history/records';
import { compileScenario, type CompiledModel, type CompileOptions } from '../sim/model/model';
import { validateScenario, type ScenarioInput } from '../sim/scenario/scenario';
import { simulate } from '../sim/simulate';
import type { ReplicationFigures } from '../sim/stats/metrics';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface QueueCase {
  ratePerHour: number;
  ahtSeconds: number;
  agents: number;
  patienceSeconds?: number;
  thresholdSeconds?: number;
  hours: number;
  warmupHours?: number;
  replications: number;
  seed?: number;
}

/** One flat stream of exponential contacts and one pool around the clock: M/M/n or M/M/n+M. */
export function queueScenario(c: QueueCase): ScenarioInput {
  return {
    name: `M/M/${c.agents}${c.patienceSeconds ? '+M' : ''}`,
    horizon: { start: '2026-03-23T00:00:00Z', hours: c.hours, warmupHours: c.warmupHours ?? 24 },
    intervalMinutes: 60,
    serviceLevel: { seconds: c.thresholdSeconds ?? 20, target: 0.8 },
    seed: c.seed ?? 7,
    replications: c.replications,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: c.ratePerHour },
        handleTime: { dist: 'exponential', mean: c.ahtSeconds },
        ...(c.patienceSeconds ? { patience: { dist: 'exponential', mean: c.patienceSeconds } } : {}),
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: c.agents }],
  };
}

/** A one-language desk of callers in its own time zone on a business-day pattern, staffed around
 * the clock: the shape the history tests turn into records, fit and replay. */
export function localDesk(o: { city: string; zone: string; language: string; start: string; days: number; perWeek: number; agents: number; seed: number }): ScenarioInput {
  return {
    name: `${o.city} desk`,
    horizon: { start: o.start, days: o.days, warmupHours: 0 },
    seed: o.seed,
    demand: [
      {
        id: o.language,
        language: o.language,
        timezone: o.zone,
        volume: { perWeek: o.perWeek },
        pattern: 'business-day',
        handleTime: { dist: 'lognormal', mean: 200, cv: 1 },
        patience: { dist: 'exponential', mean: 150 },
      },
    ],
    staffing: [{ id: 'desk', skills: [o.language], agents: o.agents }],
  };
}

export function run(input: ScenarioInput, options?: CompileOptions) {
  return simulate(compileScenario(validateScenario(input, 'test.yaml'), options));
}

/** A German desk's records: a call every 10 minutes, each answered by anna, written as instants,
 * for `hours` from `from`, read in `zone`. */
export function callEveryTenMinutes(from: string, hours: number, zone: string): ContactRecord[] {
  const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
  const start = Date.parse(from);
  for (let t = start; t < start + hours * 3_600_000; t += 600_000) lines.push(`${new Date(t).toISOString().slice(0, 19)}Z,de,answered,5,60,anna`);
  return loadRecordsText(`${lines.join('\n')}\n`, 'desk.csv', { timezone: zone }).outcome.records as ContactRecord[];
}

export interface ChildOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built command in a child process, asynchronous (several may run while vitest waits):
 * planning needs the built solver and replication threads. */
export function followsunChild(...args: string[]): Promise<ChildOutcome> {
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
export const deskYaml = (o: { start?: string; replications: number; perHour: number; days?: number; shifts?: string }) => `name: Desk
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

/** Three 8-hour daily shifts for the planner to staff (deskYaml's `shifts`). */
export const OPEN_SHIFTS = 'shifts: [{ days: daily, startBetween: ["00:00", "16:00"], every: 480, hours: 8, agents: auto }]';

/** A replication thread that answers in this process, as a worker would (sim/batch's message
 * handler), after `turnsBefore(task)` turns of the event loop: results may come out of order. */
export class InProcessThread implements ReplicationThread {
  private readonly underWay = new TasksUnderWay();
  private readonly handle = replicationThreadMain((m) => this.underWay.answered(m));

  constructor(private readonly turnsBefore: (task: number) => number) {}

  load(models: CompiledModel[]): void {
    this.handle({ models: structuredClone(models) });
  }

  async run(task: TaskMessage): Promise<ReplicationFigures[]> {
    const answer = this.underWay.add(task.task);
    for (let wait = this.turnsBefore(task.task); wait > 0; wait--) await new Promise((r) => setTimeout(r, 1));
    this.handle(task);
    return answer;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A temporary folder (`dir`) for the test file that calls this, removed after it: `file(name,
 * text)` writes a file in it and gives its path. */
export function scratchFiles(name: string): ((file: string, text: string) => string) & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `followsun-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return Object.assign(file, { dir });
}
