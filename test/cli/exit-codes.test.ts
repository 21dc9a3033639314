// The exit codes `followsun --help` lists are the ones a script meets: plan exits 1 when a target
// is missed (the plan is written all the same), which the list used to leave out, and only run and
// sweep keep what has finished when interrupted.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';
import { followsunChild } from '../support';

/** Twenty calls an hour for a day and a shift that may have one agent at most: no plan meets 80 % in 20 s. */
const UNREACHABLE = `name: One agent at most
horizon: { start: 2026-03-23T00:00:00Z, days: 1, warmupHours: 2 }
intervalMinutes: 60
replications: 2
demand:
  - { id: calls, language: en, volume: { perHour: 20 }, handleTime: { dist: exponential, mean: 300 }, patience: { dist: exponential, mean: 60 } }
staffing:
  - id: team
    skills: [en]
    cost: { perHour: 30 }
    shifts: [{ days: daily, start: "00:00", end: "00:00", agents: { min: 1, max: 1 } }]
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'followsun-exit-codes-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The "Exit codes:" paragraph of the top-level help, on one line. */
async function exitCodes(): Promise<string> {
  const help = (await followsun('--help')).stdout;
  return help.slice(help.indexOf('Exit codes:')).replace(/\s+/g, ' ');
}

describe('the exit codes the help lists', () => {
  it('include 1, which plan returns when a target is missed, having written the plan', async () => {
    const scenario = join(dir, 'unreachable.yaml');
    writeFileSync(scenario, UNREACHABLE);
    const out = join(dir, 'planned.yaml');
    const o = await followsunChild('plan', scenario, '--max-iterations', '1', '--out', out);
    expect(o.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(o.status).toBe(1);
    expect(o.stdout).toMatch(/Not every target is met/);
    expect(existsSync(out)).toBe(true);
    expect(await exitCodes()).toMatch(/\b1 a plan that misses a target \(written all the same\)/);
  });

  it('say which commands keep what has finished when interrupted: run and sweep, not all of them', async () => {
    const codes = await exitCodes();
    expect(codes).toMatch(/130 interrupted \(Ctrl-C\) and 143 stopped by SIGTERM: run and sweep write what has finished, marked partial, the other commands nothing\./);
    expect(codes).not.toMatch(/both write what has finished/);
  });
});
