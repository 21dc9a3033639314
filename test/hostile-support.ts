// Shared by the hostile-input tests: the CLI run as a child process under a time and memory
// budget, one scenario written the way an analyst would, and checks that every refusal is
// clear. Many cases run in one child process that calls the built CLI's main() once per case
// (test/build-cli.setup.ts builds it) — still a separate process with its own budget, so a hang
// or a blown heap fails the test instead of the test runner.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Every hostile case must end within this (they are refusals, not simulations). */
export const TIMEOUT_MS = 60_000;
/** And within this much heap. */
export const HEAP_MB = 512;

export interface Outcome {
  args: string[];
  status: number | string | null;
  stdout: string;
  stderr: string;
  /** Object.prototype was polluted after the case. */
  polluted?: boolean;
}

const env = (extra: Record<string, string> = {}) => ({ ...process.env, FOLLOWSUN_DEBUG: '', ...extra });

/** One CLI process (bin/followsun.mjs) with a time and memory budget. */
export function followsun(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Outcome {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin', 'followsun.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 2 ** 20,
    env: env(options.env),
  });
  return { args, status: r.error ? `failed: ${r.error.message}` : (r.status ?? r.signal), stdout: r.stdout, stderr: r.stderr };
}

/** The same, started in the background (to be interrupted). */
export function startFollowsun(args: string[], options: { cwd?: string } = {}) {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin', 'followsun.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: env(),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ args, status: code ?? signal, stdout, stderr });
    }),
  );
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

/** The script of a child process that runs one command through the CLI's main() and writes its
 * peak resident memory (what the command took, whatever the heap allows). */
const PEAK = `
import { writeFileSync } from 'node:fs';
const { main } = await import(process.env.HOSTILE_MAIN);
process.exitCode = await main(JSON.parse(process.env.HOSTILE_ARGS));
process.on('exit', () => writeFileSync(process.env.HOSTILE_PEAK, String(process.resourceUsage().maxRSS)));
`;

/** One CLI command with a heap of `heapMb` (large enough to let a command take what it asks for),
 * and its peak resident memory in MB. */
export function followsunPeak(args: string[], options: { cwd?: string; heapMb: number }): Outcome & { peakMb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'followsun-peak-'));
  try {
    const script = join(dir, 'peak.mjs');
    const peakFile = join(dir, 'peak');
    writeFileSync(script, PEAK);
    const r = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMb}`, script], {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      maxBuffer: 256 * 2 ** 20,
      env: env({ HOSTILE_MAIN: pathToFileURL(join(ROOT, 'build', 'main.js')).href, HOSTILE_ARGS: JSON.stringify(args), HOSTILE_PEAK: peakFile }),
    });
    const status = r.error ? `failed: ${r.error.message}` : (r.status ?? r.signal);
    const peakMb = status === 0 || status === 2 ? Number(readFileSync(peakFile, 'utf8')) / 1024 : NaN;
    return { args, status, stdout: r.stdout, stderr: r.stderr, peakMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The script of the child process that runs many cases through the CLI's main(). */
const MANY = `
import { readFileSync, writeFileSync } from 'node:fs';
const { main } = await import(process.env.HOSTILE_MAIN);
const cases = JSON.parse(readFileSync(process.env.HOSTILE_CASES, 'utf8'));
const outcomes = [];
for (const c of cases) {
  let stdout = '';
  let stderr = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = (chunk) => ((stdout += chunk), true);
  process.stderr.write = (chunk) => ((stderr += chunk), true);
  if (c.cwd) process.chdir(c.cwd);
  for (const [k, v] of Object.entries(c.env ?? {})) process.env[k] = v;
  let status;
  try {
    status = await main(c.args);
  } catch (e) {
    status = 'threw';
    stderr += String(e && e.stack);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    for (const k of Object.keys(c.env ?? {})) delete process.env[k];
  }
  outcomes.push({ args: c.args, status, stdout, stderr, polluted: ({}).polluted !== undefined || Object.prototype.x !== undefined });
}
writeFileSync(process.env.HOSTILE_RESULTS, JSON.stringify(outcomes));
process.exit(0);
`;

export interface Case {
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}

/** Many cases in one child process (a time and memory budget for all of them together). */
export function followsunMany(cases: Case[]): Outcome[] {
  const dir = mkdtempSync(join(tmpdir(), 'followsun-many-'));
  try {
    const casesFile = join(dir, 'cases.json');
    const resultsFile = join(dir, 'results.json');
    const script = join(dir, 'many.mjs');
    writeFileSync(casesFile, JSON.stringify(cases));
    writeFileSync(script, MANY);
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      maxBuffer: 256 * 2 ** 20,
      env: env({ HOSTILE_MAIN: pathToFileURL(join(ROOT, 'build', 'main.js')).href, HOSTILE_CASES: casesFile, HOSTILE_RESULTS: resultsFile }),
    });
    if (r.status !== 0) throw new Error(`the cases did not all end (status ${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as Outcome[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines of stderr that are problems (not the usage hint under a command-line mistake, not
 * progress or "Wrote" lines). */
export function problemLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const hint = lines.findIndex((l) => l.startsWith('Usage: '));
  return (hint >= 0 ? lines.slice(0, hint) : lines).filter((l) => !/^(Wrote|Merged|Simulating|Sweep of|Interrupted)/.test(l) && !/: warning: /.test(l));
}

/** Exit 0 or 2; no internal error, no stack trace, no NaN; for 2, at least one problem line. */
export function expectHandled(o: Outcome, expected: 0 | 2 | 'any' = 'any'): void {
  const what = `followsun ${o.args.join(' ').slice(0, 200)}\n${o.stderr.slice(0, 2000)}`;
  expect([0, 2], what).toContain(o.status);
  if (expected !== 'any') expect(o.status, what).toBe(expected);
  expect(o.stderr, what).not.toMatch(/internal error/);
  expect(o.stderr, what).not.toMatch(/\n\s+at /);
  expect(withoutProblems(o.stdout), what).not.toMatch(/\bNaN\b/);
  if (o.status === 2) expect(problemLines(o.stderr).length, what).toBeGreaterThan(0);
  if (o.polluted !== undefined) expect(o.polluted, what).toBe(false);
}

/** Printed output without the problems a JSON document lists (they quote the bad values). */
function withoutProblems(stdout: string): string {
  try {
    const document = JSON.parse(stdout) as Record<string, unknown>;
    delete document.errors;
    return JSON.stringify(document);
  } catch {
    return stdout;
  }
}

/** A one-queue scenario (JSON is YAML), two hours after a one-hour warm-up, two replications. */
export function oneQueue(): Record<string, any> {
  return {
    name: 'One queue',
    horizon: { start: '2026-03-23T00:00:00Z', hours: 2, warmupHours: 1 },
    replications: 2,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: 100 },
        handleTime: { dist: 'exponential', mean: 180 },
        patience: { dist: 'exponential', mean: 120 },
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: 6, cost: { perHour: 30 } }],
  };
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `followsun-${name}-`));
}

