// Outputs the first audit (outputs.test.ts) did not try: run --csv writes tables named
// after the scenario into a folder, and a scenario file with a table's name there
// (01-x-summary.csv) was replaced by its own summary. The input is kept and the run says why.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunMany, oneQueue, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('csv-output');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run --csv', () => {
  it('does not write a table over a scenario file of the same name', () => {
    mkdirSync(join(dir, 'tables'));
    const text = JSON.stringify({ ...oneQueue(), name: 'x' });
    writeFileSync(join(dir, 'tables', '01-x-summary.csv'), text);
    const [o] = followsunMany([{ args: ['run', 'tables/01-x-summary.csv', '--csv', 'tables'], cwd: dir }]);
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([
      'tables/01-x-summary.csv: cannot write its tables to --csv tables (tables/01-x-summary.csv is an input of this command; writing it would replace it — name another file)',
    ]);
    expect(readFileSync(join(dir, 'tables', '01-x-summary.csv'), 'utf8')).toBe(text);
  });
});

describe('two outputs of one command naming one file', () => {
  it('are refused before simulating (sweep --out x.html --report x.html kept the chart and lost the table)', () => {
    writeFileSync(join(dir, 'one.json'), JSON.stringify(oneQueue()));
    const open = oneQueue();
    delete open.staffing[0].agents;
    open.staffing[0].shifts = [{ days: 'daily', start: '00:00', end: '24:00', agents: 'auto' }];
    writeFileSync(join(dir, 'open.json'), JSON.stringify(open));
    symlinkSync('both.html', join(dir, 'link.html'));
    const cases: [string[], string][] = [
      [['sweep', 'one.json', '--vary', 'staffing.team.agents=5..6:1', '--out', 'both.html', '--report', 'both.html'], 'followsun: --report both.html: is also --out'],
      [['sweep', 'one.json', '--vary', 'staffing.team.agents=5..6:1', '--out', 'both.html', '--report', 'link.html'], 'followsun: --report link.html: is also --out'],
      // --csv made a folder of the name, then --out could not be written: "cannot write it (EISDIR)".
      [['run', 'one.json', '--out', 'out/x.json', '--csv', 'out/x.json'], 'followsun: --csv out/x.json: is also --out'],
      [['plan', 'open.json', '--out', 'plan.html', '--report', 'plan.html'], 'followsun: --report plan.html: is also --out'],
    ];
    const outcomes = followsunMany(cases.map(([args]) => ({ args, cwd: dir })));
    outcomes.forEach((o, k) => {
      expectHandled(o, 2);
      expect(problemLines(o.stderr)).toEqual([`${cases[k][1]}, and one would replace the other — give each its own path`]);
      expect(o.stderr).not.toMatch(/Simulating|Planning/);
    });
    expect(existsSync(join(dir, 'both.html')) || existsSync(join(dir, 'out')) || existsSync(join(dir, 'plan.html'))).toBe(false);
  });
});
