// `followsun plan --compare` and `--report` as an analyst meets their work check, before anything
// is planned: it counts what the command will run — every file of a comparison at the base's
// replications, which it runs them with, and the comparison's or the report's runs after the
// planning rounds — and names the line of the file's field, as run does.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';
import { deskYaml, OPEN_SHIFTS, scratchFiles } from '../support';

const file = scratchFiles('plan-checks');

describe('the work check of plan --compare and plan --report', () => {
  it("counts every file of a comparison at the base's replications, which it runs them with", async () => {
    // Alone, the variant's one replication is nothing; at the base's 10,000 it is billions of
    // contacts. The base's own: 2,500 a replication, 575 million over its 23 runs.
    const base = file('base.yaml', deskYaml({ replications: 10_000, perHour: 50 }));
    const variant = file('variant.yaml', deskYaml({ replications: 1, perHour: 1000 }));
    const o = await followsun('plan', '--compare', base, variant);
    expect(o.status).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr).toMatch(/variant\.yaml: replications \(the base's, 10000\): about [\d.]+ billion contacts to simulate \(10,000 replications of 23 runs \(22 for 11 planning rounds at most, each with the file's seed and a second one; 1 for the comparison\)/);
    expect(o.stderr).not.toMatch(/base\.yaml/);
  });

  it("names the line of the file's field, as run does, and counts the report's two runs", async () => {
    const year = file('year.yaml', deskYaml({ replications: 2, perHour: 100_000, days: 365, shifts: OPEN_SHIFTS }));
    const o = await followsun('plan', year, '--report', join(file.dir, 'year.html'));
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/year\.yaml:9: demand\[0\]\.volume\.perHour: about [\d.]+ billion contacts to simulate \(.*; 2 replications of 24 runs \(22 for 11 planning rounds at most, each with the file's seed and a second one; 2 for the report\)\)/),
    ]);
    const run = await followsun('run', year);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/year\.yaml:9: demand\[0\]\.volume\.perHour: /);
  });
});

