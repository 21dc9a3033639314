// `followsun plan`'s verdict on a plan that met the targets with the file's seed but not when the
// planner checked it with other random numbers: it says so, rather than "a service level below its
// target" over a table where every service level is above its target.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built command line (plan solves in a worker thread of the built JavaScript). */
function followsun(...args: string[]): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT }, (error, stdout) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout }));
  });
}

// A day of English calls in Dublin with two replications: each round meets the target with the
// default seed (91.5 % against 80 %) and misses with the check seed; 10 hours nobody can work.
const SMALL = join(ROOT, 'test', 'fixtures', 'small-open.yaml');

describe('followsun plan on a plan that held with its seed only', () => {
  it('says it met the targets with the file’s seed but not with other random numbers', async () => {
    const json = await followsun('plan', SMALL, '--json');
    const planned = JSON.parse(json.stdout);
    const shown = planned.iterations.find((it: { iteration: number }) => it.iteration === planned.round);
    // The case itself: not met, the round shown met with the seed and failed the check.
    expect(planned.met).toBe(false);
    expect(shown).toMatchObject({ met: true, heldWithOtherSeed: false });

    const text = await followsun('plan', SMALL);
    expect(text.status).toBe(1); // not met: exit 1, as documented
    expect(text.stdout).toContain("met with the file's seed, but not when checked with other random numbers");
    expect(text.stdout).not.toContain('but a service level below its target');
  }, 120_000);
});
