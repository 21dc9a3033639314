// A scenario of the whole centre back-tested on the records of some of its queues simulates every
// queue's contacts and compares them with those queues' alone: the bank's January scenario on its
// 156 English (PE) calls read contacts offered +60.8 an hour, MAPE 6,335%, and an abandon rate 81
// points high, with nothing said why. The back-test now warns, naming the queues the records never
// mention. Data: the Technion SEE Center's "Anonymous Bank" call log, January 1999 (Avi
// Mandelbaum; Guedj and Mandelbaum, 2000), its first week in test/fixtures (see its README).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';

const WEEK = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-week1.tsv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'followsun-backtest-queues-'));
const SCENARIO = join(dir, 'week1.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The week's rows of the given service types (header kept), as a file of their own. */
function typesOnly(types: string[], name: string): string {
  const lines = readFileSync(WEEK, 'utf8').trimEnd().split('\n');
  const type = lines[0].split('\t').indexOf('type');
  const path = join(dir, name);
  writeFileSync(path, [lines[0], ...lines.slice(1).filter((l) => types.includes(l.split('\t')[type]))].join('\n') + '\n');
  return path;
}

beforeAll(async () => {
  const o = await followsun('import', WEEK, '--out', SCENARIO);
  expect(o.status).toBe(0);
});

describe('a back-test of the whole centre on the records of one queue', () => {
  it('warns that the other queues are simulated and compared with nothing, naming them', async () => {
    const o = await followsun('backtest', SCENARIO, typesOnly(['PE'], 'english.tsv'), '--replications', '2');
    expect(o.status).toBe(0);
    expect(o.stderr).toContain(
      "followsun backtest: warning: the scenario's queues he-PS, he-TT, he-NW, he-NE, he-IN have no record in " +
        `${join(dir, 'english.tsv')}: their contacts are simulated but not in the records, so every figure counts them against nothing`,
    );
  });

  it('names a single queue missing as one', async () => {
    const o = await followsun('backtest', SCENARIO, typesOnly(['PS', 'PE', 'NE', 'NW', 'IN'], 'no-callbacks.tsv'), '--replications', '2');
    expect(o.status).toBe(0);
    expect(o.stderr).toContain("warning: the scenario's queue he-TT has no record in ");
  });
});

describe('a back-test on the records the scenario was fitted to', () => {
  it('says nothing of the kind', async () => {
    const o = await followsun('backtest', SCENARIO, WEEK, '--replications', '2');
    expect(o.status).toBe(0);
    expect(o.stderr).not.toContain('no record in');
  });
});
