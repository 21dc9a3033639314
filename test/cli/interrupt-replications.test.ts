// Ctrl-C during a run of one scenario of many replications: the replications that finished are
// kept. They are folded in order, so what is written is the result of replications 0 … k − 1 —
// the same JSON, figure for figure, as a run with --replications k — marked partial with k and
// the number asked. The signal is sent once a progress line says replications have finished
// (plain lines: stderr is not a terminal); how many did is read from the output, not assumed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFollowsun } from '../hostile-support';
import { deskYaml, followsunChild, scratchFiles } from '../support';

const file = scratchFiles('interrupt-replications');
// About 10,000 contacts a replication: a few milliseconds each, 10,000 of them far longer than
// the wait for the first progress line (3 s).
const desk = file('desk.yaml', deskYaml({ replications: 2, perHour: 400, shifts: 'agents: 22' }));
const ASKED = 10_000;

/** Runs the desk with `options`, interrupted by `signal` once some replications have finished. */
async function interrupted(options: string[], signal: NodeJS.Signals) {
  const run = startFollowsun(['run', desk, '--replications', String(ASKED), ...options]);
  const finished = () => Number(/replication (\d+)\/\d+/.exec(run.stderr())?.[1] ?? 0);
  for (let waited = 0; finished() < 1 && waited < 45_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(finished(), run.stderr()).toBeGreaterThan(0);
  run.child.kill(signal);
  return run.done;
}

describe('Ctrl-C during the replications of one scenario', () => {
  it.each([
    ['in this thread (--workers 1)', '1', 'SIGINT', 130],
    ['on worker threads (--workers 2), SIGTERM', '2', 'SIGTERM', 143],
  ] as const)('%s: writes the replications that finished, exactly as a run of that many, marked partial', async (_, workers, signal, code) => {
    const out = join(file.dir, `cut-${workers}.json`);
    const o = await interrupted(['--workers', workers, '--out', out], signal);
    expect(o.status, o.stderr).toBe(code);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    expect(document.scenarios).toHaveLength(1);
    const k = document.scenarios[0].replications;
    expect(k).toBeGreaterThanOrEqual(1);
    expect(k).toBeLessThan(ASKED);
    expect(document.partial).toEqual({ reason: 'interrupted', missing: [{ index: 0, file: expect.stringMatching(/desk\.yaml$/), replications: k, of: ASKED }] });
    expect(o.stderr).toMatch(new RegExp(`Wrote 1 scenario result \\(partial: 1 cut short at the replications that finished; listed in the file\\)`));
    expect(o.stderr).toMatch(new RegExp(`Interrupted: 0 of 1 scenarios finished; missing: \\S*desk\\.yaml \\(${k} of ${ASKED} replications finished, written: the figures of --replications ${k}\\)`));

    // The same scenario and seed with --replications k: the same figures, bit for bit.
    const whole = await followsunChild('run', desk, '--replications', String(k), '--workers', '1', '--json');
    expect(whole.status, whole.stderr).toBe(0);
    const [alone] = JSON.parse(whole.stdout).scenarios;
    expect(JSON.stringify(document.scenarios[0])).toBe(JSON.stringify(alone));
  }, 120_000);

  it('in a batch: the finished scenario whole, the one under way cut short, both written in order', async () => {
    const first = file('first.yaml', deskYaml({ replications: 1, perHour: 100 }));
    const out = join(file.dir, 'batch.json');
    // Replications asked by the file this time, not by --replications (which would apply to both).
    const many = file('many.yaml', deskYaml({ replications: ASKED, perHour: 400, shifts: 'agents: 22' }));
    const batch = startFollowsun(['run', first, many, '--workers', '1', '--out', out]);
    const finished = () => Number(/replication (\d+)\/\d+/.exec(batch.stderr())?.[1] ?? 0);
    for (let waited = 0; finished() < 2 && waited < 45_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    batch.child.kill('SIGINT');
    const o = await batch.done;
    expect(o.status, o.stderr).toBe(130);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    expect(document.scenarios.map((r: { replications: number }) => r.replications)).toEqual([1, expect.any(Number)]);
    const k = document.scenarios[1].replications;
    expect(k).toBeGreaterThanOrEqual(1);
    expect(document.partial).toEqual({ reason: 'interrupted', missing: [{ index: 1, file: expect.stringMatching(/many\.yaml$/), replications: k, of: ASKED }] });
    expect(o.stderr).toMatch(/Interrupted: 1 of 2 scenarios finished; missing: \S*many\.yaml \(/);
  }, 120_000);

  it('prints the part done as a summary, saying it is the first k replications', async () => {
    const o = await interrupted(['--workers', '1'], 'SIGINT');
    expect(o.status, o.stderr).toBe(130);
    const k = Number(/, (\d+) replications, seed 5$/m.exec(o.stdout)?.[1]);
    expect(k, o.stdout).toBeGreaterThanOrEqual(1);
    expect(o.stdout).toContain(`Interrupted: the first ${k} of ${ASKED} replications, the figures of --replications ${k}`);
  }, 120_000);
});
