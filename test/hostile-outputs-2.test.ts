// Outputs the first audit (hostile-outputs.test.ts) did not try: run --csv writes tables named
// after the scenario into a folder, and a scenario file with a table's name there
// (01-x-summary.csv) was replaced by its own summary. The input is kept and the run says why.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunMany, oneQueue, problemLines, tempDir } from './hostile-support';

const dir = tempDir('hostile-outputs-2');
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