/** `count` scenarios of 5-minute intervals over `days`, a few contacts an hour in one queue, in
 * `folder` of `dir`; their paths, relative to `dir`. */
export function longScenarioFiles(dir: string, folder: string, count: number, days: number): string[] {
  mkdirSync(join(dir, folder));
  return Array.from({ length: count }, (_, k) => {
    const path = join(folder, `s${String(k + 1).padStart(2, '0')}.json`);
    const scenario = {
      name: `Scenario ${k + 1}`,
      intervalMinutes: 5,
      horizon: { start: '2026-01-05T00:00:00Z', days, warmupHours: 0 },
      replications: 2,
      demand: [{ id: 'calls', language: 'en', volume: { perHour: 2 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 } }],
      staffing: [{ id: 'team', skills: ['en'], agents: 1 + (k % 3), cost: { perHour: 30 } }],
    };
    writeFileSync(join(dir, path), JSON.stringify(scenario, null, 2));
    return path;
  });
}

/** Like the reviewer's plan1000.yaml: `shifts` open shifts with 96 candidate starts each (hourly
 * intervals, so that only the programme is beyond a limit, not the simulation's memory), after
 * `pad` comment lines (so that files differ in their lines). */
export function manyCandidates(shifts: number, pad = 0): string {
  const lines = [
    ...Array.from({ length: pad }, (_, k) => `# note ${k + 1}`),
    'name: many candidates',
    'horizon: { start: 2026-03-23T00:00:00Z, days: 28 }',
    'intervalMinutes: 60',
    'replications: 2',
    'demand:',
    '  - { id: calls, language: en, volume: { perHour: 500 }, handleTime: { dist: exponential, mean: 180 } }',
    'staffing:',
    '  - id: team',
    '    skills: [en]',
    '    cost: { perHour: 30 }',
    '    shifts:',
  ];
  for (let k = 0; k < shifts; k++) lines.push(`      - { days: daily, startBetween: ['00:00', '23:45'], every: 15, hours: ${4 + (k % 80) / 10}, agents: auto }`);
  return `${lines.join('\n')}\n`;
}
