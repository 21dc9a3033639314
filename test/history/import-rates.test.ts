// What `followsun import` prints of the demand it fitted: per queue the contacts offered and the
// fitted arrival rate (contacts a week, and by kind of day), the figures a WFM analyst checks
// first. Before, the printout gave each queue's handle time and patience but no volume (it was
// only in the YAML). Expected values from an independent Python script over the fixture (a slice
// of the Technion SEE Center's "Anonymous Bank" data, January 1999, Avi Mandelbaum: see
// test/fixtures/README.md): per day and queue the contacts offered (the README's rules written
// afresh), special days where a day's total is outside 60–160% of its weekday's median
// (1999-01-01 ×1.63, 1999-01-30 ×0.31), then per weekday the mean over the other days.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';

const FILE = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-small-queues.tsv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'followsun-import-rates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import prints the fitted arrival rates', () => {
  it('gives each queue its contacts offered and the mean a week, by kind of day', async () => {
    const o = await followsun('import', FILE, '--out', join(dir, 'bank.yaml'));
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Special days (volume below 60% or above 160% of their weekday\'s median): 1999-01-01 ×1.63, 1999-01-30 ×0.31.');
    // he-NE (stock exchange): 1,560 offered on the 29 days with records. Mean per ordinary day:
    // Mon 85.0, Tue 83.667, Wed 77.75, Thu 84.25, Fri 6.25, Sat 4.25, Sun 72.0 — a week 413.17;
    // Monday and Wednesday share a curve, so their stream has 85.0 + 77.75 = 162.75 a week.
    expect(o.stdout).toContain('  he-NE: 1560 offered in 29 days with records, 413.2 a week (Mon,Wed 162.8, Tue 83.67, Thu 84.25, Fri 6.25, Sat 4.25, Sun 72); handle ');
  });
});
